"""The texts of a profile page's table and legend: column headings, the note under the table.

Split from profile_data.py (the data side of the sheets), which re-exports them; both read
:class:`~sozialraum_plugin.core.profiles.profile.Profiles` and answer in the page's language.
"""
from __future__ import annotations

from ...core.formatting import format_number
from ...core.profiles.profile import Profiles


def table_headers(profiles: Profiles, words) -> dict:
    """Column → heading of the page's table, in the page's language."""
    headers = {"label": words.translate("ProfilePage", "Indicator"),
               "value": words.translate("ProfilePage", "District"),
               "city": words.translate("ProfilePage", "City"),
               **({"parent": profiles.parent_title or words.translate("ProfilePage", "Parent area")}
                  if profiles.parents else {}),
               "deviation": words.translate("ProfilePage", "Deviation"),
               "rank": words.translate("ProfilePage", "Rank")}
    windows = set(profiles.trend_years.values())
    if len(windows) == 1:  # one window for every row: the heading names it
        (first, last), = windows
        headers["trend"] = words.translate("ProfilePage", "Trend {years}").format(years=f"{first}\u2013{last}")
    elif windows:  # rows over different years: the legend names each row's (profile_trend.years_text)
        headers["trend"] = words.translate("ProfilePage", "Trend")
    return headers


def sheet_columns(profiles: Profiles, fit=lambda text: text, lang: str = "de", words=None) -> list:
    """(column, header, texts per indicator) of the table, left to right; ``fit`` wraps names."""
    from ...core.language import PlainWords

    inds, words = profiles.indicators, words or PlainWords(lang)
    headers = table_headers(profiles, words)
    cols = [("label", headers["label"], [fit(i.label) for i in inds]),
            ("value", headers["value"], [profiles.value_text(i, lang) for i in inds]),
            ("city", headers["city"], [profiles.city_text(i, lang) for i in inds]),
            *([("parent", headers["parent"], [profiles.parent_text(i, lang) for i in inds])]
              if profiles.parents else []),
            ("deviation", headers["deviation"], [profiles.deviation_text(i, lang) for i in inds]),
            ("rank", headers["rank"], [profiles.rank_text(i, lang) for i in inds])]
    if profiles.trend_years:
        cols.append(("trend", headers["trend"], [profiles.trend_text(i, lang) for i in inds]))
    return cols


def _number(value: float, lang: str) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1, lang=lang)


def thresholds_text(profiles: Profiles, suppress_below: float, words) -> str:
    """'3' or '3; Kinder unter 18: unter 5': the thresholds the rule used, an indicator's own too."""
    own = profiles.publication.thresholds if profiles.publication is not None else {}
    items = []
    for ind in profiles.indicators:
        used = [own[c] for c in (ind.field, *(ind.counts or ())) if c in own]
        if used and max(used) != suppress_below:
            items.append(words.translate("ProfilePage", "{label}: below {n}").format(
                label=ind.label, n=_number(max(used), words.lang)))
    return "; ".join([_number(suppress_below, words.lang)] + items)


def city_method_text(method: str, words) -> str:
    return {"rate": words.translate("ProfilePage", "sum of numerators over sum of denominators"),
            "weighted": words.translate("ProfilePage", "population-weighted"),
            "median": words.translate("ProfilePage", "median of the areas"),
            "mean": words.translate("ProfilePage", "mean of the areas")}[method]


def legend_text(profiles: Profiles, suppress_below: float, min_population: float, words) -> str:
    from .profile_trend import years_text  # the time block's words

    lang, methods = words.lang, {}
    for ind in profiles.indicators:
        methods.setdefault(profiles.city[ind.field].method, []).append(ind.label)
    city = "; ".join(f"{city_method_text(m, words)} ({', '.join(labels)})" for m, labels in methods.items())
    # the city value is the official figure of all areas; say so where the valid areas' one differs
    differing = [f"{ind.label} {profiles.format(ind, profiles.city[ind.field].reference, lang)}"
                 for ind in profiles.indicators
                 if profiles.format(ind, profiles.city[ind.field].reference, lang) != profiles.city_text(ind, lang)
                 and profiles.city[ind.field].reference == profiles.city[ind.field].reference]
    valid = " " + words.translate("ProfilePage", "Valid areas alone: {values}.").format(
        values=", ".join(differing)) if differing else ""
    return words.translate(
        "ProfilePage", "Position: line = city value, dark grey = middle half, light grey = all areas; right = "
        "more need or higher value. Dot orange / blue: among the 20 % of areas with the most / least need. "
        "City value (all areas): {city}.{valid} Rank among the values shown. {dot} = not shown (count "
        "below {below}, computed from one or hidden to protect one, or fewer than {minimum} residents)."
    ).format(city=city, valid=valid, dot="\u00b7", below=thresholds_text(profiles, suppress_below, words),
             minimum=_number(min_population, lang)) + years_text(profiles, words)
