"""The regridding report for people: where every count went, and which new areas are estimates of
several old ones. HTML or plain text, in the output language of a words object (core/language.py).

Every word is a literal ``w.translate("RegridReport", ...)`` call (pylupdate5 finds no other form);
numbers only through core/formatting.py.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from ..errors import MESSAGES
from ..formatting import format_number
from ..language import as_words
from .regrid import BASIS_WORDS


@dataclass
class RegridFacts:
    """What the algorithm knows beyond the core results (sources, settings, geometry notes)."""

    old: str
    new: str
    n_old: int
    n_new: int
    basis: str  # area | weight | table
    weights: str = ""  # "layer (field)" for a weight layer
    table: str = ""  # the crosswalk file for a table crosswalk
    threshold: float = 0.8
    min_share: float = 0.0
    ellipsoidal: bool = False
    crs: str = ""
    repaired: dict = field(default_factory=dict)  # layer → keys whose geometry was repaired
    suppressed: int = 0  # cells the publication rule hid in OUTPUT
    key_matches: list = field(default_factory=list)  # ("old" | "new", KeyTransform) for a table's keys
    no_geometry: list = field(default_factory=list)  # old keys without a geometry (geometric runs)
    crosswalk_written: bool = False  # CROSSWALK is an output of this run
    overlaps: list = field(default_factory=list)  # new keys whose area overlaps another new area
    suppress_below: float = 3


def _pct(value, lang, decimals=1) -> str:
    return format_number(value * 100.0, decimals, lang=lang) + " %"


def _keys(keys, limit=40) -> str:
    keys = [str(k) for k in keys]
    return ", ".join(keys[:limit]) + (f" … (+{len(keys) - limit})" if len(keys) > limit else "")


def report_sections(facts: RegridFacts, crosswalk, carried, quality: pd.DataFrame, words=None) -> list:
    """``[(heading, [lines], table or None)]``; a table is ``(header, rows)`` of texts."""
    w = as_words(words)
    lang = w.lang
    n = lambda v, d=0: format_number(v, d, lang=lang)  # noqa: E731
    basis = w.translate("Regrid", BASIS_WORDS.get(facts.basis, facts.basis))
    lines = [w.translate("RegridReport", "Old grid: {old} ({n} areas). New grid: {new} ({m} areas).").format(
        old=facts.old, n=n(facts.n_old), new=facts.new, m=n(facts.n_new))]
    if facts.basis == "table":
        lines.append(w.translate("RegridReport", "Crosswalk: the table {file}, used as it is.").format(
            file=facts.table))
    elif facts.weights:
        lines.append(w.translate("RegridReport", "Shares: by the weights of {weights} in each piece of old and new "
                                 "area.").format(weights=facts.weights))
    else:
        lines.append(w.translate("RegridReport", "Shares: by area (each old area's counts spread evenly over it)."))
    for column, transform in facts.key_matches:
        code, params = transform.message()
        how = w.translate("Messages", MESSAGES[code]).format(**params)
        lines.append((w.translate("RegridReport", "Old keys of the crosswalk matched to the old grid: {how}")
                      if column == "old" else
                      w.translate("RegridReport", "New keys of the crosswalk matched to the new grid: {how}"))
                     .format(how=how))
    if facts.basis != "table":
        how = w.translate("RegridReport", "ellipsoidal (geographic CRS)") if facts.ellipsoidal else \
            w.translate("RegridReport", "planar")
        lines.append(w.translate("RegridReport", "Areas measured in {crs}, {how}.").format(
            crs=facts.crs or "–", how=how))
    if crosswalk.fallback:
        lines.append(w.translate("RegridReport", "The weight layer gives no weight to {n} old area(s); they are "
                                 "shared out by area: {keys}").format(n=n(len(crosswalk.fallback)),
                                                                      keys=_keys(crosswalk.fallback)))
    if crosswalk.slivers:
        lines.append(w.translate("RegridReport", "{n} sliver(s) below {limit} of their old area (the same boundary "
                                 "drawn twice) were given to the old area's other pieces; the largest was {largest}.")
                     .format(n=n(crosswalk.slivers), limit=_pct(facts.min_share, lang, 2),
                             largest=_pct(crosswalk.sliver_max, lang, 3)))
    if facts.overlaps:
        lines.append(w.translate("RegridReport", "{n} new areas overlap each other: {keys}. Their common part is "
                                 "carried once, shared between them by the part of the old area each covers.")
                     .format(n=n(len(facts.overlaps)), keys=_keys(facts.overlaps)))
    for layer, keys in facts.repaired.items():
        if keys:
            lines.append(w.translate("RegridReport", "Invalid geometries of {layer} were repaired: {keys}").format(
                layer=layer, keys=_keys(keys)))
    lines.append(w.translate("RegridReport", "Basis of the shares written in the crosswalk: {basis}.").format(
        basis=basis))
    sections = [(w.translate("RegridReport", "Method"), lines, None)]

    header = [w.translate("RegridReport", "Count"), w.translate("RegridReport", "Old grid"),
              w.translate("RegridReport", "Carried"), w.translate("RegridReport", "Outside every new area"),
              w.translate("RegridReport", "Old areas not in the crosswalk"),
              w.translate("RegridReport", "Not carried (an old count is missing)"),
              w.translate("RegridReport", "Carried of old")]
    rows = []
    for name, t in carried.totals.iterrows():
        share = t["carried"] / t["old"] if t["old"] else float("nan")
        rows.append([str(name), n(t["old"], 1), n(t["carried"], 1), n(t["outside"], 1), n(t["not_in_crosswalk"], 1),
                     n(t["blanked"], 1), _pct(share, lang, 3)])
    where = []
    outside = crosswalk.outside().drop(facts.no_geometry, errors="ignore")
    if facts.no_geometry:
        where.append(w.translate("RegridReport", "Old areas without a geometry (not carried, counted as outside "
                                 "every new area): {keys}").format(keys=_keys(facts.no_geometry)))
    if len(outside):
        where.append(w.translate("RegridReport", "Old areas with a part outside every new area (not carried): {keys}")
                     .format(keys=_keys(f"{k} ({_pct(v, lang)})"
                                        for k, v in outside.sort_values(ascending=False).items())))
    if carried.not_in_crosswalk:
        where.append(w.translate("RegridReport", "Old areas without a row in the crosswalk (not carried): {keys}")
                     .format(keys=_keys(carried.not_in_crosswalk)))
    if carried.old_not_in_grid:
        where.append(w.translate("RegridReport", "Old keys of the crosswalk that are not in the old grid (nothing to "
                                 "carry): {keys}").format(keys=_keys(carried.old_not_in_grid)))
    if carried.new_not_in_target:
        where.append(w.translate("RegridReport", "New keys of the crosswalk that are not in the new grid (counted "
                                 "as outside): {keys}").format(keys=_keys(carried.new_not_in_target)))
    for name, keys in carried.unknown_new.items():
        where.append(w.translate("RegridReport", "{count}: unknown in {n} new area(s), because an old area that "
                                 "reaches them has no value: {keys}").format(count=name, n=n(len(keys)),
                                                                             keys=_keys(keys)))
    if carried.no_source:
        where.append(w.translate("RegridReport", "New areas no old area reaches (no values): {keys}").format(
            keys=_keys(carried.no_source)))
    if facts.suppressed:
        where.append(w.translate("RegridReport", "Carried counts are estimates and follow the publication rule: "
                                 "{n} cell(s) of the new grid are not shown (counts below {threshold}, values "
                                 "derived from them and cells that protect them), listed in suppressed_fields.")
                     .format(n=n(facts.suppressed), threshold=n(facts.suppress_below)))
        if facts.crosswalk_written:
            where.append(w.translate("RegridReport", "The crosswalk's shares times the old grid's counts give every "
                                     "carried count back, the hidden ones too: the crosswalk is a working file, not "
                                     "for publication."))
    sections.append((w.translate("RegridReport", "Where the counts went"), where, (header, rows)))

    mixed = quality[quality["mixed"]].sort_values("dominant_share")
    judged = int(quality["dominant_share"].notna().sum())
    q_lines = [w.translate("RegridReport", "Dominant share: the part of a new area's {basis} that comes from its "
                           "largest old area. {n} of {m} new areas take less than {threshold} from one old area; their "
                           "values are mixtures of several old areas.").format(
        basis=carried.counts.columns[0] if len(carried.counts.columns) else "–", n=n(len(mixed)), m=n(judged),
        threshold=_pct(facts.threshold, lang, 0))]
    if judged:
        q_lines.append(w.translate("RegridReport", "Median dominant share {median}; new areas taken wholly from old "
                                   "areas that lie inside them (exact, no estimate): {exact}.").format(
            median=_pct(quality["dominant_share"].median(), lang),
            exact=n(int((quality["exact_share"] >= 1 - 1e-9).sum()))))
    q_header = [w.translate("RegridReport", "New area"), w.translate("RegridReport", "Dominant share"),
                w.translate("RegridReport", "Largest old area"), w.translate("RegridReport", "Old areas"),
                w.translate("RegridReport", "Exact part")]
    q_rows = [[str(k), _pct(r["dominant_share"], lang), str(r["dominant_key"] or "–"), n(r["sources"]),
               _pct(r["exact_share"], lang)] for k, r in mixed.iterrows()]
    sections.append((w.translate("RegridReport", "Quality: new areas with a low dominant share"), q_lines,
                     (q_header, q_rows) if q_rows else None))
    return sections


def report_html(title: str, sections: list, lang: str) -> str:
    esc = html.escape
    parts = [f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{esc(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:64em;margin:2em auto}td,th{padding:2px 8px;"
             "text-align:left}td.n{text-align:right}</style></head><body>", f"<h1>{esc(title)}</h1>"]
    for heading, lines, table in sections:
        parts.append(f"<h2>{esc(heading)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>" if lines else "")
        if table:
            header, rows = table
            parts.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>")
            parts += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows]
            parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)


def report_text(title: str, sections: list) -> str:
    out = [title, "=" * len(title), ""]
    for heading, lines, table in sections:
        out += [heading, "-" * len(heading)] + [f"- {line}" for line in lines]
        if table:
            header, rows = table
            widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
            for row in [header, *rows]:
                out.append("  ".join(str(c).ljust(width) for c, width in zip(row, widths)).rstrip())
        out.append("")
    return "\n".join(out)
