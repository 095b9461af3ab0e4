"""The designer's panel for the profile sheet item: the house colour reaches the page, is undone
like any designer edit, and QGIS's own registry hands out the panel. Works on a clone of the
session's Berlin layout (conftest.py ``berlin_sheets``), which stays as it is."""
from __future__ import annotations

import pytest
from qgis.core import QgsLayoutExporter, QgsProject
from qgis.PyQt.QtGui import QColor, QImage

from sozialraum_plugin.gis.layouts.sheet_item import ProfileSheetItem
from sozialraum_plugin.gui.sheet_item_widget import ProfileSheetWidget, register_gui


@pytest.fixture
def sheet_layout(berlin_sheets):
    source = QgsProject.instance().layoutManager().layoutByName(berlin_sheets["result"]["LAYOUT"])
    layout = source.clone()
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression("\"PLR_ID\" = '01100102'")
    assert atlas.updateFeatures() == 1
    yield layout
    del layout


@pytest.fixture
def panel(sheet_layout):
    """The panel for the clone's sheet item; its C++ side goes at teardown even when a test
    fails (a traceback keeps the wrapper, and a widget outliving QGIS crashes the run)."""
    from qgis.PyQt import sip

    widget = ProfileSheetWidget(None, sheet_layout.itemById("sr_sheet"))
    yield widget
    sip.delete(widget)


def band_colour(layout, tmp_path) -> QColor:
    """The colour in the middle of the header band of the exported page."""
    atlas = layout.atlas()
    atlas.beginRender()
    atlas.first()
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 30
    out = tmp_path / "page.png"
    result = QgsLayoutExporter(layout).exportToImage(str(out), settings)
    atlas.endRender()
    assert result == QgsLayoutExporter.ExportResult.Success
    image = QImage(str(out))
    return image.pixelColor(image.width() // 2, int(image.height() * 4 / 297))


def test_house_colour_reaches_the_page_and_undoes(sheet_layout, panel, tmp_path):
    sheet, widget = sheet_layout.itemById("sr_sheet"), panel
    assert isinstance(sheet, ProfileSheetItem) and widget.item is sheet
    assert band_colour(sheet_layout, tmp_path).name() == "#1d3557"
    assert widget.house.color().name() == "#1d3557"
    widget.house.setColor(QColor("#006e3c"))  # a Stadtgrün
    assert sheet.house_colour() == "#006e3c"
    assert band_colour(sheet_layout, tmp_path).name() == "#006e3c"
    heading = next(t for t in sheet.spec["texts"] if t["text"] == "Auf einen Blick")
    assert heading["colour"] == "#006e3c"
    title = next(t for t in sheet.spec["texts"] if t.get("on_house") == "title")
    assert title["colour"] == "#ffffff"  # dark band: white title
    widget.house.setColor(QColor("#2a9d8f"))  # the next step of a drag in the colour picker
    stack = sheet_layout.undoStack().stack()
    stack.undo()  # one step undoes the whole drag
    assert sheet.house_colour() == "#1d3557" and widget.house.color().name() == "#1d3557"
    assert band_colour(sheet_layout, tmp_path).name() == "#1d3557"
    stack.redo()
    assert sheet.house_colour() == "#2a9d8f" and widget.house.color().name() == "#2a9d8f"


def test_only_the_house_elements_take_the_colour(sheet_layout):
    """A house colour that happens to equal another colour on the sheet does not capture it."""
    sheet = sheet_layout.itemById("sr_sheet")
    grey = {t["text"][:20]: t["colour"] for t in sheet.spec["texts"] if t["colour"] == "#5a5a5a"}
    assert grey  # the legend, the footer, the page number
    sheet.set_house_colour("#5a5a5a")
    sheet.set_house_colour("#006e3c")
    assert {t["text"][:20]: t["colour"] for t in sheet.spec["texts"] if t["text"][:20] in grey} == grey
    assert [r[4] for r in sheet.spec["rects"] if len(r) > 5] == ["#006e3c"]  # the band


def test_light_house_colour_darkens_the_band_texts(sheet_layout):
    sheet = sheet_layout.itemById("sr_sheet")
    sheet.set_house_colour("#ffd60a")
    title = next(t for t in sheet.spec["texts"] if t.get("on_house") == "title")
    subtitle = next(t for t in sheet.spec["texts"] if t.get("on_house") == "subtitle")
    assert QColor(title["colour"]).lightnessF() < 0.2 and QColor(subtitle["colour"]).lightnessF() < 0.3


def test_registry_hands_out_the_panel(sheet_layout):
    from qgis.gui import QgsColorButton, QgsGui
    from qgis.PyQt import sip

    assert register_gui() and register_gui()  # idempotent
    registry = QgsGui.layoutItemGuiRegistry()
    sheet = sheet_layout.itemById("sr_sheet")
    widget = registry.createItemWidget(sheet)
    try:
        assert isinstance(widget, ProfileSheetWidget) and widget.item is sheet
        assert widget.setNewItem(sheet) and not widget.setNewItem(sheet_layout.itemById("sr_detail"))
        assert widget.findChild(QgsColorButton, "sozialraum_house_colour").color().name() == "#1d3557"
    finally:
        sip.delete(widget)
