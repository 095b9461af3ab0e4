"""District keys as text, and the transforms that make two key schemes meet.

A key is compared as text: ``01100101`` stays eight characters. Where a table writes its keys
differently from the boundaries (``1`` for ``001``, ``1`` for ``STGT01``, ``Westliche_Höhe`` for
``04 Westliche Höhe``), a :class:`KeyTransform` maps *both* sides to one canonical form; which
transform fits is measured by counting matches, never guessed from names.

Speed: keys are factorized once and every transform runs on the distinct keys, joined into one
string so that a single C-level ``re.sub`` rewrites them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable, Iterable

import numpy as np
import pandas as pd

from ..errors import MESSAGES

SEP = "\x1f"  # joins distinct keys into one string; never part of a key
_PREFIXED_SHAPE = r"^[A-Za-z]+[ _\-]?\d+$"  # STGT01, BZ_03
_NUMBER_NAME_SHAPE = r"^\d+[ \t_.:\-]+[^\d\s]"  # 01 Altstadt
#: Preference between transforms that match equally many districts: the least intrusive first.
RANK = {"exact": 0, "pad_zeros": 1, "strip_zeros": 2, "prefix": 3, "leading_number": 4, "name": 5}
KeyCodes = tuple  # (codes: int ndarray, -1 = no key; uniques: object ndarray of stripped str)


def normalize_key(
    value: Any, *, strip: bool = True, casefold: bool = False, strip_zeros: bool = False
) -> str | None:
    """One key as text: None for null/empty, integral floats without '.0' (1.0 → '1')."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)):
        if value != value:
            return None
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
    elif isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        text = str(int(value))
    else:
        text = clean_text(str(value))
    if strip:
        text = text.strip()
    if casefold:
        text = text.casefold()
    if strip_zeros and text.isascii() and text.isdigit():
        text = text.lstrip("0") or "0"
    return text or None


def key_codes(series: Any) -> KeyCodes:
    """Factorize a key column into codes and distinct stripped texts ('' counts as no key)."""
    s = series if isinstance(series, pd.Series) else pd.Series(list(series), dtype=object)
    values = s.array if isinstance(s.dtype, pd.api.extensions.ExtensionDtype) else s.to_numpy()
    codes, uniques = pd.factorize(values)  # None / NaN / NA -> -1
    u = np.asarray(uniques, dtype=object)
    if pd.api.types.infer_dtype(u, skipna=False) not in ("string", "empty"):
        # Keys stored as numbers (1.0 -> '1', Int64 7 -> '7') or mixed: convert the distinct ones.
        u = np.array([normalize_key(v) or "" for v in u], dtype=object)
    elif (cleaned := _clean_texts(u)) is not None:
        u = np.array([v.strip() for v in cleaned], dtype=object)
    elif has_edge_space(u):
        u = np.array([v.strip() for v in u], dtype=object)
    elif not len(u) or not (u == "").any():
        # Distinct, stripped and no empty text: factorizing again would change nothing.
        return codes.astype(np.intp, copy=False), u
    return _refactor(codes, u)


# No-break and other fixed-width spaces (Excel, PDFs, web pages) count as plain spaces in a key.
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"})
_POINT_ZERO = re.compile(r"(?<=\x1f)([ \t]*\d+)\.0+(?=[ \t]*\x1f)")  # 1.0 -> 1 (a number written as float)


def clean_text(text: str) -> str:
    """One key's text: NFC (ü as one character or as u + ¨ is the same key), no-break spaces as
    spaces, and an integral number written with '.0' without it."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return _POINT_ZERO.sub(r"\1", SEP + text + SEP)[1:-1] if "." in text else text


def _clean_texts(u: np.ndarray):
    """``clean_text`` of every distinct key in one pass; None when none changes."""
    if len(u) == 0:
        return None
    framed = SEP + SEP.join(u) + SEP
    new = framed if framed.isascii() else unicodedata.normalize("NFC", framed).translate(_SPACES)
    if "." in new:
        new = _POINT_ZERO.sub(r"\1", new)
    if new == framed:
        return None
    if framed.count(SEP) != len(u) + 1:  # a key contains SEP: one by one
        return np.array([clean_text(v) for v in u], dtype=object)
    return np.array(new[1:-1].split(SEP), dtype=object)


def has_edge_space(u: np.ndarray) -> bool:
    """Does any text start or end with whitespace? One scan over the joined texts."""
    if len(u) == 0:
        return False
    framed = SEP + SEP.join(u) + SEP
    if framed.isascii():
        spaces = [c for c in " \t\r\n\x0b\x0c" if c in framed]  # one memchr each; most tables have none
        return any(SEP + c in framed or c + SEP in framed for c in spaces)
    space = r"[^\S\x1c-\x1f]"  # whitespace other than the separator
    return bool(re.search(SEP + space, framed) or re.search(space + SEP, framed))


def _refactor(codes: np.ndarray, u: np.ndarray) -> KeyCodes:
    """After stripping, ' 1' and '1' are one key, and '' is none: factorize the uniques again."""
    u = np.where(u == "", None, u) if len(u) else u
    codes2, u2 = pd.factorize(u)
    mapped = np.where(codes >= 0, codes2[np.maximum(codes, 0)] if len(codes2) else -1, -1)
    return mapped.astype(np.intp), np.asarray(u2, dtype=object)


def take(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values[codes]`` with None where the code is -1."""
    padded = np.append(np.asarray(values, dtype=object), None)
    return padded[np.where(codes >= 0, codes, len(values))]


def key_text(series: Any) -> pd.Series:
    """A column of keys as text (object dtype, None for missing)."""
    index = series.index if isinstance(series, pd.Series) else None
    codes, u = key_codes(series)
    return pd.Series(take(codes, u), index=index, dtype=object)


# --- transforms: each maps distinct key texts to their canonical form, all at once ----------------


def _joined(u: np.ndarray, rewrite: Callable[[str], str]) -> np.ndarray:
    if len(u) == 0:
        return np.asarray(u, dtype=object)
    framed = SEP + SEP.join(u) + SEP
    if framed.count(SEP) != len(u) + 1:  # a key contains SEP: rewrite one by one
        return np.array([rewrite(SEP + v + SEP)[1:-1] for v in u], dtype=object)
    return np.array(rewrite(framed)[1:-1].split(SEP), dtype=object)


def _strip_zeros_text(framed: str) -> str:
    return re.sub(SEP + r"0+(?=\d+" + SEP + ")", SEP, framed)


def _exact(u: np.ndarray, params: dict) -> np.ndarray:
    return u


def _strip_zeros(u: np.ndarray, params: dict) -> np.ndarray:
    return _joined(u, _strip_zeros_text)


def _pad_zeros(u: np.ndarray, params: dict) -> np.ndarray:
    width = int(params["width"])
    rx = SEP + r"(\d{1," + str(max(width - 1, 1)) + "})(?=" + SEP + ")"  # digit keys shorter than width
    return _joined(u, lambda t: re.sub(rx, lambda m: SEP + m.group(1).zfill(width), t))


def _prefix(u: np.ndarray, params: dict) -> np.ndarray:
    rx = SEP + r"(?i:" + re.escape(params["prefix"]) + r")[ _\-]?(\d+)(?=" + SEP + ")"
    return _joined(u, lambda t: _strip_zeros_text(re.sub(rx, SEP + r"\1", t)))


def _leading_number(u: np.ndarray, params: dict) -> np.ndarray:
    rx = SEP + r"(\d+)[ \t_.:\-]+[^\d\s" + SEP + "][^" + SEP + "]*(?=" + SEP + ")"
    return _joined(u, lambda t: _strip_zeros_text(re.sub(rx, SEP + r"\1", t)))


def _fold_name(framed: str) -> str:
    """'04 Westliche_Höhe' → 'westliche hoehe': number prefix, case, umlauts, accents, separators."""
    t = re.sub(SEP + r"\d+[ \t_.:\-]+(?=[^\d\s" + SEP + "])", SEP, framed).casefold()
    for umlaut, ascii_form in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        t = t.replace(umlaut, ascii_form)
    if not t.isascii():
        t = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFKD", t))
    t = re.sub(r"[ \t_\-.]+", " ", t)
    return t.replace(" " + SEP, SEP).replace(SEP + " ", SEP)


def _name(u: np.ndarray, params: dict) -> np.ndarray:
    return _joined(u, _fold_name)


CANONICAL: dict = {
    "exact": _exact,
    "strip_zeros": _strip_zeros,
    "pad_zeros": _pad_zeros,
    "prefix": _prefix,
    "leading_number": _leading_number,
    "name": _name,
}


@dataclass
class KeyTransform:
    """A way to compare keys: ``apply`` maps any key column to the canonical form of ``kind``."""

    kind: str
    params: dict = field(default_factory=dict)
    description: str = ""
    matched: int | None = None  # districts matched, filled in by suggest_transform

    def __post_init__(self):
        if self.kind not in CANONICAL:
            raise ValueError(f"unknown key transform {self.kind!r}")
        missing = {"prefix": "prefix", "pad_zeros": "width"}.get(self.kind)
        if missing and missing not in self.params:
            raise ValueError(f"the key transform {self.kind!r} needs the parameter {missing!r}")
        if not self.description:
            code, params = self.message()
            self.description = MESSAGES[code].format(**params)

    def message(self) -> tuple:
        """``(code, params)`` describing the transform, for translated reports."""
        params = dict(self.params)
        if self.kind == "pad_zeros":
            params.update(short="1", padded="1".zfill(int(self.params["width"])))
        return f"transform_{self.kind}", params

    def canonical(self, uniques: np.ndarray, cache: dict | None = None) -> np.ndarray:
        """Canonical forms of distinct key texts (no None); ``cache`` reuses earlier results."""
        if cache is None:
            return CANONICAL[self.kind](np.asarray(uniques, dtype=object), self.params)
        slot = (self.kind, tuple(sorted(self.params.items())), id(uniques))
        if slot not in cache:
            cache[slot] = CANONICAL[self.kind](np.asarray(uniques, dtype=object), self.params)
        return cache[slot]

    def apply(self, series: Any) -> pd.Series:
        index = series.index if isinstance(series, pd.Series) else None
        codes, u = key_codes(series)
        return pd.Series(take(codes, self.canonical(u)), index=index, dtype=object)

    def to_dict(self) -> dict:
        return asdict(self)


def suggest_transform(district_keys: Iterable, table_keys: Iterable) -> list:
    """Transforms that match at least one district, best first (most districts matched).

    A transform that would make two different district keys equal (e.g. names when two areas
    are both called ``Schloßstraße``) is left out: it would join one row to the wrong area.
    """
    return suggest_from_codes(key_codes(district_keys), key_codes(table_keys))


def suggest_from_codes(d: KeyCodes, t: KeyCodes, cache: dict | None = None) -> list:
    """:func:`suggest_transform` on factorized keys (``cache`` keeps canonical forms for reuse)."""
    d_codes, d_u = d
    t_u = t[1]
    if len(d_u) == 0 or len(t_u) == 0:
        return []
    d_counts = np.bincount(d_codes[d_codes >= 0], minlength=len(d_u))
    out = []
    for tr in candidate_transforms(d_u, t_u):
        cd = tr.canonical(d_u, cache)
        if len(set(cd)) < len(d_u):
            continue
        found = pd.Index(cd).isin(tr.canonical(t_u, cache))
        matched = int(d_counts[found].sum())
        if matched:
            out.append(replace(tr, matched=matched))
    return sorted(out, key=lambda tr: (-tr.matched, RANK[tr.kind]))


def candidate_transforms(d_u: np.ndarray, t_u: np.ndarray) -> list:
    """Transforms worth counting for these two sets of distinct keys (cheap shape tests)."""
    out = [KeyTransform("exact")]
    d_digits, t_digits = _digit_lengths(d_u), _digit_lengths(t_u)
    d_zero, t_zero = _has_leading_zero(d_u), _has_leading_zero(t_u)
    if d_zero or t_zero or (len(d_digits) and len(t_digits) and set(d_digits) != set(t_digits)):
        out.append(KeyTransform("strip_zeros"))
    for own, other in ((d_digits, t_digits), (t_digits, d_digits)):
        if len(own) and own.min() == own.max() > 1 and len(other) and other.min() < own.min():
            out.append(KeyTransform("pad_zeros", {"width": int(own.min())}))
            break
    prefixes = {p for p in (_common_prefix(d_u), _common_prefix(t_u)) if p}
    out += [KeyTransform("prefix", {"prefix": p}) for p in sorted(prefixes)]
    if _share(d_u, _NUMBER_NAME_SHAPE) >= 0.5 or _share(t_u, _NUMBER_NAME_SHAPE) >= 0.5:
        out.append(KeyTransform("leading_number"))
    if _share(d_u, r"[^\W\d_]") >= 0.5 or _share(t_u, r"[^\W\d_]") >= 0.5:
        out.append(KeyTransform("name"))
    return out


def _digit_lengths(u: np.ndarray) -> np.ndarray:
    """Lengths of the all-digit keys."""
    return np.array([len(v) for v in u[:5000] if v.isascii() and v.isdigit()], dtype=int)


def _has_leading_zero(u: np.ndarray) -> bool:
    return re.search(SEP + r"0\d+(?=" + SEP + ")", SEP + SEP.join(u) + SEP) is not None if len(u) else False


def _share(u: np.ndarray, pattern: str) -> float:
    """Share of keys in which ``pattern`` is found (a sample is enough to judge the shape)."""
    sample = u[:2000]
    if len(sample) == 0:
        return 0.0
    rx = re.compile(pattern)
    return sum(1 for v in sample if rx.search(v)) / len(sample)


def _common_prefix(u: np.ndarray) -> str | None:
    """The alphabetic prefix most keys share (``STGT`` in ``STGT01``), if at least half have it."""
    sample = u[:2000]
    rx = re.compile(r"^([A-Za-z]+)[ _\-]?\d+$")
    found = [m.group(1).upper() for m in map(rx.match, sample) if m]
    if not found:
        return None
    top = pd.Series(found).value_counts()
    return top.index[0] if top.iloc[0] >= 0.5 * len(sample) else None


def describe_key_scheme(keys: Iterable) -> dict:
    """The dominant shape of a key column: ``{'scheme': '8 digits', 'example': '01100101'}``."""
    u = key_codes(keys)[1]
    if len(u) == 0:
        return {"scheme": "empty", "example": ""}
    digits = np.array([v.isascii() and v.isdigit() for v in u[:5000]], dtype=bool)
    sample = u[:5000]
    if digits.mean() >= 0.8:
        lengths = np.array([len(v) for v in sample[digits]])
        lo, hi = int(lengths.min()), int(lengths.max())
        scheme = f"{lo}-{hi} digits" if lo != hi else ("1 digit" if lo == 1 else f"{lo} digits")
        return {"scheme": scheme, "example": sample[digits][0]}
    for pattern, label in ((_PREFIXED_SHAPE, "letters + digits"), (_NUMBER_NAME_SHAPE, "number + name")):
        rx = re.compile(pattern)
        hit = [v for v in sample if rx.search(v)]
        if len(hit) >= 0.8 * len(sample):
            return {"scheme": label, "example": hit[0]}
    return {"scheme": "names", "example": sample[0]}
