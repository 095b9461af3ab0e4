"""The table appendix of a report: every attribute of every district, as Excel reads it in the
output language (German: ';' and a decimal comma; English: ',' and a decimal point).

Written from the *published* layer (sozialraum.gpkg): cells the publication rule hides are NULL
there and listed in ``suppressed_fields``; they are written "·", missing ones stay empty. Numbers
get a fixed number of decimals per column with a decimal comma (core/publish/table_text.py),
never '2,29402e+06'.
"""
from __future__ import annotations

import csv
import io

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..core.fileio import write_text
from ..core.publish.table_text import column_decimals, number_text

SUPPRESSED = "·"
MARKER = "suppressed_fields"


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def write_appendix(layer: QgsVectorLayer, path: str, lang: str = "de") -> int:
    """Write the CSV (UTF-8 with BOM; ';' and decimal comma, or ',' and decimal point in English)
    atomically; returns the row count. The header row holds the field names (the data's own names,
    the same in every language)."""
    from ..toolbelt.i18n import OutputWords

    words = OutputWords(lang)
    yes_no = (words.translate("Appendix", "yes"), words.translate("Appendix", "no"))
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
        hidden.append(listed)
    decimals = [column_decimals(row[i] for row in rows if _is_number(row[i])) for i in range(len(names))]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if words.lang == "de" else ",", lineterminator="\r\n")
    writer.writerow(names)
    for row, listed in zip(rows, hidden):
        writer.writerow([SUPPRESSED if name in listed else _cell(value, places, words.lang, yes_no)
                         for name, value, places in zip(names, row, decimals)])
    write_text(path, buffer.getvalue(), encoding="utf-8-sig", newline="")
    return len(rows)


def _cell(value, decimals: int, lang: str = "de", yes_no=("yes", "no")) -> str:
    if value is None:
        return ""
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate, QDateTime, QTime
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    if _is_number(value):
        return number_text(value, decimals, lang)
    return str(value)
