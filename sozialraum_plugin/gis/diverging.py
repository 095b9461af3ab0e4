"""Change maps: classes symmetric around 0 and a diverging ramp of QGIS's own style.

A change in percentage points reads as "better" or "worse" only against 0, so its classes are
symmetric around 0: an even number of classes has 0 as a class edge (−3,0 bis −1,5 | −1,5 bis 0 |
0 bis +1,5 | …), an odd number a neutral middle class around 0 (−0,5 bis +0,5). The class width
is a round number (1, 1,5, 2, 2,5, 3, 4, 5, 6, 8 × 10ⁿ) just wide enough for the largest change
of either sign; the side with smaller changes keeps its (possibly empty) classes, so the legend
stays symmetric and the colours of +x and −x are equally strong. Labels carry their signs
(core/formatting.py): "+1,5 bis +3,0 %-Pkt.".

Colours come from QGIS's default style (``QgsStyle.defaultStyle()``: RdBu, PuOr, …, ColorBrewer
ramps), turned so that low = cool and high = warm; ``invert`` (an indicator whose higher value
means less need) puts the warm side on the negative changes. Where a style lacks the ramp the
ColorBrewer values of styles.DIVERGING are used.
"""
from __future__ import annotations

import math
import re

from ..core.formatting import format_number

NICE_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
DEFAULT_RAMP = "RdBu"
#: Units of a change of a percentage or per-mille value: 'Pp.', '%-Pkt.', 'Prozentpunkte', 'pp', '‰-Pkt.'
_POINTS = re.compile(r"^\s*(pp\.?|prozentpunkte?|percentage\s+points?|(%|‰)\s*-?\s*(pkt\.?|punkte?|pts\.?|points?)"
                     r"|pkt\.?|‰\s*pts)\s*$", re.IGNORECASE)


def is_points_unit(unit: str | None) -> bool:
    """True for the unit of a change in points ('%-Pkt.', 'Pp.', 'Prozentpunkte', 'pp', '‰-Pkt.')."""
    return bool(_POINTS.match(str(unit or "")))


def is_change(indicator, unit: str = "") -> bool:
    """A change indicator: one with ``change_between`` or a unit in points."""
    return bool(getattr(indicator, "change_between", None)) or is_points_unit(unit or getattr(indicator, "unit", ""))


def nice_width(x: float) -> float:
    """The smallest round class width ≥ ``x`` (1, 1,5, 2, 2,5, 3, 4, 5, 6, 8 × 10ⁿ)."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    power = 10.0 ** math.floor(math.log10(x))
    for step in NICE_STEPS:
        if step * power >= x * (1 - 1e-12):
            return _round(step * power)
    return _round(10.0 * power)


def _round(x: float) -> float:
    return float(f"{x:.10g}")


def symmetric_ranges(values: list[float], classes: int) -> list[tuple[float, float]]:
    """``classes`` ranges of one round width, symmetric around 0, covering every value."""
    n = max(int(classes), 2)
    reach = max(abs(min(values)), abs(max(values))) or 1.0
    if n % 2 == 0:
        half = n // 2
        width = nice_width(reach / half)
        edges = [_round(k * width) for k in range(-half, half + 1)]
    else:
        half = (n - 1) // 2
        width = nice_width(reach / (half + 0.5))
        edges = [_round((k + 0.5) * width) for k in range(-half - 1, half + 1)]
    return list(zip(edges[:-1], edges[1:]))


#: how far from 0 a change counts as none: float noise of equal rates (0,3 − 0,1 − 0,2 = −2,8·10⁻¹⁷),
#: and a bound that survives QGIS writing range bounds with 15 decimals (.qgz, saved styles)
NO_CHANGE = 1e-9


def with_zero_class(ranges: list, labels: list, values: list[float], unit: str, words) -> tuple[list, list]:
    """With 0 a class edge (an even number of classes) and districts that did not change at all,
    those go into a neutral class of their own, "keine Veränderung (0 %-Pkt.)": by the renderer's
    first-match rule they fell into "−1,5 bis 0", a fall (for direction −1: more need). The class
    below 0 then ends at −NO_CHANGE, the neutral one (−NO_CHANGE … +NO_CHANGE) comes before the
    one above 0; the labels keep "bis 0" and "0 bis"."""
    at = next((i for i, (lo, hi) in enumerate(ranges) if hi == 0.0 and lo < 0.0), None)
    if at is None or not any(abs(v) <= NO_CHANGE for v in values):
        return ranges, labels
    zero = words.translate("MapText", "no change ({zero})").format(
        zero=f"0 {unit}" if unit else "0")
    ranges = ranges[:at] + [(ranges[at][0], -NO_CHANGE), (-NO_CHANGE, NO_CHANGE)] + ranges[at + 1:]
    return ranges, labels[:at + 1] + [zero] + labels[at + 1:]


def signed(value: float, decimals: int, lang) -> str:
    """'+1,5', '−3,0', '0' (no sign and no decimals on 0: the line between the sides)."""
    return format_number(value, decimals if value else 0, lang=lang, sign=True)


def diverging_label(lo: float, hi: float, decimals: int, unit: str, words) -> str:
    """'+1,5 bis +3,0 %-Pkt.' (de) / '+1.5 to +3.0 pp' (en): 'bis', since '−3,0 – −1,5' misreads."""
    text = words.translate("MapText", "{low} to {high}").format(
        low=signed(lo, decimals, words), high=signed(hi, decimals, words))
    return f"{text} {unit}" if unit else text


# --- colours -----------------------------------------------------------------------------------------

def style_ramp(name: str):
    """A colour ramp of QGIS's default style (None where the style has none of that name)."""
    from qgis.core import QgsStyle

    style = QgsStyle.defaultStyle()
    if style is None or name not in style.colorRampNames():
        return None
    return style.colorRamp(name)


def ramp_scale(name: str, n: int, invert: bool = False) -> list[str]:
    """``n`` colours of QGIS's diverging ramp ``name``, cool (low) → warm (high); ``invert``: warm → cool.

    QGIS's ColorBrewer ramps run warm → cool (RdBu: red at 0, blue at 1), so they are turned."""
    ramp = style_ramp(name)
    if ramp is None:
        from .styles import ramp_colours

        return ramp_colours(name if name in ("RdBu", "PuOr") else DEFAULT_RAMP, n, invert)
    positions = [0.5] if n == 1 else [i / (n - 1) for i in range(n)]
    colours = [ramp.color(1.0 - t).name() for t in positions]  # 1 − t: cool → warm
    return colours[::-1] if invert else colours


def diverging_colours(ranges: list[tuple[float, float]], name: str = DEFAULT_RAMP,
                      invert: bool = False) -> list[str]:
    """Colours centred on 0: the class holding 0 neutral, or (0 an edge) the two classes at 0 the
    lightest of their side; equally strong at equal distance from 0 on either side."""
    from .styles import centred_colours

    zero = [i for i, (lo, hi) in enumerate(ranges) if (lo, hi) == (-NO_CHANGE, NO_CHANGE) and len(ranges) > 1]
    if not zero:
        return centred_colours(name, ranges, 0.0, invert, sampler=ramp_scale)
    rest = [r for i, r in enumerate(ranges) if i not in zero]
    colours = centred_colours(name, rest, 0.0, invert, sampler=ramp_scale)
    return colours[:zero[0]] + ramp_scale(name, 1) + colours[zero[0]:]  # no change: the ramp's neutral middle
