"""Review: the parent column on a profile page (issue 15 part 5) leaves the indicator names
readable. With counts ('169 Personen' in four columns) the extra column squeezed the names to
'Auslä…', 'Jugen…', 'Kinde…': the planner could not tell the rows apart."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
LABELS = ("Ausländeranteil", "Jugendliche", "Kinder unter 6")


@pytest.mark.parametrize("lang, heading", [("de", "Übergeordnet"), ("en", "Parent area")])
def test_names_stay_readable_beside_the_parent_column(provider, tmp_path, lang, heading):
    import processing

    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "OUTPUT": str(tmp_path / "plr.gpkg")})
    rates = "aq=ausländer/Gesamt;jq=15-18/Gesamt"
    with_rates = processing.run("sozialraum:indicators", {
        "INPUT": joined["OUTPUT"], "KEY_FIELD": "PLR_ID", "RATES": rates, "OUTPUT": str(tmp_path / "rates.gpkg")})
    pdf = tmp_path / "profile.pdf"
    processing.run("sozialraum:profilesheets", {
        "INPUT": with_rates["OUTPUT"], "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
        "FIELDS": ["aq", "jq", "unter6"],
        "RATES": rates, "LABELS": "aq=Ausländeranteil|%|1;jq=Jugendliche|%|1;unter6=Kinder unter 6|Personen|0",
        "POPULATION_FIELD": "Gesamt", "PARENT_FIELD": "BEZ", "FILTER_EXPRESSION": "\"PLR_ID\" = '01100101'",
        "LANGUAGE": lang, "OUTPUT": str(pdf)})
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert heading in text
    rows = [line.strip() for line in text.splitlines() if " von 537" in line or " of 537" in line]
    assert len(rows) == 3 and ("35.9 %" in rows[0] or "35,9 %" in rows[0]), rows  # Bezirk Mitte's share
    for label, row in zip(LABELS, rows):  # the table's rows (the legend below names them too)
        assert row.startswith(label), (label, row)
