"""Typing coded string columns: numbers under one number format, identifiers stay text.

Each column arrives as ``(codes, uniques)``; all tests run on the distinct values and the result
is mapped back through the codes, so a 100 000-row column of counts costs a few thousand parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from .numformat import (
    RX_DATE,
    RX_LEADING_ZERO,
    NumberFormat,
    all_fullmatch,
    any_fullmatch,
    join_cells,
    parse_numbers,
)

DEFAULT_MISSING = frozenset(
    {
        "",
        "NA",
        "N/A",
        "n/a",
        "na",
        "NaN",
        "nan",
        "-9999",
        "-9999.0",
        "-9999,0",
        "-99999",
        "null",
        "NULL",
        "None",
        "k.A.",
        "k. A.",
        "keine Angabe",
    }
)
#: Cells withheld for confidentiality or as unreliable. Note: in official German statistics
#: '–' can also mean "nothing there" (zero); here it is never read as zero.
DEFAULT_SUPPRESSED = frozenset(
    {
        "–",
        "—",
        "‒",
        "-",
        ".",
        "..",
        "*",
        "x",
        "X",
        "/",
        "·",
        "•",
        "(…)",
        "(...)",
        "…",
        "...",
    }
)
#: Column names that say "identifier": their integer values stay text (``Stadtteil_ID`` 1..13).
_ID_NAME = re.compile(
    r"(^|[\s_\-.(/])(id|nr|no|nummer|schl(ü|ue)ssel|key|code|kennung|kennziffer|ags|ars|gkz)($|[\s_\-.)/])",
    re.IGNORECASE,
)
_MAX_EXACT_INT = 2**53


@dataclass
class TypedColumn:
    values: pd.Series | np.ndarray | pd.api.extensions.ExtensionArray  # one per row (assemble frames them)
    dtype: str  # 'text' | 'integer' | 'real'
    n_missing: int
    n_suppressed: int
    unit: str | None
    is_key: bool
    suppressed: np.ndarray | None  # bool per row, numeric columns only
    first_bad: tuple | None = None  # (row position, value) of a cell that kept a numeric column text
    numeric_share: float = 0.0


def looks_like_id_name(name: str) -> bool:
    return bool(_ID_NAME.search(str(name)))


def type_column(
    codes: np.ndarray,
    uniques: np.ndarray,
    name: str,
    fmt: NumberFormat,
    missing: frozenset,
    suppressed: frozenset,
    force_text: bool,
) -> TypedColumn:
    """Type one coded column (codes -1 = no cell, counted as missing)."""
    counts = (
        np.bincount(codes[codes >= 0], minlength=len(uniques)) if len(uniques) else np.zeros(0, dtype=int)
    )
    u_marker = pd.Series(uniques, dtype=object).isin(missing | suppressed).to_numpy()  # one pass, then split
    u_missing = u_marker.copy()
    u_missing[u_marker] = [v in missing for v in uniques[u_marker]]
    u_supp = u_marker & ~u_missing
    u_value = ~(u_missing | u_supp) & (counts > 0)  # values of rows cut off (header, notes) do not count
    n_missing = int(counts[u_missing].sum()) + int((codes < 0).sum())
    values_u = uniques[u_value]
    if force_text:
        return _text(codes, uniques, u_missing, n_missing, True)
    joined = join_cells(values_u)  # shared by the checks below: one pass over the cells each
    if _identifier(values_u, joined):
        return _text(codes, uniques, u_missing, n_missing, True)
    numbers, ok, percent = parse_numbers(values_u, fmt, joined)
    if not ok.all():
        column = _text(codes, uniques, u_missing, n_missing, False)
        value_counts = counts[u_value]
        column.numeric_share = float(value_counts[ok].sum() / max(value_counts.sum(), 1))
        column.first_bad = _first_bad(codes, np.flatnonzero(u_value)[~ok], uniques)
        return column
    integral = _integral(numbers)
    if looks_like_id_name(name) and integral and not percent and len(numbers):
        return _text(codes, uniques, u_missing, n_missing, True)  # Stadtteil_ID 1..13: a key
    return _numeric(codes, u_value, u_supp, numbers, integral, percent, n_missing, counts)


def _identifier(values: np.ndarray, joined: str | None) -> bool:
    """Leading zeros (``01100101``, ``001``) make a column an identifier; dates do not."""
    return any_fullmatch(values, RX_LEADING_ZERO, joined) and not all_fullmatch(values, RX_DATE, joined)


def _integral(numbers: np.ndarray) -> bool:
    finite = numbers[~np.isnan(numbers)]
    return bool(np.all(finite == np.round(finite)) and np.all(np.abs(finite) < _MAX_EXACT_INT))


def _numeric(codes, u_value, u_supp, numbers, integral, percent, n_missing, counts) -> TypedColumn:
    per_unique = np.full(len(u_value) + 1, np.nan)  # last slot: rows without a cell
    per_unique[:-1][u_value] = numbers
    supp_unique = np.append(u_supp, False)
    idx = np.where(codes >= 0, codes, len(u_value))
    values = per_unique[idx]
    series = pd.Series(values, dtype=float)
    dtype = "real"
    if integral and u_value.any():  # built directly: astype("Int64") costs 7× as much (whole, < 2**53: exact)
        empty = np.isnan(values)
        series = pd.Series(pd.arrays.IntegerArray(np.where(empty, 0, values).astype(np.int64), empty))
        dtype = "integer"
    return TypedColumn(
        series, dtype, n_missing, int(counts[u_supp].sum()), "%" if percent else None, False, supp_unique[idx]
    )


def _text(codes, uniques, u_missing, n_missing, is_key) -> TypedColumn:
    texts = np.append(np.where(u_missing, np.nan, uniques).astype(object), np.nan)
    idx = np.where(codes >= 0, codes, len(uniques))
    return TypedColumn(pd.Series(texts[idx], dtype=object), "text", n_missing, 0, None, is_key, None)


def _first_bad(codes, bad_unique: np.ndarray, uniques) -> tuple | None:
    if len(bad_unique) == 0:
        return None
    rows = np.flatnonzero(np.isin(codes, bad_unique))
    return int(rows[0]), uniques[codes[rows[0]]]


def type_columns(
    columns: dict, fmt: NumberFormat, missing: frozenset, suppressed: frozenset, key_columns: Iterable[str]
) -> dict:
    """Type every coded column; return ``{name: TypedColumn}`` in column order."""
    keys = set(key_columns)
    return {
        name: type_column(col[0], col[1], name, fmt, missing, suppressed, name in keys)
        for name, col in columns.items()
    }


def assemble(typed: dict, n_rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The typed frame and the boolean 'suppressed' mask of its numeric columns."""
    index = pd.RangeIndex(n_rows)
    # the columns are fresh arrays of this read: no copy; the masks as one boolean block
    frame = pd.DataFrame({name: t.values for name, t in typed.items()}, index=index, copy=False)
    masks = [(name, t.suppressed) for name, t in typed.items() if t.suppressed is not None]
    if not masks:
        return frame, pd.DataFrame(index=index)
    block = np.column_stack([np.asarray(m, dtype=bool) for _, m in masks]).reshape(n_rows, len(masks))
    return frame, pd.DataFrame(block, index=index, columns=[name for name, _ in masks])


def not_numeric_warnings(typed: dict, file: str, line_of: Callable[[int], int]) -> list:
    """Columns that are mostly numbers but hold a stray text cell (``857°``): say which and where."""
    out = []
    for name, t in typed.items():
        if t.dtype == "text" and not t.is_key and t.first_bad is not None and t.numeric_share >= 0.5:
            row, value = t.first_bad
            out.append(
                ("column_not_numeric", {"file": file, "column": name, "row": line_of(row), "value": value})
            )
    return out
