"""sozialraum:allocate's outputs through the one writer: the district layer (published: the money
of hidden districts and their population NULL, listed in ``suppressed_fields``; or internal) and
the tables (XLSX through the appendix's writer, or CSV)."""
from __future__ import annotations

import os

from qgis.core import QgsVectorLayer

from ..core.fileio import write_text
from ..core.supply.allocate_table import csv_text
from ..core.supply.allocation_run import FIELDS, AllocationResult
from . import writer
from .publish_layer import MARKER, markers


def write_allocation_layer(layer: QgsVectorLayer, dest, fields: list, compute, *, published: bool,
                           feedback=None) -> tuple[writer.WrittenLayer, AllocationResult]:
    """``compute(frame, hidden)`` → AllocationResult over ``fields`` of ``layer`` (``hidden``: the
    cells its marker columns list). Written in one pass with the allocation's columns."""
    from ..core.publish.rule import cells_from_markers

    old = markers(layer)
    features = writer.read_features(layer)
    frame = writer.read_frame(layer, list(dict.fromkeys(fields + old)), features)
    result = compute(frame, cells_from_markers(frame, old))
    columns = result.published_columns() if published else result.columns
    kinds = {c: ("text" if c == "allocation_note" else "real") for c in FIELDS}
    values = {c: writer.column_values(columns[c], kinds[c]) for c in FIELDS}
    blank = {}
    if published:  # the population and the money of hidden districts NULL, and listed
        names = layer.fields().names()
        listed = [set() for _ in range(len(frame))]
        for marker in old:
            for i, text in enumerate(frame[marker].tolist()):
                listed[i] |= set(filter(None, str(text or "").split(",")))
        hidden = result.hidden_fields()
        texts = []
        for i, fid in enumerate(frame.index.tolist()):
            extra = set(hidden.get(i, []))
            source = [names.index(f) for f in extra if f in names]
            if source:
                blank[fid] = source
            texts.append(",".join(sorted(listed[i] | extra)) or None)
        values[MARKER], kinds[MARKER] = texts, "text"
    written = writer.write_layer(layer, dest, dest.layer_name if hasattr(dest, "layer_name") else "allocation",
                                 values, kinds, fids=frame.index.tolist(), blank=blank, feedback=feedback,
                                 features=features, drop=[m for m in old if m != MARKER] if published else ())
    return written, result


def write_allocation_table(result: AllocationResult, path: str, words, *, published: bool,
                           engine: str | None = None) -> list:
    """The district sheet and the sensitivity sheet: one workbook (.xlsx), or two CSV files (.csv:
    the sensitivity beside it as ``<name>_Sensitivitaet.csv``: file names stay German). Returns the files written."""
    from .appendix_xlsx import write_workbook

    sheets = result.sheets(words, published=published)
    if path.lower().endswith(".csv"):
        other = os.path.splitext(path)[0] + "_Sensitivitaet.csv"
        write_text(path, csv_text(sheets[0], words), encoding="utf-8-sig", newline="")
        write_text(other, csv_text(sheets[1], words), encoding="utf-8-sig", newline="")
        return [path, other]
    write_workbook(sheets, path, engine, hidden_header=words.translate("Appendix", "Hidden (·)"))
    return [path]
