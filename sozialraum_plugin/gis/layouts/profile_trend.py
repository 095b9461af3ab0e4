"""The time block of a profile page: a small line chart of the district against the city over the
years, over a table of the years and their values (text in the PDF), in the right column under
the locator.

One indicator gets the chart: the first of the page with years (core.series.profile_years). Its
items are QGIS's own, like the rest of the page: a label (``pr_trend_title``), a picture whose
path is an expression relative to the GeoPackage (``trend/<name>.svg``), and an attribute table
over the GeoPackage's table ``profile_years`` (two rows per district: the district and the city,
one column a year) through a second project relation. The chart's year slots are the table's
year columns, so each point stands over its year and value. What the publication rule hides is
"·" in the table and a gap in the line (charts.trend_svg); the SVG has no text.

A run without years removes the three items (no empty box), as a run without a logo its logo.
"""
from __future__ import annotations

import math
import zlib

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutTableColumn,
    QgsProperty,
)
from qgis.PyQt.QtCore import QRectF, Qt

from ...core.formatting import SUPPRESSED, format_number, format_value, missing_text
from ...core.series.profile_years import HIDDEN
from .fonts import default_font

IDS = ("sr_trend_head", "sr_trend_chart", "sr_trend_table")
YEARS_NAME = "profile_years"
TREND_PT, TREND_MARGIN, CHART_H, HEAD_H = 6.5, 0.5, 19.0, 4.5
MIN_LOCATOR = 25.0  # mm: a smaller locator map is left off the page
MAX_YEARS = 10  # the right column holds ten years' values at TREND_PT; earlier years are left off
CHART_EXPRESSION = "file_path(layer_property(@atlas_layerid, 'path')) || '/' || \"pr_trend_chart\""


def chart_indicator(profiles):
    """The indicator of the chart: the first with years (None: no time block)."""
    years = getattr(profiles, "years", {}) or {}
    return next((ind for ind in profiles.indicators if ind.field in years), None)


def mark_words(words) -> dict:
    return {"rising": words.translate("ProfilePage", "rising"),
            "falling": words.translate("ProfilePage", "falling"),
            "none": words.translate("ProfilePage", "no clear change"), HIDDEN: SUPPRESSED}


def _text(value, decimals: int, lang: str) -> str:
    return format_value(value, "", decimals, lang=lang) if value is not None and math.isfinite(value) else ""


def years_text(profiles, words) -> str:
    """The time block and the trend marks, where the page has years."""
    if not getattr(profiles, "years", None):
        return ""
    text = " " + words.translate(
        "ProfilePage", "Over the years: orange = district, dashed grey = city; a gap = not shown. Trend: change "
        "from the first to the last year")
    windows = {ind.label: profiles.trend_years[ind.field] for ind in profiles.indicators
               if ind.field in profiles.trend_years}
    if len(set(windows.values())) > 1:  # the table's heading cannot name one window for all rows
        text += " (" + ", ".join(f"{label} {a}\u2013{b}" for label, (a, b) in windows.items()) + ")"
    # the arrows only where a district was tested (counts in at least three years), not merely counts given
    if any(facts.tested and facts.trend["reason"].eq("").any() for facts in profiles.years.values()):
        text += words.translate(
            "ProfilePage", "; for rates from counts the χ² test for trend: {up} rising, {down} falling, "
            "{flat} no clear change (p < {alpha})").format(
            up="\u2197", down="\u2198", flat="\u2192",
            alpha=format_number(max(f.alpha for f in profiles.years.values()), 2, lang=words.lang))
    lines = [ind.label for ind in profiles.indicators if ind.field in profiles.years
             and profiles.years[ind.field].city_method != profiles.city[ind.field].method]
    if lines:  # a rate without counts in every year: its city line is the median
        text += ". " + words.translate("ProfilePage", "City over the years as the median of the areas (no counts "
                                                      "for every year): {labels}").format(labels=", ".join(lines))
    return text + "."


def trend_data(request, keys: list) -> dict | None:
    """What the time block needs, or None without years: the districts' fields, the long table
    ``profile_years``, one SVG text per district and the years shown."""
    profiles, words, lang = request.profiles, request.words, request.lang
    ind = chart_indicator(profiles)
    if ind is None:
        return None
    facts = profiles.years[ind.field]
    status = profiles.cells[ind.field]["status"]
    district, city = words.translate("ProfilePage", "District"), words.translate("ProfilePage", "City")
    years = fitting_years(facts, ind, status, (district, city), getattr(request, "font", "") or default_font(),
                          lang, missing_text(words))
    values = facts.values[years]
    first, last = years[0], years[-1]
    title = f"{ind.label}, {first}\u2013{last}" + (f" ({ind.unit})" if ind.unit else "")
    columns = {"pr_trend_title": [title] * len(keys), "pr_trend_chart": [f"trend/{k}.svg" for k in keys]}
    marks = mark_words(words)
    for f in profiles.years:  # every indicator's mark in words, for a city's template
        columns[f"pr_{f}_mark"] = [marks.get(m, "") if s == "ok" or m == HIDDEN else "" for m, s in
                                   zip(profiles.cells[f]["trend_mark"], profiles.cells[f]["status"])]
    district_texts, city_texts = year_texts(facts, ind, status, years, lang, missing_text(words))
    table = {"pr_id": [], "pos": [], "label": [], **{f"y{y}": [] for y in years}}
    for pos, row in enumerate(district_texts):
        for n, (label, texts) in enumerate(((district, row), (city, city_texts))):
            table["pr_id"].append(pos + 1)
            table["pos"].append(n + 1)
            table["label"].append(label)
            for y, text in zip(years, texts):
                table[f"y{y}"].append(text)
    kinds = {name: "text" for name in table}
    kinds["pr_id"] = kinds["pos"] = "int"
    shown = [v for v in values.to_numpy().ravel().tolist() + facts.city[years].tolist()
             if v is not None and math.isfinite(v)]
    low, high = (min(shown), max(shown)) if shown else (0.0, 1.0)
    pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
    return {"field": ind.field, "years": years, "columns": columns, "table": (table, kinds),
            "range": (low - pad, high + pad), "district": values, "city": facts.city[years],
            "labels": (district, city), "title": title}


def year_texts(facts, ind, status, years, lang: str, none: str) -> tuple[list, list]:
    """The texts of the year table: per district (the profiles' order) and of the city, one per year."""
    city = [SUPPRESSED if facts.city_hidden[y] else _text(facts.city[y], ind.decimals, lang) or none for y in years]
    rows = []
    for idx in facts.values.index:
        row = [SUPPRESSED if facts.hidden.at[idx, y] else _text(facts.values.at[idx, y], ind.decimals, lang) or none
               for y in years]
        rows.append([SUPPRESSED] * len(years) if status[idx] == "hidden" else row)  # a small area: none at all
    return rows, city


def fitting_years(facts, ind, status, labels, family: str, lang: str, none: str, total: float | None = None) -> list:
    """The latest years (at most MAX_YEARS) whose values fit the right column side by side at TREND_PT:
    ten years of five-digit numbers do not, and the table ran over the page's edge, the last years
    (the report year's among them) cut off."""
    from .profile_page import RIGHT_W, text_width_mm

    years = facts.years[-MAX_YEARS:]
    rows, city = year_texts(facts, ind, status, years, lang, none)
    needed = [max(text_width_mm(family, TREND_PT, t) for t in {str(y), *column})
              for y, column in zip(years, zip(city, *rows))]
    label = max(text_width_mm(family, TREND_PT, t, True) for t in labels) + 1
    room = (total or RIGHT_W) - label - 2 * TREND_MARGIN
    n = len(years)
    while n > 2 and room / n - 2 * TREND_MARGIN < max(needed[-n:]):
        n -= 1
    return years[-n:]


def svgs(data: dict, width: float):
    """One chart per district (in the profiles' order), ``width`` mm wide."""
    from . import charts

    low, high = data["range"]
    city = [None if not math.isfinite(v) else float(v) for v in data["city"]]
    for _, row in data["district"].iterrows():
        yield charts.trend_svg([None if not math.isfinite(v) else float(v) for v in row], city, low, high,
                               width, CHART_H)


# --- the items ---------------------------------------------------------------------------------------

def add_items(layout, x: float, y: float, width: float) -> None:
    """The three items on the shipped page (placed for real by :func:`arrange`)."""
    from .profile_page import HOUSE, _label

    _label(layout, "sr_trend_head", '[% "pr_trend_title" %]', (x, y, width, HEAD_H), 7.5, HOUSE, True)
    chart = QgsLayoutItemPicture(layout)
    chart.setId("sr_trend_chart")
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Stretch)
    chart.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                              QgsProperty.fromExpression(CHART_EXPRESSION))
    layout.addLayoutItem(chart)
    chart.attemptSetSceneRect(QRectF(x, y + HEAD_H + 1, width, CHART_H))
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setSource(QgsLayoutItemAttributeTable.ContentSource.RelationChildren)
    table.setShowGrid(False)
    table.setCellMargin(TREND_MARGIN)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.HideTable)
    table.setHeaderHAlignment(QgsLayoutItemAttributeTable.HeaderHAlignment.FollowColumn)
    set_fonts(table, default_font())
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("sr_trend_table")
    table.addFrame(frame)
    frame.attemptSetSceneRect(QRectF(x, y + HEAD_H + CHART_H + 1.5, width, 12))


def set_fonts(table, family: str) -> None:
    from .profile_page import set_table_fonts

    set_table_fonts(table, family, TREND_PT)


def trend_table(layout):
    frame = layout.itemById("sr_trend_table")
    table = frame.multiFrame() if isinstance(frame, QgsLayoutFrame) else None
    return table if isinstance(table, QgsLayoutItemAttributeTable) else None


def remove_items(layout) -> None:
    """No years: no time block."""
    table = trend_table(layout)
    if table is not None:
        layout.removeMultiFrame(table)
    for item_id in IDS:
        item = layout.itemById(item_id)
        if item is not None:
            layout.removeLayoutItem(item)


def relation_id(name: str) -> str:
    return f"sr_profile_years_{zlib.crc32(name.encode('utf-8')):08x}"


def widths(family: str, data: dict, total: float) -> tuple[float, float]:
    """(label column, each year column) in mm: the year columns share what the label leaves."""
    from .profile_page import text_width_mm

    table = data["table"][0]
    label = max(text_width_mm(family, TREND_PT, t, True) for t in data["labels"]) + 1
    year = (total - label - 2 * TREND_MARGIN) / len(data["years"]) - 2 * TREND_MARGIN
    needed = max(text_width_mm(family, TREND_PT, t) for name in table if name.startswith("y")
                 for t in set(table[name]) | {name[1:]})
    return label, max(year, needed)


def bind(layout, project, districts, years_layer, request, data: dict, family: str) -> None:
    """Point the table at ``profile_years`` (a relation from the districts) and set its columns."""
    from .profile_page import add_relation

    table = trend_table(layout)
    if table is None:
        return
    frame = layout.itemById("sr_trend_table")
    total = frame.rect().width()  # as designed: a bound table widens its frame to its columns' sum
    add_relation(project, districts, years_layer, request.name, relation_id(request.name))
    table.setVectorLayer(years_layer)
    table.setSource(table.ContentSource.RelationChildren)
    table.setRelationId(relation_id(request.name))
    label_w, year_w = widths(family, data, total)
    columns = []
    for name, heading, width in [("label", "", label_w)] + [(f"y{y}", str(y), year_w) for y in data["years"]]:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(name)
        column.setWidth(width)
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if name == "label" else Qt.AlignmentFlag.AlignHCenter)
        columns.append(column)
    if hasattr(table, "setDisplayColumns"):
        table.setDisplayColumns(columns)
    else:  # QGIS 3.22
        table.setColumns(columns)
    set_fonts(table, family)
    data["slots"] = (label_w + 2 * TREND_MARGIN, len(data["years"]) * (year_w + 2 * TREND_MARGIN))


def arrange(layout, x: float, bottom: float, width: float, header: float, row: float) -> float:
    """The block at the foot of the right column, ending at ``bottom``; returns its top."""
    table_h = header + 2 * row + 0.5
    top = bottom - HEAD_H - 1 - CHART_H - 0.5 - table_h
    for item_id, rect in (("sr_trend_head", (x, top, width, HEAD_H)),
                          ("sr_trend_table", (x, bottom - table_h, width, table_h))):
        item = layout.itemById(item_id)
        if item is not None:
            item.attemptSetSceneRect(QRectF(*rect))
    return top


def place_chart(layout, data: dict) -> float:
    """The chart over the table's year columns (after :func:`bind` measured them); its width."""
    chart, frame = layout.itemById("sr_trend_chart"), layout.itemById("sr_trend_table")
    if chart is None or frame is None or "slots" not in data:
        return chart.rect().width() if chart is not None else 0.0
    offset, width = data["slots"]
    pos = frame.pos()
    chart.attemptSetSceneRect(QRectF(pos.x() + offset, pos.y() - CHART_H - 0.5, width, CHART_H))
    return width


def finish(layout, project, request, districts, years_layer, data: dict | None, family: str, heights: dict | None,
           keys: list) -> None:
    """Bind the block (or remove it without years); on the shipped page (``heights`` given) put it
    at the foot of the right column, the locator above it; then write the charts."""
    from qgis.core import QgsLayoutSize, QgsUnitTypes

    from . import charts
    from .profile_page import RIGHT_W, RIGHT_X, TOP, measure_rows

    if data is None:
        remove_items(layout)
        return
    bind(layout, project, districts, years_layer, request, data, family)
    chart = layout.itemById("sr_trend_chart")
    width = chart.rect().width() if chart is not None else 60.0
    if heights is not None and trend_table(layout) is not None:
        header, row = measure_rows(trend_table(layout))
        top = arrange(layout, RIGHT_X, TOP + heights["maps_h"], RIGHT_W, header, row)
        locator = layout.itemById("sr_locator")
        if locator is not None:
            height = top - 3 - locator.pos().y()
            if height < MIN_LOCATOR:  # a full page (many rows and findings): the detail map shows the
                for item in (layout.itemById("sr_locator"), layout.itemById("sr_locator_city")):
                    if item is not None:  # surroundings; no locator squeezed over the time block
                        layout.removeLayoutItem(item)
            else:
                locator.attemptResize(QgsLayoutSize(RIGHT_W, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        width = place_chart(layout, data)
    charts.write_svgs(request.folder / "trend", keys, svgs(data, width))
