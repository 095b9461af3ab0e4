"""The code paths that differ between QGIS 3.22 and 3.40, each run here on real QGIS objects.

Every test calls the plugin's own helper, which picks its branch by the running QGIS (hasattr /
QGIS_VERSION_INT / try), and checks the outcome: on Debian 12 (3.22) the old branch runs, on
Debian 13 (3.40, `make test-debian13`) the new one, and the same assertion must hold on both.
The table in the Versions notes lists each branch with its test here or elsewhere.
"""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsField,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont

from sozialraum_plugin.gis import field_types

QGIS = Qgis.QGIS_VERSION_INT


# --- field types: QMetaType from 3.38, QVariant before (gis/field_types.py) -------------------------------

def test_field_types_make_fields_of_their_type_and_a_geopackage_keeps_them(tmp_path, qgis_app):
    kinds = {"s": field_types.STRING, "i": field_types.INT, "l": field_types.INT64, "d": field_types.DOUBLE,
             "b": field_types.BOOL}
    # the enum QGIS itself uses for field types on this version (QMetaType.Type from 3.38)
    assert type(field_types.STRING).__name__ == "Type"
    assert type(field_types.STRING).__qualname__ == ("QMetaType.Type" if QGIS >= 33800 else "QVariant.Type")
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "t", "memory")
    layer.dataProvider().addAttributes([QgsField(name, kind) for name, kind in kinds.items()])
    layer.updateFields()
    for name, kind in kinds.items():
        assert layer.fields().field(name).type() == kind
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = str(tmp_path / "types.gpkg")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    back = QgsVectorLayer(path, "back", "ogr").fields()
    assert back.field("s").type() == field_types.STRING
    assert back.field("d").type() == field_types.DOUBLE
    assert back.field("l").type() == field_types.INT64
    assert back.field("i").type() in (field_types.INT, field_types.INT64)  # GPKG INTEGER is 64 bit
    assert back.field("b").type() in (field_types.BOOL, field_types.INT)  # GDAL subtype boolean


# --- enums that moved to Qgis (3.34 … 3.38) ----------------------------------------------------------------

def test_layer_and_field_filters_pick_polygons_and_numbers(qgis_app):
    """gui/widgets.py: Qgis.LayerFilter / FieldFilter (3.34) or the proxy models' own enums."""
    from sozialraum_plugin.gui.widgets import field_combo, polygon_layer_combo

    polygons = QgsVectorLayer("Polygon?crs=EPSG:25832&field=name:string&field=ew:integer", "polygons", "memory")
    points = QgsVectorLayer("Point?crs=EPSG:25832", "points", "memory")
    QgsProject.instance().addMapLayers([polygons, points])
    try:
        combo = polygon_layer_combo()
        listed = [combo.layer(i) for i in range(combo.count())]
        assert polygons in listed and points not in listed
        combo.setLayer(polygons)
        fields = field_combo(combo, numeric=True)
        assert [fields.itemText(i) for i in range(fields.count())] == ["ew"]
    finally:
        QgsProject.instance().removeMapLayers([polygons.id(), points.id()])


def test_profile_sheets_ask_for_numeric_fields_and_the_main_thread(qgis_app):
    """profile_sheets: Qgis.ProcessingFieldParameterDataType / ProcessingAlgorithmFlag (3.36) or the old enums."""
    from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterField

    from sozialraum_plugin.processing.algorithms.profile_sheets import ProfileSheetsAlgorithm, _numeric_fields

    numeric = _numeric_fields()
    assert int(getattr(numeric, "value", numeric)) == int(QgsProcessingParameterField.DataType.Numeric)
    no_threading = getattr(getattr(Qgis, "ProcessingAlgorithmFlag", None), "NoThreading", None) or \
        QgsProcessingAlgorithm.Flag.FlagNoThreading
    assert ProfileSheetsAlgorithm().flags() & no_threading


def test_enum_members_become_plain_numbers():
    """processing/base._number: 3.22's int enums and newer enum.Enum members alike."""
    from sozialraum_plugin.processing.base import _number

    assert _number(Qgis.MessageLevel.Warning) == 1
    assert _number(QgsVectorFileWriter.WriterError.ErrCreateDataSource) == 2
    assert _number(3) == 3


# --- text in exports: Qgis.TextRenderFormat (3.22 on) -----------------------------------------------------

def test_layouts_ask_for_text_as_text(qgis_app):
    from sozialraum_plugin.gis.layouts.map_page import replace_layout
    from sozialraum_plugin.gis.text_render import layout_text_as_text, text_as_text

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("text")
    layout_text_as_text(layout)
    assert layout.renderContext().textRenderFormat() == Qgis.TextRenderFormat.AlwaysText == text_as_text()
    added = replace_layout(project, layout)
    assert int(added.customProperty("pdfTextFormat")) == int(getattr(text_as_text(), "value", text_as_text()))
    assert project.layoutManager().layoutByName("text") is added


# --- fonts: QFont setters (3.22) or QgsTextFormat (3.24 labels, 3.30 legends) ------------------------------

def test_label_font_and_colour_round_trip(qgis_app):
    from sozialraum_plugin.gis.layouts.fonts import default_font, installed_families, label_font, set_label_font

    families = installed_families()  # Qt5: an instance method, Qt6: static
    assert "DejaVu Serif" in families and default_font() in families
    project = QgsProject()  # kept: a layout holds its project by pointer
    layout = QgsPrintLayout(project)
    label = QgsLayoutItemLabel(layout)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(9.5)
    set_label_font(label, font, "#aa0000")
    back, colour = label_font(label)
    assert (back.family(), round(back.pointSizeF(), 2), QColor(colour).name()) == ("DejaVu Serif", 9.5, "#aa0000")


def test_legend_font_is_set_the_way_the_version_wants(qgis_app):
    from sozialraum_plugin.gis.layouts.fonts import set_legend_font

    project = QgsProject()  # kept: a layout holds its project by pointer
    layout = QgsPrintLayout(project)
    legend = QgsLayoutItemLegend(layout)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(8)
    set_legend_font(legend, QgsLegendStyle.Style.Title, font)
    style = legend.style(QgsLegendStyle.Style.Title)
    got = style.textFormat().font() if hasattr(style, "textFormat") else style.font()
    assert got.family() == "DejaVu Serif"


def test_profile_table_fonts_columns_and_family(qgis_app):
    """profile_page: set_table_fonts / set_font (text formats) and set_columns (setDisplayColumns,
    not in 3.22, or setColumns); the layout signature sees the change (profile_atlas)."""
    from sozialraum_plugin.gis.layouts.profile_atlas import layout_signature
    from sozialraum_plugin.gis.layouts.profile_page import set_columns, set_font, set_table_fonts

    project = QgsProject()  # kept: a layout holds its project by pointer
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    table = QgsLayoutItemAttributeTable(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("sr_table")  # how the profile page names its table's frame (table_of)
    table.addFrame(frame)
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    set_columns(table, {"label": "", "S1": "Quote", "chart": ""}, {"label": 40, "S1": 15, "chart": 20})
    columns = table.displayColumns() if hasattr(table, "displayColumns") else table.columns()
    assert [c.heading() for c in columns] == ["", "Quote", ""]
    assert [round(c.width()) for c in columns] == [40, 15, 20]
    set_table_fonts(table, "DejaVu Sans", 7)
    assert table.headerTextFormat().font().bold() and not table.contentTextFormat().font().bold()
    assert table.contentTextFormat().size() == 7
    before = layout_signature(layout)
    set_font(layout, "DejaVu Serif")
    assert table.headerTextFormat().font().family() == table.contentTextFormat().font().family() == "DejaVu Serif"
    label_family = label.textFormat().font().family() if hasattr(label, "textFormat") else label.font().family()
    assert label_family == "DejaVu Serif"
    assert layout_signature(layout) != before


# --- the project keeps relative paths (Qgis.FilePathType, 3.22 on) ----------------------------------------

def test_project_paths_are_relative(qgis_app):
    from sozialraum_plugin.gis.project_file import _relative_paths

    project = QgsProject()
    _relative_paths(project)
    assert project.filePathStorage() == Qgis.FilePathType.Relative


def test_the_plugin_imports_qaction_where_this_qt_has_it(qgis_app):
    """plugin.py: QtGui.QAction (Qt6, and QGIS's Qt5 shim from 3.3x) or QtWidgets.QAction (3.22)."""
    from qgis.PyQt.QtWidgets import QAction as WidgetsAction

    from sozialraum_plugin import plugin

    assert plugin.QAction is WidgetsAction  # one class under both names where the shim exists
    assert plugin.QAction(None).text() == ""
