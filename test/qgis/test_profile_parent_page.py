"""A profile page compares a Planungsraum with its Bezirk and with Berlin (pdftotext of the PDF)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"


@pytest.fixture(scope="module")
def pages(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("parent_page")
    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "OUTPUT": str(out / "plr.gpkg")})
    rates = processing.run("sozialraum:indicators", {
        "INPUT": joined["OUTPUT"], "KEY_FIELD": "PLR_ID", "RATES": "aq=ausländer/Gesamt",
        "OUTPUT": str(out / "rates.gpkg")})
    pdf = out / "profile.pdf"
    processing.run("sozialraum:profilesheets", {
        "INPUT": rates["OUTPUT"], "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID", "FIELDS": ["aq"],
        "RATES": "aq=ausländer/Gesamt", "LABELS": "aq=Ausländeranteil|%|1", "PARENT_FIELD": "BEZ",
        "PARENT_TITLE": "Bezirk", "FILTER_EXPRESSION": "\"PLR_ID\" IN ('01100101', '12601235')",
        "LANGUAGE": "en", "OUTPUT": str(pdf)})
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


def _pooled(prefix: str | None) -> str:
    raw = pd.read_csv(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", sep=";", dtype=str,
                      encoding="utf-8-sig")
    if prefix:
        raw = raw[raw["PLR-ID"].str.startswith(prefix)]
    num = pd.to_numeric(raw["ausländer"], errors="coerce")
    den = pd.to_numeric(raw["Gesamt"], errors="coerce")
    use = num.notna() & den.notna() & (den > 0)
    return f"{num[use].sum() / den[use].sum() * 100:.1f} %"


def test_page_shows_district_parent_and_city(pages):
    mitte, reinickendorf = (p for p in pages if p.strip())
    assert "Stülerstraße" in mitte and "Bezirk" in mitte and "City" in mitte
    city = _pooled(None)
    line = next(row for row in mitte.splitlines() if "Ausländeranteil" in row)
    assert re.search(re.escape(city) + r"\s+" + re.escape(_pooled("01")), line), line  # city, then Bezirk Mitte
    line = next(row for row in reinickendorf.splitlines() if "Ausländeranteil" in row)
    assert re.search(re.escape(city) + r"\s+" + re.escape(_pooled("12")), line), line
    assert _pooled("01") != _pooled("12")
