"""The rows of the builder's indicator list and the choices they offer: kinds, directions,
the year stems of columns (``Anteil_in_%_{year}``) and a unit guessed from a column's name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from qgis.PyQt.QtCore import QCoreApplication

from ...core.series.indicators import YEAR_PLACEHOLDER, Indicator

translate = QCoreApplication.translate
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def kind_choices(derived: bool) -> list:
    if derived:
        return [("rate", translate("ReportBuilder", "Rate (numerator / denominator)")),
                ("change", translate("ReportBuilder", "Change between two years"))]
    return [("value", translate("ReportBuilder", "Value")), ("count", translate("ReportBuilder", "Count"))]


def direction_choices() -> list:
    return [(1, translate("ReportBuilder", "higher = more need")),
            (-1, translate("ReportBuilder", "higher = less need")),
            (0, translate("ReportBuilder", "no direction (context)"))]  # shown and ranked, never a finding


def year_stems(columns: list) -> list:
    """Column names with their year replaced by ``{year}`` (``Anteil_in_%_{year}``, ``{year}_Anzahl``):
    the bases a change between two years can read."""
    stems = []
    for name in columns:
        if YEAR.search(name):
            stem = YEAR.sub(YEAR_PLACEHOLDER, name, count=1)
            if stem not in stems:
                stems.append(stem)
    return stems


def year_column(name: str, year: int) -> str:
    """The column of ``name`` for ``year``, by the indicator model's own rule."""
    return Indicator(id="x").year_column(name, year)


def guess_unit(name: str) -> str:
    lower = name.lower()
    return "%" if "%" in name or "anteil" in lower or "quote" in lower else ""


@dataclass
class Row:
    id: str
    derived: bool = False
    numerator: str = ""
    denominator: str = ""
    scale: float | None = None
    base: str = ""
    years: tuple | None = None
    dtype: str = "real"
    extra: dict | None = None  # entries of a hand-written definition the builder does not show
    source: str = ""
    description: str = ""
    share: bool | None = None  # a rate's "share" as a definition gave it (not shown; kept)
    # a change of counts stays kind "count": the publication rule then hides its small year counts;
    # None = decided by the year columns' type (whole numbers = counts)
    count_change: bool | None = None


def _unit_scale(ind: Indicator) -> float:
    from ...core.series.indicators import unit_scale

    return unit_scale(ind.unit)


def _kept(ind: Indicator) -> dict:
    """What the builder keeps without showing it: a hand-written definition's own entries and the
    page settings that differ from their defaults (decimals, city value method, threshold, context)."""
    plain = Indicator(id=ind.id, kind="count" if ind.kind == "count" else "value")
    page = {name: getattr(ind, name) for name in ("decimals", "city_method", "threshold", "context")
            if getattr(ind, name) != getattr(plain, name)}
    if ind.of and ind.kind != "rate":  # the column it reads ("of"): without it, S3 read a column "S3"
        page["of"] = ind.of
    return {**ind.extra, **page}


def derived_row(ind: Indicator) -> Row:
    """The row of a definition's derived indicator (a rate, a change): what the builder shows of it."""
    return Row(ind.id, derived=True, numerator=ind.numerator or "", denominator=ind.denominator or "",
               scale=ind.scale if ind.kind == "rate" and ind.scale != _unit_scale(ind) else None,
               base=ind.base or ind.id if ind.kind != "rate" else "", years=ind.change_between, extra=_kept(ind),
               source=ind.source, description=ind.description, share=ind.share,
               count_change=ind.kind == "count" if ind.kind != "rate" else None)


def missing_columns(row: Row, names: set) -> list:
    """The columns ``row`` reads that no table has (``names``: the tables' columns)."""
    if not row.derived:
        return [] if row.id in names else [row.id]
    if row.numerator or row.denominator:
        wanted = [row.numerator, row.denominator]
        if row.years:
            wanted = [year_column(c, y) for y in row.years for c in wanted]
    else:
        wanted = [year_column(row.base, y) for y in (row.years or ())]
    return [c for c in wanted if c and c not in names]


def kind_of(row: Row, ind) -> str:
    """The kind the row's choice shows: rate or change for a derived row, else value or count."""
    if row.derived:
        return "rate" if row.numerator else "change"
    if ind is not None:
        return ind.kind if ind.kind in ("value", "count") else "value"
    return "count" if row.dtype == "integer" else "value"
