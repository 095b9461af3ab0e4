"""XLSX and ODS sheets as rows of text, through GDAL/OGR (pandas.read_excel as a fallback).

OGR is told to deliver every cell as text and to treat the first row as data, so that the same
header detection and typing as for CSV applies and ``01100101`` keeps its zeros.
"""

from __future__ import annotations

import contextlib
from typing import Union

from ..errors import TableError

SheetArg = Union[int, str, None]


def read_sheet_rows(path: str, kind: str, sheet: SheetArg, file: str) -> tuple[list, str]:
    """All rows of one sheet as lists of strings ('' for empty cells) and the sheet's name."""
    try:
        from osgeo import gdal, ogr  # noqa: F401  (lazy: GDAL is heavy and may be absent)
    except ImportError:
        return _read_with_pandas(path, kind, sheet, file)
    return _read_with_ogr(path, kind, sheet, file)


@contextlib.contextmanager
def _config(options: dict):
    """Set GDAL config options for this thread only and restore the previous values afterwards."""
    from osgeo import gdal

    setter = getattr(gdal, "SetThreadLocalConfigOption", gdal.SetConfigOption)
    getter = getattr(gdal, "GetThreadLocalConfigOption", gdal.GetConfigOption)
    old = {key: getter(key, None) for key in options}
    try:
        for key, value in options.items():
            setter(key, value)
        yield
    finally:
        for key, value in old.items():
            setter(key, value)


def _read_with_ogr(path: str, kind: str, sheet: SheetArg, file: str) -> tuple[list, str]:
    from osgeo import ogr

    prefix = "OGR_XLSX" if kind == "xlsx" else "OGR_ODS"
    with _config({f"{prefix}_FIELD_TYPES": "STRING", f"{prefix}_HEADERS": "DISABLE"}):
        try:
            ds = ogr.Open(path, 0)  # 0 = read-only
        except RuntimeError as exc:  # raised when the caller enabled GDAL exceptions
            raise TableError("file_unreadable", file=file, reason=str(exc)) from None
        if ds is None:
            raise TableError("file_unreadable", file=file, reason=f"GDAL cannot open it as {kind.upper()}")
        try:
            names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
            layer = ds.GetLayer(_sheet_index(sheet, names, file))
            n = layer.GetLayerDefn().GetFieldCount()
            rows = [_cells(feature, n) for feature in layer]
            name = layer.GetName()
        except RuntimeError as exc:  # GDAL with exceptions enabled
            raise TableError("file_unreadable", file=file, reason=str(exc)) from None
        finally:
            ds = None  # close before the options are restored
    return rows, name


def _cells(feature, n: int) -> list:
    return [feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else "" for i in range(n)]


def _sheet_index(sheet: SheetArg, names: list, file: str) -> int:
    if not names:
        raise TableError("file_empty", file=file)
    if sheet is None or sheet == "":
        return 0
    if isinstance(sheet, str) and sheet in names:
        return names.index(sheet)
    if isinstance(sheet, str) and sheet.strip().isdigit():
        sheet = int(sheet)
    if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(names):
        return sheet
    raise TableError("sheet_not_found", file=file, sheet=sheet, sheets=", ".join(names))


def _read_with_pandas(path: str, kind: str, sheet: SheetArg, file: str) -> tuple[list, str]:
    import pandas as pd

    engine = "openpyxl" if kind == "xlsx" else "odf"
    try:
        book = pd.ExcelFile(path, engine=engine)
    except ImportError:
        raise TableError("reader_missing", file=file, suffix=kind, module=engine) from None
    except Exception as exc:  # noqa: BLE001  (any reader failure becomes one clear message)
        raise TableError("file_unreadable", file=file, reason=str(exc)) from None
    with book:
        names = list(book.sheet_names)
        name = names[_sheet_index(sheet, names, file)]
        frame = book.parse(name, header=None, dtype=str, keep_default_na=False, na_filter=False)
    rows = frame.fillna("").astype(str).values.tolist()
    return rows, name


def sheet_names(path: str, kind: str) -> list | None:
    """The sheet names of a workbook (None if it cannot be opened)."""
    try:
        from osgeo import ogr
    except ImportError:
        return None
    ds = ogr.Open(path, 0)
    return None if ds is None else [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
