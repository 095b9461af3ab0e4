"""The first rows of a table *as read*: typed values, column types in the header."""
from __future__ import annotations

import math

from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

translate = QCoreApplication.translate

PREVIEW_ROWS = 20
SUPPRESSED_MARK = "·"  # how suppressed cells are shown everywhere in the plugin


def type_name(dtype: str) -> str:
    if dtype == "integer":
        return translate("TablePreview", "number")
    if dtype == "real":
        return translate("TablePreview", "decimal")
    return translate("TablePreview", "text")


def header_text(column, key: str | None = None) -> str:
    """'EW (number)', 'PLR_ID (text, key)' – the reader's decision is visible before the join."""
    kind = type_name(column.dtype)
    if key is not None and column.name == key:
        kind = translate("TablePreview", "{0}, key").format(kind)
    return f"{column.name} ({kind})"


def separator_name(sep: str | None) -> str:
    names = {";": translate("TablePreview", "semicolon ;"), ",": translate("TablePreview", "comma ,"),
             "\t": translate("TablePreview", "tab"), "|": translate("TablePreview", "bar |"),
             ".": translate("TablePreview", "point ."), " ": translate("TablePreview", "space"),
             "'": translate("TablePreview", "apostrophe '"), "": translate("TablePreview", "none")}
    if sep is None:
        return translate("TablePreview", "none")
    return names.get(sep, repr(sep))


def format_value(value, dtype: str, locale: QLocale) -> str:
    """A typed cell in the user's number format (the point of the preview: 4,22594 in German)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA:
            return ""
    except ImportError:  # pragma: no cover
        pass
    if dtype == "integer":
        try:
            return str(int(value))
        except (TypeError, ValueError):
            return str(value)
    if dtype == "real":
        try:
            return locale.toString(float(value), "g", 12)
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def number_locale() -> QLocale:
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)  # no "3,419" for 3419
    return locale


def make_preview_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(22)
    table.setMinimumHeight(180)
    return table


def fill_preview(table: QTableWidget, result, rows: int = PREVIEW_ROWS, key: str | None = None) -> None:
    """Show the first ``rows`` rows of a ReadResult; suppressed cells as '·', missing ones empty."""
    table.clear()
    if result is None:
        table.setRowCount(0)
        table.setColumnCount(0)
        return
    frame, report = result.frame, result.report
    columns = list(report.columns)
    head = frame.head(rows)
    table.setColumnCount(len(columns))
    table.setRowCount(len(head))
    table.setHorizontalHeaderLabels([header_text(c, key) for c in columns])
    locale = number_locale()
    grey = QBrush(QColor(120, 120, 120))
    suppressed = getattr(result, "suppressed", None)
    for j, column in enumerate(columns):
        values = head[column.name].tolist()
        masked = suppressed[column.name].head(rows).tolist() \
            if suppressed is not None and column.name in suppressed.columns else [False] * len(values)
        for i, value in enumerate(values):
            if masked[i]:
                item = QTableWidgetItem(SUPPRESSED_MARK)
                item.setForeground(grey)
                item.setToolTip(translate("TablePreview", "suppressed in the source (small number)"))
            else:
                item = QTableWidgetItem(format_value(value, column.dtype, locale))
            if column.dtype in ("integer", "real"):
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            table.setItem(i, j, item)
        header = table.horizontalHeaderItem(j)
        header.setToolTip(translate("TablePreview", "{0}: {1} missing, {2} suppressed").format(
            column.name, column.n_missing, column.n_suppressed))
    table.resizeColumnsToContents()
    for j in range(table.columnCount()):  # long names must not push everything out of view
        table.setColumnWidth(j, min(table.columnWidth(j), 220))
