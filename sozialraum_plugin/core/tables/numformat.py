"""Number formats as offices write them: detect the decimal and thousands mark, parse strictly.

German tables mix conventions: ``1.374`` (thousands dot) next to ``"14,8"`` (decimal comma) in a
comma-separated file, while Berlin's semicolon files use the decimal *point*. So the format is
decided from the cells themselves, never from the separator, and parsing is strict: a cell that
does not fit the chosen format is not a number (``1.3066`` under a thousands dot is a typo, not
13066).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd

#: Characters accepted as a space-like thousands mark (space, no-break space, narrow no-break space).
SPACE_MARKS = " \u00a0\u202f"
MINUS_SIGNS = "\u2212\u2012"  # typographic minus signs, read as '-'


@dataclass(frozen=True)
class NumberFormat:
    """How numbers are written: ``decimal`` is '.' or ','; ``thousands`` '.', ',', ' ', "'" or None."""

    decimal: str = "."
    thousands: str | None = None


# Shapes of numeric-looking cells, used as votes for the format (percent and sign allowed).
_S = r"^[+-]?"
_P = r"\s*%?$"
_RX_BOTH_DOT_COMMA = re.compile(_S + r"\d{1,3}(?:\.\d{3})+,\d+" + _P)  # 1.234,5
_RX_BOTH_COMMA_DOT = re.compile(_S + r"\d{1,3}(?:,\d{3})+\.\d+" + _P)  # 1,234.5
_RX_GROUP_DOT = re.compile(_S + r"[1-9]\d{0,2}((?:\.\d{3})+)" + _P)  # 1.374 / 1.234.567
_RX_GROUP_COMMA = re.compile(_S + r"[1-9]\d{0,2}((?:,\d{3})+)" + _P)
_RX_DEC_DOT = re.compile(_S + r"\d*\.\d+(?:[eE][+-]?\d+)?" + _P)  # 4.22594, .5, 1e-05 handled below
_RX_DEC_COMMA = re.compile(_S + r"\d*,\d+" + _P)
_RX_EXP = re.compile(_S + r"\d+(?:\.\d+)?[eE][+-]?\d+$")
_RX_GROUP_SPACE = re.compile(_S + r"[1-9]\d{0,2}(?:[" + SPACE_MARKS + r"]\d{3})+(?:[.,]\d+)?" + _P)
_RX_GROUP_APOS = re.compile(_S + r"[1-9]\d{0,2}(?:'\d{3})+(?:\.\d+)?" + _P)
_RX_PLAIN_INT = re.compile(_S + r"(\d+)" + _P)
_RX_YEAR = re.compile(r"^(19[5-9]\d|20\d\d|2100)$")
#: Leading zero followed by digits: an identifier such as ``01100101``, ``001`` or ``010.005.2005``.
RX_LEADING_ZERO = r"[+-]?0\d+(?:[.,]\d+)*"
RX_DATE = r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})"


@dataclass
class FormatVotes:
    """Counts of cells that speak for one reading or another."""

    dec_comma: int = 0
    dec_dot: int = 0
    thou_dot: int = 0
    thou_comma: int = 0
    thou_space: int = 0
    thou_apos: int = 0
    amb_dot: int = 0  # 1.374: thousands dot or three decimals
    amb_comma: int = 0
    long_plain_int: int = 0  # 1374 written without a mark: thousands marks are not used throughout
    example: str = ""

    def add(self, cell: str) -> None:
        """Classify one stripped cell and count its vote."""
        cell = _minus(cell)
        if _RX_BOTH_DOT_COMMA.match(cell):
            self.dec_comma += 1
            self.thou_dot += 1
        elif _RX_BOTH_COMMA_DOT.match(cell):
            self.dec_dot += 1
            self.thou_comma += 1
        elif _RX_GROUP_DOT.match(cell):
            self._ambiguous_or_group(cell, "dot")
        elif _RX_GROUP_COMMA.match(cell):
            self._ambiguous_or_group(cell, "comma")
        elif _RX_DEC_DOT.match(cell) or _RX_EXP.match(cell):
            self.dec_dot += 1
        elif _RX_DEC_COMMA.match(cell):
            self.dec_comma += 1
        elif _RX_GROUP_SPACE.match(cell):
            self.thou_space += 1
            if "," in cell:
                self.dec_comma += 1
            elif "." in cell:
                self.dec_dot += 1
        elif _RX_GROUP_APOS.match(cell):
            self.thou_apos += 1
        else:
            m = _RX_PLAIN_INT.match(cell)
            if (
                m
                and len(m.group(1)) >= 4
                and not m.group(1).startswith("0")
                and not _RX_YEAR.match(m.group(1))
            ):
                self.long_plain_int += 1

    def _ambiguous_or_group(self, cell: str, mark: str) -> None:
        several_groups = cell.count("." if mark == "dot" else ",") > 1
        if mark == "dot":
            if several_groups:
                self.thou_dot += 1
            else:
                self.amb_dot += 1
        elif several_groups:
            self.thou_comma += 1
        else:
            self.amb_comma += 1
        self.example = self.example or cell


def detect_format(cells: Iterable[str], sep: str | None = None) -> tuple[NumberFormat, list]:
    """Decide the decimal and thousands mark from numeric-looking cells.

    Returns the format and warnings as ``(code, params)``. Evidence wins over convention; where
    the cells leave it open, the German convention is assumed and a warning says so.
    """
    votes = FormatVotes()
    for cell in cells:
        votes.add(cell)
    return resolve_votes(votes, sep)


def resolve_votes(v: FormatVotes, sep: str | None = None) -> tuple[NumberFormat, list]:
    warnings: list = []
    if v.dec_comma or v.dec_dot:
        if v.dec_comma and v.dec_dot:
            warnings.append(("number_format_mixed", {"comma": v.dec_comma, "dot": v.dec_dot}))
        comma_wins = v.dec_comma > v.dec_dot or (v.dec_comma == v.dec_dot and sep == ";")
        if comma_wins:
            thousands = "." if (v.thou_dot or v.amb_dot) else (" " if v.thou_space else None)
            return NumberFormat(",", thousands), warnings
        thousands = "," if (v.thou_comma or v.amb_comma) else (" " if v.thou_space else None)
        thousands = "'" if (thousands is None and v.thou_apos) else thousands
        return NumberFormat(".", thousands), warnings
    # No decimals at all: only grouping marks can tell.
    if v.thou_dot:
        return NumberFormat(",", "."), warnings
    if v.thou_comma:
        return NumberFormat(".", ","), warnings
    if v.thou_space:
        return NumberFormat(",", " "), warnings
    if v.thou_apos:
        return NumberFormat(".", "'"), warnings
    if v.amb_dot and not v.amb_comma and v.long_plain_int:
        # '1374' appears unmarked elsewhere, so '1.374' is more likely a decimal number.
        fmt = NumberFormat(".", None)
    elif v.amb_dot and not v.amb_comma:
        fmt = NumberFormat(",", ".")
    elif v.amb_comma and not v.amb_dot:
        fmt = NumberFormat(",", None)
    elif v.amb_dot and v.amb_comma:
        fmt = NumberFormat(",", ".")
    else:
        return NumberFormat(".", None), warnings
    warnings.append(
        (
            "number_format_guessed",
            {"decimal": fmt.decimal, "thousands": fmt.thousands or "", "example": v.example},
        )
    )
    return fmt, warnings


def complete_format(decimal: str | None, thousands: str | None, detected: NumberFormat) -> NumberFormat:
    """Merge user choices with the detected format. ``thousands``: None = detect, '' = no mark."""
    if decimal is None and thousands is None:
        return detected
    if decimal is None:
        decimal = "," if thousands == "." else "." if thousands == "," else detected.decimal
    if thousands is None:
        if detected.decimal == decimal:
            thousands = detected.thousands
        else:
            # The cells looked like the other convention, so their decimal mark groups thousands now.
            thousands = detected.decimal
    return NumberFormat(decimal, thousands or None)


def number_regex(fmt: NumberFormat) -> str:
    """A full-match pattern for numbers in ``fmt`` (sign, %, exponent for '.' decimals).

    Spaces are spelled out rather than ``\\s``: ``\\s`` also matches the cell separator used below.
    """
    d = re.escape(fmt.decimal)
    if fmt.thousands is None:
        int_part = r"\d+"
    else:
        t = "[" + SPACE_MARKS + "]" if fmt.thousands == " " else re.escape(fmt.thousands)
        int_part = r"(?:\d+|[1-9]\d{0,2}(?:" + t + r"\d{3})+)"
    exp = r"(?:[eE][+-]?\d+)?" if fmt.decimal == "." else ""
    return r"[+-]?(?:" + int_part + r"(?:" + d + r"\d*)?|" + d + r"\d+)" + exp + "[" + SPACE_MARKS + "]*%?"


#: Joins the cells of a column into one string so that one C-level regex checks them all.
CELL_SEP = "\x1f"


def join_cells(values: np.ndarray) -> str | None:
    """Cells joined by CELL_SEP (computed once per column), or None if a cell holds CELL_SEP."""
    joined = CELL_SEP.join(values)
    return joined if joined.count(CELL_SEP) == max(len(values) - 1, 0) else None


def parse_numbers(
    values: np.ndarray, fmt: NumberFormat, joined: str | None = None
) -> tuple[np.ndarray, np.ndarray, bool]:
    """Parse stripped strings under ``fmt``.

    Returns ``(numbers, ok, percent)``: float array (NaN where not a number), bool array of cells
    that fit the format, and whether any cell carried a '%' sign. The whole column is checked by
    one regex over the joined cells; only columns with bad cells are looked at cell by cell.
    """
    n = len(values)
    if n == 0:
        return np.zeros(0), np.zeros(0, dtype=bool), False
    joined = joined if joined is not None else join_cells(values)
    if joined is None:  # a cell contains the separator itself: go cell by cell
        return _parse_each(values, fmt)
    joined = _minus(joined)
    if _plain_numbers(joined, fmt):
        try:
            return _convert(joined, fmt), np.ones(n, dtype=bool), "%" in joined
        except ValueError:
            pass  # malformed cell such as '1.2.3': find it below
    num = number_regex(fmt)
    if re.fullmatch("(?:" + num + CELL_SEP + ")*" + num, joined):
        return _convert(joined, fmt), np.ones(n, dtype=bool), "%" in joined
    if not re.search("(?:^|" + CELL_SEP + ")(?:" + num + ")(?=" + CELL_SEP + "|$)", joined):
        return np.full(n, np.nan), np.zeros(n, dtype=bool), False  # plain text column
    return _parse_each(values, fmt)


def any_fullmatch(values: np.ndarray, pattern: str, joined: str | None = None) -> bool:
    """Whether any cell matches ``pattern`` completely (one regex search over the joined cells)."""
    if len(values) == 0:
        return False
    joined = joined if joined is not None else join_cells(values)
    if joined is None:
        rx = re.compile(pattern)
        return any(rx.fullmatch(v) for v in values)
    # A leading literal separator lets the regex engine skip quickly from cell to cell.
    return (
        re.search(CELL_SEP + "(?:" + pattern + ")(?=" + CELL_SEP + ")", CELL_SEP + joined + CELL_SEP)
        is not None
    )


def all_fullmatch(values: np.ndarray, pattern: str, joined: str | None = None) -> bool:
    """Whether every cell matches ``pattern`` completely."""
    if len(values) == 0:
        return True
    joined = joined if joined is not None else join_cells(values)
    if joined is None:
        rx = re.compile(pattern)
        return all(rx.fullmatch(v) for v in values)
    return re.fullmatch("(?:(?:" + pattern + ")" + CELL_SEP + ")*(?:" + pattern + ")", joined) is not None


def _plain_numbers(joined: str, fmt: NumberFormat) -> bool:
    """Fast pre-check: only digits, signs, the decimal mark and a final '%' occur.

    Then ``float()`` after replacing the decimal mark is exact (it rejects '1.2.3', '5-3').
    Thousands marks and spaces need the strict regex (``1.3066`` is no grouping), so they
    send the column down the slow path.
    """
    allowed = "0123456789+-%" + CELL_SEP + fmt.decimal + ("eE" if fmt.decimal == "." else "")
    if not joined.isascii() or joined.encode("ascii").translate(None, allowed.encode("ascii")):
        return False
    return "%" not in joined or re.search("%(?!" + CELL_SEP + "|$)", joined) is None


def _minus(text: str) -> str:
    for sign in MINUS_SIGNS:
        if sign in text:
            text = text.replace(sign, "-")
    return text


def _parse_each(values: np.ndarray, fmt: NumberFormat) -> tuple[np.ndarray, np.ndarray, bool]:
    rx = re.compile(number_regex(fmt))
    cells = [_minus(v) for v in values]
    ok = np.fromiter((rx.fullmatch(v) is not None for v in cells), dtype=bool, count=len(cells))
    numbers = np.full(len(cells), np.nan)
    good = [c for c, k in zip(cells, ok) if k]
    if good:
        numbers[ok] = _convert(CELL_SEP.join(good), fmt)
    return numbers, ok, any("%" in c for c in good)


def _convert(joined: str, fmt: NumberFormat) -> np.ndarray:
    """Valid number cells joined by CELL_SEP → floats, with string operations on the whole column."""
    text = re.sub("[" + SPACE_MARKS + "%]", "", joined)
    if fmt.thousands not in (None, " "):
        text = text.replace(fmt.thousands, "")
    if fmt.decimal != ".":
        text = text.replace(fmt.decimal, ".")
    return np.array(text.split(CELL_SEP), dtype=float)


def looks_numeric(values: pd.Series) -> np.ndarray:
    """Cells that look like a number in *some* common format (used before the format is known)."""
    rx = r"[+\-\u2212]?(?:\d[\d.,'" + SPACE_MARKS + r"]*)?\d(?:[eE][+-]?\d+)?[" + SPACE_MARKS + r"]*%?"
    return values.astype(object).str.fullmatch(rx).fillna(False).to_numpy(dtype=bool)


def is_year_like(value: str) -> bool:
    return bool(_RX_YEAR.match(value))
