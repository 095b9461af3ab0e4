"""The impact comparison as sheets (XLSX) and CSV text, in the output language.

Sheets in the appendix's own model (core/publish/appendix.Sheet), so gis/appendix_xlsx.py writes
them as it writes the appendix: numbers as numbers, "·" where a figure is hidden. Three sheets:
the comparison (one row per indicator), the group means per year (the chart's lines) and the
method. The CSV holds the comparison sheet.
"""
from __future__ import annotations

import csv
import io
import math

from ..formatting import SUPPRESSED
from ..language import as_words
from ..publish.appendix import HIDE, Sheet, SheetColumn, is_number
from ..publish.table_text import column_decimals, number_text
from .impact import FUNDED, HIDDEN, ImpactResult


def _value(value, group_n: int | None = None):
    """A figure for a cell: HIDE for a group of one (no group figure), None for a missing one."""
    if group_n is not None and group_n < 2:
        return HIDE
    if value is None or isinstance(value, str) and value == HIDDEN:
        return HIDE
    if is_number(value) and math.isnan(float(value)):
        return None
    return float(value) if is_number(value) else value


def _columns(ids_headers, numeric=()) -> list:
    return [SheetColumn(i, h, i in numeric) for i, h in ids_headers]


def _decimals(sheet: Sheet) -> Sheet:
    for c, column in enumerate(sheet.columns):
        if column.numeric:
            column.decimals = column_decimals(r[c] for r in sheet.rows if is_number(r[c]))
            if column.id in ("n_funded", "n_rest", "n", "base_year", "year"):
                column.decimals = 0
    return sheet


def comparison_sheet(result: ImpactResult, labels: dict, words) -> Sheet:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    heads = [("indicator", translate("Impact", "Indicator")), ("label", translate("Impact", "Label")),
             ("base_year", translate("Impact", "Base year")), ("year", translate("Impact", "Year")),
             ("n_funded", translate("Impact", "n funded")), ("n_rest", translate("Impact", "n other")),
             ("funded_before", translate("Impact", "Funded: mean base year")),
             ("funded_after", translate("Impact", "Funded: mean year")),
             ("funded_change", translate("Impact", "Funded: mean change")),
             ("funded_pooled", translate("Impact", "Funded: pooled rate change")),
             ("rest_before", translate("Impact", "Other: mean base year")),
             ("rest_after", translate("Impact", "Other: mean year")),
             ("rest_change", translate("Impact", "Other: mean change")),
             ("rest_pooled", translate("Impact", "Other: pooled rate change")),
             ("did", translate("Impact", "Difference of the changes (funded − other)")),
             ("lower", translate("Impact", "Interval: lower")), ("upper", translate("Impact", "Interval: upper")),
             ("note", translate("Impact", "Note"))]
    numeric = {h[0] for h in heads} - {"indicator", "label", "note"}
    rows = []
    for row in result.rows:
        f, r = row.funded, row.rest
        notes = "; ".join(translate("Impact", template).format(**params) for template, params in row.notes)
        did_hidden = min(f.n, r.n) < 2
        rows.append([row.indicator, labels.get(row.indicator, row.indicator), row.base_year, row.year, f.n, r.n,
                     _value(f.before, f.n), _value(f.after, f.n), _value(f.change, f.n), _value(f.pooled, f.n),
                     _value(r.before, r.n), _value(r.after, r.n), _value(r.change, r.n), _value(r.pooled, r.n),
                     HIDE if did_hidden else _value(row.did), HIDE if did_hidden else _value(row.lower),
                     HIDE if did_hidden else _value(row.upper), notes])
    return _decimals(Sheet(translate("Impact", "Impact"), _columns(heads, numeric), rows))


def years_sheet(result: ImpactResult, labels: dict, words) -> Sheet:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    heads = [("indicator", translate("Impact", "Indicator")), ("label", translate("Impact", "Label")),
             ("year", translate("Impact", "Year")), ("group", translate("Impact", "Group")),
             ("n", translate("Impact", "n")), ("mean", translate("Impact", "Mean"))]
    names = {FUNDED: translate("Impact", "funded")}
    other = translate("Impact", "other")
    rows = [[r.indicator, labels.get(r.indicator, r.indicator), int(r.year), names.get(int(r.group), other),
             int(r.n), _value(r.mean)] for r in result.years.itertuples()]
    return _decimals(Sheet(translate("Impact", "Years"), _columns(heads, {"year", "n", "mean"}), rows))


def method_lines(result: ImpactResult, source: str, words) -> list:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    level = int(round(result.level * 100))
    return [
        translate("Impact", "Funded districts: {source}.").format(source=source),
        translate("Impact",
                  "Change per district: value in the year minus value in the base year; a group's change is the "
                  "mean of its districts' changes (weighted by the population where given); the pooled rate "
                  "change treats the group as one area (sum of numerators / sum of denominators)."),
        translate("Impact",
                  "Difference of the changes (difference in differences): change of the funded districts minus "
                  "change of the other districts. It describes; it does not prove an effect of the programme."),
        translate("Impact",
                  "Interval: {level} % percentile bootstrap, districts resampled within each group, {replicates} "
                  "replicates, seed {seed}; no interval with fewer than {n} districts in a group.").format(
            level=level, replicates=result.replicates, seed=result.seed, n=result.min_group),
        translate("Impact",
                  "Publication rule: values hidden in the series (·) enter no figure; n counts the districts used; "
                  "a group of fewer than 2 districts gets no figure (·)."),
    ]


def method_sheet(result: ImpactResult, source: str, words) -> Sheet:
    translate = words.translate  # (pylupdate5 reads translate("Context", "text"))
    return Sheet(translate("Impact", "Method"), [SheetColumn("text", translate("Impact", "Method"))],
                 [[line] for line in method_lines(result, source, words)], role="definitions")


def impact_sheets(result: ImpactResult, labels: dict, source: str, words=None) -> list:
    words = words or as_words("de")
    return [comparison_sheet(result, labels, words), years_sheet(result, labels, words),
            method_sheet(result, source, words)]


def sheet_csv(sheet: Sheet, words=None) -> str:
    """One sheet as CSV: ';' and decimal comma in German, ',' and point in English; "·" hidden."""
    words = words or as_words("de")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if words.lang == "en" else ";", lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    for row in sheet.rows:
        cells = []
        for column, value in zip(sheet.columns, row):
            if value is HIDE or type(value).__name__ == "Hidden":
                cells.append(SUPPRESSED)
            elif is_number(value):
                cells.append(number_text(value, column.decimals, words.lang))
            else:
                cells.append("" if value is None else str(value))
        writer.writerow(cells)
    return buffer.getvalue()
