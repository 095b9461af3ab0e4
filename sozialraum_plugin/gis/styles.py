"""Renderers for thematic maps: ColorBrewer-style ramps, classes, hatched 'no data', labels.

Colours are the published ColorBrewer specification values (Cynthia Brewer, colorbrewer2.org),
typed in as hex. Sequential ramps run light → dark, so they stay ordered in greyscale print and for
colour-blind readers; diverging ramps are listed cool → warm (low → high values), so the warm end
always marks the higher value, i.e. the higher need for need indicators.

A graduated renderer draws nothing for NULL, so areas without a value or excluded from the
assessment are drawn by a companion layer with a categorized, hatched-grey renderer (see
:func:`nodata_renderer`); the thematic renderer itself stays a plain graduated/categorized one
that the officer can reclassify by hand.
"""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from .categories import Categories, categorize
from .classify import (
    QGIS_METHODS,
    Classification,
    MapError,
    classify,
    count_label,
    default_words,
)
from .style_storage import (  # noqa: F401  (kept importable from here)
    combined_renderer,
    is_gpkg_layer,
    range_rules,
    save_style_to_gpkg,
)

translate = QCoreApplication.translate

SEQUENTIAL = {
    "Reds": "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d a50f15 67000d",
    "OrRd": "fff7ec fee8c8 fdd49e fdbb84 fc8d59 ef6548 d7301f b30000 7f0000",
    "YlOrRd": "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c bd0026 800026",
    "Blues": "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b",
    "Purples": "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d",
    "YlGnBu": "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58",
    "Greys": "ffffff f0f0f0 d9d9d9 bdbdbd 969696 737373 525252 252525 000000",
}
DIVERGING = {  # ColorBrewer order reversed: cool (low) → warm (high)
    "RdBu": "053061 2166ac 4393c3 92c5de d1e5f0 f7f7f7 fddbc7 f4a582 d6604d b2182b 67001f",
    "PuOr": "2d004b 542788 8073ac b2abd2 d8daeb f7f7f7 fee0b6 fdb863 e08214 b35806 7f3b08",
}
QUALITATIVE = ("1b9e77 d95f02 7570b3 e7298a 66a61e e6ab02 a6761d 666666 "  # Dark2, then Set2
               "66c2a5 fc8d62 8da0cb e78ac3 a6d854 ffd92f e5c494 b3b3b3").split()
RAMPS = tuple(SEQUENTIAL) + tuple(DIVERGING)
DYNAMIC_COLOURS = ("#92c5de", "#f7f7f7", "#d6604d")  # positiv, stabil, negativ: 3 grey levels too
GROUP_COLOURS = {  # dynamics → hue family (blue/grey/red), status → lightness (light = high status)
    0: ("#deebf7", "#9ecae1", "#4292c6", "#08519c"),
    1: ("#e3e3e3", "#bdbdbd", "#8c8c8c", "#4d4d4d"),  # not white: white is the mask
    2: ("#fee0d2", "#fc9272", "#de2d26", "#a50f15"),
}
OUTLINE = "#ffffff"  # thin white borders keep 500 small areas readable without darkening them
NODATA_FILL, NODATA_LINES = "#e3e3e3", "#8c8c8c"
MASK_FILL, MASK_OUTLINE = "#ffffff", "#bdbdbd"


# --- colours -------------------------------------------------------------------------------------

def _mix(a: str, b: str, t: float) -> str:
    ca, cb = QColor("#" + a), QColor("#" + b)
    mixed = [round(x + (y - x) * t) for x, y in zip(ca.getRgb()[:3], cb.getRgb()[:3])]
    return "{:02x}{:02x}{:02x}".format(*mixed)


def _sample(hexes: list[str], n: int, first: int, last: int) -> list[str]:
    """n colours evenly spaced between positions ``first`` and ``last`` of the palette."""
    if n == 1:
        return ["#" + hexes[round((first + last) / 2)]]
    out = []
    for i in range(n):
        pos = first + (last - first) * i / (n - 1)
        k = min(int(pos), len(hexes) - 2)
        out.append("#" + _mix(hexes[k], hexes[k + 1], pos - k))
    return out


def ramp_colours(name: str, n: int, invert: bool = False) -> list[str]:
    """``n`` colours of a ramp, low → high. Sequential ramps skip the near-white end (it reads
    as 'no data' and vanishes in print); diverging ones keep the neutral centre for odd ``n``."""
    if name in DIVERGING:
        hexes = DIVERGING[name].split()
        first, last = (1, 9) if n <= 9 else (0, 10)
    else:
        hexes = SEQUENTIAL.get(name, SEQUENTIAL["OrRd"]).split()
        first, last = 1, 8
    colours = _sample(hexes, n, first, last)
    return colours[::-1] if invert else colours


def centred_colours(name: str, ranges: list[tuple[float, float]], centre: float,
                    invert: bool = False, sampler=None) -> list[str]:
    """Diverging colours centred on ``centre`` (the mean): the class holding it is neutral, and
    classes get darker step by step away from it on either side, however many lie on each.
    ``sampler(name, n, invert)`` gives the scale (default: :func:`ramp_colours`)."""
    holding = next((i for i, (lo, hi) in enumerate(ranges) if lo < centre < hi), None)
    if holding is not None:
        steps = [i - holding for i in range(len(ranges))]
    else:  # a break sits on the centre: the classes either side are −1 and +1
        below = sum(1 for _, hi in ranges if hi <= centre)
        steps = [i - below if i < below else i - below + 1 for i in range(len(ranges))]
    reach = max(1, max(abs(step) for step in steps))
    scale = (sampler or ramp_colours)(name, 2 * reach + 1, invert)
    return [scale[reach + step] for step in steps]


def is_diverging(name: str) -> bool:
    return name in DIVERGING


def default_ramp(method: str) -> str:
    return "RdBu" if method in ("stddev", "sdmultiples", "diverging") else "OrRd"


def gradient(colours: list[str]) -> QgsGradientColorRamp:
    """The ramp as a QGIS gradient, so reclassifying by hand keeps the colours."""
    if len(colours) == 1:
        return QgsGradientColorRamp(QColor(colours[0]), QColor(colours[0]))
    stops = [QgsGradientStop(i / (len(colours) - 1), QColor(c)) for i, c in enumerate(colours[1:-1], 1)]
    return QgsGradientColorRamp(QColor(colours[0]), QColor(colours[-1]), False, stops)


def category_colours(cats: Categories, ramp: str, invert: bool = False) -> list[str]:
    """Fixed, meaningful colours: need order for MSS classes and clusters (1 = darkest)."""
    if cats.kind == "status":
        scale = ramp_colours(ramp if ramp in SEQUENTIAL else "OrRd", 4, invert)
        return [scale[k] for k in cats.keys]
    if cats.kind == "dynamic":
        return [DYNAMIC_COLOURS[k] for k in cats.keys]
    if cats.kind == "group":
        return [GROUP_COLOURS[d][s] for s, d in cats.keys]
    if cats.kind == "cluster":
        scale = ramp_colours(ramp if ramp in SEQUENTIAL else "Reds", max(cats.keys) + 1, not invert)
        return [scale[k] for k in cats.keys]
    if cats.kind == "supply":  # high need + low supply darkest red; supply met in blues
        return [SUPPLY_COLOURS[k] for k in cats.keys]
    return ["#" + QUALITATIVE[k % len(QUALITATIVE)] for k in cats.keys]


# need × supply codes 1–6 (core/supply/categories.py): red, light blue, orange, blue; low / met
SUPPLY_COLOURS = ("#b2182b", "#92c5de", "#f4a582", "#2166ac", "#ef8a62", "#67a9cf")


# --- symbols -------------------------------------------------------------------------------------

def fill_symbol(colour: str, outline: str | None = None, width: float = 0.1) -> QgsFillSymbol:
    """Solid fill; white borders, except on near-white fills (where they would vanish, also in
    the legend) which get a light grey one."""
    if outline is None:
        outline = OUTLINE if QColor(colour).lightnessF() < 0.92 else "#bdbdbd"
    return QgsFillSymbol.createSimple({
        "color": colour, "outline_color": outline, "outline_width": str(width),
        "outline_width_unit": "MM", "style": "solid", "joinstyle": "round",
    })


def hatched_symbol(angle: float, base: str = NODATA_FILL) -> QgsFillSymbol:
    """Light grey with thin grey hatching: reads as 'not assessed' in colour and greyscale."""
    symbol = fill_symbol(base, "#a0a0a0", 0.1)
    hatch = QgsLinePatternFillSymbolLayer.create({
        "angle": str(angle), "distance": "1.1", "distance_unit": "MM",
        "line_width": "0.2", "line_width_unit": "MM", "color": NODATA_LINES,
    })
    symbol.appendSymbolLayer(hatch)
    return symbol


# --- expressions ---------------------------------------------------------------------------------

def quoted(field: str) -> str:
    return '"' + field.replace('"', '""') + '"'


def excluded_expression(valid_field: str | None) -> str:
    """True where the area is explicitly not valid (bool, 0/1 or 'true'/'false'); NULL = valid."""
    if not valid_field:
        return "false"
    f = quoted(valid_field)
    return f"({f} IS NOT NULL AND if({f}, 1, 0) = 0)"


def value_expression(field: str, valid_field: str | None) -> str:
    """The mapped value: NULL for excluded areas, so no class ever colours them."""
    if not valid_field:
        return quoted(field)
    return f"CASE WHEN {excluded_expression(valid_field)} THEN NULL ELSE {quoted(field)} END"


def nodata_expression(field: str, valid_field: str | None, hidden: str = "false") -> str:
    """'excluded', 'hidden' (the publication rule hid the cell: ``hidden`` is true), 'missing'."""
    return (f"CASE WHEN {excluded_expression(valid_field)} THEN 'excluded' "
            f"WHEN {hidden} THEN 'hidden' "
            f"WHEN {quoted(field)} IS NULL THEN 'missing' END")


# --- renderers -----------------------------------------------------------------------------------

def graduated_renderer(expression: str, classification: Classification,
                       colours: list[str]) -> QgsGraduatedSymbolRenderer:
    ranges = [
        QgsRendererRange(lo, hi, fill_symbol(colour), label)
        for (lo, hi), colour, label in zip(classification.ranges, colours, classification.legend_labels())
    ]
    renderer = QgsGraduatedSymbolRenderer(expression, ranges)
    renderer.setGraduatedMethod(QgsGraduatedSymbolRenderer.GraduatedMethod.GraduatedColor)
    own = classification.per_value or classification.method not in QGIS_METHODS
    method = QgsClassificationCustom() if own else QGIS_METHODS[classification.method]()
    method.setLabelFormat("%1 \u2013 %2")
    method.setLabelPrecision(classification.decimals)
    renderer.setClassificationMethod(method)
    renderer.setSourceColorRamp(gradient(colours))
    renderer.setSourceSymbol(fill_symbol(colours[0]))
    return renderer


def categorized_renderer(expression: str, cats: Categories,
                         colours: list[str]) -> QgsCategorizedSymbolRenderer:
    categories = [
        QgsRendererCategory(value, fill_symbol(colour), label)
        for value, colour, label in zip(cats.values, colours, cats.legend_labels())
    ]
    return QgsCategorizedSymbolRenderer(expression, categories)


def nodata_labels(words=None) -> dict[str, str]:
    words = default_words(words)
    return {
        "excluded": words.translate("MapText", "not assessed (under 300 residents / excluded)"),
        "hidden": words.translate("MapText", "not shown"),
        "missing": words.translate("MapText", "no data"),
    }


def nodata_renderer(field: str, valid_field: str | None, n_excluded: int, n_missing: int, n_hidden: int = 0,
                    hidden: str = "false", words=None) -> QgsCategorizedSymbolRenderer | None:
    """Hatched grey for excluded areas, cells the publication rule hides ('nicht ausgewiesen',
    cross-hatched) and areas without a value; None when there are none."""
    words = default_words(words)
    labels = nodata_labels(words)
    categories = []
    for key, n, angle in (("excluded", n_excluded, 45), ("hidden", n_hidden, 0), ("missing", n_missing, -45)):
        if n:
            label = count_label(labels[key], n, words.lang)
            categories.append(QgsRendererCategory(key, hatched_symbol(angle), label))
    if not categories:
        return None
    return QgsCategorizedSymbolRenderer(nodata_expression(field, valid_field, hidden), categories)


def mask_renderer() -> QgsSingleSymbolRenderer:
    """Uninhabited land (parks, water, forest) drawn over the classes: masked, not coloured."""
    return QgsSingleSymbolRenderer(fill_symbol(MASK_FILL, MASK_OUTLINE, 0.1))


def mask_label(words=None) -> str:
    return default_words(words).translate("MapText", "uninhabited land")


def apply_labels(layer: QgsVectorLayer, field: str, size_pt: float = 6.0, font_family: str = "") -> None:
    """District names at the centroid, inside the polygon only, on a white halo."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.centroidInside = True
    settings.fitInPolygonOnly = True
    text = QgsTextFormat()
    if font_family:
        font = text.font()
        font.setFamily(font_family)
        text.setFont(font)
    text.setSize(size_pt)
    text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text.setColor(QColor("#222222"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.5)
    halo.setSizeUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    halo.setColor(QColor(255, 255, 255, 220))
    text.setBuffer(halo)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# --- one call: a layer's field → renderers ------------------------------------------------------

@dataclass
class ThematicStyle:
    """Everything a map page needs to know about one field's symbology."""

    field: str
    renderer: object
    nodata: QgsCategorizedSymbolRenderer | None
    classes: Classification | Categories
    n_excluded: int
    n_missing: int
    n_hidden: int = 0

    @property
    def note(self) -> str:
        return self.classes.note


def read_values(layer: QgsVectorLayer, field: str, valid_field: str | None, hidden: str = "false"):
    """(mapped values, n excluded, n missing, n hidden) – the mapped ones neither excluded, hidden
    by the publication rule (``hidden`` true) nor NULL: only they enter the classes."""
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    kind = QgsExpression(nodata_expression(field, valid_field, hidden))
    kind.prepare(context)
    index = layer.fields().indexFromName(field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    values, counted = [], {"excluded": 0, "missing": 0, "hidden": 0}
    for feature in layer.getFeatures(request):
        context.setFeature(feature)
        found = kind.evaluate(context)
        if found in counted:
            counted[found] += 1
        else:
            values.append(feature.attribute(index))
    return values, counted["excluded"], counted["missing"], counted["hidden"]


def _numbers(values: list, field: str) -> list[float]:
    numbers = []
    for row, value in enumerate(values, 1):
        if isinstance(value, bool):
            raise MapError("field_not_numeric", column=field, row=row, value=value)
        try:
            numbers.append(float(value))
        except (TypeError, ValueError):
            raise MapError("field_not_numeric", column=field, row=row, value=value) from None
    return numbers


def thematic_style(layer: QgsVectorLayer, field: str, method: str, classes: int = 5, *,
                   ramp: str = "auto", invert: bool = False, valid_field: str | None = None,
                   unit: str = "", interval: float | None = None,
                   multiples: list[float] | None = None, hidden: str = "false", words=None,
                   pooled: Classification | None = None) -> ThematicStyle:
    """Classify ``field`` of ``layer`` and build its renderers (the layer is not changed).
    ``hidden``: an expression, true where the publication rule hid the cell ('nicht ausgewiesen').
    ``pooled``: the classes made over several fields together (gis/pooled.py), used as they are."""
    if layer.fields().indexFromName(field) < 0:
        raise MapError("column_not_found", column=field, file=layer.name(),
                       columns=", ".join(layer.fields().names()))
    if valid_field and layer.fields().indexFromName(valid_field) < 0:
        valid_field = None
    raw, n_excluded, n_missing, n_hidden = read_values(layer, field, valid_field, hidden)
    if not raw and (pooled is None or method == "categorized"):  # pooled: the other years give the classes
        raise MapError("all_missing", column=field)
    ramp = default_ramp(method) if ramp in ("", "auto", None) else ramp
    expression = value_expression(field, valid_field)
    if method == "categorized":
        cats = categorize(raw, field, words)
        renderer = categorized_renderer(expression, cats, category_colours(cats, ramp, invert))
        result = cats
    else:
        result = classify(_numbers(raw, field), method, classes, unit=unit, interval=interval,
                          multiples=multiples, column=field, words=words, pooled=pooled)
        if method == "diverging":  # a change: centred on 0, QGIS's own diverging ramp
            from .diverging import DEFAULT_RAMP, diverging_colours

            colours = diverging_colours(result.ranges, ramp if is_diverging(ramp) else DEFAULT_RAMP, invert)
        elif is_diverging(ramp):
            colours = centred_colours(ramp, result.ranges, result.stats["mean"], invert)
        else:
            colours = ramp_colours(ramp, len(result.ranges), invert)
        renderer = graduated_renderer(expression, result, colours)
    nodata = nodata_renderer(field, valid_field, n_excluded, n_missing, n_hidden, hidden, words)
    return ThematicStyle(field, renderer, nodata, result, n_excluded, n_missing, n_hidden)
