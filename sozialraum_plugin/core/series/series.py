"""The long series of a report's indicators: one row per district, indicator and year.

Tables come per year (``"year": 2021``: its columns joined as ``<column>_2021``) or with a year
column (pivoted to the same names, core/tables_pivot.py), so after the joins an indicator that
reads ``STATUS3`` (``"of"``) or a rate of ``SGB2`` / ``EW`` finds its inputs per year as
``STATUS3_2019``, ``SGB2_2019`` … (``core.indicators.YEAR_COLUMN``). This module decides which
indicators have years (:func:`plan_years`), builds the series (:func:`build_series`, the
contract: key, indicator, year, value, numerator, denominator, shown) and the district layer's
columns from it: ``<id>_<year>`` for every year and ``<id>`` for the report year.

``shown`` comes from the one publication rule (core/publish): :meth:`SeriesPlan.rule_indicators`
hands the rule every year as an indicator of its own (``S3_2019`` of ``STATUS3_2019``; ``Q_2019``
= ``SGB2_2019`` / ``EW_2019``), so a small count, a rate of a small numerator and an area below
the minimum population are hidden in every year, and :func:`apply_shown` reads the answer back.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..errors import MethodError
from .indicators import YEAR_COLUMN, Indicator, numeric_column

SERIES_COLUMNS = ["key", "indicator", "year", "value", "numerator", "denominator", "shown"]


def year_name(ident: str, year: int) -> str:
    """The district layer's column of an indicator in one year: ``S3_2019``."""
    return YEAR_COLUMN.format(name=ident, year=year)


def read_names(ind: Indicator) -> list[str]:
    """The base names an indicator reads: numerator and denominator of a rate, else its column."""
    if ind.kind == "rate":
        return [ind.numerator, ind.denominator]
    return [ind.base or ind.id]


def at_year(ind: Indicator, year: int, ident: str | None = None) -> Indicator:
    """The indicator in one year, as an indicator of its own: the year's columns, no change."""
    if ind.kind == "rate":
        names = {"numerator": ind.year_column(ind.numerator, year),
                 "denominator": ind.year_column(ind.denominator, year)}
    else:
        names = {"base": ind.year_column(ind.base or ind.id, year)}
    return replace(ind, id=ident or year_name(ind.id, year), change_between=None, of=None,
                   **{"base": None, **names})


def years_from_columns(columns) -> list[int]:
    """The years in ``<name>_<year>`` column names (a pivoted table's columns)."""
    found = set()
    for col in map(str, columns):
        head, sep, tail = col.rpartition("_")
        if sep and head and len(tail) == 4 and tail.isdigit():
            found.add(int(tail))
    return sorted(found)


@dataclass
class SeriesPlan:
    """Which indicators have years (and which), the report year, what the series step writes."""

    indicators: list
    years: dict = field(default_factory=dict)  # id → the years its inputs are in
    report_year: int | None = None
    all_years: list = field(default_factory=list)
    copies: list = field(default_factory=list)  # ids read from another column, without years

    @property
    def has_years(self) -> bool:
        return bool(self.all_years)

    def yearly(self) -> list[Indicator]:
        return [ind for ind in self.indicators if ind.id in self.years]

    def changes(self) -> list[Indicator]:
        """Changes computed from the series (in a definition with years)."""
        return [ind for ind in self.indicators if ind.change_between] if self.has_years else []

    def handles(self, ind: Indicator) -> bool:
        """Computed by the series step (else by sozialraum:indicators, or read as it is)."""
        return ind.id in self.years or ind.id in self.copies or (self.has_years and bool(ind.change_between))

    def outputs(self) -> dict:
        """Column → (indicator, year) for every year column and report-year column written."""
        out = {}
        for ind in self.yearly():
            for year in self.years[ind.id]:
                out[year_name(ind.id, year)] = (ind, year)
            if self.report_year in self.years[ind.id]:
                out[ind.id] = (ind, self.report_year)
        return out

    def inputs(self) -> list[str]:
        """Every column the series step reads."""
        cols = []
        for ind in self.yearly():
            cols += [ind.year_column(n, y) for y in self.years[ind.id] for n in read_names(ind)]
        for ind in self.indicators:
            if ind.id in self.copies:
                cols += read_names(ind)
        cols += [c for ind in self.changes() for _y, _r, c in ind.inputs()]
        return list(dict.fromkeys(cols))

    def rule_indicators(self) -> list[Indicator]:
        """The indicators as the publication rule should see the district layer: every year of a
        yearly indicator as one of its own, the report year's under the indicator's id."""
        found = []
        for ind in self.indicators:
            if ind.id not in self.years:
                found.append(ind)
                continue
            found += [at_year(ind, y) for y in self.years[ind.id]]
            if self.report_year in self.years[ind.id]:
                found.append(at_year(ind, self.report_year, ind.id))
        return found


def plan_years(indicators, columns, years, report_year: int | None = None) -> SeriesPlan:
    """Decide per indicator: its years (every year of ``years`` whose columns are all there),
    or none (read as it is, or a copy of its ``of`` column). Refused with a message naming the
    indicator: a change year the tables do not hold, a column in no table (neither per year nor
    without a year), no value in the report year, an output that would replace a table column."""
    columns = set(map(str, columns))
    years = sorted(set(years))
    if report_year is None and years:
        report_year = years[-1]
    plan = SeriesPlan(list(indicators), report_year=report_year, all_years=years)
    shown_years = ", ".join(map(str, years)) or "–"
    for ind in plan.indicators:
        if ind.change_between:
            for year in ind.change_between:
                if years and year not in years:
                    raise MethodError("series_year_missing", indicator=ind.id, year=year, years=shown_years)
            continue
        names = read_names(ind)
        found = [y for y in years if all(ind.year_column(n, y) in columns for n in names)]
        if found:
            if report_year not in found:
                missing = next(ind.year_column(n, report_year) for n in names
                               if ind.year_column(n, report_year) not in columns)
                raise MethodError("series_report_year_missing", indicator=ind.id, found=", ".join(map(str, found)),
                                  year=report_year, column=missing)
            plan.years[ind.id] = found
        elif all(n in columns for n in names):
            if ind.kind != "rate" and (ind.base or ind.id) != ind.id:
                plan.copies.append(ind.id)
        elif ind.kind == "rate" and not years:
            continue  # a rate of plain columns: sozialraum:indicators names what is missing
        else:
            yearly = [n for n in names if any(ind.year_column(n, y) in columns for y in years)]
            if yearly:  # e.g. a numerator per year over a denominator without years: name the year's column
                absent = next(n for n in names if n not in yearly)
                missing = ind.year_column(absent, report_year)
            else:
                missing = next(n for n in names if n not in columns)
            raise MethodError("series_column_missing", indicator=ind.id, column=missing, years=shown_years,
                              columns=", ".join(sorted(columns)))
    for column, (ind, _year) in plan.outputs().items():
        own = [ind.year_column(n, _year) for n in read_names(ind)] if ind.kind != "rate" else []
        if column in columns and column not in own:
            raise MethodError("series_output_clash", indicator=ind.id, column=column)
    return plan


def _matrix(frame: pd.DataFrame, columns: list) -> np.ndarray:
    """Columns as one float block (districts × columns), each as strict as ``numeric_column``."""
    missing = [c for c in columns if c not in frame.columns]
    numeric = not missing and all(pd.api.types.is_numeric_dtype(frame[c]) for c in columns)
    if numeric:  # one conversion for all years (10 years × 20 indicators: 200 calls fewer)
        return frame[columns].to_numpy(dtype=float, na_value=np.nan)
    return np.column_stack([numeric_column(frame, c).to_numpy(dtype=float) for c in columns])


class Numbers:
    """The columns a series reads, converted to float once, as one block (a frame of yearly
    columns holds hundreds of them; one conversion instead of one per column and year)."""

    def __init__(self, frame: pd.DataFrame, columns):
        self.columns = {c: j for j, c in enumerate(dict.fromkeys(columns))}
        self.block = _matrix(frame, list(self.columns)) if self.columns else np.empty((len(frame), 0))

    def take(self, columns) -> np.ndarray:
        return self.block[:, [self.columns[c] for c in columns]]


def value_columns(ind: Indicator, years) -> list[str]:
    """The columns ``year_values`` reads."""
    return [ind.year_column(n, y) for n in read_names(ind) for y in years]


def year_values(frame, ind: Indicator, years) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(value, numerator, denominator), each districts × years: a rate's value from its counts
    (× its scale, NaN where the denominator is not above 0, as core.indicators.rate), a value or
    count as read (numerator and denominator NaN). ``frame``: a DataFrame or :class:`Numbers`."""
    numbers = frame if isinstance(frame, Numbers) else Numbers(frame, value_columns(ind, years))
    if ind.kind == "rate":
        num = numbers.take([ind.year_column(ind.numerator, y) for y in years])
        den = numbers.take([ind.year_column(ind.denominator, y) for y in years])
        with np.errstate(divide="ignore", invalid="ignore"):
            value = num / np.where(den > 0, den, np.nan) * float(ind.scale)
        return value, num, den
    value = numbers.take([ind.year_column(ind.base or ind.id, y) for y in years])
    return value, np.full(value.shape, np.nan), np.full(value.shape, np.nan)


def build_series(frame: pd.DataFrame, key: str, plan: SeriesPlan) -> pd.DataFrame:
    """The long series of ``frame`` (one row per district: the joined wide columns): one row per
    district, yearly indicator and year; a rate's value from its counts (× its scale), its
    numerator and denominator beside it; ``shown`` True until :func:`apply_shown`."""
    from ..tables.keys import key_text

    keys = key_text(frame[key]).to_numpy(dtype=object)
    n = len(frame)
    blocks, names, years_col = [], [], []
    numbers = Numbers(frame, [c for ind in plan.yearly() for c in value_columns(ind, plan.years[ind.id])])
    for ind in plan.yearly():
        years = plan.years[ind.id]
        blocks.append([a.T.ravel() for a in year_values(numbers, ind, years)])
        names.append(np.full(n * len(years), ind.id, dtype=object))
        years_col.append(np.repeat(np.asarray(years, dtype=np.int64), n))
    if not blocks:
        return pd.DataFrame({"key": pd.Series(dtype=object), "indicator": pd.Series(dtype=object),
                             "year": pd.Series(dtype=np.int64), "value": pd.Series(dtype=float),
                             "numerator": pd.Series(dtype=float), "denominator": pd.Series(dtype=float),
                             "shown": pd.Series(dtype=bool)})
    total = sum(len(y) for y in years_col)
    return pd.DataFrame({
        "key": np.resize(keys, total) if n else np.empty(0, dtype=object),
        "indicator": np.concatenate(names), "year": np.concatenate(years_col),
        "value": np.concatenate([b[0] for b in blocks]), "numerator": np.concatenate([b[1] for b in blocks]),
        "denominator": np.concatenate([b[2] for b in blocks]), "shown": np.ones(total, dtype=bool)})


def wide_columns(series: pd.DataFrame, plan: SeriesPlan, frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The district layer's columns from the series, on ``frame``'s rows: ``<id>_<year>`` (left
    out where it is the table's own column, same values) and ``<id>`` of the report year."""
    from ..tables.keys import key_text

    keys = key_text(frame[key])
    out = {}
    if len(series):
        wide = series.pivot_table(index="key", columns=["indicator", "year"], values="value", aggfunc="first",
                                  dropna=False)
    for column, (ind, year) in plan.outputs().items():
        if column in frame.columns:
            continue
        values = wide[(ind.id, year)] if len(series) and (ind.id, year) in wide.columns else pd.Series(dtype=float)
        out[column] = keys.map(values).astype(float).to_numpy()
    return pd.DataFrame(out, index=frame.index)


def copy_columns(frame: pd.DataFrame, plan: SeriesPlan) -> pd.DataFrame:
    """Indicators without years that read another column (``"of"``): that column under their id."""
    out = {ind.id: numeric_column(frame, ind.base).to_numpy(dtype=float)
           for ind in plan.indicators if ind.id in plan.copies}
    return pd.DataFrame(out, index=frame.index)


def apply_shown(series: pd.DataFrame, mask: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """``shown`` from the rule's mask over the district layer (rows aligned with ``keys``, the
    districts' keys; columns ``<id>_<year>``): False where the rule hides that cell. A cell the
    rule did not look at stays shown."""
    from ..tables.keys import key_text

    out = series.copy()
    if not len(out):
        return out
    row_of = pd.Series(np.arange(len(keys)), index=key_text(keys).to_numpy())
    row_of = row_of[~row_of.index.duplicated()]
    rows = row_of.reindex(out["key"].to_numpy()).to_numpy()
    shown = np.ones(len(out), dtype=bool)
    names = [year_name(i, y) for i, y in zip(out["indicator"], out["year"])]
    flags = mask.to_numpy(dtype=bool)
    col_of = {c: j for j, c in enumerate(map(str, mask.columns))}
    for pos, (row, name) in enumerate(zip(rows, names)):
        j = col_of.get(name)
        if j is not None and not np.isnan(row):
            shown[pos] = not flags[int(row), j]
    out["shown"] = shown
    return out


def published_series(series: pd.DataFrame) -> pd.DataFrame:
    """The series as it may be published: value, numerator and denominator empty where not shown."""
    out = series.copy()
    hide = ~out["shown"].astype(bool)
    out.loc[hide, ["value", "numerator", "denominator"]] = np.nan
    return out
