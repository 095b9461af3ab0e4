"""The appendix of a report as a workbook: which sheets, which columns, which cells are hidden.

Pure: the QGIS side reads the published layer into :class:`AppendixData` (one row per district,
the cells the publication rule hid per row) and writes what :func:`build_workbook` plans as CSV or
XLSX (gis/appendix.py, gis/appendix_xlsx.py). So the CSV and every sheet hide exactly the same
cells.

Sheets, as a planner reads them: the districts with the report's indicators and results; one sheet
per joined table with its columns as delivered (checked against the source); the city's figures;
the definitions (label, unit, kind, counts, source, the rule's thresholds).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Sequence

from ..formatting import is_missing
from ..language import as_words
from .note import method_note, top_class
from .table_text import column_decimals

HIDDEN = "·"
#: Columns the report's steps add, in the order a reader expects them after the indicators.
RESULTS = ("status_index", "status_class", "rank", "rank_low", "rank_high", "rank_median", "p_top",  # ranks: robust.py
           "dynamic_index", "dynamic_class", "group", "attention", "cluster", "cluster_label", "valid", "note")
MAX_SHEET_NAME = 31  # Excel's limit
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


class Hidden:
    """A cell the publication rule hides ("·" where the format can say so)."""

    def __repr__(self) -> str:
        return HIDDEN


HIDE = Hidden()


@dataclass
class AppendixData:
    """The published district table: ``names`` in layer order, ``rows`` of plain values (None,
    bool, int, float, str; dates already as ISO text), ``hidden`` the hidden column names per row."""

    names: list
    rows: list
    hidden: list

    def column(self, name: str) -> list:
        i = self.names.index(name)
        return [row[i] for row in self.rows]


@dataclass
class SheetColumn:
    id: str
    header: str
    numeric: bool = False
    decimals: int = 0


@dataclass
class Sheet:
    name: str
    columns: list
    rows: list  # per row one value per column: None, HIDE, bool, int, float or str
    role: str = "data"  # data | city | definitions
    notes: list = field(default_factory=list)  # lines under the table (definitions sheet)
    row_decimals: list = field(default_factory=list)  # city sheet: the value's decimals per row


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def data_decimals(data: AppendixData) -> dict:
    """{column: decimals} of the numeric cells, as the CSV prints them (core.publish.table_text)."""
    return {name: column_decimals(v for v in data.column(name) if is_number(v)) for name in data.names}


def numeric_columns(data: AppendixData) -> set:
    """Columns whose values are all numbers (or empty): number cells in a workbook."""
    found = set()
    for name in data.names:
        values = [v for v in data.column(name) if v is not None]
        if values and all(is_number(v) for v in values):
            found.add(name)
    return found


def sheet_name(text: str, taken: set) -> str:
    """A valid, unique Excel sheet name (31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("_", str(text)).strip("' ") or "Sheet"
    name, n = base[:MAX_SHEET_NAME], 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[:MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def header_text(definition, column: str) -> str:
    """'SGB-II-Quote (%)' for a declared indicator, the column name otherwise."""
    declared = {i.id: i for i in getattr(definition, "indicators", [])} if definition is not None else {}
    ind = declared.get(column)
    if ind is None:
        return column
    return f"{ind.label} ({ind.unit})" if ind.unit else ind.label


def plan_columns(data: AppendixData, definition, key: str, name: str, tables: Sequence) -> list:
    """[(title or None, [columns])]: the districts first (None), then one entry per table.

    ``tables``: [(title, [columns the table brought])]. The districts hold the key and name, the
    declared indicators (definition order), the steps' results and every column no table
    brought (the boundaries' own, derived ones); each table repeats key and name."""
    present = [n for n in data.names]
    lead = [c for c in (key, name) if c and c in present]
    lead = list(dict.fromkeys(lead))
    from_tables = {c for _, cols in tables for c in cols}
    declared = [i.id for i in getattr(definition, "indicators", [])] if definition is not None else []
    districts = lead + [c for c in declared if c in present and c not in lead]
    districts += [c for c in RESULTS if c in present and c not in districts]
    districts += [c for c in present if c not in districts and c not in from_tables]
    plan = [(None, districts)]
    for title, cols in tables:
        own = [c for c in cols if c in present and c not in lead]
        if own:
            plan.append((title, lead + own))
    return plan


def _cell(value, hidden: bool, words):
    if hidden:
        return HIDE
    if isinstance(value, bool):
        return words.translate("Appendix", "yes") if value else words.translate("Appendix", "no")
    if isinstance(value, float) and is_missing(value):
        return None
    return value


def data_sheet(title: str, columns: list, data: AppendixData, definition, words, taken: set,
               numeric: set, decimals: dict) -> Sheet:
    index = {n: i for i, n in enumerate(data.names)}
    cols = [SheetColumn(c, header_text(definition, c), c in numeric, decimals.get(c, 0)) for c in columns]
    rows = [[_cell(row[index[c]], c in hidden, words) for c in columns]
            for row, hidden in zip(data.rows, data.hidden)]
    return Sheet(sheet_name(title, taken), cols, rows)


# --- the city ------------------------------------------------------------------------------------

def city_values(frame, publication, definition, columns: Sequence[str]) -> dict:
    """{column: (value, method, shown, hidden)} of the city, from the raw district values.

    Counts: the sum over all districts (the rule hides a second cell wherever the city total would
    give a hidden one back); rates with both counts in the table: Σ numerator / Σ denominator ×
    scale over the districts with a denominator (protected the same way); everything else: the
    median of the shown values (a median over hidden cells could give one back in a small city).

    A sum or pooled rate over exactly one hidden cell is itself hidden (``HIDE``): city − Σ shown
    districts would be that cell. The rule's complementary cells cover secret cells only; an area
    below the minimum population is hidden without a partner, and its values must not come back
    through the city's figure either.
    """
    import pandas as pd

    # as the profile pages pool them (Indicator.counts, .rate_scale): any indicator naming both counts
    rates = {i.id: (i, i.rate_scale) for i in getattr(definition, "indicators", [])
             if i.counts and all(c in frame.columns for c in i.counts)}
    counts = set(publication.counts) if publication is not None else set()
    out = {}
    for col in columns:
        if col not in frame.columns:
            continue
        values = pd.to_numeric(frame[col], errors="coerce").astype(float)
        hide = publication.hidden(col).reindex(frame.index, fill_value=False).astype(bool) \
            if publication is not None else pd.Series(False, index=frame.index)
        shown, hidden = int((values.notna() & ~hide).sum()), int((hide & values.notna()).sum())
        if col in counts:
            value, method = float(values.sum()) if values.notna().any() else math.nan, "sum"
            if gives_back(publication, col, values.notna()):
                value = HIDE
        elif col in rates:
            ind, scale = rates[col]
            num = pd.to_numeric(frame[ind.numerator], errors="coerce").astype(float)
            den = pd.to_numeric(frame[ind.denominator], errors="coerce").astype(float)
            use = num.notna() & (den > 0)
            total = den[use].sum()
            value, method = (float(num[use].sum() / total * scale) if total > 0 else math.nan), "rate"
            # with Σ denominator (or Σ numerator) published, the rate gives the other sum back
            if gives_back(publication, ind.numerator, use) or gives_back(publication, ind.denominator, use):
                value = HIDE
        else:
            known = values[values.notna() & ~hide]
            value, method = (float(known.median()) if len(known) else math.nan), "median"
        out[col] = (value, method, shown, hidden)
    return out


def gives_back(publication, column: str, rows) -> bool:
    """True where exactly one cell of ``column`` among ``rows`` is hidden: a sum over ``rows``
    minus the shown cells is that one cell."""
    if publication is None:
        return False
    hidden = publication.hidden(column).reindex(rows.index, fill_value=False).astype(bool)
    return int((hidden & rows).sum()) == 1


def city_sheet(plan: list, data: AppendixData, frame, publication, definition, words, taken: set,
               numeric: set, decimals: dict, key: str, name: str) -> Sheet | None:
    columns = []
    for _, cols in plan:
        columns += [c for c in cols if c in numeric and c not in (key, name) and c not in RESULTS
                    and c not in columns]
    if frame is None or not columns:
        return None
    found = city_values(frame, publication, definition, columns)
    methods = {"sum": words.translate("Appendix", "sum of all districts"),
               "rate": words.translate("Appendix", "sum of numerators / sum of denominators"),
               "median": words.translate("Appendix", "median of the districts shown")}
    heads = [SheetColumn("column", words.translate("Appendix", "Column")),
             SheetColumn("indicator", words.translate("Appendix", "Indicator")),
             SheetColumn("value", words.translate("Appendix", "City"), True, 0),
             SheetColumn("method", words.translate("Appendix", "Computed as")),
             SheetColumn("shown", words.translate("Appendix", "Districts shown"), True, 0),
             SheetColumn("hidden", words.translate("Appendix", "Districts hidden (·)"), True, 0)]
    rows = []
    for col in columns:
        if col not in found:
            continue
        value, method, shown, hidden = found[col]
        if not isinstance(value, Hidden) and is_missing(value):
            value = None
        rows.append([col, header_text(definition, col), value, methods[method],
                     shown, hidden])
    # the city value has its column's decimals: one number format per row
    return Sheet(sheet_name(words.translate("Appendix", "City"), taken), heads, rows, role="city",
                 row_decimals=[decimals.get(col, 0) for col in columns if col in found])


# --- the definitions -----------------------------------------------------------------------------

def definitions_sheet(plan: list, definition, publication, words, taken: set, key: str, name: str,
                      tables: Sequence, fallback: bool, numeric: set, city_hidden: bool = False) -> Sheet:
    w = words  # (a literal .translate call per text: pylupdate5 finds them)
    kinds = {"rate": w.translate("Appendix", "rate from counts"), "count": w.translate("Appendix", "count"),
             "value": w.translate("Appendix", "value")}
    heads = [SheetColumn("column", w.translate("Appendix", "Column")),
             SheetColumn("header", w.translate("Appendix", "Header")),
             SheetColumn("label", w.translate("Appendix", "Label")),
             SheetColumn("unit", w.translate("Appendix", "Unit")),
             SheetColumn("kind", w.translate("Appendix", "Kind")),
             SheetColumn("numerator", w.translate("Appendix", "Numerator")),
             SheetColumn("denominator", w.translate("Appendix", "Denominator")),
             SheetColumn("years", w.translate("Appendix", "Change between")),
             SheetColumn("direction", w.translate("Appendix", "Higher value means")),
             SheetColumn("source", w.translate("Appendix", "Source")),
             SheetColumn("threshold", w.translate("Appendix", "Hidden below"), True, 0)]
    declared = {i.id: i for i in getattr(definition, "indicators", [])} if definition is not None else {}
    table_of = {c: title for title, cols in tables for c in cols}
    counts = set(publication.counts) if publication is not None else set()
    general = publication.threshold if publication is not None else None
    own = publication.thresholds if publication is not None else {}
    source_text = getattr(definition, "source_text", "") if definition is not None else ""
    rows, seen = [], set()
    for _, cols in plan:
        for col in cols:
            if col in seen or col in (key, name):
                continue
            seen.add(col)
            ind = declared.get(col)
            kind = ind.kind if ind is not None else ("count" if col in counts else "value")
            if ind is not None and ind.change_between:
                kind_text = w.translate("Appendix", "change between two years") + f" ({kinds[kind]})"
                years = f"{ind.change_between[0]}–{ind.change_between[1]}"
            else:
                kind_text = kinds[kind] if col in numeric or ind is not None else w.translate("Appendix", "text")
                years = ""
            direction = ""  # a count (children, residents) is no need indicator: no direction (issue 14.6)
            if ind is not None and ind.direction and not ind.is_count:  # 0: a context indicator, no direction
                more, less = w.translate("Appendix", "more need"), w.translate("Appendix", "less need")
                direction = more if ind.direction > 0 else less
            source = ind.source if ind is not None and ind.source else ""
            if not source:  # the table it came from and the report's source line
                parts = [w.translate("Appendix", "table {0}").format(table_of[col])] if col in table_of else []
                source = "; ".join(parts + ([source_text] if source_text else []))
            threshold = own.get(col, general) if col in counts else None
            rows.append([col, header_text(definition, col), ind.label if ind is not None else "",
                         ind.unit if ind is not None else "", kind_text,
                         (ind.numerator or "") if ind is not None else "",
                         (ind.denominator or "") if ind is not None else "", years, direction, source, threshold])
    notes = [w.translate("Appendix", "· = hidden by the publication rule (small numbers); an empty cell = no data.")]
    if city_hidden:
        notes.append(w.translate("Appendix", "A city figure over exactly one hidden district is hidden too (·): "
                                             "the city figure minus the districts shown would give that district "
                                             "back."))
    if fallback:
        notes.append(w.translate("Appendix", "This file was written without openpyxl: hidden cells are empty "
                                             "here; the column “Hidden (·)” of each sheet names them, and "
                                             "Tabellenanhang.csv shows them as ·."))
    if publication is not None:
        notes += [""] + method_note(publication, lang=words, parents=getattr(definition, "level", None) is not None,
                                    top_class=top_class(definition)) \
            .rstrip("\n").split("\n")
    title = sheet_name(w.translate("Appendix", "Definitions"), taken)
    return Sheet(title, heads, rows, role="definitions", notes=notes)


# --- the whole workbook --------------------------------------------------------------------------

def build_workbook(data: AppendixData, definition=None, words=None, *, key: str = "", name: str = "",
                   tables: Sequence = (), frame=None, publication=None, fallback: bool = False) -> list:
    """The sheets of the appendix (see the module text). ``frame``: the raw district values in the
    same row order (the internal layer's) for the city sheet; ``publication``: the rule's answer,
    for the city's sums, the definitions' thresholds and the method note; ``fallback``: the cells
    will be written without "·" (GDAL), which the definitions sheet says."""
    words = words or as_words("de")  # OutputWords where QGIS is loaded (gis/ registers it)
    taken: set = set()
    numeric, decimals = numeric_columns(data), data_decimals(data)
    plan = plan_columns(data, definition, key, name, tables)
    sheets = []
    for title, cols in plan:
        sheets.append(data_sheet(title or words.translate("Appendix", "Districts"), cols, data, definition, words,
                                 taken, numeric, decimals))
    city = city_sheet(plan, data, frame, publication, definition, words, taken, numeric, decimals, key, name)
    if city is not None:
        sheets.append(city)
    city_hidden = city is not None and any(isinstance(row[2], Hidden) for row in city.rows)
    sheets.append(definitions_sheet(plan, definition, publication, words, taken, key, name, tables, fallback,
                                    numeric, city_hidden))
    return sheets
