"""What a profile atlas reads: the texts of each page, one value column per field, the GeoPackage.

Kept apart from the layout (profile_atlas.py, profile_page.py) because it is the data side of the
sheets: plain text and numbers per district, computed from
:class:`~sozialraum_plugin.core.profiles.profile.Profiles`, then written with the source geometry to a
GeoPackage of its own, the only data the atlas reads (live joins have crashed atlases, QGIS
#40353). Beside the districts it holds ``profile_rows``, the page's table as a long table (one row
per district × indicator, texts as published, hidden cells "·"), and ``profile_city``, the
districts simplified for the locator. The request and the error live here too, as both modules
use them; so does the written layer's renderer.

Texts follow the request's language (English source strings, ``OutputWords``); ``findings`` is
the page's: a published file holds one language, the reader's.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...core.errors import SozialraumError
from ...core.fileio import replace_file
from ...core.formatting import format_date, format_int
from ...core.profiles.profile import Profiles
from .. import field_types
from ..writer import discard as remove_database
from .profile_texts import (  # noqa: F401  (split from here, kept importable from here)
    city_method_text,
    legend_text,
    sheet_columns,
    table_headers,
    thresholds_text,
)

LAYER_NAME = "profiles"
ROWS_NAME = "profile_rows"  # one row per district and indicator: the page's table reads it
CITY_NAME = "profile_city"  # the districts simplified for the locator map
FRAME_NAME = "profile_frame"  # one feature: the locator draws the atlas district on it


class ProfileSheetError(SozialraumError):
    """The sheets cannot be laid out or exported."""


@dataclass
class SheetRequest:
    layer: QgsVectorLayer
    profiles: Profiles
    fids: list  # source feature ids, in the order of the profiles' rows
    output: str
    title: str = ""  # empty: "District profile" in the page's language
    sort_field: str = "pr_key"
    filter_expression: str = ""
    source_text: str = ""
    template: str = ""
    suppress_below: float = 3
    min_population: float = 300
    keep_fields: tuple = ()  # source fields the page or the atlas needs (name, key, sort, filter)
    language: str = "de"  # de | en: words and number marks of the page
    colour: str = ""  # house colour; empty = HOUSE
    logo: str = ""  # image file for the header; empty = none
    font: str = ""  # font family of every text on the page; empty = the layouts' default
    class_title: str = ""  # the badge's titles (a field's alias); empty = "Class" / "Cluster" in the language
    cluster_title: str = ""

    @property
    def name(self) -> str:
        return f"Sozialraumprofile \u2013 {Path(self.output).stem}"

    @property
    def folder(self) -> Path:
        return Path(self.output).with_name(Path(self.output).stem + "_files")

    @property
    def words(self):
        from ...toolbelt.i18n import OutputWords

        return OutputWords(self.language)

    @property
    def lang(self) -> str:
        return self.words.lang


# --- texts of the page ------------------------------------------------------------------------------

def footer_text(request: SheetRequest) -> str:
    words = request.words
    parts = (words.translate("ProfilePage", "Source: {source}").format(source=request.source_text)
             if request.source_text else "",
             words.translate("ProfilePage", "As of: {date}").format(date=format_date(date.today(), lang=words.lang)))
    return " \u00b7 ".join(p for p in parts if p)


def page_title(request: SheetRequest) -> str:
    return request.title or request.words.translate("ProfilePage", "District profile")


def _subtitles(profiles: Profiles, words) -> list[str]:
    """'Nr. 01100101 · 3.866 Einwohner' in the page's language (· where the population is hidden)."""
    d, lang = profiles.districts, words.lang
    number = words.translate("ProfilePage", "No. {key}")
    residents = words.translate("ProfilePage", "{n} residents")
    out = []
    for key, population, shown in zip(d["key"], d["population"], d["population_text"]):
        pop = residents.format(n=format_int(population, lang=lang)) if population == population else \
            residents.format(n="\u00b7") if shown else ""
        out.append(" \u00b7 ".join(p for p in (number.format(key=key) if key else "", pop) if p))
    return out


def badge_texts(profiles: Profiles, words, class_title: str = "", cluster_title: str = "") -> list[str]:
    """'Class: mittel' and 'Cluster: …' on a line each; the titles in the page's language unless the
    fields have their own (an alias)."""
    d = profiles.districts
    titles = (class_title or words.translate("ProfilePage", "Class"),
              cluster_title or words.translate("ProfilePage", "Cluster"))
    ranks = d["rank_line"] if "rank_line" in d else [""] * len(d)  # the robust rank (profile_sheets RANK_FIELDS)
    return ["\n".join([f"{title}: {value}" for title, value in zip(titles, (k, c)) if value] + ([r] if r else []))
            for k, c, r in zip(d["class"], d["cluster"], ranks)]


def district_columns(request: SheetRequest, extra: dict, class_title: str = "", cluster_title: str = ""):
    """Field → values (one per district) and field → kind ('text', 'real', 'int') for the GeoPackage."""
    profiles, words = request.profiles, request.words
    lang, d = words.lang, profiles.districts
    findings = d[f"findings_{lang}"] if f"findings_{lang}" in d else d["findings_de"]
    columns = {"pr_id": list(range(1, len(d) + 1)), "pr_title": d["name"].tolist(), "pr_key": d["key"].tolist(),
               "pr_subtitle": _subtitles(profiles, words),
               "pr_badge": badge_texts(profiles, words, class_title, cluster_title),
               "pr_note": d["note"].tolist(), "pr_valid": d["valid"].astype(int).tolist(),
               "findings": findings.tolist(), **extra}
    if "rank_line" in d:  # the robust rank as a field of its own, for a template's own label
        columns["pr_rank"] = d["rank_line"].tolist()
    kinds = {name: "text" for name in columns}
    kinds["pr_valid"] = kinds["pr_id"] = "int"
    for ind in profiles.indicators:
        cells, f = profiles.cells[ind.field], ind.field
        columns.update({f"pr_{f}_value": profiles.value_text(ind, lang).tolist(),
                        f"pr_{f}_city": [profiles.city_text(ind, lang)] * len(d),
                        f"pr_{f}_dev": profiles.deviation_text(ind, lang).tolist(),
                        f"pr_{f}_rank": profiles.rank_text(ind, lang).tolist()})
        kinds.update({f"pr_{f}_{s}": "text" for s in ("value", "city", "dev", "rank")})
        if profiles.parents:  # the parent's value beside the city's (areas.compare)
            columns[f"pr_{f}_parent"], kinds[f"pr_{f}_parent"] = profiles.parent_text(ind, lang).tolist(), "text"
        for suffix, source, kind in (("num", "value", "real"), ("ratio", "ratio", "real"),
                                     ("rank_n", "rank", "int"), ("decile", "decile", "int")):
            cast = int if kind == "int" else float
            columns[f"pr_{f}_{suffix}"] = [None if v != v else cast(v) for v in cells[source]]
            kinds[f"pr_{f}_{suffix}"] = kind
    return columns, kinds


def row_columns(request: SheetRequest, fit=lambda text: text) -> tuple[dict, dict]:
    """The page's table as a long table: one row per district × indicator, texts as published."""
    profiles = request.profiles
    table = sheet_columns(profiles, fit, request.lang, request.words)
    n, k = len(profiles.districts), len(profiles.indicators)
    columns = {"pr_id": [i + 1 for i in range(n) for _ in range(k)],
               "pos": [j + 1 for _ in range(n) for j in range(k)],
               "field": [ind.field for _ in range(n) for ind in profiles.indicators]}
    for name, _header, texts in table:
        per_ind = [[t] * n if isinstance(t, str) else t.tolist() for t in texts]
        columns[name] = [per_ind[j][i] for i in range(n) for j in range(k)]
    columns["chart"] = [""] * (n * k)  # the chart's column: the picture stands over it
    kinds = {name: "text" for name in columns}
    kinds["pr_id"] = kinds["pos"] = "int"
    return columns, kinds


# --- the data the atlas reads -----------------------------------------------------------------------

def _qfield(name: str, kind: str) -> QgsField:
    types = {"text": field_types.STRING, "real": field_types.DOUBLE, "int": field_types.INT}
    return QgsField(name, types[kind])


def write_profile_layer(request: SheetRequest, columns: dict, kinds: dict, rows: tuple | None = None,
                        tables: dict | None = None) -> QgsVectorLayer:
    """Source geometry and attributes plus ``columns`` as a new GeoPackage, written under a
    temporary name and moved into place; ``rows`` (columns, kinds) as its table ``profile_rows``,
    ``tables`` ({name: (columns, kinds)}) as further tables (``profile_years``)."""
    layer, folder = request.layer, request.folder
    # only what the page shows: of the source, just the fields the page or the atlas names
    keep = [f for f in layer.fields() if f.name() in request.keep_fields and f.name() not in columns
            and f.name().lower() != "fid"]
    publication = getattr(request.profiles, "publication", None)  # None: nothing to mask (no facts)
    hidden = {f.name(): publication.hidden(f.name()).tolist() if publication is not None else None
              for f in keep}
    fields = QgsFields()
    for f in keep:
        fields.append(QgsField(f))
    for name in columns:
        fields.append(_qfield(name, kinds[name]))
    dest, temp = str(folder / "profiles.gpkg"), str(folder / f".profiles.{os.getpid()}.part.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", LAYER_NAME, "UTF-8"
    writer = QgsVectorFileWriter.create(temp, fields, layer.wkbType(), layer.crs(),
                                        QgsCoordinateTransformContext(), options)
    try:
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise ProfileSheetError("profile_export_failed", file=dest, reason=writer.errorMessage())
        position = {fid: pos for pos, fid in enumerate(request.fids)}
        names = list(columns)
        for feature in layer.getFeatures():
            pos = position[feature.id()]
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            kept = [None if hidden[f.name()] and hidden[f.name()][pos] else feature[f.name()] for f in keep]
            out.setAttributes(kept + [columns[n][pos] for n in names])
            writer.addFeature(out)
        del writer  # closes the file
        if rows is not None:
            _write_rows(temp, *rows)
            for name, (more, more_kinds) in (tables or {}).items():
                _write_rows(temp, more, more_kinds, name)
            _write_city(temp, request, columns["pr_id"], columns["pr_title"])
            _write_frame(temp, request)
        replace_file(temp, dest)
    except BaseException:  # no half-written GeoPackage stays beside the PDF
        writer = None  # noqa: F841 (closes the file before it is removed)
        remove_database(temp)
        raise
    written = QgsVectorLayer(f"{dest}|layername={LAYER_NAME}", request.name, "ogr")
    if not written.isValid():
        raise ProfileSheetError("profile_export_failed", file=dest, reason="GeoPackage unreadable")
    return written


def _write_rows(path: str, columns: dict, kinds: dict, table: str = ROWS_NAME) -> None:
    """The long table (no geometry) as a second table of the GeoPackage, indexed on pr_id: the
    page's table item asks it for one district's rows on every page."""
    fields = QgsFields()
    for name in columns:
        fields.append(_qfield(name, kinds[name]))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", table, "UTF-8"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem(),
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise ProfileSheetError("profile_export_failed", file=path, reason=writer.errorMessage())
    names = list(columns)
    for values in zip(*(columns[n] for n in names)):
        out = QgsFeature(fields)
        out.setAttributes(list(values))
        writer.addFeature(out)
    del writer
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL(f"CREATE INDEX IF NOT EXISTS idx_{table}_pr_id ON {table}(pr_id)")
    ds = None  # closes the file


def _write_city(path: str, request: SheetRequest, ids: list, titles: list) -> None:
    """The districts simplified for the locator, a city some 75 mm wide: drawn on every page, the
    full boundaries cost ~0.3 s a page (Berlin) and 0.6 MB of PDF; simplified to a quarter
    millimetre on the page they look the same."""
    layer = request.layer
    extent = layer.extent()
    tolerance = max(extent.width(), extent.height()) / 75 * 0.25
    fields = QgsFields()
    fields.append(_qfield("pr_id", "int"))
    fields.append(_qfield("pr_title", "text"))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", CITY_NAME, "UTF-8"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(path, fields, layer.wkbType(), layer.crs(), QgsCoordinateTransformContext(),
                                        options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise ProfileSheetError("profile_export_failed", file=path, reason=writer.errorMessage())
    position = {fid: pos for pos, fid in enumerate(request.fids)}
    for feature in layer.getFeatures():
        pos = position[feature.id()]
        out = QgsFeature(fields)
        simple = feature.geometry().simplify(tolerance)
        out.setGeometry(simple if not simple.isEmpty() else feature.geometry())
        out.setAttributes([ids[pos], titles[pos]])
        writer.addFeature(out)
    del writer


def _write_frame(path: str, request: SheetRequest) -> None:
    """One feature, the city's bounding box: the locator's map draws the atlas district as its
    symbol (a geometry generator on @atlas_geometry), so it fetches one feature a page, not all."""
    fields = QgsFields()
    fields.append(_qfield("name", "text"))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", FRAME_NAME, "UTF-8"
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Type.Polygon, request.layer.crs(),
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise ProfileSheetError("profile_export_failed", file=path, reason=writer.errorMessage())
    out = QgsFeature(fields)
    extent = request.layer.extent()
    extent.grow(max(extent.width(), extent.height()) * 0.05)
    out.setGeometry(QgsGeometry.fromRect(extent))
    out.setAttributes(["city"])
    writer.addFeature(out)
    del writer


def table_layer(layer: QgsVectorLayer, table: str, name: str) -> QgsVectorLayer:
    """Another table of the GeoPackage ``layer`` reads."""
    path = layer.source().split("|")[0]
    other = QgsVectorLayer(f"{path}|layername={table}", name, "ogr")
    if not other.isValid():
        raise ProfileSheetError("profile_export_failed", file=path, reason=f"{table} unreadable")
    return other


def city_layer(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """The table ``profile_city`` (the locator's districts) of the GeoPackage ``layer`` reads."""
    path = layer.source().split("|")[0]
    city = QgsVectorLayer(f"{path}|layername={CITY_NAME}", name, "ogr")
    if not city.isValid():
        raise ProfileSheetError("profile_export_failed", file=path, reason="profile_city unreadable")
    return city


def rows_layer(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """The table ``profile_rows`` of the GeoPackage ``layer`` reads."""
    path = layer.source().split("|")[0]
    rows = QgsVectorLayer(f"{path}|layername={ROWS_NAME}", name, "ogr")
    if not rows.isValid():
        raise ProfileSheetError("profile_export_failed", file=path, reason="profile_rows unreadable")
    return rows


def detail_renderer() -> QgsRuleBasedRenderer:
    """The atlas district strong, its neighbours pale: one rule on @atlas_featureid and an ELSE
    rule, so each feature costs one expression per page, not two."""
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple({"color": "#fdd9b5", "outline_color": "#d95f02",
                                          "outline_width": "0.7", "outline_width_unit": "MM"})
    others = QgsFillSymbol.createSimple({"color": "#eef0f3", "outline_color": "#b4bac2",
                                         "outline_width": "0.2", "outline_width_unit": "MM"})
    current.symbolLayer(0).setRenderingPass(1)  # after the neighbours: none hides its outline
    root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, "$id = @atlas_featureid"))
    root.appendChild(QgsRuleBasedRenderer.Rule(others, 0, 0, "ELSE"))
    renderer = QgsRuleBasedRenderer(root)
    renderer.setUsingSymbolLevels(True)
    return renderer
