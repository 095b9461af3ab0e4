"""Findings of a profile page ("At a glance"): where a district stands out, in plain words.

Split from ``profile`` (the facts) because findings are wording: which indicators may be called
notable and how a line reads in the output language (English source strings, German through the
words object).

Only **need-directed** indicators are named: rates, shares, values and the index that carry a
direction (higher or lower = more need) and are not counts. A count (children, residents, Kita
places) or a context indicator without a direction is shown, ranked and compared in the table,
but never called "least favourable 20 %": a large district has many children, which is no need.
"""
from __future__ import annotations

import pandas as pd

from ..errors import QT_TRANSLATE_NOOP
from ..formatting import format_int, format_ratio
from ..language import as_words
from ..series.indicators import Indicator
from .profile import Profiles, _finite

C = "Findings"
_PHRASES = {
    "times": QT_TRANSLATE_NOOP("Findings", "{ratio} city value"),
    "city": QT_TRANSLATE_NOOP("Findings", "city value {value}"),
    "rank": QT_TRANSLATE_NOOP("Findings", "rank {r} of {n}"),
    "worst": QT_TRANSLATE_NOOP("Findings", "least favourable {p} %"),
    "best": QT_TRANSLATE_NOOP("Findings", "most favourable {p} %"),
    "none": QT_TRANSLATE_NOOP("Findings", "No need indicator is among the {p} % most or least favourable "
                                          "values of the city."),
    "no_data": QT_TRANSLATE_NOOP("Findings", "No data for this area."),
    "hidden": QT_TRANSLATE_NOOP("Findings", "No values shown: {note}."),
}


def need_directed(ind: Indicator) -> bool:
    """May the indicator be called (un)favourable? Only with a direction, never a count or a
    context indicator."""
    return bool(ind.direction) and not ind.is_count and not ind.context


def finding_line(profiles: Profiles, ind: Indicator, cell: dict, lang="de") -> str:
    """'Child poverty 31.4 % — 1.9× city value, rank 12 of 536' (``lang``: a code or words)."""
    words = as_words(lang)
    if _finite(cell["ratio"]):
        compare = words.translate(C, _PHRASES["times"]).format(ratio=format_ratio(cell["ratio"], lang=words))
    else:
        compare = words.translate(C, _PHRASES["city"]).format(value=profiles.city_text(ind, words))
    rank = words.translate(C, _PHRASES["rank"]).format(r=format_int(cell["rank"], lang=words),
                                                       n=format_int(cell["n"], lang=words))
    return f"{ind.label} {profiles.format(ind, cell['value'], words)} — {compare}, {rank}"


def _notable(ind: Indicator, cell: dict, notable: float):
    """(how extreme, kind, share in %) if the district is in the top or bottom share, else None."""
    if not need_directed(ind) or cell["status"] != "ok" or not _finite(cell["rank"]):
        return None
    n, rank = cell["n"], cell["rank"]
    from_top, from_bottom = rank / n, (n - rank + 1) / n  # rank 1 = most need (direction applied)
    if min(from_top, from_bottom) > notable:
        return None
    top = from_top <= from_bottom
    tail = from_top if top else from_bottom
    share = 10 if tail <= 0.1 < notable else round(notable * 100)
    return tail, ("worst" if top else "best"), share


def constant_indicators(profiles: Profiles) -> set:
    """Indicators with one value in every district that shows one.

    Ranks of equal values are all 1, so a constant indicator would read "rank 1 of 17 (least
    favourable 10 %)" on every page: it stays in the table but gives no findings."""
    return {i.field for i in profiles.indicators
            if profiles.cells[i.field]["value"].dropna().nunique() == 1
            and profiles.cells[i.field]["value"].notna().sum() > 1}


def findings(profiles: Profiles, lang="de", notable: float = 0.2, limit: int = 4) -> pd.Series:
    """Up to ``limit`` lines per district for need-directed indicators in the most or least
    favourable ``notable`` share; ``lang`` is a language code or a words object."""
    words = as_words(lang)
    constant = constant_indicators(profiles)
    districts = profiles.districts
    records = {i.field: profiles.cells[i.field].to_dict("records") for i in profiles.indicators}
    out = []
    for pos, (valid, note) in enumerate(zip(districts["valid"], districts["note"])):
        if not valid:
            out.append(words.translate(C, _PHRASES["hidden"]).format(note=note))
            continue
        cells = [(ind, records[ind.field][pos]) for ind in profiles.indicators]
        if all(cell["status"] == "missing" for _, cell in cells):
            out.append(words.translate(C, _PHRASES["no_data"]))
            continue
        found = sorted(((hit, ind, cell) for ind, cell in cells
                        if ind.field not in constant and (hit := _notable(ind, cell, notable))),
                       key=lambda item: item[0][0])[:limit]
        if not found:
            out.append(words.translate(C, _PHRASES["none"]).format(p=format_int(notable * 100, lang=words)))
            continue
        out.append("\n".join(
            f"{finding_line(profiles, ind, cell, words)} ({words.translate(C, _PHRASES[kind]).format(p=share)})"
            for (_, kind, share), ind, cell in found))
    return pd.Series(out, index=districts.index, dtype=object)
