"""The Berlin sample report with its "supply" section (Kitas × children under 6, 1 km 2SFCA,
need × MSS status): the need × supply map in Karten.pdf, supply rows on the profile pages, and no
hidden supply value in any published file (PLR 03300515 has 38 residents and 4 children under 6:
its 120 places make 30,000 per 1,000 children, which must not come out)."""
from __future__ import annotations

import re
import subprocess

import pytest
from disclosure_support import pdf_pages, published_files, published_texts
from qgis.core import QgsVectorLayer

SMALL = "03300515"


@pytest.fixture(scope="module")
def report(provider, sample_dir, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("supply_report")
    result = processing.run("sozialraum:report", {
        "DEFINITION": str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"), "OUTPUT_FOLDER": str(out)})
    return out, result


def test_the_supply_step_ran_on_every_kita(report):
    out, result = report
    assert result["SUPPLY_FACILITIES"] == 2893 and result["SUPPLY_OUTSIDE"] == 0
    layer = QgsVectorLayer(str(out / "sozialraum_intern.gpkg") + "|layername=sozialraum_intern", "i", "ogr")
    rows = {f["PLR_ID"]: f for f in layer.getFeatures()}
    assert sum(int(f["supply_count"]) for f in rows.values()) == 2893
    assert sum(float(f["supply_capacity"]) for f in rows.values()) == 199851
    assert rows[SMALL]["supply_per_1000"] == pytest.approx(30000)  # raw value kept internally


def test_map_pdf_has_the_need_by_supply_map(report, tmp_path):
    out, _ = report
    pages = pdf_pages(out / "Karten.pdf")
    page = next(n for n, text in enumerate(pages) if "Kita-Versorgung" in text)
    text = pages[page]
    for label in ("hoher Bedarf", "knapp"):  # the subtitle of the definition
        assert label in text
    assert re.search(r"\(n = \d+\)", text)  # legend with counts per category
    assert any("Kita-Plätze je 1.000 Kinder unter 6" in p for p in pages)
    png = tmp_path / "need_supply"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page + 1), "-l", str(page + 1),
                    str(out / "Karten.pdf"), str(png)], check=True)
    pictures = list(tmp_path.glob("need_supply*.png"))
    assert pictures and pictures[0].stat().st_size > 10_000  # a map, not a blank page


def test_categorized_renderer_uses_the_supply_codes(report):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

    out, _ = report
    project = QgsProject()
    assert project.read(str(out / "Sozialbericht.qgz"))
    found = [layer for layer in project.mapLayers().values()
             if isinstance(layer.renderer() if hasattr(layer, "renderer") else None, QgsCategorizedSymbolRenderer)
             and 'ELSE "supply_category"' in layer.renderer().classAttribute()]
    assert len(found) == 1
    categories = found[0].renderer().categories()
    assert [str(c.value()).split(".")[0] for c in categories] == ["1", "2", "3", "4"]
    # fixed colours: high need with low supply dark red, lower need with supply met dark blue
    assert categories[0].symbol().color().name() == "#b2182b" and categories[3].symbol().color().name() == "#2166ac"
    project.clear()


def test_profile_pages_show_the_supply_rows(report):
    out, _ = report
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    first = pages[0]
    for row in ("Kitas", "Kita-Plätze je 1.000", "Erreichbare Kita-Plätze"):
        assert row in first
    small = next(p for p in pages if SMALL in p)
    line = next(line for line in small.splitlines() if "Kita-Plätze je 1.000" in line)
    assert "·" in line and "30.000" not in line


def test_no_hidden_supply_value_in_any_published_file(report):
    out, _ = report
    layer = QgsVectorLayer(str(out / "sozialraum.gpkg") + "|layername=sozialraum", "p", "ogr")
    small = next(f for f in layer.getFeatures() if f["PLR_ID"] == SMALL)
    for name in ("supply_per_1000", "supply_access", "supply_coverage", "supply_category", "unter6"):
        assert small[name] is None or str(small[name]) == "NULL", name
    forms = ("30.000", "30000", "346.8208", "346,82")  # per 1,000 and the access score of 03300515
    scanned = 0
    for path in published_files(out):
        texts = published_texts(path)
        for text in texts or []:
            scanned += 1
            for form in forms:
                assert re.search(r"(?<![\w,.\-])" + re.escape(form) + r"(?![\w])", text) is None, (path.name, form)
    assert scanned > 500
