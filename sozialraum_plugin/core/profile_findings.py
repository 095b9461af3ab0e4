"""Findings of a profile page: the few indicators where a district stands out, in plain words.

Split from ``profile`` (the facts) because findings are wording: which indicators may be called
notable (need-directed ones, never a constant one) and how a line reads in each language.
"""
from __future__ import annotations

import re

import pandas as pd

from .formatting import format_int, format_ratio
from .profile import ProfileIndicator, Profiles, _finite

_PHRASES = {
    "de": {"times": "Stadtwert", "city": "Stadtwert", "rank": "Rang {r} von {n}",
           "worst": "ungünstigste {p} %", "best": "günstigste {p} %",
           "high": "höchste {p} %", "low": "niedrigste {p} %",
           "none": "Kein Indikator gehört zu den {p} % höchsten oder niedrigsten Werten der Stadt.",
           "no_data": "Keine Daten für dieses Gebiet.", "hidden": "Keine Werte ausgewiesen: {note}."},
    "en": {"times": "city value", "city": "city value", "rank": "rank {r} of {n}",
           "worst": "worst {p} %", "best": "best {p} %", "high": "highest {p} %", "low": "lowest {p} %",
           "none": "No indicator is among the {p} % highest or lowest values of the city.",
           "no_data": "No data for this area.", "hidden": "No values shown: {note}."},
}


def _note_en(note: str) -> str:
    match = re.match(r"unter (\S+) EW \((\S+)\)", note)
    if match:
        return f"fewer than {match.group(1)} residents ({match.group(2)})"
    return "population unknown" if note else ""


def finding_line(profiles: Profiles, ind: ProfileIndicator, cell: dict, lang: str) -> str:
    """'Kinderarmut 31,4 % — 1,9× Stadtwert, Rang 12 von 536'."""
    words = _PHRASES[lang]
    if _finite(cell["ratio"]):
        compare = f"{format_ratio(cell['ratio'], lang=lang)} {words['times']}"
    else:
        compare = f"{words['city']} {profiles.city_text(ind, lang)}"
    rank = words["rank"].format(r=format_int(cell["rank"], lang=lang), n=format_int(cell["n"], lang=lang))
    return f"{ind.label} {profiles.format(ind, cell['value'], lang)} — {compare}, {rank}"


def _notable(ind: ProfileIndicator, cell: dict, notable: float):
    """(how extreme, kind, share in %) if the district is in the top or bottom share, else None."""
    if cell["status"] != "ok" or not _finite(cell["rank"]):
        return None
    n, rank = cell["n"], cell["rank"]
    from_top, from_bottom = rank / n, (n - rank + 1) / n
    if min(from_top, from_bottom) > notable:
        return None
    top = from_top <= from_bottom
    tail = from_top if top else from_bottom
    share = 10 if tail <= 0.1 < notable else round(notable * 100)
    kind = ("worst" if top else "best") if ind.direction else ("high" if top else "low")
    return tail, kind, share


def constant_indicators(profiles: Profiles) -> set:
    """Indicators with one value in every district that shows one.

    Ranks of equal values are all 1, so a constant indicator would read "Rang 1 von 17 (höchste
    10 %)" on every page: it stays in the table but gives no findings."""
    return {i.field for i in profiles.indicators
            if profiles.cells[i.field]["value"].dropna().nunique() == 1
            and profiles.cells[i.field]["value"].notna().sum() > 1}


def findings(profiles: Profiles, lang: str = "de", notable: float = 0.2, limit: int = 4) -> pd.Series:
    """Up to ``limit`` lines per district for indicators in the top or bottom ``notable`` share."""
    words = _PHRASES[lang]
    constant = constant_indicators(profiles)
    districts = profiles.districts
    records = {i.field: profiles.cells[i.field].to_dict("records") for i in profiles.indicators}
    out = []
    for pos, (valid, note) in enumerate(zip(districts["valid"], districts["note"])):
        if not valid:
            out.append(words["hidden"].format(note=note if lang == "de" else _note_en(note)))
            continue
        cells = [(ind, records[ind.field][pos]) for ind in profiles.indicators]
        if all(cell["status"] == "missing" for _, cell in cells):
            out.append(words["no_data"])
            continue
        found = sorted(((hit, ind, cell) for ind, cell in cells
                        if ind.field not in constant and (hit := _notable(ind, cell, notable))),
                       key=lambda item: item[0][0])[:limit]
        if not found:
            out.append(words["none"].format(p=format_int(notable * 100, lang=lang)))
            continue
        out.append("\n".join(f"{finding_line(profiles, ind, cell, lang)} ({words[kind].format(p=share)})"
                             for (_, kind, share), ind, cell in found))
    return pd.Series(out, index=districts.index, dtype=object)
