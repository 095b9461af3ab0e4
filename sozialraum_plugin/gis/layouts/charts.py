"""Pictures for profile pages: SVG charts built as plain strings (no matplotlib, no Qt), and
the city map behind the locator, rendered once with QGIS.

A **spine chart** per district, the layout public-health area profiles made familiar: per
indicator a light band for the range of all areas, a darker band for the middle half, a line for
the city value in the middle and a dot for the district. The scale of each row is centred on the
city value, so rows in different units read alike; right = more need (or a higher value where
an indicator has no direction). A dot is orange where the district is among the areas with the
most need, blue among those with the least, grey otherwise (the same rule as the findings).

On the page the chart is a picture item over the table's last column, one SVG per district
without text (text in an SVG picture turns into outlines in a PDF; the table says the values):
its rows are the table's rows. ``spine_svg`` with ``labels=True`` is the standalone chart with
indicator names, values and a legend, written per district for reports and web pages. All sizes
are millimetres (viewBox units).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from ...core.fileio import atomic_path, write_text

WORSE, BETTER, MIDDLE = "#d95f02", "#1f78b4", "#525252"  # orange/blue: safe for colour blindness
RANGE, MIDDLE_HALF, CITY = "#e3e3e3", "#b8b8b8", "#222222"
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


@dataclass
class SpineRow:
    """One indicator of one district; ``value`` None where it is not shown (·, keine Daten)."""

    label: str
    value: float | None
    city: float
    low: float  # smallest value of the reference areas
    high: float
    q25: float
    q75: float
    direction: int = 0  # +1 higher = more need, −1 lower = more need, 0 none
    tone: str = "middle"  # worse | better | middle
    value_text: str = ""
    city_text: str = ""


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _position(row: SpineRow, value: float, left: float, width: float) -> float:
    """x of ``value``: the city value in the middle, the farthest area at the edge."""
    half = max(abs(row.low - row.city), abs(row.high - row.city))
    if not half or not math.isfinite(half):
        return left + width / 2
    share = (value - row.city) / half * (-1 if row.direction == -1 else 1)
    return left + width / 2 + max(-1.0, min(1.0, share)) * width / 2


def _finite(*values) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _row_shapes(row: SpineRow, y: float, height: float, left: float, width: float) -> list[str]:
    mid = y + height / 2
    height = min(height, 7.5)  # taller rows (wrapped names) keep bars and dots at their size
    parts = []
    if _finite(row.low, row.high, row.city):
        a, b = sorted((_position(row, row.low, left, width), _position(row, row.high, left, width)))
        parts.append(f'<rect x="{_num(a)}" y="{_num(mid - height * 0.2)}" width="{_num(b - a)}" '
                     f'height="{_num(height * 0.4)}" fill="{RANGE}"/>')
    if _finite(row.q25, row.q75, row.city):
        a, b = sorted((_position(row, row.q25, left, width), _position(row, row.q75, left, width)))
        parts.append(f'<rect x="{_num(a)}" y="{_num(mid - height * 0.2)}" width="{_num(b - a)}" '
                     f'height="{_num(height * 0.4)}" fill="{MIDDLE_HALF}"/>')
    centre = left + width / 2
    parts.append(f'<line x1="{_num(centre)}" x2="{_num(centre)}" y1="{_num(mid - height * 0.38)}" '
                 f'y2="{_num(mid + height * 0.38)}" stroke="{CITY}" stroke-width="0.35"/>')
    if _finite(row.value, row.city):
        colour = {"worse": WORSE, "better": BETTER}.get(row.tone, MIDDLE)
        x = _position(row, row.value, left, width)
        parts.append(f'<circle cx="{_num(x)}" cy="{_num(mid)}" r="{_num(height * 0.26)}" fill="{colour}" '
                     f'stroke="#ffffff" stroke-width="0.3"/>')
    return parts


def _svg(width: float, height: float, body: Iterable[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}mm" height="{_num(height)}mm" '
            f'viewBox="0 0 {_num(width)} {_num(height)}">' + "".join(body) + "</svg>\n")


def spine_svg(rows: Sequence[SpineRow], width: float, row_height: float, labels: bool = False,
              words=None) -> str:
    """The chart for one district; without labels exactly ``len(rows) * row_height`` mm high.
    ``words`` (OutputWords or PlainWords) give the labelled chart's texts in its language."""
    if not labels:
        body = [shape for i, row in enumerate(rows)
                for shape in _row_shapes(row, i * row_height, row_height, 1, width - 2)]
        return _svg(width, len(rows) * row_height, body)
    if words is None:
        from ...core.language import PlainWords

        words = PlainWords("en")
    city = words.translate("ProfilePage", "City value")
    key = words.translate("ProfilePage", "Middle: city value; dark grey: middle half of the areas; "
                                          "light grey: all areas; right: more need (higher value)")
    label_w, value_w, top, legend = width * 0.34, width * 0.16, 7.0, 8.0
    bar_left, bar_w = label_w + 2, width - label_w - value_w - 4
    body = [f'<text x="{_num(bar_left + bar_w / 2)}" y="4.5" font-family="{FONT}" font-size="2.8" '
            f'text-anchor="middle" fill="#333333">{escape(city)}</text>']
    for i, row in enumerate(rows):
        y = top + i * row_height
        base = _num(y + row_height * 0.66)
        body.append(f'<text x="0" y="{base}" font-family="{FONT}" font-size="3.1">{escape(row.label)}</text>')
        body.extend(_row_shapes(row, y, row_height, bar_left, bar_w))
        body.append(f'<text x="{_num(width)}" y="{base}" font-family="{FONT}" font-size="3.1" '
                    f'text-anchor="end">{escape(row.value_text)}</text>')
    y = top + len(rows) * row_height + 5
    body.append(f'<text x="0" y="{_num(y)}" font-family="{FONT}" font-size="2.5" fill="#555555">'
                f"{escape(key)}</text>")
    return _svg(width, top + len(rows) * row_height + legend, body)


def trend_svg(district: Sequence[float | None], city: Sequence[float | None], low: float, high: float,
              width: float, height: float) -> str:
    """A small line chart without text: the district (orange, dots) against the city (dark grey,
    dashed) over the years, one x slot per year (the slots are the columns of the years table
    under it, which prints years and values). A year not shown is a gap: no dot, and the line
    breaks there. ``low`` / ``high``: the indicator's range over all districts and the city, so
    every page draws to the same scale."""
    n = len(district)
    slot = width / max(n, 1)
    span = (high - low) if _finite(low, high) and high > low else 1.0
    top, bottom = 1.5, height - 1.5

    def y(value: float) -> float:
        return bottom - (value - low) / span * (bottom - top)

    body = [f'<line x1="0" x2="{_num(width)}" y1="{_num(height - 0.2)}" y2="{_num(height - 0.2)}" '
            f'stroke="#9aa5b1" stroke-width="0.25"/>']
    body += [f'<line x1="{_num((i + 0.5) * slot)}" x2="{_num((i + 0.5) * slot)}" y1="0" y2="{_num(height)}" '
             f'stroke="#e3e7ec" stroke-width="0.2"/>' for i in range(n)]
    for values, colour, dash, kind in ((city, CITY, ' stroke-dasharray="1.2,0.8"', "city"),
                                       (district, WORSE, "", "district")):
        points = [((i + 0.5) * slot, y(v)) if v is not None and math.isfinite(v) else None
                  for i, v in enumerate(values)]
        run: list = []
        for point in points + [None]:  # a gap ends a run of the line
            if point is not None:
                run.append(point)
                continue
            if len(run) > 1:
                path = " ".join(f"{_num(a)},{_num(b)}" for a, b in run)
                body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                            f'stroke-width="{0.45 if kind == "city" else 0.6}"{dash}/>')
            run = []
        radius = 0.55 if kind == "city" else 0.85
        body += [f'<circle class="{kind}" cx="{_num(a)}" cy="{_num(b)}" r="{radius}" fill="{colour}" '
                 f'stroke="#ffffff" stroke-width="0.2"/>' for a, b in (p for p in points if p is not None)]
    return _svg(width, height, body)


def render_city(layer, extent, width: float, height: float, path: str, dpi: int = 250, crs=None) -> None:
    """All districts in pale grey as a PNG of ``width`` × ``height`` mm."""
    from qgis.core import (
        QgsFillSymbol,
        QgsMapRendererCustomPainterJob,
        QgsMapSettings,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    base = QgsVectorLayer(layer.source(), "city", layer.providerType())  # own style, same data
    base.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#dcdfe3", "outline_color": "#ffffff", "outline_width": "0.15"})))
    settings = QgsMapSettings()
    settings.setLayers([base])
    settings.setDestinationCrs(crs if crs is not None and crs.isValid() else layer.crs())
    settings.setExtent(extent)
    size = QSize(round(width / 25.4 * dpi), round(height / 25.4 * dpi))
    settings.setOutputSize(size)
    settings.setOutputDpi(dpi)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255, 0))
    painter = QPainter(image)
    QgsMapRendererCustomPainterJob(settings, painter).renderSynchronously()
    painter.end()
    with atomic_path(path, suffix=Path(path).suffix) as temp:  # the format follows the suffix
        if not image.save(temp):
            raise OSError(f"the image {path} could not be written")


def spine_rows(profiles, notable: float = 0.2, lang: str = "de") -> list[list[SpineRow]]:
    """One list of rows per district (in the profiles' order) from core.profiles.profile's facts.

    Ranges and quartiles come from the values that are shown, so a hidden value cannot be read
    off the chart's edge.
    """
    stats = {}
    for ind in profiles.indicators:
        shown = profiles.cells[ind.field]["value"].dropna()
        stats[ind.field] = (shown.min(), shown.max(), shown.quantile(0.25), shown.quantile(0.75)) \
            if len(shown) else (math.nan,) * 4
    texts = {ind.field: profiles.value_text(ind, lang) for ind in profiles.indicators}
    records = {ind.field: profiles.cells[ind.field].to_dict("records") for ind in profiles.indicators}
    out = []
    for pos in range(len(profiles.districts)):
        rows = []
        for ind in profiles.indicators:
            cell = records[ind.field][pos]
            low, high, q25, q75 = stats[ind.field]
            tone = "middle"
            if ind.direction and cell["status"] == "ok" and cell["n"]:
                if cell["rank"] / cell["n"] <= notable:
                    tone = "worse"
                elif (cell["n"] - cell["rank"] + 1) / cell["n"] <= notable:
                    tone = "better"
            value = cell["value"] if cell["status"] == "ok" else None
            rows.append(SpineRow(ind.label, value, profiles.city[ind.field].value, low, high, q25, q75,
                                 ind.direction, tone, texts[ind.field].iloc[pos], profiles.city_text(ind, lang)))
        out.append(rows)
    return out


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name part with letters, digits, '-' and '_' only ('Neustadt/Süd' → 'Neustadt_Sued')."""
    folded = unicodedata.normalize("NFKD", str(text).translate(_FOLD)).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", folded).strip("_-")
    return re.sub(r"_+", "_", cleaned)[:limit].rstrip("_-") or "x"


def unique_names(parts: Sequence[str]) -> list[str]:
    """Safe names, made unique by a counter where two districts would share one."""
    seen: dict[str, int] = {}
    out = []
    for part in parts:
        name = safe_name(part)
        count = seen.get(name.lower(), 0)
        seen[name.lower()] = count + 1
        out.append(name if count == 0 else f"{name}_{count + 1}")
    return out


def write_svgs(folder: str | Path, names: Sequence[str], svgs: Iterable[str]) -> list[str]:
    """Write one SVG per name into ``folder``; returns the absolute paths in the same order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, svg in zip(names, svgs):
        path = folder / f"{name}.svg"
        write_text(str(path), svg)  # atomically: a page never shows a half-written chart
        paths.append(str(path.resolve()))
    return paths
