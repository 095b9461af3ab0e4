"""Long tables (district, year, indicator, value) to one row per district.

Köln's ``bevoelkerung.csv`` mixes three spatial levels and eight years in 29 135 rows; a naive
join would give each polygon 300 rows. Here the rows are filtered, then pivoted so that each
(indicator, year) becomes a column such as ``Einwohner_2012``. Two values for the same cell are
an error, never "first one wins".
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence, Union

import numpy as np
import pandas as pd

from ..errors import TableError
from .keys import key_text
from .read import ColumnReport, ReadReport, ReadResult

FilterValue = Union[Any, Sequence[Any], Callable[[pd.Series], Any]]


def pivot_long(
    frame: Union[pd.DataFrame, ReadResult],
    key: str,
    indicator: Union[str, Sequence[str]],
    value: str,
    year: str | None = None,
    filters: Mapping[str, FilterValue] | None = None,
    *,
    select_year: Any = None,
    keep: Sequence[str] = (),
    name: str | None = None,
) -> ReadResult:
    """Pivot a long table to wide.

    ``year`` names the year column: without ``select_year`` every year is kept in the column
    names (``Einwohner_2012``); with ``select_year`` only that year's rows are used and columns
    are named by the indicator alone. ``filters`` maps a column to a value, a list of values
    (compared as text, so ``'2012'`` matches 2012) or a function returning a boolean mask.
    ``keep`` lists per-district attributes (e.g. the name) carried into the result.
    """
    supp_src = None
    if isinstance(frame, ReadResult):
        supp_src, name, frame = frame.suppressed, name or frame.report.file, frame.frame
    name = name or "table"
    indicators = [indicator] if isinstance(indicator, str) else list(indicator)
    needed = [key, *indicators, value, *([year] if year else []), *keep, *(filters or {})]
    for col in needed:
        if col not in frame.columns:
            raise TableError(
                "column_not_found", file=name, column=col, columns=", ".join(map(str, frame.columns))
            )
    if select_year is not None and not year:
        raise TableError("option_invalid", option="select_year", value=select_year)
    mask = _filter_mask(frame, filters, year, select_year)
    rows = frame.loc[mask]
    warnings: list = []
    keys = key_text(rows[key])
    if keys.isna().any():
        warnings.append(("pivot_rows_without_key", {"file": name, "count": int(keys.isna().sum())}))
    rows, keys = rows[keys.notna().to_numpy()], keys[keys.notna()]
    ind = _indicator_names(rows, indicators)
    years = key_text(rows[year]) if year and select_year is None else None
    col_names = ind if years is None else ind + "_" + years.fillna("")
    _refuse_duplicates(keys, col_names, ind, years, name)
    return _build(rows, keys, ind, years, col_names, value, key, keep, supp_src, name, warnings)


def _filter_mask(frame: pd.DataFrame, filters, year, select_year) -> np.ndarray:
    mask = np.ones(len(frame), dtype=bool)
    conditions = dict(filters or {})
    if select_year is not None:
        conditions[year] = [select_year]
    for col, cond in conditions.items():
        series = frame[col]
        if callable(cond):
            hit = np.asarray(cond(series), dtype=bool)
        else:
            wanted = list(cond) if isinstance(cond, (list, tuple, set, frozenset)) else [cond]
            hit = key_text(series).isin(key_text(pd.Series(wanted, dtype=object))).to_numpy()
        mask &= hit
    return mask


def _indicator_names(rows: pd.DataFrame, indicators: list) -> pd.Series:
    parts = [key_text(rows[c]).fillna("") for c in indicators]
    out = parts[0]
    for part in parts[1:]:
        out = out + " " + part
    return out


def _refuse_duplicates(keys, col_names, ind, years, name) -> None:
    pairs = pd.DataFrame({"k": keys.to_numpy(), "c": col_names.to_numpy()})
    dup = pairs.duplicated(keep=False).to_numpy()
    if dup.any():
        i = int(np.flatnonzero(dup)[0])
        year = "" if years is None else years.iloc[i]
        raise TableError(
            "long_table_ambiguous", file=name, key=keys.iloc[i], year=year, indicator=ind.iloc[i]
        )


def _build(rows, keys, ind, years, col_names, value, key, keep, supp_src, name, warnings) -> ReadResult:
    row_codes, row_keys = pd.factorize(keys.to_numpy())
    order = _column_order(ind, years)
    col_pos = {c: j for j, c in enumerate(order)}
    col_codes = col_names.map(col_pos).to_numpy()
    source = rows[value]
    numeric = pd.api.types.is_numeric_dtype(source.dtype) and not pd.api.types.is_bool_dtype(source.dtype)
    shape = (len(row_keys), len(order))
    grid = np.full(shape, np.nan) if numeric else np.full(shape, np.nan, dtype=object)
    grid[row_codes, col_codes] = (
        source.to_numpy(dtype=float, na_value=np.nan) if numeric else source.to_numpy()
    )
    supp = np.zeros(shape, dtype=bool)
    if supp_src is not None and value in supp_src.columns:
        supp[row_codes, col_codes] = supp_src.loc[rows.index, value].to_numpy(dtype=bool)
    integer = numeric and pd.api.types.is_integer_dtype(source.dtype)
    data = {key: pd.Series(row_keys, dtype=object)}
    data.update(_keep_columns(rows, row_codes, len(row_keys), keep, name, warnings))
    reports = [ColumnReport(key, key, "text", 0, 0, None, True)]
    reports += [ColumnReport(c, c, _dtype_name(data[c]), int(data[c].isna().sum())) for c in keep]
    for j, col in enumerate(order):
        values = pd.Series(grid[:, j])
        data[col] = values.astype("Int64") if integer else values
        n_supp = int(supp[:, j].sum())
        reports.append(
            ColumnReport(
                col,
                _indicator_of(col, ind, col_names),
                "text" if not numeric else ("integer" if integer else "real"),
                int(values.isna().sum()) - n_supp,
                n_supp,
            )
        )
    frame = pd.DataFrame(data)
    suppressed = pd.DataFrame(supp, columns=order) if numeric else pd.DataFrame(index=frame.index)
    report = ReadReport(file=name, format="pivot", n_rows=len(frame), columns=reports, warnings=warnings)
    return ReadResult(frame, report, suppressed)


def _indicator_of(col: str, ind: pd.Series, col_names: pd.Series) -> str:
    """The indicator a wide column came from (its 'original name')."""
    hit = np.flatnonzero(col_names.to_numpy() == col)
    return ind.iloc[hit[0]] if len(hit) else col


def _column_order(ind: pd.Series, years: pd.Series | None) -> list:
    """Indicators in order of first appearance; within an indicator, years ascending."""
    first = {v: i for i, v in enumerate(pd.unique(ind.to_numpy()))}
    if years is None:
        return sorted(first, key=first.get)
    pairs = pd.DataFrame({"i": ind.to_numpy(), "y": years.fillna("").to_numpy()}).drop_duplicates()
    pairs["rank"] = pairs["i"].map(first)
    pairs["y_num"] = pd.to_numeric(pairs["y"], errors="coerce")
    pairs = pairs.sort_values(["rank", "y_num", "y"], kind="mergesort")
    return (pairs["i"] + "_" + pairs["y"]).tolist()


def _keep_columns(rows, row_codes, n_keys, keep, name, warnings) -> dict:
    out = {}
    for col in keep:
        per_key = pd.DataFrame({"k": row_codes, "v": rows[col].to_numpy()}).drop_duplicates()
        if per_key["k"].duplicated().any():
            warnings.append(("pivot_keep_varies", {"file": name, "column": col}))
        first = per_key.drop_duplicates("k").set_index("k")["v"]
        out[col] = first.reindex(range(n_keys)).reset_index(drop=True)
    return out


def _dtype_name(series: pd.Series) -> str:
    if pd.api.types.is_integer_dtype(series.dtype):
        return "integer"
    return "real" if pd.api.types.is_float_dtype(series.dtype) else "text"


# --- years (issue 15): a yearly table, and a table with a year column -------------------------------

def with_year(result: ReadResult, key: str, year: Any) -> ReadResult:
    """A yearly table's columns named for their year (``Anzahl`` of the 2021 table →
    ``Anzahl_2021``), the key kept: two years' tables then join side by side, and a change
    between years finds its columns as ``core.indicators.YEAR_COLUMN`` names them."""
    from copy import copy
    from dataclasses import replace

    whole = isinstance(year, (int, np.integer)) and not isinstance(year, bool)  # the usual case: no pandas
    suffix = f"_{int(year)}" if whole else f"_{key_text(pd.Series([year], dtype=object)).iloc[0]}"
    names = {c: (c if c == key else f"{c}{suffix}") for c in result.frame.columns}
    frame, suppressed = _renamed(result.frame, names), _renamed(result.suppressed, names)
    columns = [copy(c) for c in result.report.columns]
    for c in columns:
        c.name = names.get(c.name, c.name)
    return ReadResult(frame, replace(result.report, columns=columns), suppressed)


def _renamed(frame: pd.DataFrame, names: dict) -> pd.DataFrame:
    """``frame.rename(columns=names)`` without copying the data (rename copies every column)."""
    out = frame.copy(deep=False)
    out.columns = [names.get(c, c) for c in frame.columns]
    return out


_YEARS_INDICATOR = "\x00indicator"  # a helper column no table has


def _refuse_year_twice(frame: pd.DataFrame, key: str, year: str, name: str) -> None:
    """A district twice in one year, named as such: pivot_long named the first other column as an
    "indicator" ("indicator Stadtteil"), which the table has not."""
    keys, years = key_text(frame[key]), key_text(frame[year])
    pairs = pd.DataFrame({"key": keys, "year": years}).dropna()
    twice = pairs.duplicated(keep=False)
    if twice.any():
        first = pairs[twice].iloc[0]
        count = int(((pairs["key"] == first["key"]) & (pairs["year"] == first["year"])).sum())
        raise TableError("year_table_row_twice", file=name, count=count, key=first["key"], year=first["year"],
                         column=year)


def pivot_years(frame: Union[pd.DataFrame, ReadResult], key: str, year: str, columns: Sequence[str] | None = None,
                name: str | None = None) -> ReadResult:
    """A table with one row per district and year (``Jahr``) to one row per district: each other
    column becomes ``<column>_<year>`` (the names :func:`with_year` gives a yearly table), through
    :func:`pivot_long`, so a district with two rows of one year is refused by name (key, year,
    column), never "first one wins"."""
    report, suppressed = None, None
    if isinstance(frame, ReadResult):
        report, suppressed, name, frame = frame.report, frame.suppressed, name or frame.report.file, frame.frame
    name = name or "table"
    for col in (key, year):
        if col not in frame.columns:
            raise TableError("column_not_found", file=name, column=col, columns=", ".join(map(str, frame.columns)))
    wanted = [c for c in (columns if columns is not None else frame.columns) if c not in (key, year)]
    _refuse_year_twice(frame, key, year, name)
    parts = []
    for col in wanted:
        sub = frame[[key, year, col]].assign(**{_YEARS_INDICATOR: col})
        supp = suppressed[[col]] if suppressed is not None and col in suppressed.columns else pd.DataFrame(
            index=sub.index)
        parts.append(pivot_long(ReadResult(sub, report or ReadReport(file=name, format="frame"), supp), key,
                                _YEARS_INDICATOR, col, year=year, name=name))
    if not parts:
        raise TableError("column_not_found", file=name, column="(a column beside the key and the year)",
                         columns=", ".join(map(str, frame.columns)))
    first = parts[0]
    keys = first.frame[key]
    frames, supps, reports, warnings = [first.frame], [first.suppressed], list(first.report.columns), []
    for part in parts[1:]:  # the same rows in the same order: pivot_long keeps the first appearance
        own = part.frame.drop(columns=[key])
        if not part.frame[key].equals(keys):
            own = part.frame.set_index(key).reindex(keys).reset_index(drop=True)
        frames.append(own)
        supps.append(part.suppressed.reindex(range(len(keys))).fillna(False).astype(bool))
        reports += part.report.columns[1:]
    for part in parts:
        warnings += [w for w in part.report.warnings if w not in warnings]
    out = pd.concat(frames, axis=1)
    supp = pd.concat(supps, axis=1) if supps else pd.DataFrame(index=out.index)
    return ReadResult(out, ReadReport(file=name, format="pivot", n_rows=len(out), columns=reports,
                                      warnings=warnings), supp)


def table_years(frame: pd.DataFrame, year: str) -> list[int]:
    """The years a table with a year column holds (whole numbers only), ascending."""
    values = pd.to_numeric(key_text(frame[year]), errors="coerce").dropna()
    return sorted({int(v) for v in values if float(v).is_integer()})
