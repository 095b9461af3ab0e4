"""The table appendix of a report: every attribute of every district, as German Excel reads it.

Suppressed cells (listed per feature in the field ``suppressed_fields`` by the join) are written
as "·", missing ones stay empty: a suppressed count must never reappear in an exported table.
"""
from __future__ import annotations

import csv
import io

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..core.fileio import write_text

SUPPRESSED = "·"
SKIP = {"suppressed_fields"}


def _cell(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.6g}".replace(".", ",") if abs(value) < 1e15 else str(value)
    return str(value)


def write_appendix(layer: QgsVectorLayer, path: str) -> int:
    """Write the CSV (';', decimal comma, UTF-8 with BOM) atomically; returns the row count."""
    names = [n for n in layer.fields().names() if n not in SKIP and n != "fid"]
    has_mask = "suppressed_fields" in layer.fields().names()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(names)
    rows = 0
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        hidden = set()
        if has_mask and feature["suppressed_fields"]:
            hidden = set(str(feature["suppressed_fields"]).split(","))
        writer.writerow([SUPPRESSED if n in hidden else _cell(feature[n]) for n in names])
        rows += 1
    write_text(path, buffer.getvalue(), encoding="utf-8-sig", newline="")
    return rows
