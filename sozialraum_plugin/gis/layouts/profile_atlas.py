"""Profile sheets: one atlas page per district, laid out on A4 and exported to PDF.

Why it is built this way (measured on QGIS 3.22; bench/profiles_vs_atlas.py):

* every layout item costs per page whatever it draws (~0.4 ms a label), a second map item
  ~10 ms, a city map of all districts ~240 ms, text inside an SVG picture ~12 ms and ~50 kB (it
  turns into outlines). So the table is one multi-line label per column fed by per-feature text
  fields; the locator is a PNG of the city rendered once plus a small SVG overlay per district;
  the chart is a text-free spine column aligned with the table rows; bands and stripes are one
  static SVG.
* live joins have crashed atlases (QGIS #40353): the atlas reads only its own GeoPackage.
* text stays text in the PDF (searchable, and pdftotext can check it).

The texts and values of each page and the GeoPackage they are written to are in profile_data.py;
this module places the items, binds the atlas and exports. Page texts are German (DESIGN §2).
"""
from __future__ import annotations

import math
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsExpression,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProperty,
    QgsReadWriteContext,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...core.profile import Profiles
from . import charts
from .map_page import default_font, replace_layout, text_label
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

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 12.0
BAND, INK, GREY, PALE, STRIPE = "#1d3557", "#222222", "#5a5a5a", "#f3f5f8", "#eef1f5"
DETAIL_W, RIGHT_X, RIGHT_W = 104.0, 122.0, 76.0  # detail map left; badge and locator right
TABLE_PT = 8.5
PROPERTY = "sozialraum/profile_layout"  # marks the layers a profile layout owns


# --- the page ---------------------------------------------------------------------------------------

class SheetBuilder:
    """Places items on an A4 portrait page; all sizes in mm."""

    def __init__(self, layout: QgsPrintLayout):
        self.layout, self.family = layout, default_font()

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def place(self, item, item_id: str, x: float, y: float, w: float, h: float):
        item.setId(item_id)
        self.layout.addLayoutItem(item)
        item.attemptSetSceneRect(QRectF(x, y, w, h))  # before any zoomToExtent: DESIGN §6
        return item

    def label(self, item_id, text, x, y, w, h, size=9.0, bold=False, colour=INK,
              align=Qt.AlignmentFlag.AlignLeft) -> QgsLayoutItemLabel:
        item = text_label(self.layout, text, self.font(size, bold), colour, align)
        return self.place(item, item_id, x, y, w, h)

    def picture(self, item_id, x, y, w, h, path: str = "", field_name: str = "") -> QgsLayoutItemPicture:
        item = QgsLayoutItemPicture(self.layout)
        item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
        if path:
            item.setPicturePath(path)
        if field_name:
            item.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                     QgsProperty.fromField(field_name))
        return self.place(item, item_id, x, y, w, h)

    def width_mm(self, text: str, size: float = TABLE_PT, bold: bool = False) -> float:
        return QgsLayoutUtils.textWidthMM(self.font(size, bold), text)

    def lines_needed(self, text: str, width: float, size: float, bold: bool = False) -> int:
        """Lines ``text`` takes in a label ``width`` mm wide (its own line breaks and wrapping)."""
        return sum(max(1, math.ceil(self.width_mm(line, size, bold) / width)) for line in text.split("\n"))

    def line_pitch(self, size: float = TABLE_PT) -> float:
        """Distance of two lines of a label (mm), from QGIS's own text metrics."""
        font = self.font(size)
        return QgsLayoutUtils.textHeightMM(font, "A\nA") - QgsLayoutUtils.textHeightMM(font, "A")

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


def build_layout(request: SheetRequest, layer, project, paths: dict, plan: Plan) -> QgsPrintLayout:
    """Header band, detail map, badge and locator, table with spine column, findings, footer."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    b, profiles = SheetBuilder(layout), request.profiles
    n, width = len(profiles.indicators), PAGE_W - 2 * MARGIN
    table_h = (n + 1) * plan.row
    b.picture("sr_background", 0, 0, PAGE_W, PAGE_H, path=paths["background"])
    b.label("sr_title", '[% "pr_title" %]', MARGIN, 7, width, 12, 20, True, "#ffffff")
    b.label("sr_subtitle", f'{request.title} \u00b7 [% "pr_subtitle" %]', MARGIN, 21.5, width, 6, 9.5,
            colour="#d0dbe8")
    detail = b.place(QgsLayoutItemMap(layout), "sr_detail", MARGIN, 40, DETAIL_W, plan.maps_h)
    detail.setCrs(layer.crs())
    detail.setLayers([layer])
    detail.zoomToExtent(layer.extent())
    detail.setAtlasDriven(True)
    detail.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    detail.setAtlasMargin(0.15)
    detail.setFrameEnabled(True)
    detail.setFrameStrokeColor(QColor("#9aa5b1"))
    lx, lw, lh = paths["locator_frame"]
    ly = 40.0
    if plan.badge_h:
        badge = b.label("sr_badge", '[% "pr_badge" %]', RIGHT_X, ly, RIGHT_W, plan.badge_h, 9, True, BAND,
                        Qt.AlignmentFlag.AlignHCenter)
        badge.setVAlign(Qt.AlignmentFlag.AlignVCenter)
        badge.setBackgroundEnabled(True)
        badge.setBackgroundColor(QColor("#e6ecf3"))
        ly += plan.badge_h + 5
    b.picture("sr_locator_base", lx, ly, lw, lh, path=paths["locator_png"])
    b.picture("sr_locator", lx, ly, lw, lh, field_name="locator_path")
    b.label("sr_locator_caption", "Lage im Stadtgebiet", RIGHT_X, ly + lh + 1.5, RIGHT_W, 4, 7.5,
            colour=GREY, align=Qt.AlignmentFlag.AlignHCenter)
    text_y = plan.top + (plan.row - plan.pitch) / 2  # each row's first line in its middle
    for (name, _header, _texts), (x, w) in zip(sheet_columns(profiles), plan.columns):
        first = name == "pr_col_label"  # names left, numbers right
        b.label(name, f'[% "{name}" %]', x + (1.5 if first else 0), text_y, w - 2, table_h, TABLE_PT,
                align=Qt.AlignmentFlag.AlignLeft if first else Qt.AlignmentFlag.AlignRight)
    sx, sw = plan.spine
    b.label("sr_spine_header", "Einordnung", sx, text_y, sw, plan.row, TABLE_PT,
            align=Qt.AlignmentFlag.AlignHCenter)
    b.picture("sr_chart", sx, plan.top + plan.row, sw, n * plan.row, field_name="chart_path")
    legend = legend_text(profiles, request.suppress_below, request.min_population)
    b.label("sr_legend", legend, MARGIN, plan.legend_y, width, 11, 6.8, colour=GREY)
    b.label("sr_findings_title", "Auf einen Blick", MARGIN + 3, plan.findings_y + 1, 100, 6, 10.5, True, BAND)
    b.label("sr_findings", '[% "findings" %]', MARGIN + 3, plan.findings_y + 8, width - 6,
            plan.findings_h - 9, 9)
    source = footer_text(request)
    y = plan.footer_y + 1.5
    b.label("sr_source", source, MARGIN, y, 150, PAGE_H - 6 - y, 7.5, colour=GREY)
    b.label("sr_page", "Seite [% @atlas_featurenumber %] von [% @atlas_totalfeatures %]",
            PAGE_W - MARGIN - 45, y, 45, 5, 7.5, colour=GREY, align=Qt.AlignmentFlag.AlignRight)
    return layout


def background_svg(plan: Plan, n: int) -> str:
    """Header band, table header and stripes, findings box and footer rule: one static picture."""
    width, bottom = PAGE_W - 2 * MARGIN, plan.top + (n + 1) * plan.row
    rects = [(0, 0, PAGE_W, 32, BAND), (MARGIN, plan.top, width, plan.row, "#dde3ea")]
    rects += [(MARGIN, plan.top + (i + 1) * plan.row, width, plan.row, STRIPE) for i in range(1, n, 2)]
    rects.append((MARGIN, plan.findings_y - 2, width, plan.findings_h, PALE))
    rules = [(MARGIN, bottom, PAGE_W - MARGIN, bottom, "#9aa5b1", 0.3),
             (MARGIN, plan.footer_y, PAGE_W - MARGIN, plan.footer_y, "#9aa5b1", 0.25)]
    return charts.shapes_svg(PAGE_W, PAGE_H, rects, rules)


def load_template(path: str, project) -> QgsPrintLayout:
    doc, layout = QDomDocument(), QgsPrintLayout(project)
    try:
        parsed = doc.setContent(Path(path).read_text(encoding="utf-8"))
    except OSError:
        parsed = False
    parsed = parsed if isinstance(parsed, bool) else parsed[0]  # PyQt5 returns a tuple
    if not parsed or not layout.loadFromTemplate(doc, QgsReadWriteContext())[1]:
        raise ProfileSheetError("profile_template_invalid", file=path)
    return layout


def bind(layout: QgsPrintLayout, request: SheetRequest, layer, paths: dict) -> None:
    """Point maps, static pictures and the atlas at this run's data (built or template layout)."""
    detail = layout.itemById("sr_detail")
    if isinstance(detail, QgsLayoutItemMap):
        detail.setLayers([layer])
        detail.setCrs(layer.crs())
    for item_id, key in (("sr_background", "background"), ("sr_locator_base", "locator_png")):
        item = layout.itemById(item_id)
        if isinstance(item, QgsLayoutItemPicture):  # items with our ids show this run's files
            item.setPicturePath(paths[key])
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
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
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
        os.replace(temp, path)
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
            os.replace(os.path.join(work, name), os.path.join(folder, name))
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


def make_sheets(request: SheetRequest, project, separate_folder: str = "", feedback=None) -> SheetResult:
    """Charts, GeoPackage, the layout (left in the project) and the PDF(s)."""
    profiles, folder = request.profiles, request.folder
    remove_previous(project, request.name)
    for sub in ("charts", "page"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    d = profiles.districts
    keys = [k or str(fid) for k, fid in zip(d["key"], request.fids)]
    names = charts.unique_names(keys)
    builder = SheetBuilder(QgsPrintLayout(project))
    plan = page_plan(builder, profiles, footer_text(request))
    rows = charts.spine_rows(profiles)
    spines = charts.write_svgs(folder / "page", [f"{n}_spine" for n in names],
                               (charts.spine_svg(r, plan.spine[1], plan.row) for r in rows))
    charts.write_svgs(folder / "charts", names, (charts.spine_svg(r, 170, 8, labels=True) for r in rows))
    badge = plan.badge_h + 5 if plan.badge_h else 0
    extent, lw, lh = charts.locator_frame(request.layer.extent(), RIGHT_W, plan.maps_h - badge - 8)
    box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    tolerance = max(extent.width(), extent.height()) / 600
    locators = [""] * len(names)

    def locator(pos, geometry):
        locators[pos] = charts.locator_svg(charts.rings_of(geometry, tolerance), box, lw, lh)

    files = charts.unique_names([f"Profil_{k}_{n}" for k, n in zip(keys, d["name"])])
    extra = {"chart_path": spines, "pr_file": files,
             "locator_path": [str((folder / "page" / f"{n}_lage.svg").resolve()) for n in names]}
    columns, kinds = profile_columns(profiles, extra, plan.fit, plan.lines)
    layer = write_profile_layer(request, columns, kinds, locator)
    charts.write_svgs(folder / "page", [f"{n}_lage" for n in names], locators)
    paths = {"background": str(folder / "page" / "background.svg"),
             "locator_png": str(folder / "page" / "city.png"),
             "locator_frame": (RIGHT_X + (RIGHT_W - lw) / 2, lw, lh)}
    charts.render_city(layer, extent, lw, lh, paths["locator_png"])
    Path(paths["background"]).write_text(background_svg(plan, len(profiles.indicators)), encoding="utf-8")
    layer.setRenderer(detail_renderer())
    layer.setCustomProperty(PROPERTY, request.name)
    project.addMapLayer(layer, False)  # the layout's maps need it; not shown in the layer tree
    if request.template:
        layout = load_template(request.template, project)
    else:
        layout = build_layout(request, layer, project, paths, plan)
    bind(layout, request, layer, paths)
    replace_layout(project, layout)
    pages = export_pdf(layout, request.output, feedback)
    files = [request.output] + (export_separate(layout, separate_folder, feedback) if separate_folder else [])
    if QgsApplication.instance().platform() == "qgis_process":
        # A one-shot command has no project to keep, and qgis_process 3.22 closes layers left in
        # its project only after GDAL is gone: it crashed on exit (rc 139) until they went here.
        remove_previous(project, request.name)
    return SheetResult(request.name, pages, files, str(folder))
