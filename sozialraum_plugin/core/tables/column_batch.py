"""Typing all columns of a table at once: the same decisions as :func:`column_types.type_column`,
made with one pass over the distinct cells of the whole table instead of one per column.

A yearly office table of 542 areas has ~20 numeric columns; typing them one by one cost ~1 ms of
pandas calls each (issue 15, P7). Here every distinct cell of every column is classified once
(marker, number under the format, '%', leading zero, date) by regex scans over the cells joined
into one string (C speed, one match object per *exceptional* cell only), and each column then
only reduces those flags over the cells it holds. Columns that share their uniques (the regular
CSV path codes the whole table with one ``factorize``) share the work.

Whatever this module cannot decide the fast way (a cell holding the join character) goes back to
the column-by-column path, so the result is the same in every case (test_tables_batch.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import numpy as np
import pandas as pd

from .column_types import TypedColumn, looks_like_id_name, type_column
from .numformat import CELL_SEP, MINUS_SIGNS, RX_DATE, RX_LEADING_ZERO, SPACE_MARKS, NumberFormat, number_regex

_MAX_EXACT_INT = 2**53
_FRAMED_LEADING_ZERO = re.compile(CELL_SEP + "(?:" + RX_LEADING_ZERO + ")(?=" + CELL_SEP + ")")
_FRAMED_DATE = re.compile(CELL_SEP + "(?:" + RX_DATE + ")(?=" + CELL_SEP + ")")
_PERCENT_INSIDE = re.compile("%(?!" + CELL_SEP + "|$)")  # '%' not at the end of its cell
_MINUS = str.maketrans({sign: "-" for sign in MINUS_SIGNS})


@lru_cache(maxsize=8)
def _number_rx(fmt: NumberFormat) -> re.Pattern:
    return re.compile(number_regex(fmt))


@lru_cache(maxsize=8)
def _not_plain_rx(fmt: NumberFormat) -> re.Pattern:
    """From the first character that a plain number (digits, sign, the decimal mark, '%', an
    exponent for '.') cannot hold to the end of that cell: one match per such cell."""
    allowed = "0-9+\\-%" + re.escape(fmt.decimal) + ("eE" if fmt.decimal == "." else "") + CELL_SEP
    return re.compile("[^" + allowed + "][^" + CELL_SEP + "]*")


class CellFlags:
    """Per distinct cell: number (NaN if none), fits the format, carries '%', leading zero, date."""

    def __init__(self, cells: np.ndarray, fmt: NumberFormat):
        n = len(cells)
        self.numbers = np.full(n, np.nan)
        self.ok = np.zeros(n, dtype=bool)
        self.percent = np.zeros(n, dtype=bool)
        self.leading_zero = np.zeros(n, dtype=bool)
        self.date = np.zeros(n, dtype=bool)
        self.valid = True
        if n == 0:
            return
        joined = CELL_SEP.join(cells)
        if joined.count(CELL_SEP) != n - 1:  # a cell holds the join character itself
            self.valid = False
            return
        self._starts = _cell_starts(joined)
        framed = CELL_SEP + joined + CELL_SEP
        self.leading_zero[self._cells_at(m.start() for m in _FRAMED_LEADING_ZERO.finditer(framed))] = True
        if self.leading_zero.any():  # dates (01.02.2020) only matter beside leading zeros
            self.date[self._cells_at(m.start() for m in _FRAMED_DATE.finditer(framed))] = True
        minus = joined.translate(_MINUS) if any(s in joined for s in MINUS_SIGNS) else joined
        self._parse(cells if minus is joined else np.array(minus.split(CELL_SEP), dtype=object), minus, fmt)

    def _cells_at(self, positions) -> np.ndarray:
        """Cell index of each character position of the joined string."""
        pos = np.fromiter(positions, dtype=np.int64)
        return np.searchsorted(self._starts, pos, side="right") - 1

    def _parse(self, cells: np.ndarray, joined: str, fmt: NumberFormat) -> None:
        """Plain cells through ``float`` on the whole lot; the rest through the strict regex."""
        plain = np.ones(len(cells), dtype=bool)
        plain[self._cells_at(m.start() for m in _not_plain_rx(fmt).finditer(joined))] = False
        if "%" in joined:
            self.percent[self._cells_at(m.start() for m in re.finditer("%", joined))] = True
            plain[self._cells_at(m.start() for m in _PERCENT_INSIDE.finditer(joined))] = False
        idx = np.flatnonzero(plain)
        if len(idx):
            numbers, good = _floats(cells[idx], fmt)
            self.numbers[idx[good]] = numbers[good]
            self.ok[idx[good]] = True
            plain[idx[~good]] = False  # '1.2.3', '5-3', '+': the regex decides (and says no)
        rest = np.flatnonzero(~plain)
        if len(rest):
            rx = _number_rx(fmt)
            fits = np.fromiter((rx.fullmatch(c) is not None for c in cells[rest]), dtype=bool, count=len(rest))
            idx = rest[fits]
            if len(idx):
                self.numbers[idx] = _convert(cells[idx], fmt)
                self.ok[idx] = True


def _cell_starts(joined: str) -> np.ndarray:
    """Where each cell begins in ``joined`` (character positions), from the separators' places."""
    if joined.isascii():
        chars = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:  # one 32-bit unit per character, as str indexes them
        chars = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    return np.concatenate(([0], np.flatnonzero(chars == ord(CELL_SEP)) + 1))


def _floats(cells: np.ndarray, fmt: NumberFormat) -> tuple[np.ndarray, np.ndarray]:
    """Plain cells (digits, sign, decimal mark, final '%') as floats; a cell ``float`` refuses
    is marked not good (one pass over the joined text; cell by cell only if one is refused)."""
    text = CELL_SEP.join(cells).replace("%", "")
    if fmt.decimal != ".":
        text = text.replace(fmt.decimal, ".")
    parts = text.split(CELL_SEP)
    try:
        return np.fromiter(map(float, parts), dtype=float, count=len(parts)), np.ones(len(parts), dtype=bool)
    except ValueError:
        pass
    numbers, good = np.full(len(parts), np.nan), np.ones(len(parts), dtype=bool)
    for i, part in enumerate(parts):
        try:
            numbers[i] = float(part)
        except ValueError:
            good[i] = False
    return numbers, good


def _convert(cells: np.ndarray, fmt: NumberFormat) -> np.ndarray:
    """Cells that fit the strict regex (thousands marks, spaces) → floats."""
    text = re.sub("[" + SPACE_MARKS + "%]", "", CELL_SEP.join(cells))
    if fmt.thousands not in (None, " "):
        text = text.replace(fmt.thousands, "")
    if fmt.decimal != ".":
        text = text.replace(fmt.decimal, ".")
    return np.array(text.split(CELL_SEP), dtype=float)


def type_all_columns(
    columns: dict, fmt: NumberFormat, missing: frozenset, suppressed: frozenset, key_columns: Iterable[str]
) -> dict:
    """``{name: TypedColumn}`` for coded columns ``{name: (codes, uniques, ...)}``, in column order:
    the result of :func:`column_types.type_column` for each, computed for all at once."""
    keys = set(key_columns)
    groups: dict = {}  # id(uniques) -> (offset, uniques): columns sharing their uniques share the work
    for col in columns.values():
        if id(col[1]) not in groups:
            groups[id(col[1])] = (sum(len(u) for _, u in groups.values()), col[1])
    tables = [u for _, u in groups.values()]
    table = tables[0] if len(tables) == 1 else (np.concatenate(tables) if tables else np.zeros(0, dtype=object))
    size = len(table)
    counts = {}
    needed = np.zeros(size + 1, dtype=bool)  # last slot: rows without a cell
    for name, col in columns.items():
        offset, uniques = groups[id(col[1])]
        codes = col[0]
        valid = codes >= 0
        count = np.bincount(codes[valid], minlength=len(uniques)) if len(uniques) else np.zeros(0, dtype=np.int64)
        counts[name] = (count, int(len(codes) - np.count_nonzero(valid)))
        if name not in keys:
            needed[offset : offset + len(uniques)] |= count > 0
    text_table = pd.Series(table, dtype=object)
    is_missing = np.append(text_table.isin(missing).to_numpy(), False)
    is_supp = np.append(text_table.isin(suppressed).to_numpy(), False) & ~is_missing
    is_value = needed & ~is_missing & ~is_supp
    candidates = np.flatnonzero(is_value)
    flags = CellFlags(table[candidates], fmt)
    if not flags.valid:  # a cell holds the join character: column by column (the slow, exact way)
        return {
            name: type_column(col[0], col[1], name, fmt, missing, suppressed, name in keys)
            for name, col in columns.items()
        }
    per_cell = _Scattered(size, candidates, flags)
    build = _Builder(table, is_missing, is_supp)
    out = {}
    for name, col in columns.items():
        offset, uniques = groups[id(col[1])]
        count, n_absent = counts[name]
        local = slice(offset, offset + len(uniques))
        n_missing = int(count[is_missing[local]].sum()) + n_absent
        gidx = np.where(col[0] >= 0, col[0] + offset, size)
        if name in keys:
            out[name] = build.text(gidx, n_missing, True)
            continue
        values = offset + np.flatnonzero((count > 0) & is_value[local])
        out[name] = _decide(name, values, count, offset, gidx, n_missing, per_cell, build, is_supp[local])
    return out


class _Scattered:
    """The cell flags spread over the whole table (+1 slot for rows without a cell)."""

    def __init__(self, size: int, where: np.ndarray, flags: CellFlags):
        self.numbers = np.full(size + 1, np.nan)
        self.numbers[where] = flags.numbers
        self.ok, self.percent, self.leading_zero, self.date = (
            np.zeros(size + 1, dtype=bool) for _ in range(4)
        )
        for target, source in ((self.ok, flags.ok), (self.percent, flags.percent),
                               (self.leading_zero, flags.leading_zero), (self.date, flags.date)):
            target[where] = source


class _Builder:
    """The typed columns from global row indices (``gidx``: position in the table, or its size)."""

    def __init__(self, table: np.ndarray, is_missing: np.ndarray, is_supp: np.ndarray):
        self._table, self._is_missing, self._is_supp = table, is_missing, is_supp
        self._texts = None

    def text(self, gidx: np.ndarray, n_missing: int, is_key: bool) -> TypedColumn:
        if self._texts is None:  # missing markers and rows without a cell become NaN
            self._texts = np.append(np.where(self._is_missing[:-1], np.nan, self._table).astype(object), np.nan)
        return TypedColumn(self._texts[gidx], "text", n_missing, 0, None, is_key, None)

    def numeric(self, gidx, numbers, integral, percent, n_missing, n_supp) -> TypedColumn:
        """Plain arrays, no Series: a Series per column cost more than typing it (assemble frames them)."""
        values = numbers[gidx]
        dtype = "real"
        if integral:  # built directly: astype("Int64") costs 7× as much (whole, < 2**53: exact)
            empty = np.isnan(values)
            values = pd.arrays.IntegerArray(np.where(empty, 0, values).astype(np.int64), empty)
            dtype = "integer"
        return TypedColumn(values, dtype, n_missing, n_supp, "%" if percent else None, False, self._is_supp[gidx])


def _decide(name, values, count, offset, gidx, n_missing, cells: _Scattered, build: _Builder, supp_local):
    """One column's type from the flags of the distinct value cells it holds (``values``)."""
    if cells.leading_zero[values].any() and not cells.date[values].all():
        return build.text(gidx, n_missing, True)  # 01100101, 001: an identifier
    ok = cells.ok[values]
    if not ok.all():
        column = build.text(gidx, n_missing, False)
        value_counts = count[values - offset]
        column.numeric_share = float(value_counts[ok].sum() / max(value_counts.sum(), 1))
        bad = values[~ok]
        row = int(np.flatnonzero(np.isin(gidx, bad))[0])
        column.first_bad = (row, build._table[gidx[row]])
        return column
    numbers = cells.numbers[values]
    integral = bool(np.all(numbers == np.round(numbers)) and np.all(np.abs(numbers) < _MAX_EXACT_INT))
    percent = bool(cells.percent[values].any())
    if looks_like_id_name(name) and integral and not percent and len(values):
        return build.text(gidx, n_missing, True)  # Stadtteil_ID 1..13: a key
    n_supp = int(count[supp_local].sum())
    return build.numeric(gidx, cells.numbers, integral and len(values) > 0, percent, n_missing, n_supp)
