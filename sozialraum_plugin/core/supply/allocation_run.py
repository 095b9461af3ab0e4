"""One allocation run over a district table: the money, the sensitivity, what may be published,
the output columns and the sheets (pure; the QGIS side reads the layer and writes the results)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import SozialraumError
from ..language import as_words
from .allocate import Allocation, FactorRule, Sensitivity, allocate, cents, euros, sensitivity
from .allocate_publish import MONEY, AllocationRule, hidden_rows, initial_hidden
from .allocate_table import AllocationInput, district_sheet, largest_shown_change, per_capita, sensitivity_sheet

#: the fields the allocation adds to the districts
FIELDS = ("need_factor", "base_share", "allocation", "difference", "per_capita", "allocation_note")


@dataclass
class AllocationSettings:
    budget: int  # cents
    population: str
    need: str
    rule: FactorRule
    key: str = ""  # '' : the row's position
    name: str = ""
    floor: str | float | None = None  # an amount in euros or a field name
    cap: str | float | None = None
    threshold: float = 3


@dataclass
class AllocationResult:
    data: AllocationInput
    allocation: Allocation
    sensitivity: Sensitivity
    rule: AllocationRule
    columns: pd.DataFrame  # FIELDS, full values, on the frame's index

    def published_columns(self) -> pd.DataFrame:
        """FIELDS with the money of hidden districts (and the factor where the need is hidden) NULL."""
        out = self.columns.copy()
        rows = sorted(self.rule.hidden)
        for col in MONEY:
            out.iloc[rows, out.columns.get_loc(col)] = float("nan")
        out.iloc[sorted(self.rule.factor_hidden), out.columns.get_loc("need_factor")] = float("nan")
        return out

    def hidden_fields(self) -> dict:
        """{row position: [fields]} hidden in the published copy (the population field with the money)."""
        found = {}
        for i in self.rule.population_hidden:
            found[i] = [self.data.population_field]
        for i in self.rule.hidden:
            found[i] = [self.data.population_field, *MONEY]
        for i in self.rule.factor_hidden:
            found.setdefault(i, []).extend(["need_factor", self.data.need_field])
        return found

    def sheets(self, words, published: bool = True) -> list:
        rule = self.rule if published else None
        sheets = [district_sheet(self.data, self.allocation, rule, words),
                  sensitivity_sheet(self.data, self.allocation, self.sensitivity, rule, words)]
        if not published:  # the finance department's copy says what it is
            sheets[0].notes.append(as_words(words).translate(
                "Allocation", "Internal: contains values that must not be published (small counts)."))
        return sheets

    def largest_change(self, published: bool = True) -> int:
        return largest_shown_change(self.sensitivity, self.allocation, self.rule if published else None)


def bounds(frame: pd.DataFrame, value, what: str, rounding) -> list | None:
    """Per district cents from an amount or a field name (None: no bound)."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if text in frame.columns:
        return [None if v is None or v != v else cents(v, f"{what} ({text})", rounding) for v in frame[text]]
    amount = cents(text, what, rounding)
    return [amount] * len(frame)


def run_allocation(frame: pd.DataFrame, settings: AllocationSettings, hidden: pd.DataFrame | None = None,
                   initial: tuple | None = None, words=None) -> AllocationResult:
    """Split the budget over ``frame``'s rows. ``hidden``: cells listed as hidden already;
    ``initial``: (population rows, need rows) hidden by a report's own rule instead of this one's."""
    from decimal import ROUND_CEILING, ROUND_FLOOR

    s = settings
    if s.budget <= 0:
        raise SozialraumError("allocate_budget_invalid", value=euros(s.budget))
    keys = [str(k) for k in frame[s.key]] if s.key else [str(i) for i in range(len(frame))]
    names = [None if v is None or v != v else str(v) for v in frame[s.name]] if s.name else [None] * len(frame)
    pops = [None if v is None or v != v else v for v in frame[s.population]]
    need = [None if v is None or v != v else v for v in frame[s.need]]
    if s.rule.kind == "classes" and not any(f is not None for f in s.rule.factors(need)):
        raise SozialraumError("allocate_no_factor", field=s.need, classes=", ".join(s.rule.labels.values()),
                              values=", ".join(sorted({str(v) for v in need if v is not None})[:8]))
    floors = bounds(frame, s.floor, "FLOOR", ROUND_CEILING)  # a floor rounded up, a cap down: both kept
    caps = bounds(frame, s.cap, "CAP", ROUND_FLOOR)
    alloc = allocate(keys, pops, need, s.rule, s.budget, floors, caps)
    sens = sensitivity(keys, pops, need, s.rule, s.budget, floors, caps, base=alloc)
    pop_rows, need_rows = initial if initial is not None else initial_hidden(frame, s.population, s.need,
                                                                            s.threshold, hidden)
    rule = hidden_rows(alloc.allocation, alloc.factor, set(pop_rows) | set(need_rows), s.rule.kind == "classes",
                       bound=[i for i, b in enumerate(alloc.bound) if b])
    rule.factor_hidden |= set(need_rows)
    rule.population_hidden = set(pop_rows) | rule.hidden
    w = as_words(words or "en")
    data = AllocationInput(keys, names, pops, need, s.need, s.population)
    notes = []
    for why, bound in zip(alloc.excluded, alloc.bound):
        notes.append(w.translate("Allocation", "no population") if why == "population"
                     else w.translate("Allocation", "no need factor") if why == "need"
                     else w.translate("Allocation", "floor") if bound == "floor"
                     else w.translate("Allocation", "cap") if bound == "cap" else None)
    columns = pd.DataFrame({
        "need_factor": [float("nan") if f is None else float(f) for f in alloc.factor],
        "base_share": [euros(c) for c in alloc.base],
        "allocation": [euros(c) for c in alloc.allocation],
        "difference": [euros(a - b) for a, b in zip(alloc.allocation, alloc.base)],
        "per_capita": [float("nan") if v is None else v for v in per_capita(alloc, pops)],
        "allocation_note": notes,
    }, index=frame.index)
    return AllocationResult(data, alloc, sens, rule, columns)
