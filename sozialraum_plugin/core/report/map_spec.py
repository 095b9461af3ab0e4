"""A map entry of the report definition (``maps`` in the JSON): one field, or the years of an
indicator with pooled breaks on a page of small multiples (issue 15, maps over time).

Kept apart from definition.py (which imports it; the file would pass 400 lines), beside it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as dc_field  # 'field' is an entry of MapSpec

from ..series.indicators import YEAR_COLUMN, YEAR_PLACEHOLDER

MAP_BREAKS = ("pooled", "each")  # several fields: one classification over all, or one per field
MAP_LAYOUTS = ("small_multiples", "pages")  # several fields: one page of small maps, or a page each
MAX_SMALL_MULTIPLES = 12  # maps on one page (gis/layouts/small_multiples.py lays them out)


@dataclass
class MapSpec:
    """One map entry. ``field`` maps one column; ``of`` + ``years`` an indicator's year columns
    (``<of>_<year>``, or ``of`` with a ``{year}`` placeholder), ``fields`` any columns: several
    fields get pooled breaks (``breaks``) on one small-multiples page (``layout``) by default.
    ``method`` empty = automatic: ``diverging`` for a change (``change_between``, unit in points),
    else ``jenks``."""

    field: str = ""
    method: str = ""
    classes: int = 5
    title: str = ""
    subtitle: str = ""
    unit: str = ""
    of: str = ""
    years: list = dc_field(default_factory=list)
    fields: list = dc_field(default_factory=list)
    breaks: str = ""  # pooled (default) | each
    layout: str = ""  # small_multiples (default) | pages

    def mapped_fields(self) -> list:
        """The layer columns the entry maps, in order."""
        if self.field:
            return [self.field]
        if self.of:
            return [YEAR_COLUMN.format(name=self.of, year=y) if YEAR_PLACEHOLDER not in self.of
                    else self.of.replace(YEAR_PLACEHOLDER, str(y)) for y in self.years]
        return list(self.fields)

    def indicator_id(self) -> str:
        """The indicator whose label, unit and direction the map takes."""
        return self.field or self.of or (self.fields[0] if self.fields else "")

    @property
    def pooled(self) -> bool:
        return len(self.mapped_fields()) > 1 and self.breaks != "each"

    @property
    def small_multiples(self) -> bool:
        return len(self.mapped_fields()) > 1 and self.layout != "pages"

    def to_dict(self) -> dict:
        """The entry without the keys of several years when it has none (older files stay as they were)."""
        data = asdict(self)
        return {k: v for k, v in data.items() if v or k not in ("of", "years", "fields", "breaks", "layout")}

    def check(self, file: str, section: str) -> None:
        """One of field / of + years / fields; years whole numbers; known breaks and layout."""
        from .definition import DefinitionError  # (it imports this module)

        def bad(reason: str):
            return DefinitionError("definition_invalid", file=file, section=section, reason=reason)

        given = [name for name in ("field", "of", "fields") if getattr(self, name)]
        if len(given) != 1:
            raise bad("needs exactly one of field, of (with years) or fields" if not given
                      else "gives " + " and ".join(given) + ": name one")
        if not isinstance(self.years, list) or not isinstance(self.fields, list):
            raise bad("years and fields are lists")
        if self.of and not self.years:
            raise bad(f"of {self.of!r} needs years, e.g. [2019, 2020, 2021]")
        if self.years and not self.of:
            raise bad("years need of (the indicator whose years are mapped)")
        if any(isinstance(y, bool) or not isinstance(y, int) for y in self.years):
            raise bad(f"years must be whole numbers: {self.years!r}")
        if len(set(self.mapped_fields())) != len(self.mapped_fields()):
            raise bad("names a year or field twice")
        if self.breaks not in ("",) + MAP_BREAKS:
            raise bad(f"breaks {self.breaks!r} is not one of {', '.join(MAP_BREAKS)}")
        if self.layout not in ("",) + MAP_LAYOUTS:
            raise bad(f"layout {self.layout!r} is not one of {', '.join(MAP_LAYOUTS)}")
        if self.small_multiples and len(self.mapped_fields()) > MAX_SMALL_MULTIPLES:  # found now, not after the tables
            raise bad(f"{len(self.mapped_fields())} maps do not fit one page of small multiples (at most "
                      f"{MAX_SMALL_MULTIPLES}): map fewer years, or give layout \"pages\" (one page each)")
        if isinstance(self.classes, bool) or not isinstance(self.classes, int) or not 1 <= self.classes <= 12:
            raise bad(f"classes {self.classes!r} is not a whole number from 1 to 12")
