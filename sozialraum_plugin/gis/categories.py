"""Categories for categorized maps: MSS status and dynamics classes, the 12 groups, clusters and
any other field of few distinct values, in a meaningful order with labels in the output language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.needs.mss_classes import CLASS_WORDS, class_words
from .classify import MapError, choose_decimals, count_label, default_words, label_number

DYNAMIC_ORDER = CLASS_WORDS["de"][1]  # the MSS's German names; English ones are read too
STATUS_CODE_FIELDS = ("status_code", "si_n")
DYNAMIC_CODE_FIELDS = ("dynamic_code", "di_n")
GROUP_CODE_FIELDS = ("group_code", "sdi_n")
MAX_CATEGORIES = 16
_GROUP_RX = re.compile(r"^\s*status\s+(.+?)\s*,\s*(?:dynamik|dynamics)\s+(\S+)\s*$", re.IGNORECASE)
_GROUP_SHORT_RX = re.compile(r"^([1-4])\s*(\+/-|\+|-)$")  # MSS 'SDI' notation: 2+/- = mittel, stabil
_SHORT_DYNAMIC = {"+": 0, "+/-": 1, "-": 2}


@dataclass
class Categories:
    """Distinct values in a meaningful order; ``keys`` pick the colour (see styles)."""

    kind: str  # status | dynamic | group | cluster | generic
    values: list
    labels: list[str]
    counts: list[int]
    keys: list
    note: str = ""
    lang: str = "de"

    def legend_labels(self) -> list[str]:
        return [count_label(label, n, self.lang) for label, n in zip(self.labels, self.counts)]


def _norm(value) -> str:
    return " ".join(str(value).split()).lower()


def _as_int(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def _class_index(text: str, which: int):
    """Position of a status (0) or dynamic (1) class name in German or English, else None."""
    for words in CLASS_WORDS.values():
        if text in words[which]:
            return words[which].index(text)
    return None


def _semantic_key(kind: str, value):
    """Order/colour key of a value for a kind, or None if the value does not belong to it.
    Class names are read in German (the MSS tables) and English (an English report's index)."""
    text = _norm(value)
    if kind == "status":
        return _class_index(text, 0)
    if kind == "dynamic":
        return _class_index(text, 1)
    if kind == "group":
        match = _GROUP_RX.match(text)
        if match and _class_index(match.group(1), 0) is not None and _class_index(match.group(2), 1) is not None:
            return (_class_index(match.group(1), 0), _class_index(match.group(2), 1))
        short = _GROUP_SHORT_RX.match(text)
        return (int(short.group(1)) - 1, _SHORT_DYNAMIC[short.group(2)]) if short else None
    number = _as_int(value)
    if kind == "status_code":
        return number - 1 if number in (1, 2, 3, 4) else None
    if kind == "dynamic_code":
        return (number - 1) // 2 if number in (1, 3, 5) else None
    if kind == "group_code":
        ok = number is not None and number // 10 in (1, 2, 3, 4) and number % 10 in (1, 3, 5)
        return (number // 10 - 1, (number % 10 - 1) // 2) if ok else None
    if kind == "cluster":
        return number - 1 if number is not None and number >= 1 else None
    if kind == "supply":
        return number - 1 if number in (1, 2, 3, 4, 5, 6) else None
    return None


def _kind_candidates(column: str) -> list[str]:
    name = column.lower()
    kinds = ["status", "dynamic", "group"]
    if name in STATUS_CODE_FIELDS:
        kinds.insert(0, "status_code")
    if name in DYNAMIC_CODE_FIELDS:
        kinds.insert(0, "dynamic_code")
    if name in GROUP_CODE_FIELDS:
        kinds.insert(0, "group_code")
    if "cluster" in name:
        kinds.insert(0, "cluster")
    if name == "supply_category":  # need × supply (sozialraum:supply): its codes and labels
        kinds.insert(0, "supply")
    return kinds


def _semantic_label(kind: str, key, words) -> str:
    status, dynamic, group = class_words(words)
    if kind in ("status", "status_code"):
        return status[key]
    if kind in ("dynamic", "dynamic_code"):
        return dynamic[key]
    if kind in ("group", "group_code"):
        return group.format(status=status[key[0]], dynamic=dynamic[key[1]])
    if kind == "supply":
        from ..core.supply.indicators import category_labels

        return category_labels(words)[key + 1]
    return ""


def _cluster_label(key: int, k: int, words) -> str:
    if key == 0:
        return words.translate("MapText", "Cluster 1 (highest need)")
    if key == k - 1 and k > 1:
        return words.translate("MapText", "Cluster {n} (lowest need)").format(n=key + 1)
    return words.translate("MapText", "Cluster {n}").format(n=key + 1)


def _sort_generic(values: list) -> list:
    numbers = [_as_number(v) for v in values]
    if all(n is not None for n in numbers):
        return [v for _, v in sorted(zip(numbers, values), key=lambda pair: pair[0])]
    return sorted(values, key=lambda v: _norm(v))


def _as_number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def categorize(raw_values: list, column: str = "", words=None) -> Categories:
    """Categories of the mapped values: MSS classes, groups and clusters in need order; labels in
    the language of ``words`` (German without)."""
    words = default_words(words)
    present = [v for v in raw_values if v is not None]
    if not present:
        raise MapError("all_missing", column=column)
    distinct = list(dict.fromkeys(present))
    counts = {v: 0 for v in distinct}
    for v in present:
        counts[v] += 1
    for kind in _kind_candidates(column):
        keys = {v: _semantic_key(kind, v) for v in distinct}
        if all(k is not None for k in keys.values()):
            ordered = sorted(distinct, key=lambda v: keys[v])
            if kind == "cluster":
                k = max(keys.values()) + 1
                labels = [_cluster_label(keys[v], k, words) for v in ordered]
            else:
                labels = [_semantic_label(kind, keys[v], words) for v in ordered]
            base = kind.replace("_code", "")
            return Categories(base, ordered, labels, [counts[v] for v in ordered],
                              [keys[v] for v in ordered], _category_note(len(ordered), words), words.lang)
    if len(distinct) > MAX_CATEGORIES:
        raise MapError("map_too_many_categories", column=column, n=len(distinct), max=MAX_CATEGORIES)
    ordered = _sort_generic(distinct)
    labels = [_generic_label(v, words) for v in ordered]
    return Categories("generic", ordered, labels, [counts[v] for v in ordered],
                      list(range(len(ordered))), _category_note(len(ordered), words), words.lang)


def _generic_label(value, words) -> str:
    if isinstance(value, float):
        return label_number(value, 0 if value.is_integer() else choose_decimals([value], [value]), words)
    return str(value)


def _category_note(n: int, words) -> str:
    return words.translate("MapText", "Shown: {n} categories").format(n=label_number(n, 0, words))
