"""The supply fields described as indicators: labels in the output language, kinds for the rule.

``supply_per_1000`` is a rate of ``supply_capacity`` in the target population (a count), so the
publication rule hides it wherever the target count is hidden (few children) and in areas below
the minimum population; coverage, access score and category are derived from it and hidden with
it (:func:`derived_inputs`). Facility counts and places are public (the Kita list is open data):
their own threshold is 1, so the rule does not hide 1 or 2 Kitas as if they were persons.
"""
from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP
from ..series.indicators import Indicator
from .result import ACCESS, CAPACITY, CATEGORY, CATEGORY_LABEL, COUNT, COVERAGE, PER_1000

LABELS = {
    COUNT: QT_TRANSLATE_NOOP("Supply", "Facilities"),
    CAPACITY: QT_TRANSLATE_NOOP("Supply", "Places"),
    PER_1000: QT_TRANSLATE_NOOP("Supply", "Places per 1,000 of the target group"),
    COVERAGE: QT_TRANSLATE_NOOP("Supply", "Coverage against the standard"),
    ACCESS: QT_TRANSLATE_NOOP("Supply", "Reachable places per 1,000 (2SFCA)"),
    CATEGORY: QT_TRANSLATE_NOOP("Supply", "Need × supply"),
    CATEGORY_LABEL: QT_TRANSLATE_NOOP("Supply", "Need × supply"),
}
CATEGORY_WORDS = {
    1: QT_TRANSLATE_NOOP("Supply", "high need, low supply"),
    2: QT_TRANSLATE_NOOP("Supply", "high need, supply met"),
    3: QT_TRANSLATE_NOOP("Supply", "lower need, low supply"),
    4: QT_TRANSLATE_NOOP("Supply", "lower need, supply met"),
    5: QT_TRANSLATE_NOOP("Supply", "low supply"),
    6: QT_TRANSLATE_NOOP("Supply", "supply met"),
}


def label(words, name: str) -> str:
    return words.translate("Supply", LABELS[name]) if words is not None else LABELS[name]


def category_labels(words) -> dict:
    """Code → label in the output language (English without words)."""
    return {code: words.translate("Supply", text) if words is not None else text
            for code, text in CATEGORY_WORDS.items()}


def supply_indicators(target: str, words=None) -> list:
    """The supply fields as indicators (the rate needs the target field as its denominator)."""
    found = [Indicator(id=COUNT, label=label(words, COUNT), kind="count", direction=0, context=True, threshold=1),
             Indicator(id=CAPACITY, label=label(words, CAPACITY), kind="count", direction=0, context=True,
                       threshold=1)]
    if target:
        found += [
            Indicator(id=PER_1000, label=label(words, PER_1000), kind="rate", numerator=CAPACITY,
                      denominator=target, unit="je 1.000", scale=1000.0, share=False, direction=-1,
                      context=True, decimals=0),
            Indicator(id=COVERAGE, label=label(words, COVERAGE), direction=-1, context=True, decimals=2),
            Indicator(id=ACCESS, label=label(words, ACCESS), direction=-1, context=True, decimals=0),
        ]
    return found


def derived_inputs(target: str, need_field: str = "") -> dict:
    """What the rule must hide with a hidden rate or target count: every value made from them.
    The category also halves the need field (high / lower need): hidden where that is hidden."""
    if not target:
        return {}
    need = [need_field] if need_field else []
    return {COVERAGE: [PER_1000, target], ACCESS: [target], CATEGORY: [COVERAGE, ACCESS, target, *need],
            CATEGORY_LABEL: [COVERAGE, ACCESS, target, *need]}
