"""The allocation as tables: per district (base share, factor, allocation, difference), a total
row, and the sensitivity of every factor (±10 %), published (hidden cells "·") or internal.

Pure: returns :class:`~..publish.appendix.Sheet` objects that gis/appendix_xlsx.py writes as XLSX
(openpyxl, or GDAL without it), and CSV text in the output language. Amounts are euros with two
decimals (computed in cents: the total row is the budget exactly).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..errors import QT_TRANSLATE_NOOP
from ..formatting import format_number
from ..language import as_words
from ..publish.appendix import HIDE, Hidden, Sheet, SheetColumn, is_number
from ..publish.table_text import number_text
from .allocate import Allocation, Sensitivity, euros
from .allocate_publish import AllocationRule

EXCLUDED = {"population": QT_TRANSLATE_NOOP("Allocation", "no population"),
            "need": QT_TRANSLATE_NOOP("Allocation", "no need factor")}
#: a continuous rule's parameters as the FACTORS help names them (German: linear:UNTEN:OBEN)
PARAMETERS = {"LOW": QT_TRANSLATE_NOOP("Allocation", "LOW"), "HIGH": QT_TRANSLATE_NOOP("Allocation", "HIGH"),
              "A": "A", "B": "B"}
BOUND = {"floor": QT_TRANSLATE_NOOP("Allocation", "floor"), "cap": QT_TRANSLATE_NOOP("Allocation", "cap")}


@dataclass
class AllocationInput:
    """What the tables print per district besides the computed money."""

    keys: list
    names: list
    population: list
    need: list
    need_field: str
    population_field: str


def money(cents_value, lang="de") -> str:
    """German 1.234.567,89 €, English 1,234,567.89 € (the unit after the number in both)."""
    return format_number(euros(cents_value), 2, lang=lang) + " €"


def per_capita(alloc: Allocation, population: list) -> list:
    out = []
    for amount, pop, why in zip(alloc.allocation, population, alloc.excluded):
        try:
            number = float(pop)
        except (TypeError, ValueError):
            number = 0.0
        out.append(round(euros(amount) / number, 2) if not why and number > 0 else None)
    return out


def district_sheet(data: AllocationInput, alloc: Allocation, rule: AllocationRule | None, words) -> Sheet:
    """One row per district and the total (Σ allocation = budget, Σ difference = 0,00)."""
    w = as_words(words)
    columns = [SheetColumn("key", w.translate("Allocation", "District")),
               SheetColumn("name", w.translate("Allocation", "Name")),
               SheetColumn("population", data.population_field, True, 0),
               SheetColumn("need", data.need_field),
               SheetColumn("need_factor", w.translate("Allocation", "Need factor"), True, 3),
               SheetColumn("base_share", w.translate("Allocation", "Per-capita share (€)"), True, 2),
               SheetColumn("allocation", w.translate("Allocation", "Allocation (€)"), True, 2),
               SheetColumn("difference", w.translate("Allocation", "Difference to per-capita share (€)"), True, 2),
               SheetColumn("per_capita", w.translate("Allocation", "Allocation per head (€)"), True, 2),
               SheetColumn("note", w.translate("Allocation", "Note"))]
    hidden = rule.hidden if rule else set()
    factor_hidden = rule.factor_hidden if rule else set()
    pop_hidden = rule.population_hidden if rule else set()
    heads = per_capita(alloc, data.population)
    rows = []
    for i, key in enumerate(data.keys):
        why = alloc.excluded[i]
        note = w.translate("Allocation", EXCLUDED[why]) if why else \
            w.translate("Allocation", BOUND[alloc.bound[i]]) if alloc.bound[i] else ""
        secret = i in hidden
        need = data.need[i]
        rows.append([key, data.names[i], HIDE if secret or i in pop_hidden else _plain(data.population[i]),
                     HIDE if i in factor_hidden else _plain(need),
                     HIDE if i in factor_hidden else alloc.factor[i],
                     HIDE if secret else euros(alloc.base[i]), HIDE if secret else euros(alloc.allocation[i]),
                     HIDE if secret else euros(alloc.allocation[i] - alloc.base[i]),
                     HIDE if secret else heads[i], note])
    if hidden:  # their sum is the budget minus the shown ones anyway: printed, so nobody must subtract
        rows.append([w.translate("Allocation", "Hidden districts ({0})").format(len(hidden)), None, None, None,
                     None, euros(sum(alloc.base[i] for i in hidden)), euros(sum(alloc.allocation[i] for i in hidden)),
                     euros(sum(alloc.allocation[i] - alloc.base[i] for i in hidden)), None, ""])
    pops = [float(p) for p, why in zip(data.population, alloc.excluded) if not why and _is_num(p)]
    total_pop = sum(pops)
    rows.append([w.translate("Allocation", "Total"), None, total_pop, None, None, euros(sum(alloc.base)),
                 euros(alloc.budget), euros(sum(alloc.allocation) - sum(alloc.base)),
                 round(euros(alloc.budget) / total_pop, 2) if total_pop else None, ""])
    name = w.translate("Allocation", "Allocation")
    return Sheet(name, columns, rows, role="data")


def sensitivity_sheet(data: AllocationInput, alloc: Allocation, sens: Sensitivity, rule: AllocationRule | None,
                      words) -> Sheet:
    """Per factor changed by +10 % and −10 %: each district's allocation and its change; the last
    row the largest change (of the rows shown)."""
    w = as_words(words)
    hidden = rule.hidden if rule else set()
    columns = [SheetColumn("key", w.translate("Allocation", "District")),
               SheetColumn("name", w.translate("Allocation", "Name")),
               SheetColumn("allocation", w.translate("Allocation", "Allocation (€)"), True, 2)]
    for name, sign, _values in sens.variants:
        shown = w.translate("Allocation", PARAMETERS[name]) if sens.kind != "classes" else name
        label = f"{shown} {'+' if sign > 0 else '−'}10 %"
        columns.append(SheetColumn(f"{name}{sign}", w.translate("Allocation", "{0}: allocation (€)").format(label),
                                   True, 2))
        columns.append(SheetColumn(f"d{name}{sign}", w.translate("Allocation", "{0}: change (€)").format(label),
                                   True, 2))
    rows, largest = [], [0] * len(sens.variants)
    for i, key in enumerate(data.keys):
        row = [key, data.names[i], HIDE if i in hidden else euros(alloc.allocation[i])]
        for v, (_name, _sign, values) in enumerate(sens.variants):
            change = values[i] - alloc.allocation[i]
            if i in hidden:
                row += [HIDE, HIDE]
            else:
                row += [euros(values[i]), euros(change)]
                largest[v] = max(largest[v], abs(change))
        rows.append(row)
    last = [w.translate("Allocation", "Largest change"), None, None]
    for v in range(len(sens.variants)):
        last += [None, euros(largest[v])]
    rows.append(last)
    return Sheet(w.translate("Allocation", "Sensitivity"), columns, rows, role="data")


def largest_shown_change(sens: Sensitivity, alloc: Allocation, rule: AllocationRule | None) -> int:
    """The largest change in cents over the districts a published table shows."""
    hidden = rule.hidden if rule else set()
    return max((abs(values[i] - alloc.allocation[i]) for _n, _s, values in sens.variants
                for i in range(len(values)) if i not in hidden), default=0)


def csv_text(sheet: Sheet, words) -> str:
    """A sheet as CSV in the output language: ';' and decimal comma in German, ',' and point in English."""
    lang = as_words(words).lang
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter="," if lang == "en" else ";", lineterminator="\r\n")
    out.writerow([c.header for c in sheet.columns])
    for row in sheet.rows:
        out.writerow(["·" if isinstance(v, Hidden) else number_text(v, c.decimals, lang) if is_number(v)
                      else "" if v is None else str(v) for c, v in zip(sheet.columns, row)])
    for note in sheet.notes:  # the internal copy says what it is, in a CSV as in the workbook
        out.writerow([note])
    return buffer.getvalue()


def _is_num(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return value is not None


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
