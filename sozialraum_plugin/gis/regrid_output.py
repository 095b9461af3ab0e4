"""Writing a regrid's results through Processing feature sinks: the new grid and the crosswalk."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields

from ..core.errors import MethodError
from . import field_types
from .regrid_overlay import grid_key

MARKER = "suppressed_fields"
COVERED = "covered_share"
_TYPES = {"dominant_key": field_types.STRING, "sources": field_types.INT, "mixed": field_types.BOOL,
          MARKER: field_types.STRING}


def _crosswalk_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (("old_key", field_types.STRING), ("new_key", field_types.STRING), ("share", field_types.DOUBLE),
                       ("basis", field_types.STRING)):
        fields.append(QgsField(name, kind))
    return fields


CROSSWALK_FIELDS = _crosswalk_fields()


def output_fields(target, target_key: str, values: list, quality: list) -> tuple[QgsFields, list]:
    """TARGET's fields (not its fid unless it is the key, not those a computed field replaces) and
    then the computed ones; and the names of the replaced fields. The key stays TARGET's own."""
    computed = values + quality + [COVERED, MARKER]
    check_names(values, quality)
    lowered = {c.lower() for c in computed}
    if target_key.lower() in lowered:
        raise MethodError("indicator_replaces_identity", indicator=target_key, column=target_key)
    fields = QgsFields()
    for f in target.fields():  # its fid only where it is the key: the areas' name, not a row number
        if (f.name().lower() != "fid" or f.name() == target_key) and f.name().lower() not in lowered:
            fields.append(QgsField(f))
    for name in computed:
        fields.append(QgsField(name, _TYPES.get(name, field_types.DOUBLE)))
    return fields, [f.name() for f in target.fields() if f.name().lower() in lowered]


def check_names(values: list, quality: list) -> None:
    """A carried count or rate named like another output field (GeoPackage names ignore case)
    would be written twice and shift every later attribute: refused, naming it."""
    reserved = list(quality) + [COVERED, MARKER]
    seen = {}
    for name in [*values, *reserved]:
        if name.lower() in seen:
            raise MethodError("regrid_field_clash", field=name, other=seen[name.lower()],
                              reserved=", ".join(reserved))
        seen[name.lower()] = name


def write_grid(sink, fields: QgsFields, target, target_key: str, values, markers, quality, covered) -> None:
    """One feature per new area: TARGET's geometry and attributes, the (published) carried values,
    the quality fields, covered_share and the publication rule's marker."""
    position = {k: i for i, k in enumerate(values.index)}
    names = list(values.columns)
    own = fields.count() - len(names) - len(quality.columns) - 2  # TARGET's fields come first
    kept = [target.fields().indexOf(fields.at(i).name()) for i in range(own)]
    for feature in target.getFeatures():
        key = grid_key(feature[target_key])
        i = position[key]
        attributes = feature.attributes()
        row, judged = values.iloc[i], quality.loc[key]
        out = [attributes[j] for j in kept]
        out += [_plain(row[name]) for name in names]
        out += [_plain(judged["dominant_share"]), judged["dominant_key"], int(judged["sources"]),
                _plain(judged["exact_share"]), bool(judged["mixed"])]
        out += [None if covered is None else covered.get(key), markers[i] or None]
        new = QgsFeature(fields)
        new.setGeometry(feature.geometry())
        new.setAttributes(out)
        sink.addFeature(new)


def write_crosswalk(sink, crosswalk) -> None:
    for row in crosswalk.table.itertuples(index=False):
        feature = QgsFeature(CROSSWALK_FIELDS)
        feature.setAttributes([row.old, row.new, float(row.share), row.basis])
        sink.addFeature(feature)


def _plain(value):
    """A cell for QGIS: None for missing, a float otherwise."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return None if number != number else number
