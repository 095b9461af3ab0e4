"""The need × supply category of a district, for a categorized map.

Supply is *low* where coverage is below 1 (below the standard) or, without a standard, where the
places per 1,000 are below the city's value. Need is *high* where the need field says so: an MSS
status class ``niedrig``/``sehr niedrig`` (German or English labels), a value listed in
``need_high`` (classes) or at least the number given there (a numeric field), else a numeric
field above its median. Codes are stable; labels come from the caller's words (output language).

    1 high need, low supply   (the first to look at)
    2 high need, supply at or above the standard / city value
    3 lower need, low supply
    4 lower need, supply at or above
    5 low supply (no need field)   6 supply at or above (no need field)
    NULL: no supply value (no target population, or hidden)
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..needs.mss_classes import CLASS_WORDS

CODES = (1, 2, 3, 4, 5, 6)
ENGLISH = {
    1: "high need, low supply", 2: "high need, supply met", 3: "lower need, low supply",
    4: "lower need, supply met", 5: "low supply", 6: "supply met",
}
#: MSS status classes that mean high need (a low social status), in both languages.
MSS_HIGH = {labels[0][2] for labels in CLASS_WORDS.values()} | {labels[0][3] for labels in CLASS_WORDS.values()}
MSS_ALL = {label for labels in CLASS_WORDS.values() for label in labels[0]}


def low_supply(values, reference: float) -> np.ndarray:
    """1.0 where ``values`` < ``reference``, 0.0 where not, NaN where unknown."""
    v = np.asarray(values, dtype=float)
    # a value equal to the reference up to rounding is not below it (a sum of 2SFCA ratios, or the
    # city's weighted mean of equal scores, differs from it in the last bits)
    out = np.where((v < reference) & ~np.isclose(v, reference, rtol=1e-9, atol=1e-12), 1.0, 0.0)
    out[~np.isfinite(v)] = np.nan
    return out


def high_need(need: pd.Series, need_high: str = "") -> np.ndarray:
    """1.0 / 0.0 / NaN per district, by the rules in the module text."""
    text = need.astype(object).where(need.notna(), None)
    listed = [part.strip() for part in str(need_high or "").split(";") if part.strip()]
    numbers = pd.to_numeric(need, errors="coerce")
    numeric = numbers.notna().sum() == need.notna().sum() and need.notna().any()
    out = np.full(len(need), np.nan)
    known = need.notna().to_numpy()
    if numeric and len(listed) == 1 and _is_number(listed[0]):
        out[known] = (numbers[known] >= float(listed[0].replace(",", "."))).astype(float)
    elif listed and numeric and all(_is_number(v) for v in listed):  # classes of a number field: 3.0 is '3'
        wanted = [float(v.replace(",", ".")) for v in listed]
        out[known] = np.isin(numbers[known].to_numpy(float), wanted).astype(float)
    elif listed:
        wanted = {v.lower() for v in listed}
        out[known] = [float(str(v).strip().lower() in wanted) for v in text[known]]
    elif not numeric and set(map(str, text[known])) <= MSS_ALL:
        out[known] = [float(str(v) in MSS_HIGH) for v in text[known]]
    elif numeric:
        out[known] = (numbers[known] > numbers[known].median()).astype(float)
    else:
        return None  # text classes nobody said the meaning of: the caller reports it
    return out


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
        return True
    except ValueError:
        return False


def category_codes(low: np.ndarray, high: np.ndarray | None) -> np.ndarray:
    """The codes (float with NaN for NULL) from the supply and need flags."""
    low = np.asarray(low, dtype=float)
    if high is None:
        codes = np.where(low == 1.0, 5.0, 6.0)
        codes[~np.isfinite(low)] = np.nan
        return codes
    high = np.asarray(high, dtype=float)
    codes = np.select([(high == 1) & (low == 1), high == 1, low == 1], [1.0, 2.0, 3.0], 4.0)
    codes[~(np.isfinite(low) & np.isfinite(high))] = np.nan
    return codes


def category_labels(codes, labels: dict) -> list:
    """The label of each code (None for NULL); ``labels``: code → text in the output language."""
    return [labels[int(c)] if c == c and c is not None else None for c in codes]
