"""Findings a planner would sign (issue 14.6) and outputs through a words object (14.7).

"At a glance" names only need-directed indicators (rates, shares, the index); a count such as
children is shown, ranked and compared per resident, never called "least favourable 20 %" and
never "3.0× city value" of a median count. Checked on synthetic data and on the Flensburg and
Berlin sample tables.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.formatting import format_number, format_value
from sozialraum_plugin.core.language import PlainWords
from sozialraum_plugin.core.profiles.findings import findings, need_directed
from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.publish.note import method_note, rule_line
from sozialraum_plugin.core.series.indicators import Indicator
from sozialraum_plugin.core.tables.read import read_table

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


class DictWords:
    """A German words object as the .qm would give it, for the few strings checked here."""

    GERMAN = {
        ("Findings", "{ratio} city value"): "{ratio} Stadtwert",
        ("Findings", "rank {r} of {n}"): "Rang {r} von {n}",
        ("Findings", "least favourable {p} %"): "ungünstigste {p} %",
        ("Findings", "most favourable {p} %"): "günstigste {p} %",
        ("Numbers", "no data"): "keine Daten",
        ("Profile", "{ratio} per resident"): "{ratio} je Einwohner",
        ("MethodNote", "Counts from 1 to below {t} are not shown (·)."):
            "Fallzahlen von 1 bis unter {t} werden nicht ausgewiesen (·).",
    }

    def __init__(self, lang: str = "de"):
        self.lang = lang

    def translate(self, context: str, text: str) -> str:
        return self.GERMAN.get((context, text), text)


def _flensburg() -> pd.DataFrame:
    base = SAMPLE / "flensburg"
    people = read_table(base / "tab_5_einwohner_in_stadtteilen_2021_nach_altersgruppen.csv", key_columns=["id"]).frame
    sgb = read_table(base / "tab_18_regelleistungsberechtigte_sgb2.csv", key_columns=["Stadtteil_ID"]).frame
    frame = people.merge(sgb, left_on="id", right_on="Stadtteil_ID")
    return frame[["id", "stadtteil", "gesamt", "unter_18", "Anzahl_2021", "Anteil_in_%_2021"]]


FLENSBURG_INDICATORS = [
    Indicator("Anteil_in_%_2021", "SGB-II-Quote", "%", 1),
    Indicator("Anzahl_2021", "Regelleistungsberechtigte", "", 1, decimals=0, kind="count"),
    Indicator("unter_18", "Kinder und Jugendliche", "", 1, decimals=0, kind="count"),
]


def test_need_directed_only_rates_and_values_with_a_direction():
    assert need_directed(Indicator("q", unit="%", direction=1))
    assert need_directed(Indicator("status_index", direction=1))
    assert not need_directed(Indicator("kinder", direction=1, kind="count"))
    assert not need_directed(Indicator("kita", direction=0))


def test_flensburg_counts_are_never_findings_but_compared_per_resident():
    frame = _flensburg()
    profiles = compute_profiles(frame, FLENSBURG_INDICATORS,
                                ProfileOptions(name="stadtteil", key="id", population="gesamt", min_population=300))
    text = "\n".join(profiles.districts["findings_en"])
    assert "Kinder und Jugendliche" not in text and "Regelleistungsberechtigte" not in text
    assert "SGB-II-Quote" in text and "least favourable" in text
    children = profiles.indicators[2]
    cells = profiles.cells["unter_18"]
    per_resident = frame["unter_18"] / frame["gesamt"]
    city = frame["unter_18"].sum() / frame["gesamt"].sum()
    shown = cells["status"] == "ok"
    assert np.allclose(cells.loc[shown, "ratio"].astype(float), (per_resident / city)[shown].astype(float))
    assert abs(profiles.city["unter_18"].per_resident - city) < 1e-12
    deviation = profiles.deviation_text(children, "en")
    row = int(frame.index[frame["stadtteil"] == "Neustadt"][0])
    expected = f"{format_number((per_resident / city)[row], 1, lang='en')}× per resident"
    assert deviation[row] == expected
    # nothing like '3.0× city value' from a median count in the table or the findings
    assert not any("city value" in t for t in deviation)
    # the count is still ranked among the districts
    assert profiles.rank_text(children, "en")[row].endswith(f"of {int(shown.sum())}")


def test_flensburg_findings_in_german_through_the_words():
    profiles = compute_profiles(_flensburg(), FLENSBURG_INDICATORS,
                                ProfileOptions(name="stadtteil", key="id", population="gesamt"))
    lines = findings(profiles, DictWords("de"))
    text = "\n".join(lines)
    assert "ungünstigste 20 %" in text or "ungünstigste 10 %" in text
    for line in text.splitlines():
        if "ungünstigste" in line or "günstigste" in line:
            assert line.startswith("SGB-II-Quote ")
            assert "Stadtwert, Rang" in line and "." not in line.split("—")[0].replace("SGB-II-Quote", "")


def test_berlin_context_count_never_a_finding():
    base = SAMPLE / "berlin"
    mss = read_table(base / "mss_2021_joined.csv", key_columns=["PLR_ID"]).frame
    people = read_table(base / "einwohnerbestand_2022-06_plr_semikolon.csv", key_columns=["PLR-ID"]).frame
    frame = mss.merge(people, left_on="PLR_ID", right_on="PLR-ID").reset_index(drop=True)
    indicators = [Indicator("S1", "Arbeitslosigkeit", "%", 1), Indicator("S3", "Transferbezug", "%", 1),
                  Indicator("KI_10", "Wohndauer über 5 Jahre", "%", -1),
                  Indicator("unter6", "Kinder unter 6", "", 1, decimals=0, kind="count")]
    profiles = compute_profiles(frame, indicators, ProfileOptions(name="PLR_NAME", key="PLR_ID", population="EW"))
    text = "\n".join(profiles.districts["findings_en"])
    assert "Kinder unter 6" not in text
    assert text.count("least favourable") > 50 and "Arbeitslosigkeit" in text
    ratios = profiles.cells["unter6"]["ratio"].dropna()
    assert len(ratios) > 400 and 0.8 < ratios.median() < 1.2  # per resident: around 1 for the typical area


@pytest.mark.parametrize("lang, text", [("de", "1.234,5 %"), ("en", "1,234.5 %")])
def test_one_formatter_for_both_languages(lang, text):
    assert format_value(1234.5, "%", lang=lang) == text
    assert format_value(1234.5, "%", lang=PlainWords(lang)) == text


def test_method_note_in_the_words_given():
    from sozialraum_plugin.core.publish.rule import publication_rule

    frame = pd.DataFrame({"n": [1.0, 5.0, 8.0]})
    pub = publication_rule(frame, [], counts=["n"], threshold=3.5)
    assert "Counts from 1 to below 3.5 are not shown" in method_note(pub, "en")
    assert "Fallzahlen von 1 bis unter 3,5 werden nicht ausgewiesen" in method_note(pub, DictWords("de"))
    assert rule_line(3, 300, DictWords("de")).startswith("Fallzahlen von 1 bis unter 3 ")


def test_per_resident_ratio_never_from_a_hidden_population():
    """'1.2× per resident' is count / population against the city's: where the population is
    hidden (the office's '·', a complementary cell of the report's rule), the ratio would give it
    back (population ≈ count / (ratio × city per resident)); the page prints its population as '·'."""
    frame = pd.DataFrame({"id": ["1", "2", "3", "4"], "name": list("ABCD"),
                          "ew": [1000, 2000, 1500, 800], "kinder": [100, 150, 300, 60]})
    hidden = pd.DataFrame({"ew": [False, True, False, False]})  # e.g. the report's suppressed_fields
    profiles = compute_profiles(frame, [Indicator("kinder", "Kinder", direction=0, kind="count", decimals=1)],
                                ProfileOptions(name="name", key="id", population="ew", min_population=300,
                                               hidden=hidden))
    assert profiles.cells["kinder"]["status"].tolist() == ["ok"] * 4  # the count itself is shown
    ratio = profiles.cells["kinder"]["ratio"]
    assert np.isnan(ratio.iloc[1]), ratio.tolist()
    assert ratio.drop(index=1).notna().all()
    assert profiles.deviation_text(profiles.indicators[0], PlainWords("en")).iloc[1] != \
        profiles.deviation_text(profiles.indicators[0], PlainWords("en")).iloc[0]


def test_method_note_says_why_parents_are_hidden_only_on_a_parent_level():
    from sozialraum_plugin.core.publish.rule import publication_rule

    pub = publication_rule(pd.DataFrame({"n": [1.0, 5.0, 8.0]}), [], counts=["n"], threshold=3)
    assert "districts' own report stays protected" in method_note(pub, "en", parents=True)
    assert "own report" not in method_note(pub, "en")
