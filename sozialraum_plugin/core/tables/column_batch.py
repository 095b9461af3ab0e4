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
DENSE_COUNTS = 2_000_000  # columns × distinct cells up to which one array counts them all (16 MB)
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
        """Plain cells through ``float`` on the whole joined text; the rest through the strict regex."""
        plain = np.ones(len(cells), dtype=bool)
        plain[self._cells_at(m.start() for m in _not_plain_rx(fmt).finditer(joined))] = False
        text = joined
        if "%" in joined:
            self.percent[self._cells_at(m.start() for m in re.finditer("%", joined))] = True
            plain[self._cells_at(m.start() for m in _PERCENT_INSIDE.finditer(joined))] = False
            text = text.replace("%", "")
        if fmt.decimal != ".":
            text = text.replace(fmt.decimal, ".")
        parts = text.split(CELL_SEP)
        for i in np.flatnonzero(~plain).tolist():
            parts[i] = "nan"  # not plain: the regex below decides
        numbers, good = _floats(parts)
        good &= plain  # '1.2.3', '5-3', '+' are refused by float: the regex decides (and says no)
        self.numbers[good] = numbers[good]
        self.ok[good] = True
        rest = np.flatnonzero(~good)
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


def _floats(parts: list) -> tuple[np.ndarray, np.ndarray]:
    """``float`` of every text; where it refuses one, NaN and not good (cell by cell only then)."""
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
    # every row as a position in the whole table; ``size`` = the row has no cell (counted as missing)
    gidx = {name: np.where(col[0] >= 0, col[0] + groups[id(col[1])][0], size) for name, col in columns.items()}
    typed = [name for name in columns if name not in keys]
    pairs = _Pairs([gidx[name] for name in typed], size)
    is_missing, is_supp = _markers(table, missing, suppressed)
    is_value = np.zeros(size + 1, dtype=bool)
    is_value[pairs.cell] = True  # cells some typed column holds ...
    is_value &= ~is_missing & ~is_supp  # ... that are no marker
    candidates = np.flatnonzero(is_value)
    flags = CellFlags(table[candidates], fmt)
    if not flags.valid:  # a cell holds the join character: column by column (the slow, exact way)
        return {
            name: type_column(col[0], col[1], name, fmt, missing, suppressed, name in keys)
            for name, col in columns.items()
        }
    cells = _Scattered(size, candidates, flags, is_value)
    build = _Builder(table, is_missing, is_supp)
    found = pairs.reduce(is_missing, is_supp, is_value, cells)
    out = {}
    for name in columns:
        if name in keys:
            out[name] = build.text(gidx[name], int(np.count_nonzero(is_missing[gidx[name]])), True)
    for j, name in enumerate(typed):
        out[name] = _decide(name, gidx[name], {k: v[j] for k, v in found.items()}, cells, build)
    return {name: out[name] for name in columns}


def _markers(table: np.ndarray, missing: frozenset, suppressed: frozenset) -> tuple[np.ndarray, np.ndarray]:
    """(missing, suppressed) per cell of the table, +1 slot for rows without a cell (missing):
    one hash lookup of all markers, then the few marker cells sorted into the two kinds."""
    size = len(table)
    is_missing, is_supp = np.zeros(size + 1, dtype=bool), np.zeros(size + 1, dtype=bool)
    is_missing[size] = True
    hits = np.flatnonzero(pd.Series(table, dtype=object).isin(missing | suppressed).to_numpy()) if size else []
    for i in hits:
        (is_missing if table[i] in missing else is_supp)[i] = True
    return is_missing, is_supp


class _Pairs:
    """The distinct (column, cell) pairs of the typed columns with their row counts: every
    per-column question (any leading zero? all numbers? whole numbers?) becomes one weighted
    ``bincount`` over the pairs, for all columns at once."""

    def __init__(self, positions: list, size: int):
        self.n_columns, width = len(positions), size + 1
        empty = np.zeros(0, dtype=np.int64)
        if not positions:
            self.column, self.cell, self.rows = empty, empty, empty
        elif self.n_columns * width <= DENSE_COUNTS:  # one count for all columns (a small table)
            counts = np.bincount((np.arange(self.n_columns)[:, None] * width + np.vstack(positions)).ravel(),
                                 minlength=self.n_columns * width)
            pair = np.flatnonzero(counts)
            self.rows = counts[pair]
            self.column, self.cell = np.divmod(pair, width)
        else:  # a count per column: O(rows + cells) each, no sort of all rows and no huge array
            column, cell, rows = [empty], [empty], [empty]
            for j, pos in enumerate(positions):
                count = np.bincount(pos, minlength=width)
                held = np.flatnonzero(count)
                column.append(np.full(len(held), j, dtype=np.int64))
                cell.append(held)
                rows.append(count[held])
            self.column, self.cell, self.rows = np.concatenate(column), np.concatenate(cell), np.concatenate(rows)

    def _sum(self, weights) -> np.ndarray:
        return np.bincount(self.column, weights=weights, minlength=self.n_columns)

    def reduce(self, is_missing, is_supp, is_value, cells: _Scattered) -> dict:
        value = is_value[self.cell]
        ok = value & cells.ok[self.cell]
        whole = ok & cells.integral[self.cell]
        return {
            "n_missing": self._sum(self.rows * is_missing[self.cell]),
            "n_supp": self._sum(self.rows * is_supp[self.cell]),
            "values": self._sum(value),
            "leading_zero": self._sum(value & cells.leading_zero[self.cell]),
            "date": self._sum(value & cells.date[self.cell]),
            "ok": self._sum(ok),
            "whole": self._sum(whole),
            "percent": self._sum(ok & cells.percent[self.cell]),
            "value_rows": self._sum(self.rows * value),
            "ok_rows": self._sum(self.rows * ok),
        }


class _Scattered:
    """The cell flags spread over the whole table (+1 slot for rows without a cell)."""

    def __init__(self, size: int, where: np.ndarray, flags: CellFlags, is_value: np.ndarray):
        self.numbers = np.full(size + 1, np.nan)
        self.numbers[where] = flags.numbers
        self.ok, self.percent, self.leading_zero, self.date = (
            np.zeros(size + 1, dtype=bool) for _ in range(4)
        )
        for target, source in ((self.ok, flags.ok), (self.percent, flags.percent),
                               (self.leading_zero, flags.leading_zero), (self.date, flags.date)):
            target[where] = source
        with np.errstate(invalid="ignore"):  # whole and exact as a float (< 2**53); NaN and inf are not
            self.integral = (self.numbers == np.round(self.numbers)) & (np.abs(self.numbers) < _MAX_EXACT_INT)
        self.bad = is_value & ~self.ok  # a value that is no number keeps its column text


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


def _decide(name: str, gidx: np.ndarray, found: dict, cells: _Scattered, build: _Builder) -> TypedColumn:
    """One column's type from the counts over the distinct value cells it holds, deciding in the
    order of :func:`column_types.type_column`."""
    n_missing, n_values = int(found["n_missing"]), int(found["values"])
    if found["leading_zero"] > 0 and found["date"] < n_values:
        return build.text(gidx, n_missing, True)  # 01100101, 001: an identifier
    if found["ok"] < n_values:
        column = build.text(gidx, n_missing, False)
        column.numeric_share = float(found["ok_rows"] / max(found["value_rows"], 1))
        row = int(np.flatnonzero(cells.bad[gidx])[0])
        column.first_bad = (row, build._table[gidx[row]])
        return column
    integral = found["whole"] == n_values
    percent = found["percent"] > 0
    if looks_like_id_name(name) and integral and not percent and n_values:
        return build.text(gidx, n_missing, True)  # Stadtteil_ID 1..13: a key
    return build.numeric(gidx, cells.numbers, integral and n_values > 0, percent, n_missing, int(found["n_supp"]))
