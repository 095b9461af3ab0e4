"""What a profile atlas reads: the texts of each page, one value column per field, the GeoPackage.

Kept apart from the layout (profile_atlas.py) because it is the data side of the sheets: plain
text and numbers per district, computed from :class:`~sozialraum_plugin.core.profile.Profiles`,
then written with the source geometry to a GeoPackage of its own, the only layer the atlas reads
(live joins have crashed atlases, QGIS #40353). Each table column is one multi-line text per
district: the sheet item draws it in one call, a template shows it in one label. The request and
the error live here too, as both modules use them; so does the written layer's renderer.

The texts are German, like the class labels of the published tables (DESIGN §2); the English
findings are in the field ``findings_en`` for templates that want them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ...core.errors import SozialraumError
from ...core.fileio import replace_file
from ...core.formatting import format_date
from ...core.profile import Profiles
from ..gpkg_rtree import remove_database

LAYER_NAME = "profiles"
CITY_METHOD_TEXT = {"rate": "Summe der Zähler durch Summe der Nenner", "weighted": "bevölkerungsgewichtet",
                    "median": "Median der Gebiete", "mean": "Mittel der Gebiete"}


class ProfileSheetError(SozialraumError):
    """The sheets cannot be laid out or exported."""


@dataclass
class SheetRequest:
    layer: QgsVectorLayer
    profiles: Profiles
    fids: list  # source feature ids, in the order of the profiles' rows
    output: str
    title: str = "Sozialraumprofil"
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

    @property
    def name(self) -> str:
        return f"Sozialraumprofile \u2013 {Path(self.output).stem}"

    @property
    def folder(self) -> Path:
        return Path(self.output).with_name(Path(self.output).stem + "_files")


# --- texts of the page ------------------------------------------------------------------------------

def sheet_columns(profiles: Profiles, fit=lambda text: text) -> list[tuple[str, str, list]]:
    """(field, header, texts per indicator) of the table, left to right; ``fit`` wraps names."""
    inds = profiles.indicators
    cols = [("pr_col_label", "Indikator", [fit(i.label) for i in inds]),
            ("pr_col_value", "Gebiet", [profiles.value_text(i) for i in inds]),
            ("pr_col_city", "Stadt", [profiles.city_text(i) for i in inds]),
            ("pr_col_dev", "Abweichung", [profiles.deviation_text(i) for i in inds]),
            ("pr_col_rank", "Rang", [profiles.rank_text(i) for i in inds])]
    if profiles.trend_years:
        years = profiles.trend_years.values()
        header = f"Trend {min(y[0] for y in years)}\u2013{max(y[1] for y in years)}"
        cols.append(("pr_col_trend", header, [profiles.trend_text(i) for i in inds]))
    return cols


def join_rows(cells: list[str], lines: int = 2) -> str:
    """One column as one multi-line text, each row ``lines`` text lines high: the blank lines give the
    rows air, and the second line of a wrapped name uses one, so every row stays on its stripe."""
    text = cells[0]
    for previous, cell in zip(cells, cells[1:]):
        text += "\n" * (lines - previous.count("\n")) + cell
    return text


def thresholds_text(profiles: Profiles, suppress_below: float) -> str:
    """'3' or '3; Kinder unter 18: unter 5': the thresholds the rule used, an indicator's own too."""
    own = profiles.publication.thresholds if profiles.publication is not None else {}
    items = []
    for ind in profiles.indicators:
        used = [own[c] for c in (ind.field, ind.numerator, ind.denominator) if c in own]
        if used and max(used) != suppress_below:
            items.append(f"{ind.label}: unter {max(used):g}")
    return "; ".join([f"{suppress_below:g}"] + items)


def legend_text(profiles: Profiles, suppress_below: float, min_population: float) -> str:
    methods: dict[str, list] = {}
    for ind in profiles.indicators:
        methods.setdefault(profiles.city[ind.field].method, []).append(ind.label)
    city = "; ".join(f"{CITY_METHOD_TEXT[m]} ({', '.join(labels)})" for m, labels in methods.items())
    # the city value is the official figure of all areas; say so where the valid areas' one differs
    differing = [f"{ind.label} {profiles.format(ind, profiles.city[ind.field].reference)}"
                 for ind in profiles.indicators
                 if profiles.format(ind, profiles.city[ind.field].reference) != profiles.city_text(ind)
                 and profiles.city[ind.field].reference == profiles.city[ind.field].reference]
    valid = f" Gültige Gebiete allein: {', '.join(differing)}." if differing else ""
    below = thresholds_text(profiles, suppress_below)
    return ("Einordnung: Strich = Stadtwert, dunkelgrau = mittlere Hälfte, hellgrau = alle Gebiete; "
            "rechts = mehr Bedarf bzw. höherer Wert. Punkt orange / blau: unter den 20 % der Gebiete "
            f"mit dem höchsten / geringsten Bedarf. Stadtwert (alle Gebiete): {city}.{valid} Rang unter "
            f"den ausgewiesenen Werten. \u00b7 = nicht ausgewiesen (Fallzahl unter {below}, "
            f"daraus berechnet oder zu ihrem Schutz, oder unter {min_population:g} Einwohnern).")


def footer_text(request: SheetRequest) -> str:
    parts = (f"Quelle: {request.source_text}" if request.source_text else "",
             f"Stand: {format_date(date.today())}")
    return " \u00b7 ".join(p for p in parts if p)


def profile_columns(profiles: Profiles, extra: dict, fit=lambda text: text, lines: int = 2):
    """Field → values (one per district) and field → kind ('text', 'real', 'int') for the GeoPackage."""
    d = profiles.districts
    subtitle = [" \u00b7 ".join(p for p in (f"Nr. {k}" if k else "", pop) if p)
                for k, pop in zip(d["key"], d["population_text"])]
    columns = {"pr_title": d["name"].tolist(), "pr_key": d["key"].tolist(), "pr_subtitle": subtitle,
               "pr_badge": d["badge"].tolist(), "pr_note": d["note"].tolist(),
               "pr_valid": d["valid"].astype(int).tolist(), "findings": d["findings_de"].tolist(),
               "findings_en": d["findings_en"].tolist(), **extra}
    kinds = {name: "text" for name in columns}
    kinds["pr_valid"] = "int"
    for ind in profiles.indicators:
        cells, f = profiles.cells[ind.field], ind.field
        columns.update({f"pr_{f}_value": profiles.value_text(ind).tolist(),
                        f"pr_{f}_city": [profiles.city_text(ind)] * len(d),
                        f"pr_{f}_dev": profiles.deviation_text(ind).tolist(),
                        f"pr_{f}_rank": profiles.rank_text(ind).tolist()})
        kinds.update({f"pr_{f}_{s}": "text" for s in ("value", "city", "dev", "rank")})
        for suffix, source, kind in (("num", "value", "real"), ("ratio", "ratio", "real"),
                                     ("rank_n", "rank", "int"), ("decile", "decile", "int")):
            cast = int if kind == "int" else float
            columns[f"pr_{f}_{suffix}"] = [None if v != v else cast(v) for v in cells[source]]
            kinds[f"pr_{f}_{suffix}"] = kind
    for name, header, texts in sheet_columns(profiles, fit):
        cells = [[t] * len(d) if isinstance(t, str) else t.tolist() for t in texts]  # per indicator
        columns[name] = [join_rows([header] + list(row), lines) for row in zip(*cells)]
        kinds[name] = "text"
    return columns, kinds


# --- the data the atlas reads -----------------------------------------------------------------------

def _qfield(name: str, kind: str) -> QgsField:
    if Qgis.QGIS_VERSION_INT >= 33800:  # QGIS ≥ 3.38 (and 4) type fields with QMetaType
        from qgis.PyQt.QtCore import QMetaType
        types = {"text": QMetaType.Type.QString, "real": QMetaType.Type.Double, "int": QMetaType.Type.Int}
    else:
        types = {"text": QVariant.String, "real": QVariant.Double, "int": QVariant.Int}
    return QgsField(name, types[kind])


def write_profile_layer(request: SheetRequest, columns: dict, kinds: dict) -> QgsVectorLayer:
    """Source geometry and attributes plus ``columns`` as a new GeoPackage, written under a
    temporary name and moved into place."""
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
        replace_file(temp, dest)
    except BaseException:  # no half-written GeoPackage stays beside the PDF
        writer = None  # noqa: F841 (closes the file before it is removed)
        remove_database(temp)
        raise
    written = QgsVectorLayer(f"{dest}|layername={LAYER_NAME}", request.name, "ogr")
    if not written.isValid():
        raise ProfileSheetError("profile_export_failed", file=dest, reason="GeoPackage unreadable")
    return written


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
