"""The years of a profile page: per district and indicator the value of every year that may be
shown, the city value of every year, the change and the trend test.

One path for both inputs: a long series (``key, indicator, year, value, numerator, denominator,
shown``, the report's ``series`` table) or the ``<field>_<YYYY>`` columns of the district layer,
turned into the same long frame by :func:`series_from_columns` (a rate's counts per year from the
year columns of its numerator and denominator, ``n_2019``/``ew_2019`` beside ``quote_2019``).

**The publication rule for every year** (the one rule, ``core.publish.rule``): the series is laid
out wide (a value, numerator and denominator column per year) and passed through
``publication_rule`` with the sheet's threshold, the indicator's own threshold, the minimum
population and the cells the series marks ``shown = False`` as hidden at the source. So

* a year hidden for a district (by the series, a small count, a small area, or complementary
  suppression) is a gap in its line: no point, no value in any text;
* the report year's cell follows the page: hidden on the page, hidden in the chart;
* the city value of a year is computed as the page computes its city value
  (``core.profile.city_figure``: Σnumerator/Σdenominator over all areas for a rate from counts,
  the median of the shown values otherwise; a rate without counts in every year is drawn as the
  median in every year, one method along the line), and hidden where it would give exactly one
  hidden count back; the report year's is the page's own where the method is the same;
* the **trend** (the χ² test for trend, ``core.series.trend``, and the change first → last year)
  of a district with any hidden year in the window is not shown (mark ``hidden``, printed "·"):
  the test uses every year's counts, so its p-value could narrow a hidden count down, and a test
  of the shown years alone would compare districts over different windows.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..publish.rule import publication_rule
from .indicators import Indicator, numeric_column, unit_scale
from .trend import DEFAULT_ALPHA, trend_test, untested

SERIES_COLUMNS = ("key", "indicator", "year", "value", "numerator", "denominator", "shown")
HIDDEN = "hidden"  # the trend mark of a district with a hidden year
_SUFFIX = re.compile(r"^(.*)_((?:19|20)\d\d)$")


@dataclass
class YearFacts:
    """One indicator over the years, for every district (rows: the profile frame's index)."""

    field: str
    years: list
    values: pd.DataFrame  # district × year: the values that may be shown (NaN: a gap)
    hidden: pd.DataFrame  # district × year: True where the rule hides a known value
    city: pd.Series  # per year: the city value (NaN where hidden or unknown)
    city_hidden: pd.Series  # per year: True where the city value would give a hidden cell back
    trend: pd.DataFrame  # per district: trend_test's columns; mark 'hidden' where a year is hidden
    change: pd.Series  # last − first year, NaN where either is missing or any year is hidden
    tested: bool  # counts were there: marks come from the χ² test
    alpha: float = DEFAULT_ALPHA  # the test's level
    city_method: str = ""  # how the city line is computed (median where a rate lacks a year's counts)


def _base(name: str) -> str:
    match = _SUFFIX.match(str(name))
    return match.group(1) if match else str(name)


def own_year(field: str, years, frame: pd.DataFrame | None = None, values: pd.DataFrame | None = None) -> int:
    """The year of the page's value: the field's own suffix (``quote_2021``), else the year whose
    values the field holds (the report year: ``"report_year": 2020`` with a table of 2021 too, where
    the last year's city value was replaced by the report year's), else the last year."""
    match = _SUFFIX.match(str(field))
    if match and int(match.group(2)) in years:
        return int(match.group(2))
    if frame is not None and values is not None and field in frame.columns:
        page = pd.to_numeric(frame[field], errors="coerce")
        found = []
        for year in years:
            both = page.notna() & values[year].notna()
            if both.any() and np.allclose(page[both].to_numpy(dtype=float), values[year][both].to_numpy(dtype=float),
                                          rtol=0, atol=1e-9):
                found.append(year)
        if found:
            return max(found)
    return max(years)


def series_from_columns(frame: pd.DataFrame, indicators, keys: pd.Series, hidden=None) -> pd.DataFrame:
    """The long series of the ``<field>_<YYYY>`` columns (≥ 2 years); ``hidden``: the input's
    marker cells (its suppressed_fields), ``shown`` False there."""
    from ..profiles.profile import year_columns

    columns = [str(c) for c in frame.columns]
    parts, read = [], {}
    for ind in indicators:
        years = year_columns(columns, ind.field)
        num = dict(year_columns(columns, ind.numerator)) if ind.numerator else {}
        den = dict(year_columns(columns, ind.denominator)) if ind.denominator else {}
        for year, column in years:
            counts = year in num and year in den
            read.setdefault(ind.field, set()).update([column] + ([num[year], den[year]] if counts else []))
            shown = pd.Series(True, index=frame.index)
            for name in [column] + ([num[year], den[year]] if counts else []):
                if hidden is not None and name in hidden.columns:
                    shown &= ~hidden[name].reindex(frame.index, fill_value=False).astype(bool)
            parts.append(pd.DataFrame({
                "key": keys.to_numpy(), "indicator": ind.field, "year": year,
                "value": numeric_column(frame, column).to_numpy(),
                "numerator": numeric_column(frame, num[year]).to_numpy() if counts else np.nan,
                "denominator": numeric_column(frame, den[year]).to_numpy() if counts else np.nan,
                "shown": shown.to_numpy()}))
    if not parts:
        return pd.DataFrame({c: [] for c in SERIES_COLUMNS})
    out = pd.concat(parts, ignore_index=True)
    out.attrs["columns"] = read  # field → the columns read: indicators sharing one share its threshold
    return out


def _wide(series: pd.DataFrame, ind, keys: pd.Series):
    """One indicator's rows of the series by district (the frame's index) and year."""
    rows = series[series["indicator"].astype(str).isin({ind.field, _base(ind.field)})]
    if (rows["indicator"] == ind.field).any():  # the field's own id wins over its base
        rows = rows[rows["indicator"] == ind.field]
    position = pd.Series(keys.index, index=keys.astype(str).to_numpy())
    position = position[~position.index.duplicated()]
    rows = rows[rows["key"].astype(str).isin(position.index)]
    rows = rows.drop_duplicates(["key", "year"], keep="last")
    at = position.reindex(rows["key"].astype(str)).to_numpy()

    def table(column):
        out = pd.DataFrame({"row": at, "year": rows["year"].astype(int).to_numpy(),
                            "x": pd.to_numeric(rows[column], errors="coerce").to_numpy()
                            if column != "shown" else rows[column].to_numpy()})
        return out.pivot(index="row", columns="year", values="x").reindex(keys.index)
    if rows.empty:
        return None
    shown = table("shown").fillna(True).astype(bool)
    return table("value").astype(float), table("numerator").astype(float), table("denominator").astype(float), shown


def year_facts(series: pd.DataFrame, frame: pd.DataFrame, indicators, options, keys: pd.Series, cells: dict,
               city: dict) -> dict:
    """:class:`YearFacts` per indicator with at least two years in ``series``."""
    from ..profiles.profile import city_figure, city_method

    alpha = getattr(options, "trend_alpha", DEFAULT_ALPHA)
    read = series.attrs.get("columns", {})
    facts = {}
    for ind in indicators:
        # a count column read by two indicators (a rate's numerator, and itself as a count) is
        # hidden under the stricter threshold in both, as the report year's rule does
        mine = read.get(ind.field, set())
        limits = [other.threshold or options.suppress_below for other in indicators
                  if other is ind or mine & read.get(other.field, set())]
        limit = max(limits) if limits else None
        wide = _wide(series, ind, keys)
        if wide is None or wide[0].shape[1] < 2:
            continue
        values, num, den, shown = wide
        years = [int(y) for y in values.columns]
        counts = bool((num.notna() & den.notna()).to_numpy().any())
        table, model = pd.DataFrame(index=frame.index), []
        own = limit if limit and limit != options.suppress_below else None  # the stricter one, shared
        for year in years:
            v, n, d = f"v_{year}", f"n_{year}", f"d_{year}"
            table[v] = values[year]
            if counts:
                table[n], table[d] = num[year], den[year]
                model.append(Indicator(v, kind="rate", numerator=n, denominator=d, scale=unit_scale(ind.unit),
                                       threshold=own))
            else:
                model.append(Indicator(v, kind="count" if ind.is_count else "value", threshold=own))
        source = pd.DataFrame({f"v_{y}": ~shown[y] & values[y].notna() for y in years})
        if counts:
            source = source.join(pd.DataFrame({f"n_{y}": ~shown[y] & num[y].notna() for y in years}))
        population = None
        if options.population:
            table["_population"] = numeric_column(frame, options.population)
            population = "_population"
        publication = publication_rule(table, model, population=population,
                                       min_population=options.min_population if population else None,
                                       threshold=options.suppress_below, hidden=source)
        hidden = pd.DataFrame({y: publication.hidden(f"v_{y}") & values[y].notna() for y in years})
        page = cells[ind.field]["status"]
        mine = own_year(ind.field, years, frame, values)
        hidden[mine] |= page.isin(("suppressed", "hidden")) & values[mine].notna()
        hidden |= values.notna() & pd.DataFrame({y: page == "hidden" for y in years})  # a small area: every year
        city_values, city_hidden = {}, {}
        method = city_method(ind)  # the page's own rule for its city value
        has = counts and all(bool((num[y].notna() & (den[y] > 0)).any()) for y in years)
        how = "median" if method == "rate" and not has else method  # one method along the whole line
        for year in years:
            if year == mine and how == method:  # the page's own city value, hidden or not
                city_values[year], city_hidden[year] = city[ind.field].value, city[ind.field].hidden
                continue
            one = dataclasses.replace(ind, id=f"v_{year}", numerator=f"n_{year}" if has else None,
                                      denominator=f"d_{year}" if has else None, city_method="auto",
                                      kind="value" if ind.kind == "rate" and not has else ind.kind,
                                      change_between=None, base=None, of=None)
            population_values = table["_population"] if population else pd.Series(np.nan, index=frame.index)
            city_values[year], city_hidden[year] = city_figure(one, how, table, publication, population_values)
        if how == "rate":  # a year some districts lack (not hidden: missing) has no city value: pooled over
            # the others, Tarup's missing 2020 lifted the city from 14,3 to 15,1 % and the line jumped
            present = (num.notna() & (den > 0)) | ~shown
            lacking = present.any(axis=1).to_numpy()[:, None] & ~present.to_numpy()
            for j, year in enumerate(years):
                if lacking[:, j].any() and not city_hidden[year]:
                    city_values[year] = float("nan")
        trend = trend_test(num.to_numpy(), den.to_numpy(), years, alpha=alpha, index=frame.index) if counts \
            else untested(frame.index)
        withheld = hidden.any(axis=1)
        trend.loc[withheld, ["statistic", "p_value"]] = np.nan
        trend.loc[withheld, "direction"] = 0
        trend.loc[withheld, "mark"] = HIDDEN
        shown_values = values.where(~hidden)
        change = (shown_values[years[-1]] - shown_values[years[0]]).where(~withheld)
        facts[ind.field] = YearFacts(ind.field, years, shown_values, hidden,
                                     pd.Series(city_values).where(~pd.Series(city_hidden)),
                                     pd.Series(city_hidden), trend, change, counts, alpha, how)
    return facts


def read_series(table: pd.DataFrame, name: str = "SERIES") -> pd.DataFrame:
    """A series table as read from a file or layer, checked against the contract."""
    from ..profiles.profile import ProfileError

    out = table.copy()
    out.columns = [str(c).lower() for c in out.columns]
    for column in ("key", "indicator", "year", "value"):
        if column not in out.columns:
            raise ProfileError("profile_series_invalid", table=name, column=column)
    for column in ("numerator", "denominator"):
        if column not in out.columns:
            out[column] = np.nan
    if "shown" not in out.columns:
        out["shown"] = True
    years = pd.to_numeric(out["year"], errors="coerce")
    bad = years.isna() | (years != years.round())
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise ProfileError("profile_series_year_invalid", table=name, value=out["year"].iloc[row], row=row + 1)
    out["year"] = years.astype(int)
    out["key"] = out["key"].map(lambda k: str(int(k)) if isinstance(k, float) and k.is_integer() else str(k))
    out["shown"] = out["shown"].map(lambda s: not (s is False or str(s).strip().lower() in ("0", "false", "f", "no")))
    return out[list(SERIES_COLUMNS)]


def profile_years(frame: pd.DataFrame, indicators, options, cells: dict, city: dict, text_column) -> dict:
    """Every year of the indicators with years: from ``options.series`` (the long table) or from
    the ``<field>_<YYYY>`` columns, one path after that (core.profile.compute_profiles calls it)."""
    from ..profiles.profile import ProfileError

    keys = text_column(frame, options.key) if options.key else pd.Series(frame.index.astype(str), index=frame.index)
    if options.series is not None:
        if not options.key:
            raise ProfileError("profile_series_needs_key")
        series = read_series(options.series)
    else:
        series = series_from_columns(frame, indicators, keys, options.hidden)
    return year_facts(series, frame, indicators, options, keys, cells, city) if len(series) else {}
