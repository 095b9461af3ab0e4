"""What a published allocation may show: the publication rule applied to money split by head count.

An allocation is the target population times a factor times budget / Σ weights: where the
population is hidden (a small count, its complementary partner, a small area), the district's
allocation, base share, difference, per-capita amount and sensitivity values would give it back,
so they are hidden as well. And the budget is printed: the hidden allocations add up to the
budget minus the shown ones, and the hidden populations to the printed total minus the shown
ones. With the factors printed, the hidden districts' populations then satisfy two equations
(Σ population, Σ factor × population), and the sensitivity sheet, where each class's factor moves
alone, gives the sum per class. So a hidden district is safe only when

* class factors: another hidden district has the same factor (the class sums are all a reader
  gets), and there are at least two hidden;
* a continuous rule (every district its own factor): the other hidden districts hold at least two
  different factors, or one equal to its own (else the two equations solve it).

:func:`hidden_rows` adds partners (the smallest shown allocation that helps: same factor first)
until every hidden district is safe; a hidden district whose class no other district shares gets
its factor hidden too (``alone``: its weight is then unknown).
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: the allocation's columns that give a hidden population back
MONEY = ("base_share", "allocation", "difference", "per_capita")


@dataclass
class AllocationRule:
    hidden: set  # row positions whose population and money are hidden
    secret: set  # …of them, hidden by the rule upstream (small counts, small areas)
    partners: set  # …added here so that no hidden one can be solved back
    factor_hidden: set = field(default_factory=set)  # rows whose need (and so factor) is hidden
    alone: list = field(default_factory=list)  # hidden rows no partner could protect
    population_hidden: set = field(default_factory=set)  # rows whose population is hidden (money or not)


def _safe(i: int, hidden: set, factor: list, classes: bool, bound: set) -> bool:
    if i in bound:  # its amount is its floor or cap: nothing of its population in it
        return True
    others = [factor[j] for j in hidden if j != i and j not in bound]  # a bound one's amount is known
    if not others:
        return False
    if factor[i] in others:
        return True
    return not classes and len(set(others)) >= 2


def hidden_rows(allocation: list, factor: list, initial, classes: bool, bound=()) -> AllocationRule:
    """``allocation`` (cents, 0 for districts without money), ``factor`` per row (None: none),
    ``initial``: rows hidden by the publication rule (population or need hidden); ``bound``: rows
    fixed at their floor or cap (the note says so: their amount is known, they protect no one)."""
    bound = set(bound)
    hidden = {i for i in initial if factor[i] is not None or allocation[i]}
    secret = set(hidden)
    alone: set = set()  # no district shares its class: its factor is hidden too (its weight unknown)
    for _ in range(2 * len(allocation) + 1):
        unsafe = sorted((i for i in hidden if i not in alone and not _safe(i, hidden, factor, classes, bound)),
                        key=lambda i: (allocation[i], i))
        if not unsafe:
            break
        i = unsafe[0]
        shown = [j for j in range(len(allocation)) if j not in hidden and factor[j] is not None and j not in bound]
        same = [j for j in shown if factor[j] == factor[i]]
        others = {factor[j] for j in hidden if j != i and j not in bound}
        new = [j for j in shown if factor[j] not in others | {factor[i]}]
        pool = same or ([] if classes and len(hidden - bound) > 1 else new or shown)
        if pool:
            hidden.add(min(pool, key=lambda j: (allocation[j], j)))
        else:
            alone.add(i)
    return AllocationRule(hidden, secret, hidden - secret, factor_hidden=set(alone), alone=sorted(alone),
                          population_hidden=set(initial) | hidden)


def initial_hidden(frame, population: str, need: str, threshold: float, hidden=None) -> tuple[set, set]:
    """(rows whose population is hidden, rows whose need is hidden) by the project's rule, as row
    positions: small counts of ``population`` and their complementary partners (the city total),
    and cells the input's ``suppressed_fields`` list (``hidden``: a boolean frame)."""
    from ..publish.rule import publication_rule

    columns = [population] + ([need] if need != population else [])
    publication = publication_rule(frame[columns], counts=[population], threshold=threshold,
                                   hidden=hidden, min_population=None)
    pop = publication.hidden(population).to_numpy(dtype=bool)
    need_mask = (hidden[need].reindex(frame.index, fill_value=False).to_numpy(dtype=bool)
                 if hidden is not None and need in hidden.columns else [False] * len(frame))
    return ({i for i, h in enumerate(pop) if h}, {i for i, h in enumerate(need_mask) if h})


def copies_of(column: str, derived: dict) -> list:
    """``column`` and what it is a copy of, as the rule's ``derived`` says (the report year's
    ``EW`` of ``EW_2021`` of ``EW_unter_65_2021``): hiding a partner's population hides them all,
    the copy gives its source back as the source gives the copy."""
    found, todo = [], [column]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.append(name)
        sources = list(derived.get(name, []))
        if len(sources) == 1:  # one source: a copy (several: a rate or an index, not invertible)
            todo += sources
    return found


def spread(mask, reasons, publication, frame) -> None:
    """After the money's partners got their population hidden (in ``mask``/``reasons``, in place):
    what the report's rule derives from a hidden cell follows it, as the rule itself does at its
    end. A partner's population is the only thing that keeps the secret's money secret; a rate over
    it printed beside its shown numerator (Kita places per 1,000 children) gives it back
    (places × 1,000 / rate), and so would a total of which it is the only hidden part."""
    import numpy as np
    import pandas as pd

    from ..publish.rule import _complete_columns, _complete_groups, _numbers

    groups = [[c for c in [total, *parts] if c in mask.columns] for total, parts in publication.totals.items()]
    groups = [g for g in groups if len(g) >= 2]
    counts = [c for c in publication.counts if c in mask.columns and c in frame.columns]
    columns = sorted({c for g in groups for c in g} | set(counts))
    for _ in range(len(mask.columns) + 1):
        before = mask.to_numpy(dtype=bool).copy()
        if columns:
            values = pd.DataFrame({c: _numbers(frame, c) for c in columns}, index=mask.index)
            part = mask[columns].copy()
            secret = part & (reasons[columns] != "population")  # small areas: unreliable, not secret
            _complete_groups(values, part, secret, groups)
            _complete_columns(values, part, secret, counts)
            new = part & ~mask[columns]
            for col in columns:
                reasons.loc[new[col].to_numpy(), col] = "complementary"
                mask[col] = mask[col].to_numpy(dtype=bool) | part[col].to_numpy(dtype=bool)
        for target, sources in publication.derived.items():
            known = [s for s in sources if s in mask.columns]
            if target not in mask.columns or not known:
                continue
            found = mask[known].to_numpy(dtype=bool).any(axis=1) & ~mask[target].to_numpy(dtype=bool)
            reasons.loc[found, target] = "derived"
            mask[target] = mask[target].to_numpy(dtype=bool) | found
        if np.array_equal(before, mask.to_numpy(dtype=bool)):
            break
