"""The χ² test for trend in proportions (core/series/trend.py) against a hand-computed case,
R's documented ``prop.trend.test`` example, an independent weighted-regression formula and
scipy's Pearson χ² of the same 2 × k table (the trend part is never larger)."""
from __future__ import annotations

import math
import time

import numpy as np
import pytest

from sozialraum_plugin.core.series.trend import chi2_sf_1, trend_test, untested

SMOKERS, PATIENTS = [83, 90, 129, 70], [86, 93, 136, 82]  # R: example(prop.trend.test)


def test_hand_computed_case():
    # N = 300, p̄ = 0.2, x̄ = 1; T = −10 + 30 = 20; Var = 0.2·0.8·(100 + 100) = 32; χ² = 400/32
    out = trend_test([10, 20, 30], [100, 100, 100], [2019, 2020, 2021]).iloc[0]
    assert out.statistic == pytest.approx(12.5)
    assert out.p_value == pytest.approx(math.erfc(2.5))  # √(12.5/2) = 2.5
    assert out.p_value == pytest.approx(0.000406952, rel=1e-5)
    assert (out.direction, out.mark, out.years, out.reason) == (1, "rising", 3, "")


def test_r_prop_trend_test_example():
    """R documents X-squared = 8.2249, df = 1, p-value = 0.004132 for these counts (scores 1..4)."""
    out = trend_test(SMOKERS, PATIENTS, [1, 2, 3, 4]).iloc[0]
    assert out.statistic == pytest.approx(8.2249, abs=5e-5)
    assert out.p_value == pytest.approx(0.004132, abs=5e-7)
    assert out.mark == "falling" and out.direction == -1


def _regression_reference(r, n, x):
    """The same χ² written as R computes it: a weighted least-squares slope of the proportions
    on the scores, weights n / (p̄ q̄), statistic = slope² / var(slope)."""
    r, n, x = (np.asarray(v, dtype=float) for v in (r, n, x))
    p_bar = r.sum() / n.sum()
    w = n / (p_bar * (1 - p_bar))
    xm = (w * x).sum() / w.sum()
    slope = (w * (x - xm) * (r / n)).sum() / (w * (x - xm) ** 2).sum()
    return slope ** 2 * (w * (x - xm) ** 2).sum()


def test_against_regression_and_scipy_overall_chi2():
    scipy_stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(15)
    for _ in range(50):
        k = int(rng.integers(3, 11))
        n = rng.integers(20, 5000, size=k)
        r = rng.binomial(n, rng.uniform(0.02, 0.6))
        years = np.sort(rng.choice(np.arange(2005, 2025), size=k, replace=False))
        out = trend_test(r, n, years).iloc[0]
        assert out.statistic == pytest.approx(_regression_reference(r, n, years), rel=1e-9)
        overall = scipy_stats.chi2_contingency(np.vstack([r, n - r]), correction=False)[0]
        assert out.statistic <= overall + 1e-9
        assert out.p_value == pytest.approx(scipy_stats.chi2.sf(out.statistic, 1), rel=1e-9, abs=1e-300)
    overall = scipy_stats.chi2_contingency(np.vstack([SMOKERS, np.subtract(PATIENTS, SMOKERS)]), correction=False)
    assert overall[0] == pytest.approx(12.6, abs=0.05)  # R's prop.test on the same table: 12.6


def test_rows_are_districts_and_gaps_are_left_out():
    years = [2018, 2019, 2020, 2021]
    num = np.array([[2481, 2352, 2241, 2170],  # Flensburg Nordstadt, SGB II: a clear fall
                    [100, np.nan, 110, 120],  # a year without counts: the three others are tested
                    [5, np.nan, np.nan, 9],  # two years: no test
                    [np.nan] * 4])  # no counts
    den = np.array([[10295, 10226, 10327, 10743], [1000, 1000, 1000, 1000], [50, 50, 50, 50], [np.nan] * 4])
    out = trend_test(num, den, years, index=["N", "gap", "two", "none"])
    assert list(out.index) == ["N", "gap", "two", "none"]
    assert out.loc["N", "mark"] == "falling" and out.loc["N", "p_value"] < 1e-6
    assert out.loc["gap", "years"] == 3
    expected = trend_test([100, 110, 120], [1000, 1000, 1000], [2018, 2020, 2021]).statistic.iloc[0]
    assert out.loc["gap", "statistic"] == pytest.approx(expected)
    assert out.loc["two", "mark"] == "none" and out.loc["two", "reason"] == "fewer than 3 years"
    assert np.isnan(out.loc["two", "statistic"])
    assert out.loc["none", "reason"] == "no counts" and out.loc["none", "mark"] == "none"


def test_flat_and_constant_rows_and_alpha():
    out = trend_test([[50, 50, 50], [0, 0, 0]], [[1000, 1000, 1000], [10, 10, 10]], [1, 2, 3])
    assert list(out["mark"]) == ["none", "none"]
    assert out["statistic"].iloc[0] == 0 and out["p_value"].iloc[0] == 1
    assert out["reason"].iloc[1] == "no variation"  # p̄ = 0: nothing to test
    weak = trend_test([100, 105, 112], [1000, 1000, 1000], [1, 2, 3]).iloc[0]
    assert weak.mark == "none" and 0.05 < weak.p_value < 0.5
    assert trend_test([100, 105, 112], [1000, 1000, 1000], [1, 2, 3], alpha=0.5).iloc[0].mark == "rising"


def test_p_value_of_chi2_with_one_degree():
    assert chi2_sf_1(3.841458820694124) == pytest.approx(0.05, rel=1e-9)
    assert chi2_sf_1(0) == 1 and np.isnan(chi2_sf_1(np.nan))
    assert list(untested([1, 2]).mark) == ["none", "none"]


def test_fast_over_a_city_of_districts():
    rng = np.random.default_rng(1)
    n = rng.integers(100, 20000, size=(542, 10)).astype(float)
    r = rng.binomial(n.astype(int), 0.15).astype(float)
    r[rng.random(r.shape) < 0.05] = np.nan
    start = time.perf_counter()
    out = trend_test(r, n, list(range(2012, 2022)))
    assert time.perf_counter() - start < 0.1
    assert len(out) == 542 and out["statistic"].notna().all()
