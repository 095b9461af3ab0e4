"""The report's allocation step: sozialraum:allocate on the districts, the rule's extension over
the money (report_steps' ``decide``), and the two tables beside the report.

``Mittelverteilung.xlsx`` may be published (the money of districts whose count the rule hides,
and of their partners, is "·"); ``Mittelverteilung_intern.xlsx`` holds every value, for the
finance department, and says so in its first sheet."""
from __future__ import annotations

import os

PUBLISHED_TABLE = "Mittelverteilung.xlsx"
INTERNAL_TABLE = "Mittelverteilung_intern.xlsx"


def allocation_step(run, steps) -> None:
    """The allocation's columns on the current intermediate (raw values: the report's own rule
    decides what is published)."""
    a, d = run.d.allocation, run.d
    from ...core.supply.allocate import budget_cents, euros

    # (the definition may give "1.000.000,00": read as the section was checked, not by float())
    params = {"INPUT": run.current, "BUDGET": euros(budget_cents(a.budget, "budget")),
              "POPULATION_FIELD": a.population, "NEED_FIELD": a.need_field, "FACTORS": a.factors_text(),
              "KEY_FIELD": d.key,
              "NAME_FIELD": d.name_field or None, "PUBLISHED": False, "OUTPUT": run._temp("allocation"),
              "LANGUAGE": run.lang}
    for name, value in (("FLOOR", a.floor), ("CAP", a.cap)):
        if value not in (None, "", 0):  # (a number with six decimals: "2.125" would read as ambiguous)
            params[name] = f"{value:.6f}" if isinstance(value, (int, float)) else str(value)
    run.current = run._run("sozialraum:allocate", params, steps)["OUTPUT"]


def settings_of(run):
    from ...core.supply.allocate import budget_cents, parse_factors
    from ...core.supply.allocation_run import AllocationSettings

    a, d = run.d.allocation, run.d
    return AllocationSettings(budget=budget_cents(a.budget, "budget"), population=a.population, need=a.need_field,
                              rule=parse_factors(a.factors), key=d.key, name=d.name_field,
                              floor=None if a.floor in (None, "", 0) else a.floor,
                              cap=None if a.cap in (None, "", 0) else a.cap,
                              threshold=float(d.publication.threshold))


def allocation_publication(run, frame, publication):
    """The report's rule with the money added: hidden where the population or the need is hidden
    (or the rule hid the allocation itself, a small area), plus partners (core/supply/allocate_publish)."""
    import numpy as np

    from ...core.supply.allocate_publish import MONEY, copies_of
    from ...core.supply.allocation_run import run_allocation

    a = run.d.allocation
    positions = lambda mask: set(np.flatnonzero(mask.to_numpy(dtype=bool)).tolist())  # noqa: E731
    pop_rows = positions(publication.hidden(a.population))
    need_rows = positions(publication.hidden(a.need_field))
    own = positions(publication.hidden("allocation"))
    result = run_allocation(frame, settings_of(run), initial=(pop_rows | own, need_rows), words=run.words)
    run.allocation_result = result
    mask, reasons = publication.mask.copy(), publication.reasons.copy()
    index = frame.index

    def hide(column, rows, reason):
        if column not in mask.columns:
            mask[column] = False
            reasons[column] = ""
        flags = np.zeros(len(index), dtype=bool)
        flags[sorted(rows)] = True
        new = flags & ~mask[column].to_numpy(dtype=bool)
        reasons.loc[new, column] = reason
        mask[column] = mask[column].to_numpy(dtype=bool) | flags

    rule = result.rule
    for column in MONEY:
        hide(column, rule.secret, "derived")
        hide(column, rule.partners, "complementary")
    for column in copies_of(a.population, publication.derived):  # EW and the columns it copies (EW_2021)
        hide(column, rule.partners, "complementary")
    hide("need_factor", rule.factor_hidden, "derived")
    from ...core.supply.allocate_publish import spread

    spread(mask, reasons, publication, frame)  # a rate over a partner's population would give it back
    from dataclasses import replace

    return replace(publication, mask=mask.astype(bool), reasons=reasons)


def write_allocation_tables(run) -> None:
    from ...gis.allocation_output import write_allocation_table

    result = getattr(run, "allocation_result", None)
    if result is None:
        return
    published = os.path.join(run.folder, PUBLISHED_TABLE)
    write_allocation_table(result, published, run.words, published=True)
    write_allocation_table(result, os.path.join(run.folder, INTERNAL_TABLE), run.words, published=False)
    run.outputs["ALLOCATION_TABLE"] = published
