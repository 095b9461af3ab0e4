"""Per-district facts for profile sheets: value, city value, deviation, rank, trend, findings.

Pure pandas. For every district and indicator the sheet needs

* the value and its status: ``ok``, ``suppressed`` (a count, or the numerator of a rate, below the
  threshold: printed ``·``), ``hidden`` (the area is below the minimum population: printed ``·``
  and explained by the note ``below 300 res. (38)``) or ``missing`` (printed ``no data``);
* the **city value**, the official figure over *all* areas of the city: Σnumerator/Σdenominator
  for shares and rates with their counts (children in SGB II / all children, never / all
  residents), the **median** of the areas otherwise (never the mean of rates; population
  weighting only when asked for, ``city_method='weighted'``). A pooled rate includes hidden
  counts (the publication rule hides a second cell wherever the total would give one back), but
  over exactly one hidden count it is itself hidden, ``·`` (an area below the minimum population
  has no partner cell; the appendix's City sheet's check); a median or mean leaves hidden cells
  out (it would print one, or give one back). The same figure
  over the valid areas only is kept as ``reference`` and named where it differs;
* deviation (absolute, and as a ratio where values are on a ratio scale; a **count** is compared
  per resident: its count per population against the city's Σ counts / Σ population, never as a
  multiple of a median count), rank and decile among the
  valid areas whose value is shown ("rank r of n", n = shown values; rank 1 = highest value, or
  highest need where a direction is given; ties share the best rank), the trend when year
  columns ``<field>_<YYYY>`` exist (hidden when either year is hidden: it would give it back);
* plain-language findings (``profile_findings``); every text in the output language of a words
  object (``lang`` may be 'de'/'en' or words; English source strings, German in i18n).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import QT_TRANSLATE_NOOP, SozialraumError
from ..formatting import (
    SUPPRESSED,
    format_difference,
    format_int,
    format_ratio,
    format_value,
    missing_text,
)
from ..language import as_words, lang_of
from ..publish.disclosure import minimum_population
from ..publish.rule import Publication, publication_rule
from ..series.indicators import Indicator, numeric_column

SHARE_UNITS = ("%", "‰")
NOT_APPLICABLE = "–"
TREND_ARROWS = {"rising": "↗", "falling": "↘", "none": "→"}  # the χ² test's marks
_YEAR_SUFFIX = re.compile(r"^(.*)_((?:19|20)\d\d)$")


class ProfileError(SozialraumError):
    """Profile sheets cannot be made as asked."""


def city_method(ind: Indicator) -> str:
    """How the city value of ``ind`` is formed: its ``city_method``, or with ``auto`` the pooled
    rate where its counts are known and the median otherwise (a share without its counts:
    weighting by all residents would be wrong)."""
    if ind.city_method == "rate" and not ind.counts:
        raise ProfileError("indicator_value_invalid", column=ind.field, name="city_method", value="rate",
                           expected="a numerator and a denominator for 'rate' (or auto, weighted, median, mean)")
    if ind.city_method != "auto":
        return ind.city_method
    return "rate" if ind.counts else "median"


@dataclass
class ProfileOptions:
    name: str
    key: str | None = None
    population: str | None = None
    min_population: float = 300
    suppress_below: float = 3
    class_field: str | None = None
    cluster_field: str | None = None
    class_title: str = ""  # '' = "Class" in the output language
    cluster_title: str = ""  # '' = "Cluster" in the output language
    notable_share: float = 0.2  # an indicator is worth a finding in the top/bottom 20 %
    max_findings: int = 4
    hidden: pd.DataFrame | None = None  # cells hidden upstream (the office's ·, a report's rule)
    language: object = "de"  # 'de' | 'en' or a words object: notes, population and badge texts
    series: pd.DataFrame | None = None  # the long series (core.series.profile_years); None: year columns
    trend_alpha: float = 0.05  # the trend test's level: p below it marks rising / falling
    parent: str | None = None  # field with each district's parent key: a parent value beside the city's
    parent_title: str = ""  # the parent column's heading ('' = "Parent area" in the output language)


@dataclass
class CityValue:
    value: float  # all areas of the city: the official figure
    method: str  # rate | weighted | median | mean
    n: int  # valid areas with a shown value (the n of "rank r of n")
    reference: float = float("nan")  # the same over the valid areas only
    per_resident: float = float("nan")  # a count's Σ counts / Σ population (all areas with both)
    hidden: bool = False  # over exactly one hidden cell it would give that cell back: printed "·"


@dataclass
class Profiles:
    indicators: list[Indicator]
    city: dict[str, CityValue]
    cells: dict[str, pd.DataFrame]  # per field, index = the input's index
    districts: pd.DataFrame
    trend_years: dict[str, tuple[int, int]] = field(default_factory=dict)
    signed: set = field(default_factory=set)  # indicators with negative values: print '+' too
    publication: Publication | None = None  # the rule's mask and settings, for the method note
    years: dict = field(default_factory=dict)  # field → core.series.profile_years.YearFacts
    parents: dict = field(default_factory=dict)  # field → per district its parent's value, hidden (areas.compare)
    parent_title: str = ""

    def format(self, ind: Indicator, value, lang="de") -> str:
        return format_value(value, ind.unit, ind.decimals, lang=lang, sign=ind.field in self.signed)

    _texts: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # see _column

    def _column(self, kind: str, ind: Indicator, lang, make) -> pd.Series:
        """A text column made once (the table, the GeoPackage fields and the page plan all ask);
        each caller gets its own copy."""
        words = as_words(lang)
        key = (kind, ind.field, ind.unit, ind.decimals, ind.field in self.signed, words.lang, type(words).__name__)
        if key not in self._texts:
            self._texts[key] = make()
        return self._texts[key].copy()

    def value_text(self, ind: Indicator, lang="de") -> pd.Series:
        words = as_words(lang)
        return self._column("value", ind, words, lambda: _by_status(
            self.cells[ind.field], lambda r: self.format(ind, r["value"], words), words,
            missing=missing_text(words)))

    def city_text(self, ind: Indicator, lang="de") -> str:
        return SUPPRESSED if self.city[ind.field].hidden else self.format(ind, self.city[ind.field].value, lang)

    def parent_text(self, ind: Indicator, lang="de") -> pd.Series:
        """The parent's value per district: "·" where it would give a hidden count back."""
        found = self.parents[ind.field]
        return self._column("parent", ind, lang, lambda: pd.Series(
            [SUPPRESSED if h else self.format(ind, v, lang) if _finite(v) else NOT_APPLICABLE
             for v, h in zip(found["value"], found["hidden"])], index=found.index, dtype=object))

    def deviation_text(self, ind: Indicator, lang="de") -> pd.Series:
        """'+3,2 Pp. (1,4×)'; a count: '1,2× per resident' (its share of the population against the
        city's), no difference to a median count, which says nothing about a district of another size."""
        words = as_words(lang)
        per_resident = words.translate("Profile", "{ratio} per resident")

        def text(row) -> str:
            ratio = row["ratio"]
            if self.city[ind.field].hidden and not ind.is_count:  # value − deviation would be the city value
                return SUPPRESSED
            if ind.is_count:
                return per_resident.format(ratio=format_ratio(ratio, lang=words)) if _finite(ratio) \
                    else NOT_APPLICABLE
            diff = format_difference(row["deviation"], ind.unit, ind.decimals, lang=words)
            return f"{diff} ({format_ratio(ratio, lang=words)})" if _finite(ratio) else diff
        return self._column("deviation", ind, words, lambda: _by_status(self.cells[ind.field], text, words))

    def rank_text(self, ind: Indicator, lang="de") -> pd.Series:
        words = as_words(lang)
        of = words.translate("Profile", "{rank} of {n}")
        return self._column("rank", ind, words, lambda: _by_status(
            self.cells[ind.field],
            lambda r: of.format(rank=format_int(r["rank"], lang=words), n=format_int(r["n"], lang=words)), words))

    def trend_text(self, ind: Indicator, lang="de") -> pd.Series:
        if ind.field not in self.trend_years:
            return pd.Series(NOT_APPLICABLE, index=self.cells[ind.field].index, dtype=object)
        def text(r) -> str:  # '−3,9 Pp. ↘': the change and the test's mark; '·' where a year is hidden
            if r.get("trend_mark") == "hidden":
                return SUPPRESSED
            diff = format_difference(r["trend"], ind.unit, ind.decimals, lang=lang) if _finite(r["trend"]) \
                else NOT_APPLICABLE
            return f"{diff} {TREND_ARROWS[r['trend_mark']]}" if r.get("trend_mark") in TREND_ARROWS else diff
        return self._column("trend", ind, lang, lambda: _by_status(self.cells[ind.field], text, lang))


def _finite(value) -> bool:
    return value is not None and isinstance(value, (int, float, np.number)) and math.isfinite(value)


def _by_status(cells: pd.DataFrame, ok_text, lang, missing: str = NOT_APPLICABLE) -> pd.Series:
    """Text per district: ``ok_text(row)`` where shown, ``·`` where hidden, ``missing`` otherwise."""
    rows = [dict(zip(cells.columns, values)) for values in cells.itertuples(index=False, name=None)]
    out = [ok_text(row) if row["status"] == "ok" else SUPPRESSED if row["status"] in ("suppressed", "hidden")
           else missing for row in rows]
    return pd.Series(out, index=cells.index, dtype=object)


POPULATION_TEXT = QT_TRANSLATE_NOOP("Profile", "{n} residents")
CLASS_TITLE = QT_TRANSLATE_NOOP("Profile", "Class")
CLUSTER_TITLE = QT_TRANSLATE_NOOP("Profile", "Cluster")


def year_columns(columns: Sequence[str], name: str) -> list[tuple[int, str]]:
    """Year columns of an indicator: ``X_2018 … X_2021`` for ``X`` or for ``X_2021`` itself."""
    match = _YEAR_SUFFIX.match(name)
    base = match.group(1) if match else name
    years = sorted((int(m.group(2)), c) for c in columns
                   if (m := _YEAR_SUFFIX.match(str(c))) and m.group(1) == base)
    return years if len(years) >= 2 else []


# --- the facts -----------------------------------------------------------------------------------

def _require(frame: pd.DataFrame, names) -> None:
    for name in names:
        if name and name not in frame.columns:
            raise ProfileError("profile_field_missing", field=name, fields=", ".join(map(str, frame.columns)))


def _city_value(ind: Indicator, method: str, frame, values, reference, population) -> float:
    """The city value over the rows in ``reference`` (all areas, or the valid ones)."""
    known = reference & values.notna()
    if method == "rate":
        num, den = (numeric_column(frame, c) for c in ind.counts)
        use = reference & num.notna() & (den > 0)
        total = den[use].sum()
        return float(num[use].sum() / total * ind.rate_scale) if total > 0 else float("nan")
    if method == "weighted":
        use = known & (population > 0)
        total = population[use].sum()
        return float((values[use] * population[use]).sum() / total) if total > 0 else float("nan")
    if method == "mean":
        return float(values[known].mean()) if known.any() else float("nan")
    return float(values[known].median()) if known.any() else float("nan")


def _publication(frame: pd.DataFrame, indicators, options: ProfileOptions) -> Publication:
    """The report's publication rule over the sheet's indicators and their year columns."""
    model, year_counts = [], []
    for ind in indicators:  # as the page shows them: a rate is a value with its counts, a change no count
        numerator, denominator = ind.counts or (None, None)
        model.append(Indicator(ind.field, kind="count" if ind.is_count else "value", numerator=numerator,
                               denominator=denominator, threshold=ind.threshold or None))
        if ind.is_count:
            year_counts += [c for _, c in year_columns(list(frame.columns), ind.field) if c != ind.field]
    return publication_rule(frame, model, counts=year_counts, population=options.population,
                            min_population=options.min_population if options.population else None,
                            threshold=options.suppress_below, hidden=options.hidden)


def _cells(ind, frame, values, reference, suppressed, city: CityValue, ratio_scale: bool) -> pd.DataFrame:
    status = pd.Series("ok", index=frame.index, dtype=object)
    status[values.isna()] = "missing"
    status[suppressed] = "suppressed"  # the office's "·" stays "·", not "no data"
    status[~reference & values.notna()] = "hidden"  # nothing to hide where nothing is known
    ranked = status == "ok"  # ranks among the shown values only: a gap would point at a hidden one
    oriented = values * (ind.direction or 1)
    rank = (-oriented[ranked]).rank(method="min").reindex(frame.index)
    n = int(ranked.sum())
    deviation = values - city.value
    ratio = values / city.value if ratio_scale else pd.Series(np.nan, index=frame.index)
    cells = pd.DataFrame({"value": values, "status": status, "rank": rank, "n": n,
                          "decile": np.ceil(rank / max(n, 1) * 10).clip(1, 10),
                          "deviation": deviation, "ratio": ratio, "trend": np.nan})
    return cells


def _hide(cells: pd.DataFrame) -> None:
    """Nothing computed from a hidden or suppressed value leaves this module."""
    cells.loc[cells.status != "ok", ["value", "rank", "decile", "deviation", "ratio", "trend"]] = np.nan


def compute_profiles(frame: pd.DataFrame, indicators: Sequence[Indicator],
                     options: ProfileOptions) -> Profiles:
    """All facts of all sheets; ``frame`` holds one row per district."""
    indicators = list(indicators)
    if not indicators:
        raise ProfileError("profile_no_indicators")
    _require(frame, [options.name, options.key, options.population, options.class_field,
                     options.cluster_field, options.parent])
    _require(frame, [n for i in indicators for n in (i.field, *(i.counts or ()))])
    words = as_words(options.language)
    if options.population:
        population = numeric_column(frame, options.population)
        rule = minimum_population(population, options.min_population, lang=words)
        reference, note = rule["valid"].astype(bool), rule["note"]
    else:
        population = pd.Series(np.nan, index=frame.index)
        reference, note = pd.Series(True, index=frame.index), pd.Series("", index=frame.index)
    publication = _publication(frame, indicators, options)
    everywhere = pd.Series(True, index=frame.index)
    city, cells, trend_years, signed, parents = {}, {}, {}, set(), {}
    for ind in indicators:
        values = numeric_column(frame, ind.field)
        method = city_method(ind)
        known = reference & values.notna()
        # a median or mean over a hidden cell gives it back (the median is one; mean × n − the shown
        # ones), a small area's too (it has no complementary cell): leave hidden cells out, as the
        # appendix's City sheet does; only Σ of count columns is protected by complementary cells
        open_values = values if method == "rate" else values.where(~publication.hidden(ind.field))
        city[ind.field] = CityValue(_city_value(ind, method, frame, open_values, everywhere, population), method,
                                    0, _city_value(ind, method, frame, open_values, reference, population))
        if method == "rate" and _rate_gives_back(ind, frame, publication):
            city[ind.field].value, city[ind.field].hidden = float("nan"), True
        if options.parent:  # the same figure over the parent's districts
            from ..areas.compare import parent_values

            parents[ind.field] = parent_values(frame, options.parent, method, open_values, numerator=ind.numerator,
                                               denominator=ind.denominator, scale=ind.rate_scale, population=population,
                                               publication=publication, valid=reference if options.population else None)
        ratio_scale = bool(known.any() and (values[known] >= 0).all() and city[ind.field].value > 0)
        if known.any() and (values[known] < 0).any():
            signed.add(ind.field)
        cells[ind.field] = _cells(ind, frame, values, reference, publication.hidden(ind.field),
                                  city[ind.field], ratio_scale)
        if ind.is_count:  # a count is compared per resident, or not at all (no population: no ratio)
            ratio = _per_resident_ratio(values, population, city[ind.field], publication, ind.field)
            if options.population:  # a hidden population would come back as count / (ratio × city's)
                ratio = ratio.where(~publication.hidden(options.population))
            cells[ind.field]["ratio"] = ratio
        city[ind.field].n = int(cells[ind.field]["n"].iloc[0]) if len(frame) else 0
        _hide(cells[ind.field])
    from ..series.profile_years import profile_years  # (the years build on the facts here)

    years = profile_years(frame, indicators, options, cells, city, _text_column)
    for name, facts in years.items():  # the change and trend mark of every year's shown values
        ok = cells[name]["status"] == "ok"
        cells[name]["trend"] = facts.change.where(ok)
        mark = facts.trend["mark"]
        tested = facts.trend["reason"].eq("") | mark.eq("hidden")  # no arrow where nothing was tested
        cells[name]["trend_mark"] = mark.where(tested & (ok | mark.eq("hidden")), "")
        trend_years[name] = (facts.years[0], facts.years[-1])
    if options.population:  # the page prints the population ("3,866 residents", "below 300 res. (2)")
        gone = publication.hidden(options.population)
        if gone.any():
            population = population.where(~gone)
            note = note.where(~gone | (note == ""), note.str.replace(r"\([^()]*\)$", "(·)", regex=True))
    districts = _districts(frame, options, population, reference, note, words)
    if options.population:
        districts.loc[publication.hidden(options.population), "population_text"] = \
            words.translate("Profile", POPULATION_TEXT).format(n=SUPPRESSED)
    profiles = Profiles(indicators, city, cells, districts, trend_years, signed, publication, years, parents,
                        options.parent_title)
    from .findings import findings  # (the wording module builds on the facts here)

    for lang in ("de", "en"):  # both, for templates that want the other language
        same = lang_of(words) == lang
        profiles.districts[f"findings_{lang}"] = findings(profiles, words if same else as_words(lang),
                                                          options.notable_share, options.max_findings)
    profiles.districts["findings"] = profiles.districts[f"findings_{lang_of(words)}"]
    return profiles


def city_figure(ind: Indicator, method: str, frame, publication: Publication, population) -> tuple:
    """(value, hidden) of the city over all areas of ``frame``, as the page computes its city value:
    a rate pooled over hidden counts too, hidden where that gives exactly one back; a median or mean
    of the shown values only. Used for every year of the series (core.series.profile_years)."""
    values = numeric_column(frame, ind.field)
    open_values = values if method == "rate" else values.where(~publication.hidden(ind.field))
    value = _city_value(ind, method, frame, open_values, pd.Series(True, index=frame.index), population)
    if method == "rate" and _rate_gives_back(ind, frame, publication):
        return float("nan"), True
    return value, False


def _rate_gives_back(ind: Indicator, frame, publication: Publication) -> bool:
    """The appendix's check (gives_back): a pooled rate over exactly one hidden numerator or
    denominator, times Σ denominators, minus the shown numerators is that one."""
    from ..publish.appendix import gives_back

    numerator, denominator = ind.counts
    num, den = numeric_column(frame, numerator), numeric_column(frame, denominator)
    use = num.notna() & (den > 0)
    return gives_back(publication, numerator, use) or gives_back(publication, denominator, use)


def _per_resident_ratio(values: pd.Series, population: pd.Series, city: CityValue, publication: Publication,
                        column: str) -> pd.Series:
    """A district's count per resident against the city's Σ counts / Σ population (all areas
    with both, hidden counts included as in a pooled rate: the total is published anyway),
    unless exactly one count is hidden (the appendix's check, gives_back): then Σ counts would
    give it back, and the shown areas alone make the figure."""
    from ..publish.appendix import gives_back

    use = values.notna() & (population > 0)
    if gives_back(publication, column, use):
        use &= ~publication.hidden(column).reindex(values.index, fill_value=False).astype(bool)
    total = population[use].sum()
    city.per_resident = float(values[use].sum() / total) if total > 0 else float("nan")
    if not (city.per_resident > 0):
        return pd.Series(np.nan, index=values.index)
    return (values / population.where(population > 0)) / city.per_resident


def _text_column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if not name:
        return pd.Series("", index=frame.index, dtype=object)
    def text(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return frame[name].map(text)


def _shown_class(frame, options, reference) -> pd.Series:
    """The class badge's text, '' where the rule hides the class (its index is hidden: the report's
    markers) or the page shows no values (below the minimum population), as the published layer."""
    klass = _text_column(frame, options.class_field)
    hidden = options.hidden
    if options.class_field and hidden is not None and options.class_field in hidden.columns:
        klass = klass.where(~hidden[options.class_field].reindex(frame.index, fill_value=False).astype(bool), "")
    return klass.where(reference.astype(bool), "") if options.population else klass


def _districts(frame, options, population, reference, note, words) -> pd.DataFrame:
    key, name = _text_column(frame, options.key), _text_column(frame, options.name)
    out = pd.DataFrame({
        "key": key,
        "name": name.where(name.str.strip() != "", key),  # a page without a name shows its key
        "population": population,
        "valid": reference,
        "note": note.fillna(""),
        "class": _shown_class(frame, options, reference),
        "cluster": _text_column(frame, options.cluster_field),
    }, index=frame.index)
    residents = words.translate("Profile", POPULATION_TEXT)
    out["population_text"] = [residents.format(n=format_int(p, lang=words)) if _finite(p) else ""
                              for p in population]
    class_title = options.class_title or words.translate("Profile", CLASS_TITLE)
    cluster_title = options.cluster_title or words.translate("Profile", CLUSTER_TITLE)
    badge = []
    for klass, cluster in zip(out["class"], out["cluster"]):
        parts = [f"{title}: {value}" for title, value in ((class_title, klass),
                                                           (cluster_title, cluster)) if value]
        badge.append("\n".join(parts))  # one line each: a cluster label can be long
    out["badge"] = badge
    return out


# --- findings ------------------------------------------------------------------------------------
