"""The method note of a report: the publication rule in words, with its threshold and how to change it.

Printed as ``Methodenhinweis.txt`` in the output folder (it goes with every file of the report to
the data-protection review) and in short on every profile page, in the output language (English
source strings, German through the words object).
"""
from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP
from ..formatting import format_number
from ..language import as_words
from .rule import Publication

C = "MethodNote"
_TEXT = {
    "title": QT_TRANSLATE_NOOP("MethodNote", "Method note: small numbers are not published"),
    "small": QT_TRANSLATE_NOOP("MethodNote", "Counts from 1 to below {t} are not shown (·)."),
    "own": QT_TRANSLATE_NOOP("MethodNote", "Own thresholds: {items}."),
    "population": QT_TRANSLATE_NOOP("MethodNote",
                                    "Areas with fewer than {m} residents ({p}) are shown without their values."),
    "derived": QT_TRANSLATE_NOOP("MethodNote", "Also hidden: shares and rates whose numerator or denominator is "
                                 "hidden, and changes where either year's value is hidden."),
    "complementary": QT_TRANSLATE_NOOP("MethodNote", "So that no hidden value can be recovered from a published "
                                       "total (city total, area total, the other parts of the same total), the "
                                       "next smallest value above 0 is hidden as well."),
    "index": QT_TRANSLATE_NOOP("MethodNote", "So is an area's index ({items}) where one of its indicators is "
                               "hidden: it could be solved for it."),
    "totals": QT_TRANSLATE_NOOP("MethodNote", "Known totals per area: {items}."),
    "ranks": QT_TRANSLATE_NOOP("MethodNote", "Rank (rank, 1 = most need among the valid areas) with its 90 % "
                               "interval (rank_low to rank_high): the index was recomputed many times with its "
                               "weights, its scaling (z-score, min-max, rank) and its indicators varied (one left "
                               "out at a time), and the interval holds 90 % of the ranks these variants gave; p_top "
                               "is the share of the variants that put the area in {top}. Ranks are hidden wherever "
                               "the index is."),
    "top_highest": QT_TRANSLATE_NOOP("MethodNote", "the highest need class"),
    "top_two_highest": QT_TRANSLATE_NOOP("MethodNote", "one of the two highest need classes"),
    "top_top_tenth": QT_TRANSLATE_NOOP("MethodNote", "the tenth of the areas with the highest index"),
    "parents": QT_TRANSLATE_NOOP("MethodNote", "This report shows larger areas made of the districts. A larger "
                                 "area's value is hidden as well where, together with the districts' published "
                                 "figures and the totals, it would give a hidden district value back: the "
                                 "districts' own report stays protected."),
    "city": QT_TRANSLATE_NOOP("MethodNote", "City values cover all areas of the city (shares: sum of numerators "
                              "over sum of denominators; medians and means without the hidden values); ranks count "
                              "only the shown values of the valid areas."),
    "count": QT_TRANSLATE_NOOP("MethodNote", "Hidden in this report: {n} cells ({parts})."),
    "change": QT_TRANSLATE_NOOP("MethodNote", "To change the threshold: \"publication\": {\"threshold\": 5} "
                                "in the report definition, or \"threshold\": 5 per indicator."),
    "internal": QT_TRANSLATE_NOOP("MethodNote", "The file sozialraum_intern.gpkg is internal: it contains "
                                  "unpublished values and is not part of the publication."),
    "residents": QT_TRANSLATE_NOOP("MethodNote", "residents"),
}
_REASONS = {"small": QT_TRANSLATE_NOOP("MethodNote", "small count"),
            "population": QT_TRANSLATE_NOOP("MethodNote", "small area"),
            "source": QT_TRANSLATE_NOOP("MethodNote", "suppressed by the office"),
            "complementary": QT_TRANSLATE_NOOP("MethodNote", "complementary"),
            "derived": QT_TRANSLATE_NOOP("MethodNote", "derived")}


def _number(value: float, lang) -> str:
    """300 → '300', 2.5 → '2,5' / '2.5': the threshold as the user wrote it, in the language's marks."""
    number = float(value)
    if number.is_integer():
        return format_number(number, 0, lang=lang)
    return format_number(number, 2, lang=lang).rstrip("0")


def _say(words, key: str) -> str:
    return words.translate(C, _TEXT[key])


def rule_line(threshold: float, min_population: float | None, lang="de") -> str:
    """One line for a page or a map: the threshold and the population rule (``lang``: a code or words)."""
    words = as_words(lang)
    line = _say(words, "small").format(t=_number(threshold, words))
    if min_population:
        line += " " + _say(words, "population").format(m=_number(min_population, words),
                                                       p=_say(words, "residents"))
    return line


def top_class(definition) -> str:
    """The report's top class of p_top (index.uncertainty.top_class; 'highest' without ranks)."""
    spec = getattr(getattr(definition, "index", None), "uncertainty", None)
    return getattr(spec, "top_class", None) or "highest"


def method_note(publication: Publication, lang="de", internal: bool = False, parents: bool = False,
                top_class: str = "highest") -> str:
    """The whole note as plain text (a title line, then one paragraph per rule); ``lang``: a code or words.
    ``parents``: the report is on a parent level (its rule protects the districts too)."""
    words = as_words(lang)

    def say(key: str) -> str:
        return _say(words, key)

    lines = [say("title"), "", say("small").format(t=_number(publication.threshold, words))]
    if publication.thresholds:
        items = ", ".join(f"{c}: < {_number(t, words)}" for c, t in sorted(publication.thresholds.items()))
        lines.append(say("own").format(items=items))
    if publication.min_population is not None:
        lines.append(say("population").format(m=_number(publication.min_population, words),
                                              p=publication.population))
    lines.append(say("derived"))
    indices = [c for c in ("status_index", "dynamic_index") if c in publication.derived]
    if indices:
        lines.append(say("index").format(items=", ".join(indices)))
    if "rank_low" in publication.derived:  # robust ranks (core/needs/robust.py)
        lines.append(say("ranks").format(top=say(f"top_{top_class}")))
    lines.append(say("complementary"))
    if parents:
        lines.append(say("parents"))
    if publication.totals:
        items = "; ".join(f"{t} = {' + '.join(parts)}" for t, parts in publication.totals.items())
        lines.append(say("totals").format(items=items))
    lines.append(say("city"))
    counted = {r: n for r, n in publication.counts_by_reason().items() if n}
    if counted:
        parts = ", ".join(f"{words.translate(C, _REASONS[r])}: {format_number(n, 0, lang=words)}"
                          for r, n in counted.items())
        lines.append(say("count").format(n=format_number(sum(counted.values()), 0, lang=words), parts=parts))
    lines.append(say("change"))
    if internal:
        lines.append(say("internal"))
    return "\n".join(lines) + "\n"
