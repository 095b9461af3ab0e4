"""Profile sheets: one atlas page per district, laid out on A4 and exported to PDF.

Why it is built this way (measured on QGIS 3.22; bench/profiles_vs_atlas.py):

* QGIS refreshes every layout item on every atlas page (~0.7 ms an item, whatever it draws). A
  page of ~20 labels and pictures cost 4.6× a bare atlas page; so the page is one detail map (a
  normal map item) and one :class:`~.sheet_item.ProfileSheetItem` that draws header, table,
  spine chart, badge, locator, findings and footer from a declarative spec and the atlas feature.
* the locator's city is a PNG rendered once; the district is drawn over it from its geometry.
* live joins have crashed atlases (QGIS #40353): the atlas reads only its own GeoPackage.
* text stays text in the PDF (searchable, and pdftotext can check it).

The texts and values of each page and the GeoPackage they are written to are in profile_data.py;
this module plans the page, binds the atlas and exports. Page texts are German (DESIGN §2).
"""
from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ...core.fileio import replace_file
from ...core.profile import Profiles
from ..text_render import text_as_text
from . import charts, map_crs, map_extent
from .map_page import default_font, replace_layout
from .profile_data import (
    ProfileSheetError,
    SheetRequest,
    detail_renderer,
    footer_text,
    legend_text,
    profile_columns,
    sheet_columns,
    write_profile_layer,
)
from .sheet_item import HOUSE, ProfileSheetItem, line_pitch_mm, literal, register, text_width_mm

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
BAND, INK, GREY, PALE, STRIPE = HOUSE, "#222222", "#5a5a5a", "#f3f5f8", "#eef1f5"
DETAIL_W, RIGHT_X, RIGHT_W = 104.0, 122.0, 76.0  # detail map left; badge and locator right
TABLE_PT = 8.5
SHEET_ID = "sr_sheet"  # the item that draws all but the detail map
PROPERTY = "sozialraum/profile_layout"  # marks the layers a profile layout owns


# --- the page ---------------------------------------------------------------------------------------

class SheetBuilder:
    """Measures text as the sheet item draws it; all sizes in mm."""

    def __init__(self):
        self.family = default_font()

    def width_mm(self, text: str, size: float = TABLE_PT, bold: bool = False) -> float:
        return text_width_mm(self.family, size, text, bold)

    def lines_needed(self, text: str, width: float, size: float, bold: bool = False) -> int:
        """Lines ``text`` takes in a box ``width`` mm wide (its own line breaks and wrapping)."""
        return sum(max(1, math.ceil(self.width_mm(line, size, bold) / width)) for line in text.split("\n"))

    def line_pitch(self, size: float = TABLE_PT) -> float:
        return line_pitch_mm(self.family, size)

    def fitter(self, width: float):
        """Wrap a name onto at most two lines of ``width`` mm, the second elided if need be."""
        def fit(text: str) -> str:
            if self.width_mm(text) <= width:
                return text
            words = text.split()
            first = words.pop(0)
            while words and self.width_mm(f"{first} {words[0]}") <= width:
                first += " " + words.pop(0)
            rest = " ".join(words)
            while rest and self.width_mm(rest) > width:
                rest = rest[:-2].rstrip() + "\u2026"
            return f"{first}\n{rest}" if rest else first
        return fit


@dataclass
class Plan:
    """Where things sit (mm): the maps grow into what the table leaves free."""

    maps_h: float
    top: float  # of the table
    row: float
    pitch: float
    lines: int  # text lines per row: 3 where a name wraps, else 2
    fit: object  # wraps a name to the name column
    columns: list  # (x, width) per text column
    spine: tuple  # (x, width) of the chart column
    legend_y: float
    findings_y: float
    findings_h: float
    badge_h: float  # 0 without class and cluster
    footer_y: float  # the footer rule; the source line may take two lines


def page_plan(builder: SheetBuilder, profiles: Profiles, source: str = "", spine: float = 30.0) -> Plan:
    """Each number column as wide as its longest text (a wrapped cell would push every row below
    it off its stripe); the names get the rest and wrap onto two lines where they must."""
    widths = []
    for _name, header, texts in sheet_columns(profiles)[1:]:
        cells = {header} | {t for ts in texts for t in ([ts] if isinstance(ts, str) else ts)}
        widths.append(max(builder.width_mm(t) for t in sorted(cells, key=len)[-8:]) + 3.5)
    name_w = PAGE_W - 2 * MARGIN - sum(widths) - spine - 2
    if name_w < 34:
        raise ProfileSheetError("profile_too_wide", width=round(sum(widths) + spine + 36))
    fit = builder.fitter(name_w - 3.5)
    wrapped = any("\n" in fit(i.label) for i in profiles.indicators)
    pitch, lines = builder.line_pitch(), 3 if wrapped else 2
    row, n = lines * pitch, len(profiles.indicators)
    # the findings box as high as the longest findings need (wrapped lines counted), no higher
    box_w = PAGE_W - 2 * MARGIN - 8
    wraps = max(builder.lines_needed(t, box_w, 9) for t in profiles.districts["findings_de"])
    findings_h = 12 + wraps * builder.line_pitch(9)
    badges = [t for t in profiles.districts["badge"] if t]
    badge_h = max((builder.lines_needed(t, RIGHT_W - 4, 9, True) for t in badges), default=0)
    badge_h = badge_h and badge_h * builder.line_pitch(9) + 3
    footer_y = 284 - (min(3, builder.lines_needed(source, 148, 7.5)) - 1) * builder.line_pitch(7.5)
    maps_h = max(62.0, min(125.0, footer_y - 5 - findings_h - 13 - (n + 1) * row - 8 - 40))
    top = 40 + maps_h + 8
    x, columns = MARGIN, []
    for w in [name_w] + widths:
        columns.append((x, w))
        x += w
    legend_y = top + (n + 1) * row + 2.5
    return Plan(maps_h, top, row, pitch, lines, fit, columns, (x + 2, PAGE_W - MARGIN - x - 2), legend_y,
                legend_y + 13, findings_h, badge_h, footer_y)


def _text(text, x, y, w, h, size=9.0, bold=False, colour=INK, align="left", **more) -> dict:
    return dict(text=text, x=x, y=y, w=w, h=h, size=size, bold=bold, colour=colour, align=align, **more)


def page_spec(request: SheetRequest, plan: Plan, family: str, locator: dict) -> dict:
    """Everything on the page but the detail map, for the sheet item (sheet_item.py)."""
    profiles = request.profiles
    n, width = len(profiles.indicators), PAGE_W - 2 * MARGIN
    table_h, bottom = (n + 1) * plan.row, plan.top + (n + 1) * plan.row
    rects = [[0, 0, PAGE_W, 32, BAND, "house"], [MARGIN, plan.top, width, plan.row, "#dde3ea"]]
    rects += [[MARGIN, plan.top + (i + 1) * plan.row, width, plan.row, STRIPE] for i in range(1, n, 2)]
    rects.append([MARGIN, plan.findings_y - 2, width, plan.findings_h, PALE])
    rules = [[MARGIN, bottom, PAGE_W - MARGIN, bottom, "#9aa5b1", 0.3],
             [MARGIN, plan.footer_y, PAGE_W - MARGIN, plan.footer_y, "#9aa5b1", 0.25]]
    texts = [_text("{pr_title}", MARGIN, 7, width, 12, 20, True, "#ffffff", wrap=False, on_house="title"),
             _text(literal(request.title) + " \u00b7 {pr_subtitle}", MARGIN, 21.5, width, 6, 9.5,
                   colour="#d0dbe8", wrap=False, on_house="subtitle")]
    if plan.badge_h:
        texts.append(_text("{pr_badge}", RIGHT_X, 40, RIGHT_W, plan.badge_h, 9, True, BAND, "center",
                           valign="middle", background="#e6ecf3", house=True))
    texts.append(_text("Lage im Stadtgebiet", RIGHT_X, locator["y"] + locator["h"] + 1.5, RIGHT_W, 4, 7.5,
                       colour=GREY, align="center"))
    text_y = plan.top + (plan.row - plan.pitch) / 2  # each row's first line in its middle
    for (name, _header, _texts), (x, w) in zip(sheet_columns(profiles), plan.columns):
        first = name == "pr_col_label"  # names left, numbers right
        texts.append(_text("{" + name + "}", x + (1.5 if first else 0), text_y, w - 2, table_h, TABLE_PT,
                           align="left" if first else "right", pitch=plan.pitch))
    sx, sw = plan.spine
    texts.append(_text("Einordnung", sx, text_y, sw, plan.row, TABLE_PT, align="center"))
    legend = legend_text(profiles, request.suppress_below, request.min_population)
    texts += [_text(literal(legend), MARGIN, plan.legend_y, width, 11, 6.8, colour=GREY),
              _text("Auf einen Blick", MARGIN + 3, plan.findings_y + 1, 100, 6, 10.5, True, BAND, house=True),
              _text("{findings}", MARGIN + 3, plan.findings_y + 8, width - 6, plan.findings_h - 9, 9)]
    y = plan.footer_y + 1.5
    texts += [_text(literal(footer_text(request)), MARGIN, y, 150, PAGE_H - 6 - y, 7.5, colour=GREY),
              _text("Seite {page} von {pages}", PAGE_W - MARGIN - 45, y, 45, 5, 7.5, colour=GREY,
                    align="right")]
    spine = {"field": "pr_spine", "x": sx, "y": plan.top + plan.row, "w": sw, "row": plan.row}
    return {"font": family, "house": BAND, "rects": rects, "rules": rules, "texts": texts, "spine": spine,
            "locator": locator}


def build_layout(project, spec: dict, plan: Plan) -> QgsPrintLayout:
    """The sheet item (under) and the atlas-driven detail map (over it)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    sheet = ProfileSheetItem(layout, spec)
    sheet.setId(SHEET_ID)
    layout.addLayoutItem(sheet)
    sheet.attemptSetSceneRect(QRectF(0, 0, PAGE_W, PAGE_H))  # before any zoomToExtent: DESIGN §6
    detail = QgsLayoutItemMap(layout)
    detail.setId("sr_detail")
    layout.addLayoutItem(detail)
    detail.attemptSetSceneRect(QRectF(MARGIN, 40, DETAIL_W, plan.maps_h))
    detail.setAtlasDriven(True)  # layers, CRS and extent: bind(), as for templates
    detail.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    detail.setAtlasMargin(0.15)
    detail.setFrameEnabled(True)
    detail.setFrameStrokeColor(QColor("#9aa5b1"))
    return layout


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


def bind(layout: QgsPrintLayout, request: SheetRequest, layer, locator: dict) -> None:
    """Point maps, static pictures and the atlas at this run's data (built or template layout)."""
    detail = layout.itemById("sr_detail")
    if isinstance(detail, QgsLayoutItemMap):
        detail.setLayers([layer])
        detail.setCrs(detail_crs(layer, layout.project()))
        detail.zoomToExtent(detail_extent(layer, detail, layout.project()))  # as the designer opens it
    for item in layout.items():
        if isinstance(item, ProfileSheetItem) and item.spec.get("locator"):
            # this run's city picture and extent; where a template placed the locator stays
            where = {k: item.spec["locator"][k] for k in ("x", "y") if k in item.spec["locator"]}
            item.spec["locator"] = dict(locator, **where)
    layout.setName(request.name)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
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


def remove_previous(project, name: str) -> None:
    """Re-running replaces: the old layout and the layers it owned go first (and unlock files)."""
    old = project.layoutManager().layoutByName(name)
    if old is not None:
        project.layoutManager().removeLayout(old)
    owned = [lid for lid, lyr in project.mapLayers().items() if lyr.customProperty(PROPERTY) == name]
    if owned:
        project.removeMapLayers(owned)


def make_sheets(request: SheetRequest, project, separate_folder: str = "", feedback=None,
                keep_layout: bool = False) -> SheetResult:
    """Charts, GeoPackage, the layout (left in the project) and the PDF(s). ``keep_layout``: a
    report's step, whose QGIS project file still needs the layout (the report removes it)."""
    profiles, folder = request.profiles, request.folder
    remove_previous(project, request.name)
    register()
    for sub in ("charts", "page"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    d = profiles.districts
    keys = [k or str(fid) for k, fid in zip(d["key"], request.fids)]
    builder = SheetBuilder()
    plan = page_plan(builder, profiles, footer_text(request))
    rows = charts.spine_rows(profiles)
    # standalone labelled charts for reports and web pages; the page draws its own from pr_spine
    chart_files = charts.write_svgs(folder / "charts", charts.unique_names(keys),
                                    (charts.spine_svg(r, 170, 8, labels=True) for r in rows))
    badge = plan.badge_h + 5 if plan.badge_h else 0
    extent, lw, lh = charts.locator_frame(request.layer.extent(), RIGHT_W, plan.maps_h - badge - 8)
    png = str(folder / "page" / "city.png")
    locator = {"x": RIGHT_X + (RIGHT_W - lw) / 2, "y": 40 + badge, "w": lw, "h": lh, "image": png,
               "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]}
    files = charts.unique_names([f"Profil_{k}_{n}" for k, n in zip(keys, d["name"])])
    extra = {"pr_spine": [json.dumps(charts.spine_marks(r)) for r in rows], "chart_path": chart_files,
             "pr_file": files}
    columns, kinds = profile_columns(profiles, extra, plan.fit, plan.lines)
    layer = write_profile_layer(request, columns, kinds)
    charts.render_city(layer, extent, lw, lh, png)
    layer.setRenderer(detail_renderer())
    layer.setCustomProperty(PROPERTY, request.name)
    project.addMapLayer(layer, False)  # the layout's maps need it; not shown in the layer tree
    if request.template:
        layout = load_template(request.template, project)
    else:
        layout = build_layout(project, page_spec(request, plan, builder.family, locator), plan)
    bind(layout, request, layer, locator)
    replace_layout(project, layout)
    pages = export_pdf(layout, request.output, feedback)
    files = [request.output] + (export_separate(layout, separate_folder, feedback) if separate_folder else [])
    if QgsApplication.instance().platform() == "qgis_process" and not keep_layout:
        # A one-shot command has no project to keep, and qgis_process 3.22 closes layers left in
        # its project only after GDAL is gone: it crashed on exit (rc 139) until they went here.
        remove_previous(project, request.name)
    return SheetResult(request.name, pages, files, str(folder))
