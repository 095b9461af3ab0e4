"""Profile sheets: one atlas page per district, laid out on A4 and exported to PDF.

The page is made of QGIS's own layout items (profile_page.py): a colleague without the plugin
opens the project and finds a page to restyle, not an empty box. Why the rest is built this way:

* live joins have crashed atlases (QGIS #40353): the atlas reads only its own GeoPackage, with
  the page's table as a second table in it (profile_data.py);
* text stays text in the PDF (searchable, and pdftotext can check it);
* the page's words and numbers follow ``SheetRequest.language``.

This module loads the page (the shipped template or the city's own), binds it to the run's data
and exports.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCentroidFillSymbolLayer,
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFillSymbol,
    QgsGeometryGeneratorSymbolLayer,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutSize,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from ...core.fileio import replace_file
from ...toolbelt.paths import resources_dir
from ..text_render import text_as_text
from . import charts, map_crs, map_extent, profile_trend
from .fonts import default_font
from .map_page import replace_layout
from .profile_data import (
    FRAME_NAME,
    ProfileSheetError,
    SheetRequest,
    city_layer,
    detail_renderer,
    district_columns,
    footer_text,
    legend_text,
    page_title,
    row_columns,
    rows_layer,
    table_headers,
    table_layer,
    write_profile_layer,
)
from .profile_fit import table_size
from .profile_page import (
    CELL_MARGIN,
    RIGHT_W,
    TABLE_PT,
    add_relation,
    arrange,
    fitter,
    lines_needed,
    measure_rows,
    neighbour_labels,
    page_heights,
    relation_id,
    set_columns,
    set_font,
    set_house_colour,
    set_logo,
    set_table_fonts,
    set_variables,
    table_of,
)

PROPERTY = "sozialraum/profile_layout"  # marks the layers a profile layout owns
SIGNATURE = "sozialraum/profile_signature"  # the layout as the run left it (keep_edits)


def default_template() -> str:
    return str(resources_dir() / "templates" / "profile_A4_portrait.qpt")


def detail_crs(layer, project) -> QgsCoordinateReferenceSystem:
    """The detail map's CRS: the project's, as for any new map item, unless the project's or the
    layer's is geographic (degrees squash a district; then ETRS89 / UTM, as the thematic maps do).

    Not pinned to the layer's own: a map with a valid CRS builds its CRS expression variables and
    transform anew on every atlas page (~1 ms of a ~9 ms page, measured). In a desktop project with
    a CRS that cost is there either way; qgis_process has no project CRS, and a map following it
    draws the layer's coordinates as they are, for nothing.
    """
    own = project.crs() if project is not None else QgsCoordinateReferenceSystem()
    if layer.crs().isGeographic() or (own.isValid() and own.isGeographic()):
        return map_crs(layer.crs(), layer.extent())
    return QgsCoordinateReferenceSystem()


def detail_extent(layer, detail, project) -> QgsRectangle:
    """The districts' extent in the CRS the detail map draws in (its own, else the project's)."""
    crs = detail.crs() if detail.crs().isValid() else project.crs()
    if not crs.isValid() or crs == layer.crs():
        return layer.extent()
    return map_extent([layer], crs, project)


def load_template(path: str, project) -> QgsPrintLayout:
    doc, layout = QDomDocument(), QgsPrintLayout(project)
    try:
        parsed = doc.setContent(Path(path).read_bytes())  # bytes: the file's own encoding, no UnicodeDecodeError
    except OSError:
        parsed = False
    parsed = parsed if isinstance(parsed, bool) else parsed[0]  # PyQt5 returns a tuple
    if not parsed or not layout.loadFromTemplate(doc, QgsReadWriteContext())[1]:
        raise ProfileSheetError("profile_template_invalid", file=path)
    return layout


def locator_renderer(colour: str = "#d95f02") -> QgsSingleSymbolRenderer:
    """The atlas district, filled, with a ring, drawn on the one feature of profile_frame by a
    geometry generator (the city under it is a picture): one feature a page to fetch."""
    district = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#7f2704", "outline_width": "0.25",
                                           "outline_width_unit": "MM"})
    ring = QgsCentroidFillSymbolLayer()  # a small district is a dot on a city map: a ring finds it
    ring.setSubSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": "#222222",
                                                    "outline_width": "0.45", "size": "4.5", "size_unit": "MM"}))
    district.appendSymbolLayer(ring)
    generator = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "@atlas_geometry", "SymbolType": "Fill"})
    generator.setSubSymbol(district)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, generator)
    return QgsSingleSymbolRenderer(symbol)


def zoom_locator(layout, city, fit: bool = False) -> None:
    """The whole city in the locator (again after the page was arranged: a resize moves the extent)."""
    locator = layout.itemById("sr_locator")
    if isinstance(locator, QgsLayoutItemMap):
        if locator.extent().isEmpty():  # zoomToExtent keeps the current extent's shape: give it one
            locator.setExtent(QgsRectangle(0, 0, locator.rect().width(), locator.rect().height()))
        extent = QgsRectangle(detail_extent(city, locator, layout.project()))
        extent.grow(max(extent.width(), extent.height()) * 0.03)
        if fit:  # the default page: the frame takes the city's shape, no higher than its place
            rect = locator.rect()
            height = min(rect.height(), rect.width() * extent.height() / extent.width())
            locator.attemptResize(QgsLayoutSize(rect.width(), height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
            locator.setExtent(QgsRectangle(0, 0, rect.width(), height))
        locator.zoomToExtent(extent)
        city_picture(layout, city)


def city_picture(layout, city) -> None:
    """All districts in pale grey as a PNG under the locator, of its extent and size."""
    locator, picture = layout.itemById("sr_locator"), layout.itemById("sr_locator_city")
    if not isinstance(locator, QgsLayoutItemMap) or not isinstance(picture, QgsLayoutItemPicture):
        return
    path = str(Path(city.source().split("|")[0]).parent / "page" / "city.png")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    rect = locator.rect()
    crs = locator.crs() if locator.crs().isValid() else layout.project().crs()
    charts.render_city(city, locator.extent(), rect.width(), rect.height(), path, crs=crs)
    picture.attemptMove(locator.positionWithUnits())
    picture.attemptResize(locator.sizeWithUnits())
    picture.setPicturePath(path)


def bind(layout: QgsPrintLayout, request: SheetRequest, layers: dict, texts: dict) -> None:
    """Point maps, table, atlas and words of a page (the shipped one or a city's) at this run."""
    layer = layers["districts"]
    project = layout.project()
    detail = layout.itemById("sr_detail")
    if isinstance(detail, QgsLayoutItemMap):
        if detail.extent().isEmpty():
            detail.setExtent(QgsRectangle(0, 0, detail.rect().width(), detail.rect().height()))
        detail.setLayers([layer])
        detail.setCrs(detail_crs(layer, project))
        detail.setAtlasDriven(True)
        detail.zoomToExtent(detail_extent(layer, detail, project))  # as the designer opens it
    locator = layout.itemById("sr_locator")
    if isinstance(locator, QgsLayoutItemMap):
        locator.setLayers([layers["frame"]])
        locator.setCrs(detail_crs(layer, project))
        locator.setAtlasDriven(False)
        zoom_locator(layout, layers["city"])
    table = table_of(layout)
    if table is not None:
        table.setVectorLayer(layers["rows"])
        table.setSource(table.ContentSource.RelationChildren)
        table.setRelationId(relation_id(request.name))
    layout.setName(request.name)
    set_variables(layout, texts)
    for item_id, text in (("sr_legend", texts["sr_legend"]), ("sr_findings_head", texts["sr_at_a_glance"])):
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            label.setText(text)
    if request.colour:
        set_house_colour(layout, request.colour)
    if request.font:
        set_font(layout, request.font)
    set_logo(layout, request.logo)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression('"pr_title"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression(QgsExpression.quotedColumnRef(request.sort_field))
    atlas.setFilterFeatures(bool(request.filter_expression))
    atlas.setFilterExpression(request.filter_expression or "")
    atlas.setFilenameExpression('"pr_file"')


# --- export -----------------------------------------------------------------------------------------

def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    """Text as text; no georeference (nobody georeferences a profile sheet, and it costs time)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = text_as_text()
    settings.appendGeoreference = False
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    return settings


def _check(result, error: str, path: str) -> None:
    if result != QgsLayoutExporter.ExportResult.Success:
        reason = "cancelled" if result == QgsLayoutExporter.ExportResult.Canceled else (error or str(result))
        raise ProfileSheetError("profile_export_failed", file=path, reason=reason)


def export_pdf(layout, path: str, feedback=None) -> int:
    """All pages into one PDF, written under a temporary name and then moved into place."""
    atlas = layout.atlas()
    pages = atlas.updateFeatures()
    if pages == 0:
        raise ProfileSheetError("profile_no_features")
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    temp = os.path.join(folder, f".{Path(path).stem}.{os.getpid()}.part.pdf")
    try:
        _check(*QgsLayoutExporter.exportToPdf(atlas, temp, pdf_settings(), feedback), path)
        replace_file(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)
    return pages


def export_separate(layout, folder: str, feedback=None) -> list[str]:
    """One PDF per district (``Profil_<key>_<name>.pdf``), moved into ``folder`` once all exist."""
    os.makedirs(folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".profile.", suffix=".part", dir=folder)
    try:
        _check(*QgsLayoutExporter.exportToPdfs(layout.atlas(), work, pdf_settings(), feedback), folder)
        names = sorted(n for n in os.listdir(work) if n.endswith(".pdf"))
        for name in names:
            replace_file(os.path.join(work, name), os.path.join(folder, name))
        return [os.path.join(folder, n) for n in names]
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- the whole run ----------------------------------------------------------------------------------

@dataclass
class SheetResult:
    layout_name: str
    pages: int
    files: list
    folder: str


def layout_signature(layout) -> str:
    """A hash of what a planner changes in the designer: items (id, place, size, font, text),
    the table's columns and fonts, the atlas's sort and filter. Not the layout's whole XML: the
    project file rewrites picture paths, and QGIS writes a layout it read a little differently."""
    import hashlib

    def font(item) -> str:
        if hasattr(item, "textFormat"):
            return item.textFormat().font().toString() + f"/{item.textFormat().size():.2f}"
        return item.font().toString() if hasattr(item, "font") else ""

    parts = []
    for item in layout.items():
        if not hasattr(item, "uuid") or item.type() == QgsLayoutItemPage.Type:
            continue
        pos, size = item.positionWithUnits(), item.sizeWithUnits()
        parts.append("|".join((type(item).__name__, item.id(), item.uuid(), f"{pos.x():.2f},{pos.y():.2f}",
                               f"{size.width():.2f},{size.height():.2f}", font(item),
                               item.text() if isinstance(item, QgsLayoutItemLabel) else "")))
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            fonts = [f.font().toString() for f in (frame.headerTextFormat(), frame.contentTextFormat())]
            parts.append("|".join([c.attribute() + "=" + c.heading() + f"@{c.width():.2f}"
                                   for c in frame.columns()] + fonts))
    atlas = layout.atlas()
    parts.append("|".join((atlas.sortExpression(), str(atlas.sortAscending()), atlas.filterExpression())))
    return hashlib.sha1("\n".join(sorted(parts)).encode("utf-8")).hexdigest()


def sign(layout) -> None:
    layout.setCustomProperty(SIGNATURE, layout_signature(layout))


def keep_edits(project, request: SheetRequest, feedback=None) -> str:
    """The old layout of this name, when the planner changed it in the designer, as a template
    beside the PDF (``<output>_files/profile_page_edited.qpt``) before a re-run replaces it; the
    run says so. A run with the city's template (TEMPLATE) keeps that template's look anyway."""
    from qgis.PyQt.QtCore import QCoreApplication

    old = project.layoutManager().layoutByName(request.name)
    mark = old.customProperty(SIGNATURE) if old is not None else None
    if old is None or not mark or mark == layout_signature(old):
        return ""
    path = request.folder / "profile_page_edited.qpt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not old.saveAsTemplate(str(path), QgsReadWriteContext()):
        return ""
    if feedback is not None:
        feedback.pushWarning(QCoreApplication.translate(
            "ProfileSheets", "The layout '{name}' was changed in the designer; this run replaces it. "
            "The changed page is saved as the template {file}: give it as TEMPLATE (in a report: "
            "style.profile_template) to keep it.").format(name=request.name, file=str(path)))
    return str(path)


def remove_previous(project, name: str) -> None:
    """Re-running replaces: the old layout and the layers it owned go first (and unlock files)."""
    old = project.layoutManager().layoutByName(name)
    if old is not None:
        project.layoutManager().removeLayout(old)
    owned = [lid for lid, lyr in project.mapLayers().items() if lyr.customProperty(PROPERTY) == name]
    if owned:
        project.removeMapLayers(owned)


def _owned(layer, name: str):
    layer.setCustomProperty(PROPERTY, name)
    return layer


def make_sheets(request: SheetRequest, project, separate_folder: str = "", feedback=None,
                keep_layout: bool = False) -> SheetResult:
    """Charts, GeoPackage, the layout (left in the project) and the PDF(s). ``keep_layout``: a
    report's step, whose QGIS project file still needs the layout (the report removes it)."""
    profiles, folder, words = request.profiles, request.folder, request.words
    keep_edits(project, request, feedback)
    remove_previous(project, request.name)
    for sub in ("charts", "spine"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    d = profiles.districts
    keys = charts.unique_names([k or str(fid) for k, fid in zip(d["key"], request.fids)])
    family = request.font or default_font()
    layout = load_template(request.template or default_template(), project)
    own_template = bool(request.template)
    table = table_of(layout)
    # the table's columns: headers in the page's language, numbers as wide as their longest text
    headers = table_headers(profiles, words)
    plain = row_columns(request)[0]
    size, widths = table_size(family, headers, plain, [i.label for i in profiles.indicators])
    rows = charts.spine_rows(profiles, lang=request.lang)
    # standalone labelled charts for reports and web pages
    charts.write_svgs(folder / "charts", keys, (charts.spine_svg(r, 170, 8, labels=True, words=words) for r in rows))
    files = charts.unique_names([f"Profil_{k}_{n}" for k, n in zip(keys, d["name"])])
    trend = profile_trend.trend_data(request, keys)  # the time block's data, None without years
    extra = {"pr_chart": [f"spine/{k}.svg" for k in keys], "chart_path": [f"charts/{k}.svg" for k in keys],
             **(trend["columns"] if trend else {}),
             "pr_file": files}
    columns, kinds = district_columns(request, extra, request.class_title, request.cluster_title)
    fit = fitter(family, widths["label"] - 0.5, size)
    row_data = row_columns(request, fit)
    layer = write_profile_layer(request, columns, kinds, row_data,
                                {profile_trend.YEARS_NAME: trend["table"]} if trend else None)
    layer.setRenderer(detail_renderer())
    neighbour_labels(layer, family)
    city = city_layer(layer, request.name + " \u2013 " + words.translate("ProfilePage", "city"))
    frame = table_layer(layer, FRAME_NAME, request.name + " \u2013 " + words.translate("ProfilePage", "locator"))
    frame.setRenderer(locator_renderer())
    rows_table = rows_layer(layer, request.name + " \u2013 " + words.translate("ProfilePage", "table"))
    years_table = table_layer(layer, profile_trend.YEARS_NAME, request.name + " \u2013 "
                              + words.translate("ProfilePage", "years")) if trend else None
    for item in (layer, city, frame, rows_table, years_table)[:5 if trend else 4]:
        project.addMapLayer(_owned(item, request.name), False)  # the layout needs them; not in the layer tree
    add_relation(project, layer, rows_table, request.name)
    legend = legend_text(profiles, request.suppress_below, request.min_population, words)
    texts = {"sr_page_title": page_title(request), "sr_at_a_glance": words.translate("ProfilePage", "At a glance"),
             "sr_legend": legend, "sr_footer": footer_text(request),
             "sr_page": words.translate("ProfilePage", "Page %1 of %2")}
    bind(layout, request, {"districts": layer, "city": city, "frame": frame, "rows": rows_table}, texts)
    n = len(profiles.indicators)
    if table is not None:
        if not own_template:
            if size != TABLE_PT:  # smaller text where the names would be cut (profile_fit)
                set_table_fonts(table, family, size)
            set_columns(table, dict(headers, chart=words.translate("ProfilePage", "Position")), widths)
        header, row = measure_rows(table)
    else:
        header, row = 0.0, 6.0
    if not own_template:
        badges = [t for t in columns["pr_badge"] if t]
        heights = page_heights(family, columns["findings"], n, row, header,
                               max((lines_needed(family, t, RIGHT_W - 8, 9, True) for t in badges), default=0),
                               legend)
        arrange(layout, heights, header)
    profile_trend.finish(layout, project, request, layer, years_table, trend, family,
                         None if own_template else heights, keys)
    if not own_template:
        zoom_locator(layout, city, fit=True)
    charts.write_svgs(folder / "spine", keys, (charts.spine_svg(r, charts_width(layout), row) for r in rows))
    replace_layout(project, layout)
    pages = export_pdf(layout, request.output, feedback)
    sign(layout)
    out = [request.output] + (export_separate(layout, separate_folder, feedback) if separate_folder else [])
    if QgsApplication.instance().platform() == "qgis_process" and not keep_layout:
        # A one-shot command has no project to keep, and qgis_process 3.22 closes layers left in
        # its project only after GDAL is gone: it crashed on exit (rc 139) until they went here.
        remove_previous(project, request.name)
    return SheetResult(request.name, pages, out, str(folder))


def charts_width(layout) -> float:
    chart = layout.itemById("sr_chart")
    return chart.rect().width() if chart is not None else 30.0 - 2 * CELL_MARGIN

