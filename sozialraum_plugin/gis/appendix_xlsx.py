"""The appendix as an XLSX workbook: real numbers in number cells, "·" where the rule hides a cell.

openpyxl where it is installed (Debian: python3-openpyxl; QGIS's Windows and macOS installers do
not ship it since 3.28, qgis/QGIS#54400, #54657), imported only here and only when a workbook is
written. Without it GDAL's XLSX driver writes the sheets: numbers stay numbers, but a number column
cannot hold a "·", so hidden cells are empty there and a column "Hidden (·)" names them per row
(the definitions sheet says so). Either way the file is written under a temporary name and
renamed (core/fileio).

Display formats: '#,##0.0' and the like, one per column (the decimals of the CSV); the reader's
spreadsheet program shows them with its own decimal and thousands marks.
"""
from __future__ import annotations

import os

from ..core.fileio import atomic_path, remove_quietly
from ..core.publish.appendix import HIDDEN, Hidden, Sheet, is_number

ENGINES = ("openpyxl", "gdal")
HEADER_FILL = "DDE3EA"
MAX_WIDTH = 45


def has_openpyxl() -> bool:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True


def engine_for(requested: str | None = None) -> str:
    """'openpyxl' where it can be imported (or asked for), else 'gdal'."""
    if requested in ENGINES:
        return requested
    return "openpyxl" if has_openpyxl() else "gdal"


def number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def write_workbook(sheets: list, path: str, engine: str | None = None, hidden_header: str = "Hidden (·)") -> str:
    """Write ``sheets`` (core.publish.appendix.build_workbook) to ``path``; returns the engine used.
    ``hidden_header``: the GDAL path's column naming the hidden cells, in the output language."""
    engine = engine_for(engine)
    with atomic_path(path, suffix=".part.xlsx") as temp:
        if engine == "openpyxl":
            _write_openpyxl(sheets, temp)
        else:
            # GDAL creates the file itself, and writes an empty zip under a name holding '.xlsx.'
            # (the temporary name's '.Tabellenanhang.xlsx.<hex>.part.xlsx'; GDAL 3.6)
            own = os.path.join(os.path.dirname(temp), f".appendix_{os.urandom(4).hex()}.xlsx")
            try:
                _write_gdal(sheets, own, hidden_header)
                os.replace(own, temp)
            finally:
                remove_quietly(own)
    return engine


# --- openpyxl ------------------------------------------------------------------------------------

def _write_openpyxl(sheets: list, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    right = Alignment(horizontal="right")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        ws.append([c.header for c in sheet.columns])
        for cell in ws[1]:
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
        for r, row in enumerate(sheet.rows, start=2):
            for c, (column, value) in enumerate(zip(sheet.columns, row), start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, Hidden):
                    cell.value, cell.alignment = HIDDEN, right
                elif is_number(value):
                    cell.value = value
                    cell.number_format = number_format(_decimals(sheet, column, r - 2))
                elif value is not None:
                    cell.value = str(value)
        for line in sheet.notes:
            ws.append([line])
        _widths(ws, sheet, get_column_letter)
        if sheet.role == "data":
            ws.freeze_panes = ws.cell(row=2, column=min(3, len(sheet.columns)))  # header, key and name
            ws.auto_filter.ref = ws.dimensions if sheet.rows else None
        else:
            ws.freeze_panes = "A2"
    book.save(path)


def _decimals(sheet: Sheet, column, row: int) -> int:
    """The column's decimals; the city's values have their own column's, one per row."""
    if sheet.role == "city" and column.id == "value" and row < len(sheet.row_decimals):
        return sheet.row_decimals[row]
    return column.decimals


def _widths(ws, sheet: Sheet, letter) -> None:
    for c, column in enumerate(sheet.columns, start=1):
        longest = max([len(str(column.header)) * 0.9]
                      + [len(_shown(row[c - 1], column.decimals)) for row in sheet.rows[:500]])
        ws.column_dimensions[letter(c)].width = min(MAX_WIDTH, max(8.0, longest + 2))


def _shown(value, decimals: int) -> str:
    if is_number(value):
        return f"{value:,.{decimals}f}"
    return "" if value is None else str(value)


# --- GDAL ----------------------------------------------------------------------------------------

def _write_gdal(sheets: list, path: str, hidden_header: str) -> None:
    from osgeo import gdal, ogr

    from ..core.errors import SozialraumError

    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise SozialraumError("appendix_no_xlsx_writer", file=os.path.basename(path))
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        source = driver.CreateDataSource(path)
        if source is None:
            raise SozialraumError("appendix_no_xlsx_writer", file=os.path.basename(path))
        for sheet in sheets:
            _gdal_sheet(source, sheet, ogr, hidden_header)
        source = None  # closes and writes the file
    finally:
        gdal.PopErrorHandler()
    if not os.path.isfile(path):
        raise SozialraumError("appendix_no_xlsx_writer", file=os.path.basename(path))


def _gdal_sheet(source, sheet: Sheet, ogr, hidden_header: str) -> None:
    layer = source.CreateLayer(sheet.name, geom_type=ogr.wkbNone)
    columns = list(sheet.columns)
    for i, column in enumerate(columns):
        whole = all(isinstance(row[i], int) for row in sheet.rows if is_number(row[i]))
        kind = (ogr.OFTInteger64 if whole else ogr.OFTReal) if column.numeric else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(column.header, kind))
    hidden_column = sheet.role in ("data", "city") and any(isinstance(v, Hidden) for row in sheet.rows for v in row)
    if hidden_column:
        layer.CreateField(ogr.FieldDefn(hidden_header, ogr.OFTString))
    defn = layer.GetLayerDefn()
    for r, row in enumerate(sheet.rows):
        feature = ogr.Feature(defn)
        for i, (column, value) in enumerate(zip(columns, row)):
            if value is None or isinstance(value, Hidden):
                continue  # a number column cannot hold "·": the hidden column names the cell
            if isinstance(value, int) and not isinstance(value, bool):
                feature.SetField(i, value)
            elif is_number(value):  # no display format here: the value as the CSV rounds it
                feature.SetField(i, round(float(value), max(_decimals(sheet, column, r), 0)))
            else:
                feature.SetField(i, str(value))
        if hidden_column:
            feature.SetField(len(columns), ", ".join(c.header for c, v in zip(columns, row)
                                                     if isinstance(v, Hidden)))
        layer.CreateFeature(feature)
    for line in sheet.notes:
        feature = ogr.Feature(defn)
        if line and columns and not columns[0].numeric:
            feature.SetField(0, line)
        layer.CreateFeature(feature)
