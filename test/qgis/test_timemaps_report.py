"""Maps over time in the report: a definition whose map entries name an indicator's years (pooled
breaks, one page of small multiples) and a change classed without a method (symmetric around 0);
Karten.pdf and Sozialbericht.qgz opened in a QGIS without the plugin; the report builder keeps them.
"""
from __future__ import annotations

import subprocess

import pytest
from qgis.core import QgsLayoutItemMap, QgsProject
from test_timemaps import COUNTS, SHARES, YEARS, bounds, pdf_pages, pdftext, thematic_layers

# --- the report: a definition with years and a change ------------------------------------------------

def years_definition(sample_dir, folder) -> str:
    """Flensburg's definition with tab_18's shares of 2018–2021, their change as an indicator, a
    small-multiples map of the years (pooled) and a change map classed without a method."""
    import json

    sample = sample_dir / "flensburg"
    data = json.loads((sample / "sozialatlas_flensburg_2022.json").read_text(encoding="utf-8"))
    data["boundaries"] = str(sample / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(sample / table["path"])
        if "tab_18" in table["path"]:
            table["fields"] = COUNTS + SHARES
    data["indicators"].append({"id": "D_SGB2", "label": "Veränderung der SGB-II-Quote", "unit": "%-Pkt.",
                               "change_between": [2018, 2021], "base": "Anteil_in_%"})
    data["maps"] = [
        {"of": "Anteil_in_%", "years": list(YEARS), "breaks": "pooled", "classes": 4, "unit": "%",
         "title": "SGB-II-Quote 2018 bis 2021"},
        {"field": "D_SGB2", "title": "Veränderung der SGB-II-Quote 2018–2021", "classes": 4},
    ]
    data["clusters"], data["profiles"] = None, None
    path = folder / "zeitreihe.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("years_report")
    definition = years_definition(sample_dir, folder)
    result = processing.run("sozialraum:report", {"DEFINITION": definition, "OUTPUT_FOLDER": str(folder / "Bericht")})
    return folder / "Bericht", result


def test_report_maps_years_on_one_page_and_the_change_diverging(report):
    out, result = report
    maps = out / "Karten.pdf"
    assert pdf_pages(maps) == 2  # the small multiples (one page) and the change map
    first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(maps), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "SGB-II-Quote 2018 bis 2021" in first
    assert all(str(y) in first for y in YEARS) and "dieselben Klassen für 2018–2021" in first
    second = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(maps), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert "Veränderung der SGB-II-Quote 2018–2021" in second
    assert "Klassen symmetrisch um 0" in second and "bis +" in second and "%-Pkt." in second
    project = QgsProject.instance()
    manager = project.layoutManager()
    multiples = manager.layoutByName("Sozialraum \u2013 SGB-II-Quote 2018 bis 2021")
    assert len([i for i in multiples.items() if isinstance(i, QgsLayoutItemMap)]) == 4
    change = manager.layoutByName("Sozialraum \u2013 Veränderung der SGB-II-Quote 2018–2021")
    layers = thematic_layers(change.name())
    ranges = bounds(layers[0].renderer())
    assert [(-hi, -lo) for lo, hi in reversed(ranges)] == pytest.approx(ranges)


def test_report_project_opens_the_small_multiples_without_the_plugin(report, tmp_path):
    from test_report_project import open_plain

    out, _result = report
    found = open_plain(out / "Sozialbericht.qgz", tmp_path / "plain")
    assert found["plugins"] == []
    layout = found["layouts"]["Sozialraum \u2013 SGB-II-Quote 2018 bis 2021"]
    assert layout["ok"]
    kinds = [kind for kind, _id in layout["items"]]
    assert kinds.count("QgsLayoutItemMap") == 4 and kinds.count("QgsLayoutItemLegend") == 1
    assert all(layer["valid"] for layer in found["layers"].values())
    text = pdftext(layout["pdf"])
    assert all(str(y) in text for y in YEARS) and "SGB-II-Quote 2018 bis 2021" in text
    assert pdf_pages(layout["pdf"]) == 1


def test_report_builder_keeps_a_map_of_years_and_the_automatic_method(qgis_app):
    """The builder shows one field per map row: a hand-written map of several years keeps them, and a
    map without a method stays automatic (a change then stays diverging), through open and save."""
    from sozialraum_plugin.core.report.map_spec import MapSpec
    from sozialraum_plugin.gui.report_builder.maps_page import FIELD, MapsPage

    page = MapsPage()
    page.set_choices([("D3", "Dynamik"), ("S1", "Arbeitslosigkeit")])
    years = MapSpec(of="S3", years=[2019, 2020, 2021], breaks="pooled", title="Transfer", classes=4)
    page.load([years, MapSpec(field="D3", title="Dynamik"), MapSpec(field="S1", method="quantile")])
    specs = page.specs()
    assert specs[0] == years
    assert specs[1].method == "" and specs[2].method == "quantile"
    assert not page.problems()
    combo = page.table.cellWidget(0, FIELD)  # another field chosen: the row maps that field
    combo.setCurrentIndex(combo.findData("S1"))
    changed = page.specs()[0]
    assert changed.field == "S1" and not changed.of and not changed.years


@pytest.mark.parametrize("entry, indicator, method, unit", [
    ({"field": "D3"}, {"id": "D3", "unit": "%", "base": "S3", "change_between": [2019, 2021]}, "diverging", "Pp."),
    ({"field": "D3"}, {"id": "D3", "unit": "%-Pkt."}, "diverging", "%-Pkt."),
    ({"field": "D3", "method": "quantile"}, {"id": "D3", "unit": "%-Pkt."}, "quantile", "%-Pkt."),
    ({"field": "S3"}, {"id": "S3", "unit": "%"}, "jenks", "%"),
    ({"of": "S3", "years": [2019, 2021], "unit": "Prozent"}, {"id": "S3", "unit": "%"}, "jenks", "Prozent"),
])
def test_a_change_is_classed_around_zero_and_in_points_without_being_told(qgis_app, entry, indicator, method, unit):
    from sozialraum_plugin.core.report.definition import ReportDefinition
    from sozialraum_plugin.processing.algorithms.report_maps import map_method, map_unit

    d = ReportDefinition.from_dict({"title": "T", "boundaries": "b.shp", "key": "id", "indicators": [indicator],
                                    "maps": [entry]})
    spec = d.maps[0]
    ind = d.indicator(spec.indicator_id())
    assert map_method(spec, ind) == method
    assert map_unit(spec, ind, "de") == unit
