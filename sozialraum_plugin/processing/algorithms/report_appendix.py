"""The report's appendix step: Tabellenanhang.csv and Tabellenanhang.xlsx from the published layer.

Both are written into the run's staging folder and committed with the other data files. The
workbook's sheets follow the report: the districts, one sheet per joined table (the columns that
table brought), the city, the definitions (core/publish/appendix.py).
"""
from __future__ import annotations

import os
import shutil

from qgis.core import QgsVectorLayer

CSV_NAME, XLSX_NAME = "Tabellenanhang.csv", "Tabellenanhang.xlsx"


def report_words(run):
    """The words of the run's outputs: the report's LANGUAGE where it is wired (``run.words``),
    else the definition's language; German where neither says (the appendix's language so far)."""
    from ...toolbelt.i18n import OutputWords

    words = getattr(run, "words", None)
    if words is not None:
        return words
    return OutputWords(run.d.language or "de")


def table_columns(run) -> list:
    """[(table title, [columns it brought])]: each join's new columns against the layer before it
    (the joins' intermediate files are still in the run's work folder)."""
    def names(path: str) -> list:
        layer = QgsVectorLayer(path, "columns", "ogr")
        return layer.fields().names() if layer.isValid() else []

    before = set(names(run.boundaries))
    found, titles = [], set()
    for n, table in enumerate(run.d.tables, start=1):
        path = os.path.join(run.work, f"join{n}.gpkg")
        if not os.path.exists(path):
            break
        now = names(path)
        title = os.path.splitext(os.path.basename(table.path))[0] or f"{n}"
        if title in titles:
            title = f"{title} {n}"
        titles.add(title)
        found.append((title, [c for c in now if c not in before and not c.startswith("suppressed_fields")]))
        before = set(now)
    return found


def sorted_by(data, key: str):
    """Rows in the order of the district key (numbers as numbers: '2' before '10'), as a planner
    looks districts up; the layer's order is the boundaries' file order."""
    import re

    from ...core.publish.appendix import AppendixData

    if key not in data.names:
        return data
    i = data.names.index(key)

    def order(pair):
        text = "" if pair[0][i] is None else str(pair[0][i])
        return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]

    pairs = sorted(zip(data.rows, data.hidden), key=order)
    return AppendixData(data.names, [r for r, _ in pairs], [h for _, h in pairs])


def write_report_appendix(run, uri: str, engine: str | None = None) -> dict:
    """CSV and XLSX of the published layer ``uri`` into ``run.folder``; returns their paths."""
    from ...core.fileio import write_text
    from ...core.publish.appendix import build_workbook
    from ...gis.appendix import csv_text, read_appendix
    from ...gis.appendix_xlsx import engine_for, write_workbook

    # read from a copy in the work folder: QGIS's OGR connection pool keeps a file it read
    # open after the layer is gone, and Windows cannot then move it into the output folder
    file, _, rest = uri.partition("|")
    copy = os.path.join(run.work, "appendix_" + os.path.basename(file))
    shutil.copyfile(file, copy)
    data = read_appendix(QgsVectorLayer(copy + ("|" + rest if rest else ""), "sozialraum", "ogr"))
    data = sorted_by(data, run.d.key)
    words = report_words(run)
    csv_path = os.path.join(run.folder, CSV_NAME)
    write_text(csv_path, csv_text(data, words), encoding="utf-8-sig", newline="")
    engine = engine_for(engine)
    d = run.d
    sheets = build_workbook(data, d, words, key=d.key, name=d.name_field, tables=table_columns(run),
                            frame=getattr(run, "frame", None), publication=getattr(run, "publication", None),
                            fallback=engine == "gdal")
    xlsx_path = os.path.join(run.folder, XLSX_NAME)
    write_workbook(sheets, xlsx_path, engine, hidden_header=words.translate("Appendix", "Hidden (·)"))
    return {"TABLE": csv_path, "WORKBOOK": xlsx_path}
