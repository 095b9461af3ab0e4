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
