"""The table appendix of a report: every attribute of every district, as CSV (and XLSX).

Written from the *published* layer (sozialraum.gpkg): cells the publication rule hides are NULL
there and listed in ``suppressed_fields``; they are written "·", missing ones stay empty. Numbers
get a fixed number of decimals per column (core/publish/table_text.py), never '2,29402e+06'.
The CSV follows the output language: German Excel reads ';' and a decimal comma, an English one
',' and a decimal point. :func:`read_appendix` gives the same table to the XLSX writer
(gis/appendix_xlsx.py), so both hide exactly the same cells.
"""
from __future__ import annotations

import csv
import io

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..core.fileio import write_text
from ..core.language import as_words
from ..core.publish.appendix import AppendixData, data_decimals, is_number
from ..core.publish.table_text import number_text

SUPPRESSED = "·"
MARKER = "suppressed_fields"


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate, QDateTime, QTime
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    return value


def read_appendix(layer: QgsVectorLayer) -> AppendixData:
    """Every attribute but fid and the marker columns, and per row the columns they list."""
    all_names = layer.fields().names()
    markers = [n for n in all_names if n.startswith(MARKER)]
    names = [n for n in all_names if n not in markers and n.lower() != "fid"]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    rows, hidden = [], []
    for feature in layer.getFeatures(request):
        rows.append([_plain(feature[n]) for n in names])
        listed = set()
        for marker in markers:
            listed |= set(str(_plain(feature[marker]) or "").split(","))
        hidden.append(listed - {""})
    return AppendixData(names, rows, hidden)


def csv_text(data: AppendixData, words=None) -> str:
    """The CSV: ';' and decimal comma in German, ',' and decimal point in English."""
    words = words or as_words("de")  # through the factory: German words, not English ones with German marks
    english = words.lang == "en"
    decimals = data_decimals(data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if english else ";", lineterminator="\r\n")
    writer.writerow(data.names)
    for row, listed in zip(data.rows, data.hidden):
        writer.writerow([SUPPRESSED if name in listed else _cell(value, decimals[name], words)
                         for name, value in zip(data.names, row)])
    return buffer.getvalue()


def write_appendix(layer: QgsVectorLayer, path: str, words=None) -> int:
    """Write the CSV (UTF-8 with BOM) atomically; returns the row count."""
    data = read_appendix(layer)
    write_text(path, csv_text(data, words), encoding="utf-8-sig", newline="")
    return len(data.rows)


def _cell(value, decimals: int, words) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.translate("Appendix", "yes") if value else words.translate("Appendix", "no")
    if is_number(value):
        return number_text(value, decimals, "en" if words.lang == "en" else "de")
    return str(value)
