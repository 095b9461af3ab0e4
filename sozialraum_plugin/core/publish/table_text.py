"""Numbers of a published table (the appendix) as Excel in the output language reads them.

One fixed number of decimals per column, never scientific notation, the language's decimal mark
(comma in German, point in English), no thousands
mark (a CSV is read back by programs too: '2294020' is unambiguous, '2.294.020' is not for every
reader). Whole-number columns get 0 decimals; others keep the decimals their values have, up to
three; longer fractions (computed shares) get two, or three below 1.
"""
from __future__ import annotations

import math
from typing import Iterable

from ..formatting import format_number, is_missing

MAX_DECIMALS = 3


def _exact_at(value: float, decimals: int) -> bool:
    return math.isclose(round(value, decimals), value, rel_tol=1e-12, abs_tol=1e-12)


def column_decimals(values: Iterable) -> int:
    """The decimals a column of numbers is printed with."""
    numbers = [float(v) for v in values if not isinstance(v, bool) and not is_missing(v)]
    if not numbers:
        return 0
    for decimals in range(MAX_DECIMALS + 1):
        if all(_exact_at(v, decimals) for v in numbers):
            return decimals
    return 3 if max(abs(v) for v in numbers) < 1 else 2


def number_text(value, decimals: int, lang="de") -> str:
    """'4,23' / '4.23', '2294020', '' for a missing value (the caller prints '·' for a hidden one)."""
    if is_missing(value):
        return ""
    return format_number(value, decimals, lang=lang, thousands=False).replace("\u2212", "-")
