"""Derived indicator columns: rates and changes computed from counts, checked before computing.

What ``sozialraum:indicators`` and the report's derive step compute. For every derived
:class:`~.indicators.Indicator` (a rate, or a change between two years) one column named by its
id; for rates (not changes) optionally ``<id>_eb`` (global Empirical Bayes, Marshall) and
``<id>_lo`` / ``<id>_hi`` (Wilson score interval), on the indicator's own scale.

The input is checked first and the first problem is named with the indicator, the column, the
district and the value: a missing or non-numeric column, a negative count, a numerator above its
denominator for a share (unit % or ‰). Nothing is suppressed here: the publication rule works on
the indicators' numerators and denominators afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import MethodError
from ..publish.disclosure import empirical_bayes, wilson_interval
from .indicators import Indicator, change_points, numeric_column, rate

SUFFIX_EB, SUFFIX_LOW, SUFFIX_HIGH = "_eb", "_lo", "_hi"


@dataclass
class DeriveOptions:
    smooth: bool = False  # <id>_eb
    intervals: bool = False  # <id>_lo, <id>_hi
    level: float = 0.95


def derived_only(indicators: Iterable[Indicator]) -> list[Indicator]:
    """The indicators that are computed (rates and changes), in their order."""
    return [ind for ind in indicators if ind.derived]


def output_fields(ind: Indicator, options: DeriveOptions) -> list[str]:
    """The columns :func:`derive` writes for ``ind``."""
    names = [ind.id]
    if ind.kind == "rate" and ind.change_between is None:
        names += [ind.id + SUFFIX_EB] if options.smooth else []
        names += [ind.id + SUFFIX_LOW, ind.id + SUFFIX_HIGH] if options.intervals else []
    return names


def check_definitions(indicators: Sequence[Indicator], options: DeriveOptions) -> None:
    """Problems visible without data: an id used twice, or one that would replace an input."""
    seen: dict[str, str] = {}
    for ind in indicators:
        for name in output_fields(ind, options):
            if name.lower() in seen:
                raise MethodError("indicator_duplicate", indicator=ind.id, column=name)
            seen[name.lower()] = ind.id
        for _year, _role, column in ind.inputs():
            if column.lower() in (n.lower() for n in output_fields(ind, options)):
                raise MethodError("indicator_replaces_input", indicator=ind.id, column=column)
    if not 0 < options.level < 1:
        raise MethodError("level_invalid", level=options.level)


def missing_inputs(indicators: Iterable[Indicator], columns: Iterable[str]) -> list[tuple[str, str]]:
    """``(indicator id, column)`` for every input column not in ``columns``."""
    have = set(map(str, columns))
    return [(ind.id, column) for ind in indicators for _y, _r, column in ind.inputs() if column not in have]


def district_names(keys: Iterable | None, fids: Iterable) -> list[str]:
    """How messages name each district: its key as written (``1003``, not the ``1003.0`` of an
    integer key column with an empty cell, which pandas reads as float), or ``fid n`` where the
    key is empty (never ``nan`` or ``None``)."""
    fids = list(fids)
    keys = list(keys) if keys is not None else [None] * len(fids)
    names = []
    for key, fid in zip(keys, fids):
        if key is None or (not isinstance(key, str) and pd.isna(key)) or not str(key).strip():
            names.append(f"fid {fid}")
        elif isinstance(key, float) and key.is_integer():
            names.append(str(int(key)))
        else:
            names.append(str(key))
    return names


def _row(rows: Sequence, position: int):
    return rows[position] if rows is not None else position


#: Text such as ``1.000`` or ``12.525``: a German whole number with a thousands dot, or a decimal?
_THOUSANDS_DOT = re.compile(r"^\s*[-\u2212]?[1-9]\d{0,2}(\.\d{3})+\s*$")


def _numbers(frame: pd.DataFrame, ind: Indicator, column: str, rows) -> pd.Series:
    if column not in frame.columns:
        raise MethodError("indicator_field_missing", indicator=ind.id, column=column,
                          columns=", ".join(map(str, frame.columns)))
    raw = frame[column]
    if raw.dtype == object:  # text: pandas would read '1.000' as 1.0, silently
        ambiguous = np.flatnonzero(raw.map(lambda v: isinstance(v, str) and bool(_THOUSANDS_DOT.match(v))).to_numpy())
        if ambiguous.size:
            i = int(ambiguous[0])
            raise MethodError("indicator_field_ambiguous", indicator=ind.id, column=column,
                              row=_row(rows, i), value=raw.iloc[i])
    try:
        return numeric_column(frame, column)
    except MethodError as error:
        if error.code != "field_not_numeric":
            raise
        position = int(error.params["row"])  # frame has a RangeIndex here (see derive)
        raise MethodError("indicator_field_not_numeric", indicator=ind.id, column=column,
                          row=_row(rows, position), value=error.params["value"]) from None


def _check_counts(ind: Indicator, values: dict, rows) -> None:
    for (_year, role), series in values.items():
        if role == "value" and ind.kind != "count":
            continue  # a value (a share as published, an index) may be negative
        negative = np.flatnonzero((series < 0).to_numpy())
        if negative.size:
            i = int(negative[0])
            raise MethodError("indicator_count_negative", indicator=ind.id, column=series.name,
                              row=_row(rows, i), value=_plain(series.iloc[i]))
    if not ind.is_share:
        return
    for year in ind.change_between or (None,):
        num, den = values[(year, "numerator")], values[(year, "denominator")]
        above = np.flatnonzero((num > den).to_numpy())
        if above.size:
            i = int(above[0])
            raise MethodError("indicator_share_above_total", indicator=ind.id, numerator=num.name,
                              count=_plain(num.iloc[i]), denominator=den.name, total=_plain(den.iloc[i]),
                              row=_row(rows, i))


def _plain(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _read(frame: pd.DataFrame, ind: Indicator, rows) -> dict:
    """The indicator's input columns as float, keyed by (year, role); checked."""
    values = {(year, role): _numbers(frame, ind, column, rows).rename(column)
              for year, role, column in ind.inputs()}
    _check_counts(ind, values, rows)
    return values


def _level(ind: Indicator, values: dict, year) -> pd.Series:
    if ind.kind == "rate":
        return rate(values[(year, "numerator")], values[(year, "denominator")], ind.scale)
    return values[(year, "value")]


def _extras(ind: Indicator, values: dict, options: DeriveOptions) -> dict[str, pd.Series]:
    """EB-smoothed rate and Wilson interval of a rate (NaN where they are not defined)."""
    num, den = values[(None, "numerator")], values[(None, "denominator")]
    out = {}
    if options.smooth:
        usable = num.notna() & (den > 0)
        if usable.any():
            out[ind.id + SUFFIX_EB] = empirical_bayes(num, den, ind.scale)["rate_eb"]
        else:  # no area with both counts: nothing to smooth toward
            out[ind.id + SUFFIX_EB] = pd.Series(np.nan, index=num.index)
    if options.intervals:
        proportion = num.notna() & den.notna() & (num <= den)  # Wilson needs 0 ≤ x ≤ n
        interval = wilson_interval(num.where(proportion), den.where(proportion), options.level, ind.scale)
        out[ind.id + SUFFIX_LOW] = interval["lower"]
        out[ind.id + SUFFIX_HIGH] = interval["upper"]
    return out


def derive(frame: pd.DataFrame, indicators: Sequence[Indicator], options: DeriveOptions | None = None,
           rows: Sequence | None = None) -> pd.DataFrame:
    """The derived columns of ``indicators`` (float, NaN where undefined) on ``frame``'s index.

    ``rows`` names the districts in messages (e.g. their keys), one per row of ``frame``.
    Every indicator is checked before any is computed.
    """
    options = options or DeriveOptions()
    indicators = derived_only(indicators)
    check_definitions(indicators, options)
    work = frame.reset_index(drop=True)
    rows = list(rows) if rows is not None else list(frame.index)
    inputs = [(ind, _read(work, ind, rows)) for ind in indicators]
    out: dict[str, pd.Series] = {}
    for ind, values in inputs:
        if ind.change_between is None:
            out[ind.id] = _level(ind, values, None)
            if ind.kind == "rate":
                out.update(_extras(ind, values, options))
        else:
            start, end = ind.change_between
            out[ind.id] = change_points(_level(ind, values, start), _level(ind, values, end))
    result = pd.DataFrame({name: series.astype(float).to_numpy() for name, series in out.items()},
                          index=frame.index)
    return result

