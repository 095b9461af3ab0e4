"""The profile layout after sozialraum:profilesheets: the sheet item's data, the layout left in
the project (exported again, saved and reopened, seen in the designer), templates, reruns and
separate files. Uses the session's Berlin sheets (conftest.py ``berlin_sheets``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from profile_support import page_count, page_text, run_sheets
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer


@pytest.fixture
def berlin(berlin_sheets):
    """The session's 542 Berlin sheets (conftest.py), under the name these tests grew up with."""
    return berlin_sheets


def test_page_chart_data_per_district(berlin):
    """The sheet item draws the page's spine chart from pr_spine: 6 rows of shares of the width."""
    layer = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"]).atlas().coverageLayer()
    by_key = {f["pr_key"]: json.loads(f["pr_spine"]) for f in layer.getFeatures()}
    assert len(by_key) == 542
    for rows in by_key.values():
        assert len(rows) == 6
        for a, b, qa, qb, dot, tone in rows:
            assert tone in ("worse", "better", "middle")
            for share in (a, b, qa, qb, dot):
                assert share is None or 0 <= share <= 1
    empty = berlin["table"][berlin["table"].S1.isna()].PLR_ID
    assert all(row[4] is None for key in empty for row in by_key[key])  # no dot without a value


def _layout(berlin):
    return QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])


def test_layout_left_in_project_still_draws_its_sheet(berlin, tmp_path):
    """After the algorithm returned, the layout in the project exports the same pages again: the
    sheet item's Python side must outlive the algorithm (it did not at first: sip let it go)."""
    import gc

    from qgis.core import QgsLayoutExporter

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings
    from sozialraum_plugin.gis.layouts.sheet_item import ProfileSheetItem

    gc.collect()
    layout = _layout(berlin)
    assert isinstance(layout.itemById("sr_sheet"), ProfileSheetItem)
    assert [type(i).__name__ for i in layout.items() if hasattr(i, "id") and i.id() == "sr_detail"] == \
        ["QgsLayoutItemMap"]
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100101'")
    try:
        assert atlas.updateFeatures() == 1
        out = tmp_path / "again.pdf"
        QgsLayoutExporter.exportToPdf(atlas, str(out), pdf_settings())
    finally:
        atlas.setFilterFeatures(False)
        atlas.updateFeatures()
    text = page_text(out, 1)
    assert text.strip().splitlines()[0].strip() == "Stülerstraße"
    assert "Auf einen Blick" in text and "4,23 %" in text and "Seite 1 von 1" in text


def test_sheet_item_in_the_designer_without_atlas_feature(berlin):
    """With no atlas feature (the designer without atlas preview) the item shows field names in
    their place and still draws the page: band, stripes, city picture."""
    from qgis.core import QgsFeature, QgsLayoutExporter, QgsPrintLayout
    from qgis.PyQt.QtCore import QRectF

    from sozialraum_plugin.gis.layouts.sheet_item import ProfileSheetItem, _Values

    spec = _layout(berlin).itemById("sr_sheet").spec
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    item = ProfileSheetItem(layout, spec)
    layout.addLayoutItem(item)
    item.attemptSetSceneRect(QRectF(0, 0, 210, 297))
    assert _Values(QgsFeature(), layout).fill("{pr_title} {{x}} {page}") == "\u2039pr_title\u203a {x} #"
    image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=50)
    band = image.pixelColor(int(5 / 25.4 * 50), int(5 / 25.4 * 50))
    assert band.name() == "#1d3557"
    assert image.pixelColor(int(150 / 25.4 * 50), int(80 / 25.4 * 50)).name() != "#ffffff"  # the city


def test_project_with_profile_layout_reads_back(berlin, tmp_path):
    """Saved in a project and read again (as a person reopens it): the sheet keeps its spec and
    finds the city picture through the project's relative paths."""
    from qgis.core import QgsLayoutExporter, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

    project = QgsProject()
    doc = tmp_path / "bericht.qgs"
    source = _layout(berlin)
    project.addMapLayer(QgsVectorLayer(source.atlas().coverageLayer().source(), "profiles", "ogr"))
    clone = source.clone()
    clone.atlas().setCoverageLayer(list(project.mapLayers().values())[0])
    project.layoutManager().addLayout(clone)
    assert project.write(str(doc))
    saved = doc.read_text(encoding="utf-8")
    assert "sozialraumSpec" in saved and "city.png" in saved
    again = QgsProject()
    assert again.read(str(doc))
    layout = again.layoutManager().layouts()[0]
    sheet = layout.itemById("sr_sheet")
    assert Path(sheet.spec["locator"]["image"]).is_file()
    assert len(sheet.spec["texts"]) == len(_layout(berlin).itemById("sr_sheet").spec["texts"])
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100102'")
    assert atlas.updateFeatures() == 1
    out = tmp_path / "reopened.pdf"
    assert QgsLayoutExporter.exportToPdf(atlas, str(out), pdf_settings())[0] == QgsLayoutExporter.ExportResult.Success
    text = page_text(out, 1)
    assert "Großer Tiergarten" in text and "Auf einen Blick" in text
    again.clear()
    project.clear()


def test_rerun_replaces_layout_and_layer(berlin, tmp_path):
    # same file stem, so the same layout name: it is replaced, not added a second time
    params = dict(berlin["params"], FILTER_EXPRESSION="\"PLR_ID\" LIKE '011%'",
                  OUTPUT=str(tmp_path / "berlin.pdf"))
    name = berlin["result"]["LAYOUT"]
    run_sheets(params)
    project = QgsProject.instance()
    assert [layout.name() for layout in project.layoutManager().layouts()].count(name) == 1
    owned = [layer for layer in project.mapLayers().values()
             if layer.customProperty("sozialraum/profile_layout") == name]
    assert len(owned) == 1


def test_separate_files_are_named_by_key_and_name(berlin, tmp_path):
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "auswahl.pdf"),
                  SEPARATE_FILES=str(tmp_path / "einzeln"),
                  FILTER_EXPRESSION="\"PLR_ID\" IN ('01100101', '01100102', '03300515')")
    result = run_sheets(params)
    assert result["PAGES"] == 3 and page_count(Path(result["OUTPUT"])) == 3
    files = sorted(p.name for p in (tmp_path / "einzeln").iterdir())
    assert files == ["Profil_01100101_Stuelerstrasse.pdf", "Profil_01100102_Grosser_Tiergarten.pdf",
                     "Profil_03300515_Blankenburger_Sueden.pdf"]
    assert page_count(tmp_path / "einzeln" / files[0]) == 1
    assert "Stülerstraße" in page_text(tmp_path / "einzeln" / files[0], 1)
    assert not [p for p in tmp_path.rglob("*.part*")]  # nothing half-written left behind


def test_atlas_order_and_file_names_without_export(berlin):
    layout = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])
    atlas = layout.atlas()
    atlas.setFilterFeatures(False)
    assert atlas.beginRender() and atlas.first()
    keys = [atlas.layout().reportContext().feature()["pr_key"]]
    assert atlas.currentFilename() == f"Profil_{keys[0]}_Stuelerstrasse"
    for _ in range(3):
        atlas.next()
        keys.append(atlas.layout().reportContext().feature()["pr_key"])
    atlas.endRender()
    assert keys == sorted(keys) and len(set(keys)) == 4


def test_template_round_trip(berlin, tmp_path):
    from qgis.core import QgsReadWriteContext

    layout = QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])
    template = tmp_path / "profil.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "vorlage.pdf"), TEMPLATE=str(template),
                  FILTER_EXPRESSION="\"PLR_ID\" = '01100104'")
    result = run_sheets(params)
    text = page_text(Path(result["OUTPUT"]), 1)
    assert "Körnerstraße" in text and "Seite 1 von 1" in text and "Auf einen Blick" in text


def test_template_of_standard_items(berlin, tmp_path):
    """A template made of QGIS's own items only (no sheet item) is bound and reads the fields."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap, QgsPrintLayout, QgsReadWriteContext
    from qgis.PyQt.QtCore import QRectF

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText('Profil [% "pr_title" %] – [% "findings" %]')
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(QRectF(10, 10, 250, 40))
    detail = QgsLayoutItemMap(layout)
    detail.setId("sr_detail")
    layout.addLayoutItem(detail)
    detail.attemptSetSceneRect(QRectF(10, 60, 150, 120))
    template = tmp_path / "eigen.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "eigen.pdf"), TEMPLATE=str(template),
                  FILTER_EXPRESSION="\"PLR_ID\" IN ('01100101', '01100104')")
    result = run_sheets(params)
    assert result["PAGES"] == 2
    first = " ".join(page_text(Path(result["OUTPUT"]), 1).split())
    assert "Profil Stülerstraße" in first and "Stadtwert" in first
    assert "Profil Körnerstraße" in page_text(Path(result["OUTPUT"]), 2)
    bound = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]).itemById("sr_detail")
    assert [layer.name() for layer in bound.layers()] == [result["LAYOUT"]]


def test_bad_labels_give_a_readable_error(berlin, tmp_path):
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "x.pdf"), LABELS="S1 Arbeitslosigkeit")
    with pytest.raises(QgsProcessingException, match="cannot be read"):
        run_sheets(params)
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "x.pdf"), LABELS="S9=Quatsch|%")
    with pytest.raises(QgsProcessingException, match="S9"):
        run_sheets(params)


def test_a_profile_template_that_is_no_text_is_a_message_naming_it(tmp_path):
    """A .qpt that is not UTF-8 (a binary file, a Latin-1 file without declaration) names the
    file; it gave a UnicodeDecodeError traceback."""
    from sozialraum_plugin.gis.layouts.profile_atlas import load_template
    from sozialraum_plugin.gis.layouts.profile_data import ProfileSheetError

    template = tmp_path / "Profil Ämter.qpt"
    template.write_bytes(b"\xff\xfe\x00\x80\x81 kein Layout")
    with pytest.raises(ProfileSheetError) as caught:
        load_template(str(template), QgsProject.instance())
    assert "Profil Ämter.qpt" in str(caught.value)
