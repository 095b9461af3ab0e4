"""core.publish.disclosure: minimum population, Wilson intervals, Empirical Bayes.

(Which cells may be published is the publication rule's: test_publish_rule.py.)"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.publish.disclosure import (
    empirical_bayes,
    minimum_population,
    wilson_interval,
)

try:  # property tests need hypothesis (installed in .venv, not in Debian's python)
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None


def test_minimum_population_mask_and_notes():
    out = minimum_population(pd.Series([38, 300, np.nan, 0, 299.5]))
    assert out["valid"].tolist() == [False, True, False, False, False]
    assert out["note"].tolist() == ["below 300 res. (38)", "", "population missing", "below 300 res. (0)",
                                    "below 300 res. (299,5)"]
    assert minimum_population([100], 50)["valid"].tolist() == [True]


def test_wilson_known_values():
    out = wilson_interval(pd.Series([5, 0, 10]), pd.Series([10, 10, 10]))
    assert out["lower"].tolist() == pytest.approx([0.236593, 0.0, 0.722467], abs=1e-6)
    assert out["upper"].tolist() == pytest.approx([0.763407, 0.277533, 1.0], abs=1e-6)
    pct = wilson_interval([5], [10], scale=100)
    assert pct["rate"].iloc[0] == 50.0 and pct["lower"].iloc[0] == pytest.approx(23.6593, abs=1e-4)


def test_wilson_edge_cases():
    out = wilson_interval([0, 1], [0, np.nan])
    assert out.isna().all().all()
    with pytest.raises(MethodError) as err:
        wilson_interval([5], [4])
    assert err.value.code == "count_invalid"
    with pytest.raises(MethodError) as err:
        wilson_interval([1], [4], level=95)
    assert err.value.code == "level_invalid"
    narrow, wide = wilson_interval([20], [100], 0.8), wilson_interval([20], [100], 0.99)
    assert wide["upper"].iloc[0] > narrow["upper"].iloc[0]


def test_empirical_bayes_by_hand():
    y, n = pd.Series([1.0, 10.0, 30.0, 0.0]), pd.Series([10.0, 100.0, 1000.0, 20.0])
    out = empirical_bayes(y, n)
    b = y.sum() / n.sum()
    r = y / n
    s2 = (n * (r - b) ** 2).sum() / n.sum()
    a = s2 - b / n.mean()
    w = a / (a + b / n)
    assert out["weight"].to_numpy() == pytest.approx(w.to_numpy())
    assert out["rate_eb"].to_numpy() == pytest.approx((b + w * (r - b)).to_numpy())
    assert out["weight"].iloc[2] > out["weight"].iloc[0]  # the big area keeps more of its own rate


def test_empirical_bayes_no_extra_variance_gives_global_rate():
    out = empirical_bayes([1, 2, 3], [100, 200, 300], scale=100)
    assert out["rate_eb"].tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert (out["weight"] == 0).all()


def test_empirical_bayes_zero_population_and_errors():
    out = empirical_bayes([1, 5, 0], [0, 100, 50])
    assert np.isnan(out["rate"].iloc[0]) and np.isnan(out["rate_eb"].iloc[0])
    with pytest.raises(MethodError) as err:
        empirical_bayes([0], [0])
    assert err.value.code == "too_few_areas"


if given is not None:

    @settings(max_examples=300, deadline=None)
    @given(st.integers(0, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
           st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999]))
    def test_property_wilson_contains_p_and_stays_in_unit_interval(xn, level):
        x, n = xn
        out = wilson_interval([x], [n], level)
        if n == 0:
            assert out.isna().all().all()
            return
        p, lo, hi = out.iloc[0]
        assert 0.0 <= lo <= p <= hi <= 1.0

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 5000)), min_size=2, max_size=40))
    def test_property_eb_shrinks_toward_global_rate(pairs):
        y = pd.Series([min(a, b) for a, b in pairs], dtype=float)
        n = pd.Series([b for _, b in pairs], dtype=float)
        out = empirical_bayes(y, n)
        b = y.sum() / n.sum()
        raw, eb = out["rate"], out["rate_eb"]
        assert ((eb - b).abs() <= (raw - b).abs() + 1e-12).all()
        assert (np.sign((eb - b).round(12)) * np.sign((raw - b).round(12)) >= 0).all()
        assert out["weight"].between(0, 1).all()

else:  # pragma: no cover

    @pytest.mark.skip(reason="hypothesis is not installed")
    def test_property_tests_need_hypothesis():
        pass
