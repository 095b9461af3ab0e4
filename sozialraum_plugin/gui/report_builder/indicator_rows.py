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
