"""The profile layout after sozialraum:profilesheets: a page of QGIS's own items (labels, an
attribute table over profile_rows, a chart picture, two maps), left in the project, exported
again, saved in a .qgz and opened and exported by a plain PyQGIS script without the plugin;
templates, reruns and separate files. Uses the session's Berlin sheets (conftest.py
``berlin_sheets``); German words on the page need the German translations compiled (make
transcompile).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from profile_support import BERLIN, BERLIN_LABELS, berlin_table, page_count, page_text, run_sheets, write_joined
from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def berlin(berlin_sheets):
    """The session's 542 Berlin sheets (conftest.py), under the name these tests grew up with."""
    return berlin_sheets


def _layout(berlin):
    return QgsProject.instance().layoutManager().layoutByName(berlin["result"]["LAYOUT"])


def test_page_is_made_of_qgis_items(berlin):
    """No plugin item: every item is one of QGIS's own classes, found by its id."""
    from sozialraum_plugin.gis.layouts.profile_page import table_of

    layout = _layout(berlin)
    kinds = {item.id(): type(item).__name__ for item in layout.items() if hasattr(item, "id") and item.id()}
    assert all(name.startswith("QgsLayout") for name in kinds.values()), kinds
    assert isinstance(layout.itemById("sr_detail"), QgsLayoutItemMap) and layout.itemById("sr_detail").atlasDriven()
    assert isinstance(layout.itemById("sr_locator"), QgsLayoutItemMap)
    assert isinstance(layout.itemById("sr_chart"), QgsLayoutItemPicture)
    assert isinstance(layout.itemById("sr_table"), QgsLayoutFrame)
    for label in ("sr_title", "sr_subtitle", "sr_badge", "sr_findings", "sr_legend", "sr_footer"):
        assert isinstance(layout.itemById(label), QgsLayoutItemLabel), label
    assert layout.itemById("sr_logo") is None  # no logo asked for: no empty box
    table = table_of(layout)
    assert isinstance(table, QgsLayoutItemAttributeTable)
    assert table.source() == QgsLayoutItemAttributeTable.ContentSource.RelationChildren
    relation = QgsProject.instance().relationManager().relation(table.relationId())
    assert relation.isValid() and relation.referencedLayer() is layout.atlas().coverageLayer()
    columns = table.columns() if not hasattr(table, "displayColumns") else table.displayColumns()
    assert [c.heading() for c in columns] == ["Indikator", "Gebiet", "Stadt", "Abweichung", "Rang", "Einordnung"]
    # the page is as many items as it needs and no more (each costs time on every page)
    assert len([i for i in layout.items() if hasattr(i, "id") and i.id()]) <= 14


def test_rows_table_holds_the_published_texts(berlin):
    """profile_rows: one row per district and indicator, the texts as the page prints them."""
    layer = _layout(berlin).atlas().coverageLayer()
    rows = QgsVectorLayer(layer.source().split("|")[0] + "|layername=profile_rows", "rows", "ogr")
    assert rows.isValid() and rows.featureCount() == 542 * 6
    by_id = {f["pr_id"]: f for f in layer.getFeatures()}
    for row in rows.getFeatures():
        district = by_id[row["pr_id"]]
        assert row["value"] == district[f"pr_{row['field']}_value"]
        assert row["rank"] == district[f"pr_{row['field']}_rank"]
    empty = berlin["table"][berlin["table"].S1.isna()].PLR_ID
    ids = {f["pr_key"]: f["pr_id"] for f in layer.getFeatures()}
    hidden = [r for r in rows.getFeatures() if r["pr_id"] in {ids[k] for k in empty}]
    assert hidden and all(r["value"] in ("\u00b7", "keine Daten") for r in hidden)


def test_chart_per_district_lines_up_with_the_table(berlin):
    """One SVG per district in spine/, without text, as high as the table's rows."""
    import xml.etree.ElementTree as ET

    layout = _layout(berlin)
    folder = Path(berlin["result"]["FOLDER"])
    files = sorted((folder / "spine").glob("*.svg"))
    assert len(files) == 542
    root = ET.parse(files[0]).getroot()
    chart = layout.itemById("sr_chart")
    assert abs(float(root.get("height")[:-2]) - chart.rect().height()) < 0.05
    assert not [e for e in root.iter() if e.tag.endswith("text")]
    table = layout.itemById("sr_table")
    assert table.pos().y() < chart.pos().y() < table.pos().y() + 8  # just below the header
    assert abs(chart.pos().y() + chart.rect().height() - table.pos().y() - table.rect().height()) < 1.5


def test_layout_left_in_project_exports_again(berlin, tmp_path):
    layout = _layout(berlin)
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100101'")
    try:
        assert atlas.updateFeatures() == 1
        out = tmp_path / "again.pdf"
        from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

        QgsLayoutExporter.exportToPdf(atlas, str(out), pdf_settings())
    finally:
        atlas.setFilterFeatures(False)
        atlas.updateFeatures()
    text = page_text(out, 1)
    assert text.strip().splitlines()[0].strip() == "Stülerstraße"
    assert "Auf einen Blick" in text and "4,23 %" in text and "Seite 1 von 1" in text
    assert "Großer" in text and "Tiergarten" in text  # a neighbour named on the detail map


# --- a project opened in a QGIS without the plugin -------------------------------------------------

PLAIN_QGIS = textwrap.dedent("""
    import json, sys
    from qgis.core import Qgis, QgsApplication, QgsLayoutExporter, QgsProject
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    ok = project.read(sys.argv[1])
    layout = project.layoutManager().layouts()[0]
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(sys.argv[3])
    pages = atlas.updateFeatures()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    result, error = QgsLayoutExporter.exportToPdf(atlas, sys.argv[2], settings)
    atlas.beginRender()
    atlas.first()
    chart = layout.itemById("sr_chart")
    chart.refreshPicture()
    path = chart.evaluatedPath() if hasattr(chart, "evaluatedPath") else chart.picturePath()
    atlas.endRender()
    out = {"read": ok, "pages": pages, "result": int(result), "chart": path,
           "items": sorted({type(i).__name__ for i in layout.items() if hasattr(i, "uuid")}),
           "plugin": sorted(m for m in sys.modules if "sozialraum" in m)}
    project.clear()
    print(json.dumps(out), flush=True)
    app.exitQgis()
""")


def plain_qgis(project: Path, pdf: Path, expression: str, tmp_path: Path) -> dict:
    """Open ``project`` in a fresh QGIS (own profile, no plugin path, nothing of ours importable)
    and export its profile atlas for the districts ``expression`` selects."""
    script = tmp_path / "plain.py"
    script.write_text(PLAIN_QGIS, encoding="utf-8")
    (tmp_path / "profile").mkdir(exist_ok=True)
    (tmp_path / "xdg").mkdir(mode=0o700, exist_ok=True)
    keep = ("PATH", "HOME", "LANG", "LC_ALL")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path / "xdg"),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    done = subprocess.run(["/usr/bin/python3", str(script), str(project), str(pdf), expression], env=env,
                          cwd=str(tmp_path), capture_output=True, text=True, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return json.loads(lines[-1])


@pytest.fixture(scope="module")
def moved_project(provider, tmp_path_factory):
    """English pages for three districts in a project of their own, saved as a .qgz beside the
    outputs, then the whole folder moved elsewhere (as a colleague gets it)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    work = tmp_path_factory.mktemp("qgz")
    out = work / "Bericht"
    out.mkdir()
    layer = write_joined(BERLIN / "lor_planungsraeume_2021.shp", berlin_table(), "PLR_ID", out / "berlin.gpkg")
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    params = {"INPUT": layer, "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
              "FIELDS": ["S1", "S3", "S4", "D1", "D3", "D4"], "LABELS": BERLIN_LABELS,
              "DIRECTIONS": "S1=+1;S3=+1;S4=+1;D1=+1;D3=+1;D4=+1", "POPULATION_FIELD": "EW", "CLASS_FIELD": "SI_V",
              "SOURCE_TEXT": "SenSBW, MSS 2021", "LANGUAGE": "en", "HOUSE_COLOUR": "#7a1f3d",
              "FILTER_EXPRESSION": "\"PLR_ID\" IN ('01100101', '01100104', '03300515')",
              "OUTPUT": str(out / "Profiles.pdf")}
    result = processing.run("sozialraum:profilesheets", params, context=context, feedback=QgsProcessingFeedback())
    assert project.write(str(out / "Sozialbericht.qgz"))
    project.clear()
    del layer
    moved = work / "elsewhere" / "Bericht"
    moved.parent.mkdir()
    shutil.move(str(out), str(moved))
    return {"qgz": moved / "Sozialbericht.qgz", "folder": moved, "result": result}


def test_project_opens_and_exports_without_the_plugin(moved_project, tmp_path):
    pdf = tmp_path / "plain.pdf"
    seen = plain_qgis(moved_project["qgz"], pdf, "\"PLR_ID\" IN ('01100101', '01100104', '03300515')", tmp_path)
    assert seen["read"] and seen["result"] == 0 and seen["plugin"] == []
    assert all(name.startswith("QgsLayout") for name in seen["items"]), seen["items"]
    assert seen["pages"] == 3 and page_count(pdf) == 3
    # the chart is found beside the moved GeoPackage
    assert Path(seen["chart"]).is_file() and Path(seen["chart"]).resolve().is_relative_to(
        moved_project["folder"].resolve())
    first = page_text(pdf, 1)
    assert first.strip().splitlines()[0].strip() == "Stülerstraße"
    for header in ("Indicator", "District", "City", "Deviation", "Rank", "Position"):
        assert header in first, header
    assert "4.23 %" in first and "280 of 536" in first and "Page 1 of 3" in first
    assert "At a glance" in first
    third = page_text(pdf, 3)
    assert "Blankenburger Süden" in third and "no data" in third


def test_english_page_has_no_german_words(moved_project):
    text = " ".join(page_text(moved_project["folder"] / "Profiles.pdf", p) for p in (1, 2, 3))
    for word in ("Einwohner", "Seite", "Quelle", "Stand", "Auf einen Blick", "Stadtwert", "Rang", "Gebiet",
                 "Indikator", "Abweichung", "Einordnung", "keine Daten", " von ", "Klasse", "Median"):
        assert word not in text, word
    assert "1,0×" not in text and "4,23" not in text  # English number marks


# --- reruns, separate files, order, templates --------------------------------------------------------

def test_rerun_replaces_layout_and_layers(berlin, tmp_path):
    # same file stem, so the same layout name: it is replaced, not added a second time
    params = dict(berlin["params"], FILTER_EXPRESSION="\"PLR_ID\" LIKE '011%'",
                  OUTPUT=str(tmp_path / "berlin.pdf"))
    name = berlin["result"]["LAYOUT"]
    run_sheets(params)
    project = QgsProject.instance()
    assert [layout.name() for layout in project.layoutManager().layouts()].count(name) == 1
    owned = [layer for layer in project.mapLayers().values()
             if layer.customProperty("sozialraum/profile_layout") == name]
    assert len(owned) == 4  # districts, the locator's city and frame, the table's rows
    relations = [r for r in project.relationManager().relations().values() if r.name() == name]
    assert len(relations) == 1


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
    atlas = _layout(berlin).atlas()
    atlas.setFilterFeatures(False)
    assert atlas.beginRender() and atlas.first()
    keys = [atlas.layout().reportContext().feature()["pr_key"]]
    assert atlas.currentFilename() == f"Profil_{keys[0]}_Stuelerstrasse"
    for _ in range(3):
        atlas.next()
        keys.append(atlas.layout().reportContext().feature()["pr_key"])
    atlas.endRender()
    assert keys == sorted(keys) and len(set(keys)) == 4


def test_shipped_template_has_every_item():
    from qgis.core import QgsPrintLayout, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    from sozialraum_plugin.gis.layouts.profile_atlas import default_template
    from sozialraum_plugin.gis.layouts.profile_page import IDS

    doc = QDomDocument()
    doc.setContent(Path(default_template()).read_text(encoding="utf-8"))
    layout = QgsPrintLayout(QgsProject.instance())
    assert layout.loadFromTemplate(doc, QgsReadWriteContext())[1]
    assert all(layout.itemById(item_id) is not None for item_id in IDS)


def test_template_round_trip_with_restyled_items(berlin, tmp_path):
    """A planner's template: the title's font changed, a column gone, the legend deleted; a rerun
    keeps all three (items found by id, the table's columns left as the template has them)."""
    from qgis.core import QgsReadWriteContext

    from sozialraum_plugin.gis.layouts.profile_page import table_of

    layout = _layout(berlin).clone()
    title = layout.itemById("sr_title")
    if hasattr(title, "textFormat"):
        fmt = title.textFormat()
        font = fmt.font()
        font.setItalic(True)
        fmt.setFont(font)
        title.setTextFormat(fmt)
    else:
        font = title.font()
        font.setItalic(True)
        title.setFont(font)
    table = table_of(layout)
    columns = [c for c in table.columns() if c.attribute() != "deviation"]
    table.setColumns(columns)
    layout.removeLayoutItem(layout.itemById("sr_legend"))
    template = tmp_path / "profil.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "vorlage.pdf"), TEMPLATE=str(template),
                  FILTER_EXPRESSION="\"PLR_ID\" = '01100104'")
    result = run_sheets(params)
    text = page_text(Path(result["OUTPUT"]), 1)
    assert "Körnerstraße" in text and "Seite 1 von 1" in text and "Auf einen Blick" in text
    assert "Abweichung" not in text and "Einordnung:" not in text and "Rang" in text
    again = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    title = again.itemById("sr_title")
    assert (title.textFormat().font() if hasattr(title, "textFormat") else title.font()).italic()


def test_template_of_standard_items(berlin, tmp_path):
    """A template of a label and a map only is bound and reads the fields."""
    from qgis.core import QgsPrintLayout, QgsReadWriteContext
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


def test_house_colour_logo_and_font(berlin, tmp_path):
    """Set once: the band takes the colour, the logo its place, every text the font."""
    from qgis.PyQt.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#00aa00"))
    image.save(str(logo))
    params = dict(berlin["params"], OUTPUT=str(tmp_path / "haus.pdf"), HOUSE_COLOUR="#ffd500",
                  LOGO=str(logo), FONT="DejaVu Serif", FILTER_EXPRESSION="\"PLR_ID\" = '01100101'")
    result = run_sheets(params)
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    assert layout.itemById("sr_title").backgroundColor().name() == "#ffd500"
    assert Path(layout.itemById("sr_logo").picturePath()) == logo
    subprocess.run(["pdftoppm", "-r", "40", "-png", result["OUTPUT"], str(tmp_path / "page")], check=True)
    page = QImage(str(next(tmp_path.glob("page-*.png"))))
    band = page.pixelColor(int(5 / 25.4 * 40), int(5 / 25.4 * 40))
    assert (band.red(), band.green(), band.blue()) == (255, 213, 0)
    fonts = subprocess.run(["pdffonts", result["OUTPUT"]], capture_output=True, text=True).stdout
    assert "Serif" in fonts
    with pytest.raises(QgsProcessingException, match="not a colour"):
        run_sheets(dict(params, HOUSE_COLOUR="blaugrün"))


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
