"""Read the tables offices send (CSV/TXT, XLSX, ODS) into a typed DataFrame plus a ReadReport.

Every automatic choice (encoding, separator, decimal and thousands mark, header row) is made from
the file itself, recorded in the report, and can be overridden by an argument. Cells are read as
text first and typed afterwards, so keys keep their leading zeros, ``–``/``*`` stay "suppressed"
(never zero) and ``-9999`` stays "missing". Source files are only ever opened for reading.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence, Union

import pandas as pd

from ..errors import TableError
from .column_batch import type_all_columns
from .column_types import DEFAULT_MISSING, DEFAULT_SUPPRESSED, assemble, not_numeric_warnings
from .delimited import (
    decode,
    line_ending,
    line_of_record,
    normalise_separator,
    sniff_separator,
    split_grid,
    split_records,
)
from .keys import key_text
from .numformat import NumberFormat, complete_format, detect_format
from .shape import ShapedTable, code_column, code_grid, shape_table

__all__ = [
    "DEFAULT_MISSING",
    "DEFAULT_SUPPRESSED",
    "ColumnReport",
    "ReadReport",
    "ReadResult",
    "read_table",
    "read_frame",
    "pivot_long",
]

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
SHEET_SUFFIXES = {".xlsx": "xlsx", ".ods": "ods"}
FORMAT_SAMPLE_ROWS = 5000  # rows used to decide the number format
FORMAT_SAMPLE_VALUES = 1000  # distinct cells per column used for it


@dataclass
class ColumnReport:
    name: str
    original_name: str | None
    dtype: str  # 'text' | 'integer' | 'real'
    n_missing: int = 0
    n_suppressed: int = 0
    unit: str | None = None
    is_key: bool = False


@dataclass
class ReadReport:
    file: str
    format: str  # 'csv' | 'xlsx' | 'ods' | 'frame' | 'pivot'
    encoding: str | None = None
    separator: str | None = None
    decimal: str | None = None
    thousands: str | None = None
    header_row: int | None = None
    sheet: str | None = None
    n_rows: int = 0
    columns: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # (code, params)
    line_ending: str | None = None

    def column(self, name: str) -> ColumnReport:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["warnings"] = [{"code": code, "params": dict(params)} for code, params in self.warnings]
        return data


@dataclass
class ReadResult:
    frame: pd.DataFrame
    report: ReadReport
    suppressed: pd.DataFrame  # bool, one column per numeric column of ``frame``

    @property
    def missing(self) -> pd.DataFrame:
        """True where a numeric cell is empty for another reason than suppression."""
        cols = list(self.suppressed.columns)
        return self.frame[cols].isna() & ~self.suppressed


def read_table(
    path: Union[str, os.PathLike],
    *,
    encoding: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    thousands: str | None = None,
    header_row: Union[int, str, None] = None,
    sheet: Union[int, str, None] = None,
    missing_markers: Iterable[str] | None = None,
    suppressed_markers: Iterable[str] | None = None,
    key_columns: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> ReadResult:
    """Read a CSV/TXT/XLSX/ODS file. ``thousands=''`` forces "no thousands mark"; ``header_row``
    is 0-based (None = detect, -1 or 'none' = no header)."""
    path = os.fspath(path)
    file = os.path.basename(path)
    suffix = os.path.splitext(path)[1].lower()
    if not os.path.isfile(path):
        raise TableError("file_not_found", file=path)
    if suffix not in TEXT_SUFFIXES and suffix not in SHEET_SUFFIXES:
        raise TableError("format_unsupported", file=file, suffix=suffix or "?")
    missing = frozenset(DEFAULT_MISSING if missing_markers is None else missing_markers)
    suppressed = frozenset(DEFAULT_SUPPRESSED if suppressed_markers is None else suppressed_markers) - missing
    _check_marks(decimal, thousands)
    markers = missing | suppressed
    try:
        if suffix in SHEET_SUFFIXES:
            shaped, report, line_of = _read_sheet(path, SHEET_SUFFIXES[suffix], sheet, header_row, markers)
        else:
            shaped, report, line_of = _read_text(path, encoding, sep, header_row, markers)
        report.header_row = shaped.header_row
        report.warnings.extend(shaped.warnings)
        return _finish(shaped, report, decimal, thousands, missing, suppressed, key_columns, columns, line_of)
    except TableError:
        raise
    except Exception as exc:  # noqa: BLE001  (the user gets a message naming the file, not a traceback)
        raise TableError("file_unreadable", file=file, reason=f"{type(exc).__name__}: {exc}") from exc


def _read_text(path: str, encoding, sep, header_row, markers) -> tuple:
    """CSV/TXT: decode, find the separator, split, shape. Returns (shaped, report, line_of)."""
    file = os.path.basename(path)
    text, used_encoding = decode(_read_bytes(path, file), encoding, file)
    if not text.strip():
        raise TableError("file_empty", file=file)
    used_sep = normalise_separator(sep) or sniff_separator(text)
    report = ReadReport(
        file=file, format="csv", encoding=used_encoding, separator=used_sep, line_ending=line_ending(text)
    )

    def record_line(i: int) -> int:
        return line_of_record(text, used_sep, i)

    grid = split_grid(text, used_sep)  # regular files: one split of the whole text, same cells
    raw = code_grid(grid) if grid is not None else _coded(split_records(text, used_sep, file))
    shaped = shape_table(raw, header_row=header_row, file=file, markers=markers, line_of=record_line)
    return shaped, report, _body_lines(shaped, record_line)


def _read_sheet(path: str, kind: str, sheet, header_row, markers) -> tuple:
    """XLSX/ODS: rows of text from one sheet, then the same shaping as for CSV."""
    from .sheets import read_sheet_rows  # lazy: GDAL is heavy

    file = os.path.basename(path)
    rows, sheet_name = read_sheet_rows(path, kind, sheet, file)
    report = ReadReport(file=file, format=kind, sheet=sheet_name)

    def row_line(i: int) -> int:
        return i + 1  # spreadsheet row number

    shaped = shape_table(
        _coded(rows), header_row=header_row, file=file, markers=markers, line_of=row_line, rectangular=True
    )
    return shaped, report, _body_lines(shaped, row_line)


def read_frame(
    df: pd.DataFrame,
    *,
    name: str = "table",
    decimal: str | None = None,
    thousands: str | None = None,
    missing_markers: Iterable[str] | None = None,
    suppressed_markers: Iterable[str] | None = None,
    key_columns: Sequence[str] = (),
    columns: Sequence[str] | None = None,
) -> ReadResult:
    """Type a table that is already a DataFrame (e.g. a layer's attribute table).

    Text columns go through the same number/missing/suppressed logic as a CSV. Columns that are
    numeric already keep their values (NaN counts as missing), except key columns: those become text.
    """
    missing = frozenset(DEFAULT_MISSING if missing_markers is None else missing_markers)
    suppressed = frozenset(DEFAULT_SUPPRESSED if suppressed_markers is None else suppressed_markers) - missing
    _check_marks(decimal, thousands)
    df = df.rename(columns=str)
    if df.shape[1] == 0:
        raise TableError("no_columns", file=name)
    if len(set(df.columns)) != len(df.columns):
        raise TableError("option_invalid", option="columns", value="duplicate column names")
    df = df[_select(list(df.columns), key_columns, columns, name)]
    native = [c for c in df.columns if _is_native_number(df[c]) and c not in set(key_columns)]
    text_cols = [c for c in df.columns if c not in native]
    rows = pd.RangeIndex(len(df))
    coded = {c: code_column(_as_text(df[c]).to_numpy(dtype=object))[:2] for c in text_cols}
    shaped = ShapedTable(coded, text_cols, None, rows.to_numpy())
    result = _finish(
        shaped,
        ReadReport(file=name, format="frame"),
        decimal,
        thousands,
        missing,
        suppressed,
        key_columns,
        None,
        lambda i: i + 1,
    )
    if native:
        result = _merge_native(df, native, result)
    result.frame.index = df.index
    result.suppressed.index = df.index
    return result


def pivot_long(
    frame,
    key: str,
    indicator,
    value: str,
    year: str | None = None,
    filters=None,
    *,
    select_year=None,
    keep: Sequence[str] = (),
    name: str | None = None,
) -> ReadResult:
    """Long table (district, year, indicator, value) to one row per district; see
    :func:`tables_pivot.pivot_long` (kept there: it builds on the classes of this module)."""
    from .pivot import pivot_long as _pivot

    return _pivot(frame, key, indicator, value, year, filters, select_year=select_year, keep=keep, name=name)


# ---------------------------------------------------------------------------------------------


def _read_bytes(path: str, file: str) -> bytes:
    try:
        with open(path, "rb") as handle:  # read-only: the source file is never touched
            return handle.read()
    except OSError as exc:
        raise TableError("file_unreadable", file=file, reason=exc.strerror or str(exc)) from None


def _check_marks(decimal: str | None, thousands: str | None) -> None:
    if decimal is not None and decimal not in (".", ","):
        raise TableError("option_invalid", option="decimal", value=decimal)
    if thousands not in (None, "", ".", ",", " ", "'"):
        raise TableError("option_invalid", option="thousands", value=thousands)
    if decimal is not None and decimal == thousands:
        raise TableError("option_invalid", option="thousands", value=thousands)


def _body_lines(shaped: ShapedTable, record_line):
    """Line number in the file of data row ``i`` of the shaped table."""
    records = shaped.records
    return lambda i: record_line(int(records[i]))


def _coded(rows: list) -> list:
    """Records (lists of str, short rows allowed) as one coded column per position."""
    raw = pd.DataFrame(rows, dtype=object)  # short rows are padded with None
    return code_grid(raw.to_numpy(dtype=object))


def _format_cells(columns: dict, markers: frozenset) -> list:
    """Distinct non-marker cells of the first rows: the evidence for the number format."""
    out: set = set()
    for codes, uniques in columns.values():
        head = codes[:FORMAT_SAMPLE_ROWS]
        used = pd.unique(head[head >= 0])[:FORMAT_SAMPLE_VALUES]
        out.update(v for v in uniques[used] if v and v not in markers)
    return sorted(out)


def _finish(
    shaped: ShapedTable,
    report: ReadReport,
    decimal,
    thousands,
    missing,
    suppressed,
    key_columns,
    columns,
    line_of,
) -> ReadResult:
    """Select columns, decide the number format, type the columns and fill in the report."""
    names = list(shaped.columns)
    originals = dict(zip(names, shaped.original_names))
    selected = {name: shaped.columns[name] for name in _select(names, key_columns, columns, report.file)}
    evidence = {k: v for k, v in selected.items() if k not in set(key_columns)}  # keys are no numbers
    if decimal is not None and thousands is not None:  # both given: nothing to detect (10× a read of 542 rows)
        detected, fmt_warnings = NumberFormat(decimal, thousands or None), []
    else:
        detected, fmt_warnings = detect_format(_format_cells(evidence, missing | suppressed), report.separator)
    fmt: NumberFormat = complete_format(decimal, thousands, detected)
    if decimal is None and thousands is None:
        report.warnings.extend((code, dict(params, file=report.file)) for code, params in fmt_warnings)
    report.decimal, report.thousands = fmt.decimal, fmt.thousands
    typed = type_all_columns(selected, fmt, missing, suppressed, key_columns)  # one pass for all columns
    frame, supp = assemble(typed, shaped.n_rows)
    report.n_rows = len(frame)
    report.columns = [
        ColumnReport(name, originals.get(name), t.dtype, t.n_missing, t.n_suppressed, t.unit, t.is_key)
        for name, t in typed.items()
    ]
    report.warnings.extend(not_numeric_warnings(typed, report.file, line_of))
    return ReadResult(frame, report, supp)


def _select(names: list, key_columns: Sequence[str], columns: Sequence[str] | None, file: str) -> list:
    """Validate key_columns/columns; keys are kept even when ``columns`` leaves them out."""
    wanted = list(columns) if columns is not None else names
    for col in list(key_columns) + wanted:
        if col not in names:
            raise TableError("column_not_found", file=file, column=col, columns=", ".join(map(str, names)))
    keys_first = [k for k in key_columns if k not in wanted]
    return list(dict.fromkeys(keys_first + wanted))


def _is_native_number(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col.dtype) and not pd.api.types.is_bool_dtype(col.dtype)


def _as_text(col: pd.Series) -> pd.Series:
    """A frame column as stripped strings ('' for null), however it was typed."""
    values = col.reset_index(drop=True)
    if _is_native_number(values):
        return key_text(values).fillna("")
    values = values.astype(object)
    try:
        text = values.str.strip()  # NaN for non-strings
    except AttributeError:  # no strings at all (e.g. only None or dates)
        text = pd.Series(float("nan"), index=values.index, dtype=object)
    other = text.isna() & values.notna()
    if other.any():  # numbers or dates inside a text column
        text[other] = values[other].map(str).str.strip()
    return text.fillna("").astype(object)


def _merge_native(df: pd.DataFrame, native: list, result: ReadResult) -> ReadResult:
    """Put the already-numeric columns back, in the input's column order."""
    rows = pd.RangeIndex(len(df))
    frame, supp = result.frame, result.suppressed
    reports = {c.name: c for c in result.report.columns}
    for name in native:
        values = df[name].reset_index(drop=True)
        frame[name] = values
        supp[name] = pd.Series(False, index=rows)
        dtype = "integer" if pd.api.types.is_integer_dtype(values.dtype) else "real"
        reports[name] = ColumnReport(name, name, dtype, int(values.isna().sum()))
    order = list(df.columns)
    result.frame = frame[order]
    result.suppressed = supp[[c for c in order if c in supp.columns]]
    result.report.columns = [reports[c] for c in order]
    return result
