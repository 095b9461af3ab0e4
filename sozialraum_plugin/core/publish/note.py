"""The method note of a report: the publication rule in words, with its threshold and how to change it.

Printed as ``Methodenhinweis.txt`` in the output folder (it goes with every file of the report to
the data-protection review) and in short on every profile page. German like the pages; English for
other offices.
"""
from __future__ import annotations

from .rule import Publication

_TEXT = {
    "de": {
        "title": "Methodenhinweis: Geheimhaltung kleiner Fallzahlen",
        "small": "Fallzahlen von 1 bis unter {t} werden nicht ausgewiesen (·).",
        "own": "Eigene Schwellen: {items}.",
        "population": "Gebiete unter {m} Einwohnern ({p}) werden gezeigt, ihre Werte nicht.",
        "derived": "Ebenfalls verborgen: Anteile und Quoten, deren Zähler oder Nenner verborgen ist, "
                   "und Veränderungen, wenn einer der beiden Jahreswerte verborgen ist.",
        "complementary": "Damit sich kein verborgener Wert aus einer veröffentlichten Summe (Stadtsumme, "
                         "Gebietssumme, übrige Teile derselben Summe) zurückrechnen lässt, wird jeweils "
                         "auch der nächstkleinere Wert über 0 verborgen.",
        "index": "Ebenso der Index eines Gebiets ({items}), wenn einer seiner Indikatoren verborgen ist: "
                 "er ließe sich nach ihm auflösen.",
        "totals": "Bekannte Summen je Gebiet: {items}.",
        "city": "Stadtwerte umfassen alle Gebiete der Stadt (Anteile: Summe der Zähler durch Summe "
                "der Nenner; Median und Mittelwert ohne die verborgenen Werte); Ränge zählen nur die "
                "ausgewiesenen Werte der gültigen Gebiete.",
        "count": "Verborgen in diesem Bericht: {n} Zellen ({parts}).",
        "reasons": {"small": "kleine Fallzahl", "population": "kleines Gebiet", "source": "vom Amt gesperrt",
                    "complementary": "Gegensperrung", "derived": "abgeleitet"},
        "change": "Schwelle ändern: in der Berichtsdefinition \"publication\": {\"threshold\": 5}, "
                  "je Indikator \"threshold\": 5.",
        "internal": "Die Datei sozialraum_intern.gpkg ist intern: sie enthält nicht veröffentlichte Werte "
                    "und gehört nicht in die Veröffentlichung.",
    },
    "en": {
        "title": "Method note: small numbers are not published",
        "small": "Counts from 1 to below {t} are not shown (·).",
        "own": "Own thresholds: {items}.",
        "population": "Areas with fewer than {m} residents ({p}) are shown without their values.",
        "derived": "Also hidden: shares and rates whose numerator or denominator is hidden, and changes "
                   "where either year's value is hidden.",
        "complementary": "So that no hidden value can be recovered from a published total (city total, "
                         "area total, the other parts of the same total), the next smallest value "
                         "above 0 is hidden as well.",
        "index": "So is an area's index ({items}) where one of its indicators is hidden: it could be "
                 "solved for it.",
        "totals": "Known totals per area: {items}.",
        "city": "City values cover all areas of the city (shares: sum of numerators over sum of "
                "denominators; medians and means without the hidden values); ranks count only the shown "
                "values of the valid areas.",
        "count": "Hidden in this report: {n} cells ({parts}).",
        "reasons": {"small": "small count", "population": "small area", "source": "suppressed by the office",
                    "complementary": "complementary", "derived": "derived"},
        "change": "To change the threshold: \"publication\": {\"threshold\": 5} in the report definition, "
                  "or \"threshold\": 5 per indicator.",
        "internal": "The file sozialraum_intern.gpkg is internal: it contains unpublished values and is not "
                    "part of the publication.",
    },
}


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def rule_line(threshold: float, min_population: float | None, lang: str = "de") -> str:
    """One line for a page or a map: the threshold and the population rule."""
    words = _TEXT[lang]
    line = words["small"].format(t=_number(threshold))
    if min_population:
        line += " " + words["population"].format(m=_number(min_population), p="EW" if lang == "de" else "residents")
    return line


def method_note(publication: Publication, lang: str = "de", internal: bool = False) -> str:
    """The whole note as plain text (a title line, then one paragraph per rule)."""
    words = _TEXT[lang]
    lines = [words["title"], "", words["small"].format(t=_number(publication.threshold))]
    if publication.thresholds:
        items = ", ".join(f"{c}: < {_number(t)}" for c, t in sorted(publication.thresholds.items()))
        lines.append(words["own"].format(items=items))
    if publication.min_population is not None:
        lines.append(words["population"].format(m=_number(publication.min_population),
                                                p=publication.population))
    lines.append(words["derived"])
    indices = [c for c in ("status_index", "dynamic_index") if c in publication.derived]
    if indices:
        lines.append(words["index"].format(items=", ".join(indices)))
    lines.append(words["complementary"])
    if publication.totals:
        items = "; ".join(f"{t} = {' + '.join(parts)}" for t, parts in publication.totals.items())
        lines.append(words["totals"].format(items=items))
    lines.append(words["city"])
    counted = {r: n for r, n in publication.counts_by_reason().items() if n}
    if counted:
        parts = ", ".join(f"{words['reasons'][r]}: {n}" for r, n in counted.items())
        lines.append(words["count"].format(n=sum(counted.values()), parts=parts))
    lines.append(words["change"])
    if internal:
        lines.append(words["internal"])
    return "\n".join(lines) + "\n"
