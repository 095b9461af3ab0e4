"""core.publish.map_rule: what a standalone map declares, decided by the one publication rule."""
from __future__ import annotations

import pandas as pd

from sozialraum_plugin.core.publish.map_rule import map_publication, threshold_of

# Flensburg, births 2020 per Stadtteil (tab_2) and the birth rate 2020
BIRTHS = [41, 55, 145, 75, 56, 57, 46, 63, 81, 76, 129, 67, 49]
RATE = [40.0, 46, 61, 51, 37, 48, 50, 37, 42, 62, 52, 53, 47]


def test_declared_count_below_the_threshold_and_its_complementary_cell():
    frame = pd.DataFrame({"n": BIRTHS})
    pub = map_publication(frame, ["n"], counts=["n"], threshold=45)
    assert frame["n"][pub.hidden("n")].tolist() == [41, 46]  # 46: the city total would give 41 back
    assert set(pub.reasons["n"][pub.hidden("n")]) == {"small", "complementary"}
    assert threshold_of(pub, "n") == 45


def test_undeclared_field_is_a_value_and_nothing_is_hidden():
    pub = map_publication(pd.DataFrame({"n": BIRTHS}), ["n"], threshold=45)
    assert not pub.hidden("n").any()


def test_rate_hidden_through_its_numerator_alone_or_with_its_denominator():
    frame = pd.DataFrame({"q": RATE, "n": BIRTHS, "ew": [1000] * 13})
    alone = map_publication(frame, ["q"], rates={"q": ("n", None)}, threshold=45)
    pair = map_publication(frame, ["q"], rates={"q": ("n", "ew")}, threshold=45)
    for pub in (alone, pair):
        assert frame["q"][pub.hidden("q")].tolist() == [40.0, 50.0]
        assert set(pub.reasons["q"][pub.hidden("q")]) == {"derived"}


def test_cells_hidden_already_stay_hidden_and_get_a_partner():
    """The office's suppressed 55 (Neustadt): the smallest shown count (41) protects it."""
    frame = pd.DataFrame({"n": BIRTHS})
    hidden = pd.DataFrame({"n": [False, True] + [False] * 11})
    pub = map_publication(frame, ["n"], counts=["n"], threshold=3, hidden=hidden)
    assert pub.hidden("n").tolist()[:3] == [True, True, False]
    assert pub.reasons.at[1, "n"] == "source" and pub.reasons.at[0, "n"] == "complementary"
