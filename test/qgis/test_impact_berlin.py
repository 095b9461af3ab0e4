"""sozialraum:impact on Berlin's 542 Planungsräume with MSS 2021's changes D1, D3, D4 (2018–2020,
percentage points, given as they are: no years). The funded PLR are an EXAMPLE for the test: ten
Bezirksregionen of Moabit, Wedding and Nord-Neukölln by an expression on the PLR key. Enough
districts for an interval; numbers checked with pandas on the source CSV, with and without weights."""
from __future__ import annotations

import re
import subprocess
import time
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
REGIONS = ("012005", "012006", "013007", "013008", "014010", "081001", "081002", "081003", "081004", "081005")
EXPRESSION = f"left(\"PLR_ID\", 6) IN {REGIONS}"
IDS = ["indicator", "label", "base_year", "year", "n_funded", "n_rest", "funded_before", "funded_after",
       "funded_change", "funded_pooled", "rest_before", "rest_after", "rest_change", "rest_pooled", "did", "lower",
       "upper", "note"]
INDICATORS = ('[{"id": "D1", "label": "Veränderung Arbeitslosigkeit", "unit": "%-Pkt.", "decimals": 2}, '
              '{"id": "D3", "label": "Veränderung Transferbezug", "unit": "%-Pkt.", "decimals": 2}, '
              '{"id": "D4", "label": "Veränderung Kinderarmut", "unit": "%-Pkt.", "decimals": 2}]')


@pytest.fixture(scope="module")
def joined(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("impact_berlin") / "berlin.gpkg"
    processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "mss_2021_joined.csv"), "TABLE_KEY": "PLR_ID", "FIELDS": "EW,D1,D3,D4",
        "OUTPUT": str(out)})
    return out


def _hand(weights: bool = False) -> dict:
    mss = pd.read_csv(BERLIN / "mss_2021_joined.csv", dtype={"PLR_ID": str})
    funded = mss["PLR_ID"].str[:6].isin(REGIONS)
    out = {}
    for ind in ("D1", "D3", "D4"):
        means = []
        for group in (funded, ~funded):
            part = mss[group & mss[ind].notna()]
            if weights:
                part = part[part["EW"] > 0]
                means.append(np.average(part[ind], weights=part["EW"]))
            else:
                means.append(part[ind].mean())
        known = mss[ind].notna()
        out[ind] = (means[0] - means[1], int((funded & known).sum()), int((~funded & known).sum()))
    return out


def _rows(path) -> dict:
    import openpyxl

    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    return {r[0]: dict(zip(IDS, r)) for r in rows[1:]}


def test_berlin_example_regions_against_pandas(joined, tmp_path):
    import processing

    started = time.perf_counter()
    result = processing.run("sozialraum:impact", {
        "INPUT": str(joined), "KEY_FIELD": "PLR_ID", "INDICATORS": INDICATORS, "FUNDED_EXPRESSION": EXPRESSION,
        "OUTPUT": str(tmp_path / "Wirkung.xlsx"), "CHART": str(tmp_path / "Wirkung.pdf"), "LANGUAGE": "de"})
    seconds = time.perf_counter() - started
    assert result["FUNDED"] == 48 and result["OTHER"] == 542 - 48
    rows, hand = _rows(tmp_path / "Wirkung.xlsx"), _hand()
    for ind, (did, n_funded, n_rest) in hand.items():
        row = rows[ind]
        assert (row["n_funded"], row["n_rest"]) == (n_funded, n_rest)
        assert row["did"] == pytest.approx(did, abs=1e-9)
        assert row["lower"] < row["did"] < row["upper"]
        assert row["base_year"] is None  # a change given as it is
    pdf = tmp_path / "Wirkung.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    text = " ".join(unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                                                 text=True).stdout).split())
    assert "Veränderung Kinderarmut (%-Pkt.)" in text and "n = 48" in text
    print("\nBerlin " + "; ".join(f"{i} DiD {rows[i]['did']:+.3f} [{rows[i]['lower']:+.3f}, {rows[i]['upper']:+.3f}]"
                                  for i in hand) + f" in {seconds:.2f} s")


def test_berlin_weighted_by_population(joined, tmp_path):
    import processing

    processing.run("sozialraum:impact", {
        "INPUT": str(joined), "KEY_FIELD": "PLR_ID", "INDICATORS": "D1,D4", "FUNDED_EXPRESSION": EXPRESSION,
        "POPULATION_FIELD": "EW", "OUTPUT": str(tmp_path / "gewichtet.xlsx"), "SEED": 3})
    rows, hand = _rows(tmp_path / "gewichtet.xlsx"), _hand(weights=True)
    for ind in ("D1", "D4"):
        assert rows[ind]["did"] == pytest.approx(hand[ind][0], abs=1e-9)
    again = tmp_path / "again.xlsx"
    processing.run("sozialraum:impact", {
        "INPUT": str(joined), "KEY_FIELD": "PLR_ID", "INDICATORS": "D1,D4", "FUNDED_EXPRESSION": EXPRESSION,
        "POPULATION_FIELD": "EW", "OUTPUT": str(again), "SEED": 3})
    assert _rows(again)["D1"]["lower"] == rows["D1"]["lower"]  # the seed gives the same interval


def test_bad_input_is_named(joined, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    base = {"INPUT": str(joined), "KEY_FIELD": "PLR_ID", "OUTPUT": str(tmp_path / "x.csv")}
    with pytest.raises(QgsProcessingException, match="exactly one of FUNDED_FIELD"):
        processing.run("sozialraum:impact", {**base, "INDICATORS": "D1"})
    with pytest.raises(QgsProcessingException, match="S9 has no values"):
        processing.run("sozialraum:impact", {**base, "INDICATORS": "S9", "FUNDED_EXPRESSION": EXPRESSION})
    with pytest.raises(QgsProcessingException, match="PLR_NAME of district .* holds"):
        processing.run("sozialraum:impact", {**base, "INDICATORS": "D1", "FUNDED_FIELD": "PLR_NAME"})
    assert not (tmp_path / "x.csv").exists()
