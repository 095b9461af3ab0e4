"""Dynamics from the series: the change of an indicator between two years, in points.

A change (``"change_between": [2019, 2021]``) is the later year's value minus the earlier one's,
both taken from the series of the indicator it changes (:func:`.series.build_series`): a rate's
values come from each year's counts (never from a rounded published share), so the change of a
rate in % is in percentage points (unit ``%-Pkt.``), of one in ‰ in per-mille points. These are
the D1/D3/D4 of the MSS preset, taken by the dynamic index as columns like any other.

``"period"`` (a definition's default, e.g. Berlin 2 years, Hamburg 3): an indicator that says
``"change_between": "period"`` is the change over the ``period`` years that end in the report
year (core/report_definition.py resolves it when the definition is read).
"""
from __future__ import annotations

import pandas as pd

from .indicators import Indicator
from .series import Numbers, SeriesPlan, build_series, value_columns, year_values


def level_of(ind: Indicator) -> Indicator:
    """The indicator a change is the change of: the same columns and scale, without the years."""
    from dataclasses import replace

    return replace(ind, change_between=None, of=None)


def change_series(frame: pd.DataFrame, key: str, ind: Indicator) -> pd.DataFrame:
    """The two years' series of the indicator ``ind`` changes (key, year, value, numerator, denominator)."""
    level = level_of(ind)
    plan = SeriesPlan([level], years={level.id: list(ind.change_between)}, all_years=list(ind.change_between))
    return build_series(frame, key, plan)


def changes(frame: pd.DataFrame, key: str, indicators) -> pd.DataFrame:
    """One column per change indicator, on ``frame``'s rows: value(end) − value(start), the values
    as the series holds them (:func:`.series.year_values`: a rate's from each year's counts); NaN
    where either year has no value. ``key`` names the districts' column (kept for symmetry with
    :func:`change_series`)."""
    out = {}
    wanted = [(ind, level_of(ind), list(ind.change_between)) for ind in indicators if ind.change_between]
    numbers = Numbers(frame, [c for _i, level, years in wanted for c in value_columns(level, years)])
    for ind, level, years in wanted:
        values = year_values(numbers, level, years)[0]
        out[ind.id] = values[:, 1] - values[:, 0]
    return pd.DataFrame(out, index=frame.index)
