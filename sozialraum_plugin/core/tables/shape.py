"""From raw records to a rectangular table of stripped strings with column names.

Decides where the header is (or that there is none), drops title lines above it, blank lines
and notes below the table, and refuses ragged rows: a row with more or fewer cells than the
header is shifted data, and shifted data joined to a map is worse than an error.

Columns are kept *coded*: ``(codes, uniques)`` from ``pd.factorize``, with the distinct values
stripped. All later work (stripping, typing, markers) then runs once per distinct value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Union

import numpy as np
import pandas as pd

from ..errors import TableError
from .keys import has_edge_space
from .numformat import is_year_like, looks_numeric

HEADER_SCAN_ROWS = 10  # title lines above the header are searched this far down
BODY_SAMPLE_ROWS = 200  # rows below a candidate header that are compared with it
LONG_HEADER_CELL = 80  # longer cells are prose, not column names
_NOTE_START = re.compile(
    r"^(quelle|stand|anmerkung|hinweis|fu(ß|ss)note|erl(ä|ae)uterung|source|note|\*|\d+\))", re.IGNORECASE
)

HeaderArg = Union[int, str, None]
Coded = tuple  # (codes: int ndarray, -1 = no cell; uniques: object ndarray of stripped str)


@dataclass
class ShapedTable:
    columns: dict  # name -> Coded, data rows only
    original_names: list  # header cells as written (None without a header)
    header_row: int | None  # 0-based record index of the header, None if there is none
    records: np.ndarray  # record index (0-based) of each data row, for messages
    warnings: list = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.records)


def code_column(values) -> tuple:
    """Factorize one column of str/None: ``(codes, stripped uniques, uniques as written)``."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    written = np.asarray(uniques, dtype=object)
    stripped = written
    if has_edge_space(written):
        stripped = pd.Series(written, dtype=object).str.strip().to_numpy(dtype=object)
    return codes, stripped, written


def code_grid(grid: np.ndarray) -> list:
    """All columns of a 2-D object array of str/None coded at once: one ``factorize`` and one
    strip for the whole table, every column ``(codes, uniques, written)`` with the *same* uniques
    (a table's columns share most of their cells; later steps do each distinct cell once)."""
    n_rows, width = grid.shape
    codes, stripped, written = code_column(grid.ravel())
    by_column = np.asfortranarray(codes.reshape(n_rows, width))  # each column contiguous
    return [(by_column[:, j], stripped, written) for j in range(width)]


def cell_values(col: Coded, rows=slice(None)) -> np.ndarray:
    """Stripped cell texts of ``rows`` (None where the row has no cell)."""
    codes, uniques = col[0], col[1]
    c = codes[rows]
    if len(uniques) == 0:
        return np.full(len(c), None, dtype=object)
    return np.where(c >= 0, uniques[np.maximum(c, 0)], None)


def shape_table(
    raw: list,
    *,
    header_row: HeaderArg,
    file: str,
    markers: frozenset,
    line_of: Callable[[int], int],
    rectangular: bool = False,
) -> ShapedTable:
    """Find header and body in ``raw`` (``code_column`` per column position, all of equal length)."""
    if not raw or len(raw[0][0]) == 0:
        raise TableError("file_empty", file=file)
    present = np.column_stack([col[0] >= 0 for col in raw])
    memo: dict = {}
    filled = np.column_stack([(col[0] >= 0) & _nonempty(col[1], memo)[np.maximum(col[0], 0)] for col in raw])
    last_filled = _last_true(filled)
    n_present = present.sum(axis=1)
    if not last_filled.any():
        raise TableError("file_empty", file=file)
    warnings: list = []
    header, first_body = _choose_header(raw, filled, last_filled, header_row, markers, file)
    if header is not None and header > 0:
        warnings.append(("preamble_dropped", {"file": file, "count": int(header)}))
    body_idx = np.arange(first_body, len(filled))
    body_idx = body_idx[last_filled[body_idx] > 0]
    n_blank = (len(filled) - first_body) - len(body_idx)
    if n_blank and not rectangular:
        warnings.append(("empty_rows_dropped", {"file": file, "count": int(n_blank)}))
    width = _table_width(last_filled, header, body_idx)
    body_idx = _drop_notes(raw, filled, n_present, body_idx, width, file, warnings)
    _check_ragged(last_filled, n_present, body_idx, width, file, line_of, rectangular, header is not None)
    names, originals = _column_names(raw, header, width, file, warnings)
    columns = {
        name: (_body_codes(raw, j, body_idx), raw[j][1] if j < len(raw) else np.zeros(0, dtype=object))
        for j, name in enumerate(names)
    }
    if header is not None:
        columns, originals = _drop_unnamed_empty(columns, originals, file, warnings, memo)
    return ShapedTable(columns, originals, header, body_idx, warnings)


def _nonempty(uniques: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """Which uniques are not ''. ``memo`` (per call of shape_table, keyed by the array's id):
    the columns of :func:`code_grid` share their uniques, so one comparison per table."""
    if memo is not None and id(uniques) in memo:
        return memo[id(uniques)][1]
    out = uniques != ""
    out = out if len(out) else np.zeros(1, dtype=bool)
    if memo is not None:
        memo[id(uniques)] = (uniques, out)  # the array kept with its mask: its id stays unique
    return out


def _body_codes(raw: list, j: int, body_idx: np.ndarray) -> np.ndarray:
    if j >= len(raw):
        return np.full(len(body_idx), -1, dtype=np.intp)
    return raw[j][0][body_idx]


def _last_true(mask: np.ndarray) -> np.ndarray:
    """1-based index of the last True per row (0 when none)."""
    rev = mask[:, ::-1]
    return np.where(rev.any(axis=1), mask.shape[1] - rev.argmax(axis=1), 0)


def parse_header_arg(header_row: HeaderArg) -> Union[int, str, None]:
    """None/'auto' = detect; -1 / 'none' = no header; int >= 0 = that record."""
    if header_row is None:
        return None
    if isinstance(header_row, str):
        word = header_row.strip().lower()
        if word in ("none", "no", "-1"):
            return "none"
        if word in ("auto", ""):
            return None
        try:
            header_row = int(word)
        except ValueError:
            raise TableError("option_invalid", option="header_row", value=header_row) from None
    if isinstance(header_row, (bool, float)) or not isinstance(header_row, (int, np.integer)):
        raise TableError("option_invalid", option="header_row", value=header_row)
    return "none" if header_row < 0 else int(header_row)


def _choose_header(raw, filled, last_filled, header_row, markers, file) -> tuple[int | None, int]:
    """Return (header record or None, first record that may hold data)."""
    arg = parse_header_arg(header_row)
    if arg == "none":
        return None, 0
    if isinstance(arg, int):
        if arg >= len(filled):
            raise TableError("header_row_invalid", file=file, row=arg + 1, rows=len(filled))
        return arg, arg + 1
    width = int(np.max(last_filled))
    for h in range(min(HEADER_SCAN_ROWS, len(filled))):
        n_filled = int(filled[h].sum())
        if n_filled == 0 or (n_filled <= 1 and width >= 3):
            continue  # blank or title line ("Tabelle 3: Arbeitslose ...")
        return (h, h + 1) if _looks_like_header(raw, h, markers) else (None, 0)
    return None, 0


def _looks_like_header(raw: list, h: int, markers: frozenset) -> bool:
    """Compare row ``h`` with the rows below it, column by column.

    A header has text above numeric columns (``id`` over 1, 2, 3) or years (``2011`` over
    counts); a data row has ordinary numbers there (``01 Altstadt,297,361``).
    """
    row = [cell_values(col, slice(h, h + 1))[0] for col in raw]
    bodies = []
    for col in raw:
        body = pd.Series(cell_values(col, slice(h + 1, h + 1 + BODY_SAMPLE_ROWS)), dtype=object).dropna()
        bodies.append(body[(body != "") & ~body.isin(markers)])
    if all(body.empty for body in bodies):  # a single row: a header only if it holds no number
        return not looks_numeric(pd.Series([c for c in row if c], dtype=object)).any()
    text_over_num = year_over_num = num_over_num = 0
    any_numeric_column = False
    for cell, body in zip(row, bodies):
        if body.empty or looks_numeric(body).mean() < 0.5:
            continue
        any_numeric_column = True
        if not cell:
            continue
        if not looks_numeric(pd.Series([cell]))[0]:
            text_over_num += 1
        elif is_year_like(cell) and not body.map(is_year_like).all():
            year_over_num += 1
        else:
            num_over_num += 1
    if any_numeric_column:
        return text_over_num > num_over_num or (year_over_num > 0 and num_over_num == 0)
    return _text_header(row, bodies)


def _text_header(row: list, bodies: list) -> bool:
    """All-text table: a header has unique, short names that do not recur in the body."""
    names = [c for c in row if c]
    if not names or len(set(names)) != len(names) or any(len(c) > LONG_HEADER_CELL for c in names):
        return False
    return not any(c and c in set(body) for c, body in zip(row, bodies))


def _table_width(last_filled: np.ndarray, header: int | None, body_idx: np.ndarray) -> int:
    """Columns of the table: the header's width (or the usual row width if wider); without a
    header the widest row."""
    if header is None:
        return max(int(last_filled[body_idx].max()) if len(body_idx) else 0, 1)
    # the most frequent width, the smallest of equally frequent ones (as Series.mode().min())
    body_width = int(np.bincount(last_filled[body_idx]).argmax()) if len(body_idx) else 0
    return max(body_width, int(last_filled[header]), 1)


def _drop_notes(raw, filled, n_present, body_idx, width, file, warnings) -> np.ndarray:
    """Drop a trailing block of note lines ("Quelle: ...", short one-cell rows) below the table."""
    if width < 3:
        return body_idx
    k = len(body_idx)
    while k > 0:
        i = body_idx[k - 1]
        if filled[i].sum() != 1 or not filled[i][0]:
            break
        text = cell_values(raw[0], slice(i, i + 1))[0]
        if not (n_present[i] < width or _NOTE_START.match(text) or ":" in text):
            break
        k -= 1
    if k < len(body_idx):
        warnings.append(("notes_dropped", {"file": file, "count": int(len(body_idx) - k)}))
    return body_idx[:k]


def _check_ragged(last_filled, n_present, body_idx, width, file, line_of, rectangular, has_header) -> None:
    too_long = body_idx[last_filled[body_idx] > width]
    too_short = body_idx[:0] if rectangular else body_idx[n_present[body_idx] < width]
    if len(too_long) == 0 and len(too_short) == 0:
        return
    first = int(min(too_long.min(initial=len(last_filled)), too_short.min(initial=len(last_filled))))
    found = int(last_filled[first]) if first in set(too_long.tolist()) else int(n_present[first])
    code = "ragged_row" if has_header else "ragged_row_width"
    raise TableError(code, file=file, row=line_of(first), found=found, expected=width)


def _column_names(raw, header, width, file, warnings) -> tuple[list, list]:
    """Header cells stripped (``'Zuordnung Klasse Status-Index '``), empty ones named colN, unique."""
    if header is None:
        return [f"col{j + 1}" for j in range(width)], [None] * width
    originals = [_original_cell(raw, j, header) for j in range(width)]
    names = [(c.strip() if c else "") or f"col{j + 1}" for j, c in enumerate(originals)]
    seen: set = set()
    renamed = []
    for j, name in enumerate(names):
        if name in seen:
            n = 2
            while f"{name}_{n}" in seen or f"{name}_{n}" in names:
                n += 1
            names[j] = f"{name}_{n}"
            renamed.append(names[j])
        seen.add(names[j])
    if renamed:
        warnings.append(("columns_renamed", {"file": file, "columns": ", ".join(renamed)}))
    return names, originals


def _original_cell(raw: list, j: int, header: int) -> str | None:
    """The header cell as written, whitespace included (kept in the report as original_name)."""
    if j >= len(raw):
        return None
    codes, written = raw[j][0], raw[j][-1]
    return None if codes[header] < 0 else written[codes[header]]


def _drop_unnamed_empty(columns: dict, originals: list, file: str, warnings: list, memo: dict):
    """Columns without a name and without a single value (trailing ';;;') carry nothing."""
    keep = {}
    kept_originals = []
    for (name, col), original in zip(columns.items(), originals):
        named = bool((original or "").strip())  # a named column stays: no need to look at its cells
        if named or np.any(_nonempty(col[1], memo)[np.maximum(col[0], 0)] & (col[0] >= 0)):
            keep[name] = col
            kept_originals.append(original)
    if len(keep) < len(columns):
        warnings.append(("empty_columns_dropped", {"file": file, "count": len(columns) - len(keep)}))
    return keep, kept_originals
