"""Class breaks for thematic maps: QGIS's own methods, the MSS thresholds and two simple extras.

Why the MSS, SD-multiple and fixed-interval methods are *not* in QGIS's classification registry:
``QgsClassificationMethod`` is ``/Abstract/`` in the SIP bindings and its ``calculateBreaks`` is a
private C++ virtual that SIP does not expose, so Python can neither subclass it nor override the
one method that matters (QGIS 3.22 to 3.40; checked: "cannot be instantiated or sub-classed").
They live here as small Python methods instead, and a renderer built with them carries
``QgsClassificationCustom`` ("manual" in the symbology dialog), so the breaks survive editing.

Standard deviation: QGIS 3.22's ``QgsClassificationStandardDeviation`` always runs its
symmetric-break filter (``makeBreaksSymmetric`` is called even with symmetric mode off), which
collapses skewed data to one or two classes (Berlin S1, 5 classes asked: 2 returned). ``stddev``
here therefore cuts at mean + k·SD with k one SD apart and centred on the mean (5 classes:
k = −1,5 −0,5 0,5 1,5), using the sample SD as the MSS does.

Range semantics follow ``QgsGraduatedSymbolRenderer``: a value belongs to the *first* range with
``lower <= value <= upper``; labels follow the output language's number format (``12,5 – 18,0 %``
in German, ``12.5 – 18.0 %`` in English), whole numbers without decimals; texts come from a
*words* object (:class:`toolbelt.i18n.OutputWords`), German when none is given.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from qgis.core import (
    QgsClassificationEqualInterval,
    QgsClassificationJenks,
    QgsClassificationPrettyBreaks,
    QgsClassificationQuantile,
)

from ..core.errors import SozialraumError
from ..core.formatting import format_number
from ..core.needs.mss_classes import STATUS_THRESHOLDS, class_words
from .diverging import diverging_label, symmetric_ranges, with_zero_class

MINUS = "\u2212"  # typographic minus: '−1,0 – 1,0' reads unambiguously
DASH = " \u2013 "  # spaced en dash between the bounds of a class
QGIS_METHODS = {
    "jenks": QgsClassificationJenks,
    "quantile": QgsClassificationQuantile,
    "equal": QgsClassificationEqualInterval,
    "pretty": QgsClassificationPrettyBreaks,
}
OWN_METHODS = ("stddev", "fixed", "mss", "sdmultiples", "diverging")
GRADUATED_METHODS = ("jenks", "quantile", "equal", "stddev", "pretty", "fixed", "mss", "sdmultiples", "diverging")
# the choice's numbers stay as they were: a new method goes to the end
ALL_METHODS = GRADUATED_METHODS[:-1] + ("categorized", "diverging")
MAX_FIXED_CLASSES = 30


class MapError(SozialraumError):
    """A map cannot be classified, laid out or exported as asked."""


def default_words(words=None):
    """The words given, else German ones (the maps' language before LANGUAGE existed)."""
    if words is not None:
        return words
    from ..toolbelt.i18n import OutputWords

    return OutputWords("de")


def method_names(words=None) -> dict[str, str]:
    """Names of the methods, as the method note on the map prints them."""
    words = default_words(words)
    return {
        "jenks": words.translate("MapText", "natural breaks (Jenks)"),
        "quantile": words.translate("MapText", "quantiles (equal number of areas per class)"),
        "equal": words.translate("MapText", "equal intervals"),
        "stddev": words.translate("MapText", "standard deviation"),
        "pretty": words.translate("MapText", "round class bounds (pretty breaks)"),
        "fixed": words.translate("MapText", "fixed interval width"),
        "mss": words.translate("MapText", "MSS thresholds of the status index"),
        "sdmultiples": words.translate("MapText", "mean ± multiples of the standard deviation"),
        "categorized": words.translate("MapText", "categories"),
        "diverging": words.translate("MapText", "classes symmetric around 0"),
    }


# --- numbers: the one formatter, in the output language ------------------------------------------

def label_number(value: float, decimals: int = 1, lang="de") -> str:
    """``1234.5`` → ``1.234,5`` (de) / ``1,234.5`` (en); a typographic minus, never '−0,0'."""
    return format_number(value, decimals, lang=lang)


def german_number(value: float, decimals: int = 1) -> str:
    """``label_number`` in German (kept for callers that print German on purpose)."""
    return label_number(value, decimals, "de")


def german_count(n: int) -> str:
    return german_number(n, 0)


def choose_decimals(values: list[float], breaks: list[float]) -> int:
    """Decimals for the labels: exact where the breaks are short numbers (5, 12,5), else the
    fewest (0–4) that keep every break distinct; percentages keep one. Whole-number data (counts)
    get whole-number bounds: a legend says '2.371 – 6.077', not '2.371,0 – 6.076,8'."""
    uniq = sorted(set(breaks))
    if values and all(float(v).is_integer() for v in values):
        if len({round(b) for b in uniq}) == len(uniq):
            return 0
    exact = next((d for d in range(2) if all(abs(round(b, d) - b) < 1e-9 for b in uniq)), None)
    if exact is not None:
        return exact
    integral = all(float(v).is_integer() for v in values)
    span = (max(values) - min(values)) if values else 0.0
    start = 0 if integral or span >= 1000 else (2 if span < 2 else 1)
    for decimals in range(start, 5):
        labels = [german_number(b, decimals) for b in uniq]
        if len(set(labels)) == len(labels):
            return decimals
    return 4


def count_label(label: str, n: int, lang="de") -> str:
    """'12,5 – 18,0 % (n = 23)' with no-break spaces, so a wrapped legend never splits 'n = 23'."""
    return f"{label} (n\u00a0=\u00a0{label_number(n, 0, lang)})"


def with_unit(text: str, unit: str) -> str:
    return f"{text} {unit}" if unit else text


# --- the classification --------------------------------------------------------------------------

@dataclass
class Classification:
    """Ranges with German labels and counts, and the note printed under the legend."""

    method: str
    ranges: list[tuple[float, float]]
    labels: list[str]
    counts: list[int]
    note: str
    per_value: bool = False
    decimals: int = 1
    stats: dict = field(default_factory=dict)
    lang: str = "de"

    def legend_labels(self) -> list[str]:
        return [count_label(label, n, self.lang) for label, n in zip(self.labels, self.counts)]


def count_in_ranges(values: list[float], ranges: list[tuple[float, float]]) -> list[int]:
    """Counts with the renderer's rule: the first range holding the value wins (one comparison
    of all values with all ranges in numpy: a change map of 542 areas in 20 years of P7 spent
    half its classification in the loop this was)."""
    import numpy as np

    if not ranges:
        return []
    bounds = np.asarray(ranges, dtype=float)
    v = np.asarray(values, dtype=float)[:, None]
    inside = (bounds[:, 0] <= v) & (v <= bounds[:, 1])  # values × ranges; NaN is in none
    held = inside.any(axis=1)
    return np.bincount(inside.argmax(axis=1)[held], minlength=len(ranges)).tolist()


def _mean_sd(values: list[float]) -> tuple[float, float]:
    n = len(values)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0
    return mean, sd


def _from_breaks(breaks: list[float]) -> list[tuple[float, float]]:
    """Sorted, de-duplicated inner breaks → consecutive ranges (QGIS quantiles repeat ties)."""
    uniq = sorted(set(breaks))
    if len(uniq) == 1:
        return [(uniq[0], uniq[0])]
    return list(zip(uniq[:-1], uniq[1:]))


def qgis_ranges(method: str, values: list[float], classes: int) -> list[tuple[float, float]]:
    """Breaks from QGIS's own method, exactly as the symbology dialog would compute them."""
    ranges = QGIS_METHODS[method]().classes(values, classes)
    bounds = [r.lowerBound() for r in ranges[:1]] + [r.upperBound() for r in ranges]
    return _from_breaks(bounds)


def fixed_ranges(values: list[float], interval: float) -> list[tuple[float, float]]:
    """Classes of width ``interval`` starting at a multiple of it (0–5, 5–10, …)."""
    if not interval or interval <= 0 or not math.isfinite(interval):
        raise MapError("map_interval_invalid", value=interval)
    lo = math.floor(min(values) / interval) * interval
    n = max(1, math.ceil((max(values) - lo) / interval))  # the maximum may sit on the last bound
    if n > MAX_FIXED_CLASSES:
        raise MapError("map_interval_too_small", value=interval, n=n, max=MAX_FIXED_CLASSES)
    return [(lo + i * interval, lo + (i + 1) * interval) for i in range(n)]


def threshold_ranges(values: list[float], thresholds: list[float]) -> list[tuple[float, float]]:
    """Ranges cut at fixed thresholds, every class kept even when empty (the legend is fixed)."""
    lo, hi = min(min(values), thresholds[0]), max(max(values), thresholds[-1])
    edges = [lo, *thresholds, hi]
    return [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]


def mss_ranges(values: list[float]) -> list[tuple[float, float]]:
    """MSS status classes: ≤ −1,0 | ≤ +1,0 | < +1,5 | ≥ +1,5 (higher index = lower status)."""
    ranges = threshold_ranges(values, list(STATUS_THRESHOLDS))
    lo, hi = ranges[2]
    ranges[2] = (lo, math.nextafter(hi, -math.inf))  # 'niedrig' is < +1,5 (MSS rule)
    return ranges


def sd_ranges(values: list[float], multiples: list[float]) -> tuple[list[tuple[float, float]], dict]:
    """Breaks at mean + k·SD for the chosen multiples k (sample SD, as the MSS uses)."""
    mean, sd = _mean_sd(values)
    inner = [mean + k * sd for k in sorted(set(multiples))]
    lo, hi = min(values), max(values)
    breaks = [lo] + [b for b in inner if lo < b < hi] + [hi]
    return _from_breaks(breaks), {"mean": mean, "sd": sd}


def centred_multiples(classes: int) -> list[float]:
    """Inner breaks one SD apart, centred on the mean: 4 classes → −1, 0, 1; 5 → ±0,5, ±1,5."""
    inner = max(classes, 2) - 1
    return [k - (inner - 1) / 2 for k in range(inner)]


def parse_multiples(text: str) -> list[float]:
    """'-1; 0; 1,5' (decimal commas) or '-1, 0, 1.5' → [-1.0, 0.0, 1.5]."""
    raw = (text or "").replace(MINUS, "-")
    if ";" in raw:
        parts = [p.strip().replace(",", ".") for p in raw.split(";")]
    else:
        parts = raw.replace(",", " ").split()
    parts = [p for p in parts if p]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if not numbers or not all(math.isfinite(x) for x in numbers):
        raise MapError("map_multiples_invalid", value=text)
    return numbers


def _range_label(lo: float, hi: float, decimals: int, unit: str, lang="de") -> str:
    if lo == hi:
        return with_unit(label_number(lo, decimals, lang), unit)
    return with_unit(label_number(lo, decimals, lang) + DASH + label_number(hi, decimals, lang), unit)


def _mss_labels(decimals: int, words) -> list[str]:
    low, mid, high = (label_number(t, 1, words) for t in STATUS_THRESHOLDS)
    below = words.translate("MapText", "{low} to < {high}").format(low=mid, high=high)
    bounds = [f"≤ {low}", f"{low}{DASH}{mid}", below, f"≥ {high}"]
    return [f"{name}: {b}" for name, b in zip(class_words(words)[0], bounds)]


def _note(method: str, n_classes: int, per_value: bool, stats: dict, unit: str, words) -> str:
    name = method_names(words)[method]
    if per_value:
        return words.translate("MapText", "Classification: one class per value ({n} distinct values)").format(
            n=label_number(n_classes, 0, words))
    extra = ""
    if method in ("stddev", "sdmultiples") and stats:
        extra = words.translate("MapText", " (mean {mean}, SD {sd})").format(
            mean=label_number(stats["mean"], 2, words), sd=label_number(stats["sd"], 2, words))
    elif method == "fixed":
        extra = " " + with_unit(label_number(stats["interval"], stats["decimals"], words), unit)
    return words.translate("MapText", "Classification: {method}{extra}, {n} classes").format(
        method=name, extra=extra, n=label_number(n_classes, 0, words))


def classify(values: list[float], method: str, classes: int = 5, *, unit: str = "",
             interval: float | None = None, multiples: list[float] | None = None,
             column: str = "", words=None, pooled: Classification | None = None) -> Classification:
    """Classify the mapped values (NULL and excluded areas already left out); labels and the
    note in the language of ``words`` (German without). ``pooled``: a classification made over
    several fields' values together (gis/pooled.py): its classes, labels and note are kept, only
    the counts are this field's."""
    words = default_words(words)
    if method not in GRADUATED_METHODS:
        raise MapError("map_method_unknown", method=method, methods=", ".join(ALL_METHODS))
    values = [float(v) for v in values]
    if pooled is not None:  # a year may show nothing: its counts are 0, the pool has the classes
        return replace(pooled, counts=count_in_ranges(values, pooled.ranges), stats=dict(pooled.stats))
    if not values:
        raise MapError("all_missing", column=column)
    distinct = sorted(set(values))
    stats: dict = {}
    per_value = method not in ("mss", "fixed", "diverging") and len(distinct) <= max(classes, 1)
    if per_value:  # Jenks & co. return unsorted or repeated classes here: one class per value
        ranges = [(v, v) for v in distinct]
    elif method in QGIS_METHODS:
        ranges = qgis_ranges(method, values, classes)
    elif method == "stddev":
        ranges, stats = sd_ranges(values, centred_multiples(classes))
    elif method == "fixed":
        ranges = fixed_ranges(values, interval or 0.0)
        stats = {"interval": interval}
    elif method == "mss":
        ranges = mss_ranges(values)
    elif method == "diverging":
        ranges = symmetric_ranges(values, classes)
        stats = {"mean": 0.0}  # the centre of the ramp: no change
    else:
        ranges, stats = sd_ranges(values, multiples if multiples is not None else [-1.0, 0.0, 1.0])
    breaks = [b for r in ranges for b in r]
    if method == "diverging":  # round widths: exactly as many decimals as the bounds have
        decimals = next((d for d in range(5) if all(abs(round(b, d) - b) < 1e-9 for b in breaks)), 4)
    else:
        decimals = 1 if method == "mss" else choose_decimals(values, breaks)
    if method == "fixed":
        stats["decimals"] = decimals
    stats.setdefault("mean", sum(values) / len(values))  # the centre of a diverging ramp
    if method == "mss":
        labels = _mss_labels(decimals, words)
    elif method == "diverging":
        labels = [diverging_label(lo, hi, decimals, unit, words) for lo, hi in ranges]
        ranges, labels = with_zero_class(ranges, labels, values, unit, words)
    else:
        labels = [_range_label(lo, hi, decimals, unit, words) for lo, hi in ranges]
    counts = count_in_ranges(values, ranges)
    note = _note(method, len(ranges), per_value, stats, unit, words)
    return Classification(method, ranges, labels, counts, note, per_value, decimals, stats, words.lang)
