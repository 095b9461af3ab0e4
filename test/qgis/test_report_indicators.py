"""sozialraum:report with a rate and a change computed from Flensburg's counts: index, maps,
profile pages and appendix use them; a missing input column stops the run before it writes."""
from __future__ import annotations

import csv
import json
import subprocess

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from sozialraum_plugin.core.formatting import format_value

# Nordstadt (STGT03) from the raw tables: SGB II 2021 / residents 2021; 2018 and 2020 likewise
NORD_RATE = 2170 / 12525 * 100
NORD_CHANGE = 2241 / 12291 * 100 - 2481 / 12073 * 100


def pdf_text(path, first=1, last=None) -> str:
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last or first), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def definition(sample_dir, **changes) -> dict:
    folder = sample_dir / "flensburg"
    data = {
        "title": "Flensburg: Quoten aus Zählwerten", "source_text": "Stadt Flensburg, Sozialatlas 2022",
        "boundaries": str(folder / "Stadtteile.shp"), "key": "AREA_ID", "name_field": "AREA_NAME",
        "tables": [
            {"path": str(folder / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv"), "key": "id",
             "fields": ["2018", "2020", "gesamt"]},
            {"path": str(folder / "tab_18_regelleistungsberechtigte_sgb2.csv"), "key": "Stadtteil_ID",
             "fields": ["Anzahl_2018", "Anzahl_2020", "Anzahl_2021"]},
        ],
        "indicators": [
            {"id": "sgb2_quote", "label": "SGB-II-Anteil an den Einwohnern", "unit": "%", "kind": "rate",
             "numerator": "Anzahl_2021", "denominator": "gesamt"},
            {"id": "d_sgb2", "label": "Veränderung SGB-II-Anteil 2018-2020", "unit": "Pp.", "kind": "rate",
             "numerator": "Anzahl", "denominator": "{year}", "change_between": [2018, 2020]},
            {"id": "Anzahl_2021", "label": "Regelleistungsberechtigte", "kind": "count"},
        ],
        "index": {"preset": "custom", "status": ["sgb2_quote"], "dynamic": ["d_sgb2"], "population": "gesamt"},
        "maps": [{"field": "sgb2_quote", "method": "jenks", "classes": 4, "title": "SGB-II-Anteil 2021"},
                 {"field": "d_sgb2", "method": "equal", "classes": 4, "title": "Veränderung 2018 bis 2020"}],
        "profiles": {"fields": ["sgb2_quote", "d_sgb2", "Anzahl_2021"], "title": "Stadtteilprofil"},
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("report_rates")
    path = folder / "definition.json"
    path.write_text(json.dumps(definition(sample_dir), ensure_ascii=False), encoding="utf-8")
    out = folder / "out"
    result = processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    return out, result


def test_report_layer_holds_the_computed_rate_change_and_index(report):
    out, result = report
    assert result["MATCHED"] == 13
    layer = QgsVectorLayer(f"{out / 'sozialraum.gpkg'}|layername=sozialraum", "r", "ogr")
    values = {f["AREA_ID"]: f for f in layer.getFeatures()}
    assert values["STGT03"]["sgb2_quote"] == pytest.approx(NORD_RATE)
    assert values["STGT03"]["d_sgb2"] == pytest.approx(NORD_CHANGE)
    assert all(f["status_class"] and f["dynamic_class"] for f in values.values())  # the index used both


def test_profile_page_prints_the_computed_values_and_the_pooled_city_rate(report, sample_dir):
    out, _ = report
    text = pdf_text(out / "Sozialraumprofile.pdf", 3)  # pages follow the key: STGT03 is the third
    assert "Nordstadt" in text
    assert format_value(NORD_RATE, "%", 1) in text  # 17,3 %
    assert format_value(NORD_CHANGE, "Pp.", 1) in text  # −2,3 Pp.
    # City value pooled over the rate's own denominator: Σ SGB II 2021 / Σ residents 2021
    with open(sample_dir / "flensburg" / "tab_18_regelleistungsberechtigte_sgb2.csv", encoding="utf-8") as f:
        sgb = sum(int(r["Anzahl_2021"]) for r in csv.DictReader(f))
    with open(sample_dir / "flensburg" / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv", encoding="utf-8") as f:
        residents = sum(int(r["gesamt"]) for r in csv.DictReader(f))
    assert format_value(sgb / residents * 100, "%", 1) in text
    assert "Summe der Zähler durch Summe der Nenner (SGB-II-Anteil an den Einwohnern)" in " ".join(text.split())


def test_maps_show_rate_and_change(report):
    out, _ = report
    text = pdf_text(out / "Karten.pdf", 1, 2)
    assert "SGB-II-Anteil 2021" in text and "Veränderung 2018 bis 2020" in text


def test_appendix_has_the_derived_columns(report):
    out, _ = report
    with open(out / "Tabellenanhang.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["AREA_ID"]: r for r in csv.DictReader(handle, delimiter=";")}
    # the appendix rounds to 2 decimals
    assert float(rows["STGT03"]["sgb2_quote"].replace(",", ".")) == pytest.approx(NORD_RATE, abs=0.005)
    assert "d_sgb2" in rows["STGT03"]


def test_missing_input_column_is_named_before_anything_is_written(provider, sample_dir, tmp_path):
    import processing

    broken = definition(sample_dir)
    broken["indicators"][0]["denominator"] = "einwohner_2021"
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    message = str(err.value)
    assert "sgb2_quote" in message and "einwohner_2021" in message and "Traceback" not in message
    assert not out.exists() or not any(out.iterdir())


def test_missing_column_of_a_table_without_field_list_is_found_by_reading_it(provider, sample_dir, tmp_path):
    import processing

    broken = definition(sample_dir)
    broken["tables"][1]["fields"] = []  # all columns of tab_18: Anzahl_2017 is not one of them
    broken["indicators"][1]["change_between"] = [2017, 2020]
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert "d_sgb2" in str(err.value) and "Anzahl_2017" in str(err.value)
