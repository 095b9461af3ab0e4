"""The report definition: everything a Sozialbericht run needs, as human-readable JSON.

Next year the planner points the definition at new tables and runs it again, so paths are kept
relative to the definition file where possible and every section has plain defaults. Reading
checks the whole file and names the first thing that is wrong (section, entry, field).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..errors import SozialraumError
from ..fileio import write_text
from ..series.change_direction import base_direction, inherit_directions, written_entry
from ..series.definition_years import check_years, period_entry, periods, table_dict, table_entry, whole
from ..series.indicators import Indicator, unit_scale
from ..supply import allocation_spec
from ..supply import spec as supply_spec
from .db_source import StoreSpec, is_db_source, source_from_json, source_to_json, store_from_json
from .impact_spec import ImpactSpec, impact_from_json, impact_to_json
from .map_spec import MapSpec
from .uncertainty_spec import index_dict, rank_fields, with_uncertainty

VERSION = 1


class DefinitionError(SozialraumError):
    """The report definition cannot be used as written."""


@dataclass
class TableSpec:
    path: str
    key: str
    fields: list = field(default_factory=list)  # empty = all columns
    options: dict = field(default_factory=dict)  # jointable's advanced parameters, e.g. {"SEPARATOR": 1}
    year: Optional[int] = None  # a yearly table: its columns are joined as <column>_<year>
    year_column: str = ""  # a table with one row per district and year: pivoted to <column>_<year>


@dataclass
class IndexSpec:
    preset: str = "mss"  # mss | custom
    status: list = field(default_factory=list)
    dynamic: list = field(default_factory=list)
    population: str = ""
    min_population: int = 300
    exclude: str = ""  # QGIS expression: true = left out of the reference
    weights: dict = field(default_factory=dict)
    uncertainty: Optional[Any] = None  # robust ranks: uncertainty_spec.UncertaintySpec (None = off)


@dataclass
class ClusterSpec:
    fields: list = field(default_factory=list)
    k: int = 0  # 0 = suggest
    method: str = "kmeans"  # kmeans | ward
    seed: int = 1


@dataclass
class ProfileSpec:
    fields: list = field(default_factory=list)
    title: str = "Sozialraumprofil"
    separate_files: bool = False
    parent_field: str = ""  # each district's parent key: the pages print the parent's value beside the city's
    parent_title: str = ""  # that column's heading (e.g. "Bezirk")


@dataclass
class LevelSpec:
    """The level the report runs on: the joined districts summed to their parents (sozialraum:aggregate).

    ``parent_field`` (a field of the districts) or ``lookup`` (a table, relative = beside the
    definition) with its ``key`` (district key) and ``parent`` (parent key) columns; ``name``: the
    parent's name (a lookup column, else a field). Summed: count indicators, the numerators and
    denominators of rates, the population and ``counts``; rates are computed again from the sums."""

    parent_field: str = ""
    lookup: str = ""
    key: str = ""
    parent: str = ""
    name: str = ""
    counts: list = field(default_factory=list)
    missing_as_zero: bool = False


@dataclass
class PublicationSpec:
    """The publication rule's settings (core/publish): threshold, population rule, known totals."""

    threshold: float = 3  # counts from 1 to below this are hidden; per indicator: "threshold"
    population: str = ""  # default: the index's population field
    min_population: Optional[float] = None  # default: the index's minimum (300)
    totals: dict = field(default_factory=dict)  # {"total field": ["part", …]} per area


@dataclass
class StyleSpec:
    """The city's look, set once for maps and pages: house colour, logo, font, own templates."""

    colour: str = ""  # '#1f4e79'; empty = the plugin's blue
    logo: str = ""  # image file (relative = beside the definition)
    font: str = ""  # font family; empty = the layouts' default
    map_template: str = ""  # .qpt replacing resources/templates' map template
    profile_template: str = ""  # .qpt replacing resources/templates' profile page


@dataclass
class ReportDefinition:
    title: str
    boundaries: str
    key: str
    name_field: str = ""
    tables: list = field(default_factory=list)  # TableSpec
    indicators: list = field(default_factory=list)  # Indicator
    index: Optional[IndexSpec] = None
    clusters: Optional[ClusterSpec] = None
    maps: list = field(default_factory=list)  # MapSpec
    profiles: Optional[ProfileSpec] = None
    publication: PublicationSpec = field(default_factory=PublicationSpec)
    source_text: str = ""
    language: str = ""  # de | en for every output; empty = the QGIS locale
    style: StyleSpec = field(default_factory=StyleSpec)
    period: Optional[int] = None  # years a change spans by default ("change_between": "period")
    report_year: Optional[int] = None  # default: the latest year of the yearly tables
    level: Optional[LevelSpec] = None  # run on the parent level (None: on the districts as joined)
    store: Optional[StoreSpec] = None  # also published into a PostGIS schema (gis/pg_store.py)
    supply: Optional[supply_spec.SupplySpec] = None  # facilities against need (core/supply/spec.py)
    allocation: Optional[allocation_spec.AllocationSpec] = None  # a budget split by need
    impact: Optional[ImpactSpec] = None  # funded districts against the rest (core/report/impact_spec.py)
    version: int = VERSION
    base_dir: str = ""  # folder relative paths are read from (not saved)

    # -- paths ----------------------------------------------------------------------------
    def resolve(self, path: str) -> str:
        """A path of the definition as an absolute path (relative = beside the definition)."""
        if not path or os.path.isabs(path) or is_db_source(path):  # (a database table: as it is)
            return path
        resolved = os.path.normpath(os.path.join(self.base_dir or os.getcwd(), path))
        if os.sep == "/" and "\\" in path and not os.path.exists(resolved):
            # written on Windows ("Daten\\tab.csv", "..\\Logo\\wappen.svg"), read on Linux or macOS
            resolved = os.path.normpath(os.path.join(self.base_dir or os.getcwd(), path.replace("\\", "/")))
        return resolved

    def with_absolute_paths(self) -> ReportDefinition:
        """A copy whose paths work from anywhere (for the record kept with the outputs)."""
        from copy import deepcopy

        copy = deepcopy(self)
        copy.boundaries = self.resolve(self.boundaries)
        supply_spec.map_paths(copy.supply, self.resolve)
        for name in ("logo", "map_template", "profile_template"):
            setattr(copy.style, name, self.resolve(getattr(self.style, name)))
        for table in copy.tables:
            table.path = self.resolve(table.path)
        if copy.level:
            copy.level.lookup = self.resolve(copy.level.lookup)
        if copy.impact and copy.impact.areas:
            copy.impact.areas = self.resolve(copy.impact.areas)
        return copy

    def for_passing_on(self, folder: str) -> ReportDefinition:
        """A copy for a file handed on with the outputs in ``folder`` (the QGIS project): a path
        inside ``folder`` relative to it (with '/', for Windows and Linux alike), any other path
        only its file name. The author's folders (a home folder names a person; a share names the
        office's data) stay on the author's machine; the planner's own file keeps them."""
        from copy import deepcopy

        copy = deepcopy(self)
        copy.boundaries = self._passed_on(self.boundaries, folder)
        supply_spec.map_paths(copy.supply, lambda path: self._passed_on(path, folder))
        for name in ("logo", "map_template", "profile_template"):
            setattr(copy.style, name, self._passed_on(getattr(self.style, name), folder))
        for table in copy.tables:
            table.path = self._passed_on(table.path, folder)
        if copy.level:
            copy.level.lookup = self._passed_on(copy.level.lookup, folder)
        if copy.impact and copy.impact.areas:
            copy.impact.areas = self._passed_on(copy.impact.areas, folder)
        return copy

    def _passed_on(self, path: str, folder: str) -> str:
        if not path or is_db_source(path):
            return path
        name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        if os.sep == "/" and (re.match(r"^[A-Za-z]:[\\/]", path) or path.startswith("\\\\")):
            return name  # a Windows path read on Linux: never "inside" a folder here
        base, target = os.path.abspath(folder), os.path.abspath(self.resolve(path))
        try:
            inside = os.path.commonpath([base, target]) == base
        except ValueError:  # another drive (Windows)
            inside = False
        return os.path.relpath(target, base).replace(os.sep, "/") if inside else name

    # -- years (core/series) ------------------------------------------------------------------
    def has_years(self) -> bool:
        """Tables per year or with a year column: the indicators are read per year (a series)."""
        return any(t.year is not None or t.year_column for t in self.tables)

    def table_years(self) -> list:
        """The years of the yearly tables (a table with a year column: known after reading it)."""
        return sorted({t.year for t in self.tables if t.year is not None})

    def year_tables_only(self) -> bool:
        return self.has_years() and not any(t.year_column for t in self.tables)

    def indicator(self, field_name: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == field_name:
                return ind
        return Indicator(id=field_name)

    def indicators_json(self, fields=None) -> str:
        """The declared indicators among ``fields`` (all if None) as the algorithms' INDICATORS
        parameter takes them: a JSON list of :meth:`Indicator.to_dict`, in the order of ``fields``."""
        from ..series.indicator_params import indicators_json

        known = {i.id: i for i in self.indicators}
        order = list(fields) if fields is not None else list(known)
        return indicators_json([known[f] for f in dict.fromkeys(order) if f in known])

    def referenced_ids(self) -> list[tuple[str, str]]:
        """(section, id) of every field the definition uses after the joins."""
        # a map of several years names its section so: "maps[1].field" named an entry the map has not
        refs = [(f"maps[{n}].{'field' if m.field else 'years' if m.of else 'fields'}", f)
                for n, m in enumerate(self.maps) for f in m.mapped_fields()]
        if self.profiles:
            refs += [("profiles.fields", f) for f in self.profiles.fields]
        if self.index:
            refs += [("index.status", f) for f in self.index.status]
            refs += [("index.dynamic", f) for f in self.index.dynamic]
            refs += [("index.population", self.index.population)] if self.index.population else []
        if self.clusters:
            refs += [("clusters.fields", f) for f in self.clusters.fields]
        refs += supply_spec.referenced(self.supply)
        if self.allocation:
            refs += [("allocation.population", self.allocation.population),
                     ("allocation.need_field", self.allocation.need_field)]
        return refs

    def made_fields(self) -> set:
        """The fields the index and cluster steps add (see sozialraum:needindex / needclusters)."""
        made = set()
        if self.index:
            made |= {"status_index", "status_class", "status_code", "status_sum", "status_rank", "dynamic_index",
                     "dynamic_class", "dynamic_code", "dynamic_sum", "group", "group_code", "attention",
                     "valid", "note"} | {f"z_{f}" for f in self.index.status + self.index.dynamic} \
                | set(rank_fields(self.index))
        if self.clusters:
            made |= {"cluster", "cluster_label"}
        if self.allocation:
            made |= set(allocation_spec.FIELDS)
        return made | supply_spec.made_fields(self.supply)

    def check_ids(self, columns, file: str = "definition", complete: bool = True) -> None:
        """Refuse an id that is no column of the joined data, naming the section.

        ``complete=False`` (before the joins, when a table takes all its columns and they are
        not known yet): only what is neither a known column nor a declared indicator."""
        known = set(columns) | (set() if complete else {i.id for i in self.indicators})
        for section, ident in self.referenced_ids():
            if ident not in known:
                raise DefinitionError("definition_unknown_id", file=file, section=section, id=ident,
                                      columns=", ".join(sorted(map(str, columns))))

    # -- JSON -------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        data = {
            "version": self.version, "title": self.title, "source_text": self.source_text,
            "boundaries": source_to_json(self.boundaries), "key": self.key, "name_field": self.name_field,
            "tables": [table_dict(t) for t in self.tables],
            "indicators": [written_entry(period_entry(_indicator_dict(i), i, self), base_direction(i, self.indicators))
                           for i in self.indicators],
            "index": index_dict(self.index) if self.index else None,
            "clusters": asdict(self.clusters) if self.clusters else None,
            "maps": [m.to_dict() for m in self.maps],
            "profiles": asdict(self.profiles) if self.profiles else None,
            "publication": asdict(self.publication),
            "language": self.language,
            "style": asdict(self.style),
        }
        data.update({name: getattr(self, name) for name in ("period", "report_year")
                     if getattr(self, name) is not None})  # only where set: older files stay as they were
        if self.level:  # only when set: definitions without it stay as they were
            data["level"] = asdict(self.level)
        if self.store:
            data["store"] = asdict(self.store)
        if self.supply:
            data["supply"] = self.supply.to_dict()
        if self.allocation:
            data["allocation"] = self.allocation.to_dict()
        if self.impact:
            data["impact"] = impact_to_json(self.impact)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: dict, base_dir: str = "", file: str = "definition") -> ReportDefinition:
        if not isinstance(data, dict):
            raise DefinitionError("definition_invalid", file=file, section="(top)", reason="not a JSON object")
        unknown = sorted(set(data) - set(cls.__dataclass_fields__))
        if unknown:  # a misspelt section ("mpas") would otherwise be left out without a word
            raise DefinitionError("definition_invalid", file=file, section="(top)",
                                  reason="unknown sections: " + ", ".join(unknown))
        data = {**data, "boundaries": source_from_json(data.get("boundaries"), file, "boundaries")}
        for name in ("title", "boundaries", "key"):
            if not str(data.get(name) or "").strip():
                raise DefinitionError("definition_invalid", file=file, section=name, reason="missing")
        tables = [table_entry(t, file, n) for n, t in enumerate(data.get("tables") or [])]
        period = whole(data.get("period"), file, "period", 1, 50)
        report_year = whole(data.get("report_year"), file, "report_year", 1000, 3000)
        years = sorted({t.year for t in tables if t.year is not None})
        if report_year is None and years:
            report_year = years[-1]
        items = inherit_directions(periods(data.get("indicators") or [], period, report_year, file))
        definition = cls(
            title=str(data["title"]), boundaries=str(data["boundaries"]), key=str(data["key"]),
            name_field=str(data.get("name_field") or ""), source_text=str(data.get("source_text") or ""),
            tables=tables,
            indicators=_indicators(items, file),
            index=with_uncertainty(_build(IndexSpec, data["index"], file, "index"), file)
            if data.get("index") else None,
            clusters=_build(ClusterSpec, data["clusters"], file, "clusters") if data.get("clusters") else None,
            maps=[_map(m, file, n) for n, m in enumerate(data.get("maps") or [])],
            profiles=_build(ProfileSpec, data["profiles"], file, "profiles") if data.get("profiles") else None,
            publication=_build(PublicationSpec, data["publication"], file, "publication")
            if data.get("publication") else PublicationSpec(),
            language=_language(data.get("language"), file),
            style=_build(StyleSpec, data["style"], file, "style") if data.get("style") else StyleSpec(),
            level=_level(data.get("level"), file), store=store_from_json(data.get("store"), file),
            supply=supply_spec.supply_from_json(data.get("supply"), file),
            allocation=allocation_spec.allocation_from_json(data.get("allocation"), file),
            impact=impact_from_json(data.get("impact"), file),
            version=int(data.get("version") or VERSION), base_dir=base_dir,
            period=period, report_year=whole(data.get("report_year"), file, "report_year", 1000, 3000),
        )
        check_years(definition, file)
        return definition


def _level(data: Any, file: str) -> Optional[LevelSpec]:
    if not data:
        return None
    level = _build(LevelSpec, data, file, "level")
    if bool(level.parent_field) == bool(level.lookup) or (level.lookup and not (level.key and level.parent)):
        raise DefinitionError("level_invalid_definition", file=file, found=json.dumps(data, ensure_ascii=False))
    return level


def _language(value: Any, file: str) -> str:
    text = str(value or "").strip().lower()
    if text and text not in ("de", "en"):
        raise DefinitionError("definition_invalid", file=file, section="language",
                              reason=f"{value!r} is not de or en")
    return text


def _indicator_dict(ind: Indicator) -> dict:
    """The indicator without its empty entries, so the file stays readable. A scale that follows
    from the unit is left out too: pinned, it would outlive a unit changed in the file."""
    defaults = Indicator(id=ind.id).to_dict()
    defaults["decimals"] = 0 if ind.kind == "count" else 1  # (None: the kind's default)
    if ind.kind == "rate":
        defaults["scale"] = unit_scale(ind.unit)
    return {k: v for k, v in ind.to_dict().items() if k in ("id", "label") or v != defaults.get(k)}


def _indicators(items: Any, file: str) -> list:
    """The definition's indicators: each valid, ids unique, a derived one not replacing its input."""
    from ..series.derived import DeriveOptions, check_definitions

    if not isinstance(items, list):
        raise DefinitionError("definition_invalid", file=file, section="indicators", reason="not a JSON list")
    found, seen = [], {}
    for n, item in enumerate(items):
        ind = _indicator(item, file, n)
        if ind.id.lower() in seen:  # GeoPackage columns ignore case
            raise DefinitionError("definition_invalid", file=file, section=f"indicators[{n}]",
                                  reason=f"the id {ind.id} is already used by indicators[{seen[ind.id.lower()]}]")
        seen[ind.id.lower()] = n
        if ind.derived:
            try:
                check_definitions([ind], DeriveOptions())
            except SozialraumError as error:
                raise DefinitionError("definition_invalid", file=file, section=f"indicators[{n}]",
                                      reason=error.english()) from None
        found.append(ind)
    return found


def _indicator(data: Any, file: str, n: int) -> Indicator:
    if not isinstance(data, dict) or not data.get("id"):
        raise DefinitionError("definition_invalid", file=file, section=f"indicators[{n}]", reason="needs an id")
    try:
        return Indicator.from_dict(data)
    except SozialraumError as error:
        raise DefinitionError("definition_invalid", file=file, section=f"indicators[{n}]",
                              reason=error.english()) from None


def _map(data: Any, file: str, n: int) -> MapSpec:
    spec = _build(MapSpec, data, file, f"maps[{n}]")
    spec.check(file, f"maps[{n}]")
    return spec


def _build(kind, data: Any, file: str, section: str):
    if not isinstance(data, dict):
        raise DefinitionError("definition_invalid", file=file, section=section, reason="not a JSON object")
    known = set(kind.__dataclass_fields__)
    unknown = sorted(set(data) - known)
    if unknown:
        raise DefinitionError("definition_invalid", file=file, section=section,
                              reason="unknown entries: " + ", ".join(unknown))
    try:
        return kind(**data)
    except TypeError as error:
        raise DefinitionError("definition_invalid", file=file, section=section, reason=str(error)) from None


def load(path: str) -> ReportDefinition:
    """Read a definition file; relative paths in it are relative to its folder."""
    file = os.path.basename(path)
    if not os.path.isfile(path):
        raise DefinitionError("file_not_found", file=path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as error:
        raise DefinitionError("definition_json", file=file, row=error.lineno, column=error.colno,
                              reason=error.msg) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionError("file_unreadable", file=file, reason=str(error)) from None
    return ReportDefinition.from_dict(data, os.path.dirname(os.path.abspath(path)), file)


def save(definition: ReportDefinition, path: str) -> None:
    """Write the definition as JSON, atomically."""
    write_text(path, definition.to_json())
