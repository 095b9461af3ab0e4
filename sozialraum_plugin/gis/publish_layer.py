"""A report's two district GeoPackages: the internal one with every raw value, the published one.

``sozialraum_intern.gpkg`` keeps the raw values the user needs to work on (and that the profile
sheets need for city values); its layer description says it is internal. ``sozialraum.gpkg`` is
the copy that may be published: every cell the publication rule hides is NULL, and the one marker
column ``suppressed_fields`` lists the hidden fields per district (the join's markers are
replaced by it). Both are written under a temporary name and renamed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsVectorLayer

from . import writer

if TYPE_CHECKING:  # the rule imports pandas: not at plugin start (make bench P4)
    from ..core.publish.rule import Publication

MARKER = "suppressed_fields"
INTERNAL_NOTE = "internal – contains unpublished values (intern – enthält nicht veröffentlichte Werte)"
PUBLISHED_NOTE = "published – hidden cells are NULL, listed in suppressed_fields"


def markers(layer: QgsVectorLayer) -> list[str]:
    """The join's marker columns (one, or one per table where several tables were joined)."""
    return [n for n in layer.fields().names() if n.startswith(MARKER)]


def write_district_layer(layer: QgsVectorLayer, dest: str, layer_name: str, decide, *,
                         masked: bool) -> tuple[writer.WrittenLayer, Publication]:
    """Copy ``layer`` to ``dest``; ``decide(frame)`` returns the rule's answer for the source's
    attributes (indexed by feature id). With ``masked`` the hidden cells become NULL. The marker
    columns are replaced by the rule's list in both."""
    names = [n for n in layer.fields().names() if n.lower() != "fid"]
    features = writer.read_features(layer)
    frame = writer.read_frame(layer, names, features)
    publication = decide(frame)
    fids = frame.index.tolist()
    blank: dict = {}
    if masked:
        at = {n: i for i, n in enumerate(layer.fields().names())}
        for col in publication.mask.columns:
            if col not in at:
                continue
            for fid in publication.mask.index[publication.mask[col].to_numpy(dtype=bool)].tolist():
                blank.setdefault(fid, []).append(at[col])
    texts = [text or None for text in publication.hidden_fields()]
    written = writer.write_layer(layer, dest, layer_name, {MARKER: texts}, {MARKER: "text"}, fids=fids,
                                 blank=blank, drop=markers(layer),
                                 description=PUBLISHED_NOTE if masked else INTERNAL_NOTE, features=features)
    return written, publication


def same_rows(publication: Publication, frame) -> Publication:
    """The rule's answer moved onto another copy of the same rows (same order, other fids)."""
    from dataclasses import replace

    if len(frame) != len(publication.mask):
        raise ValueError("the published copy has other rows than the internal layer")
    mask, reasons = publication.mask.copy(), publication.reasons.copy()
    mask.index = reasons.index = frame.index
    return replace(publication, mask=mask, reasons=reasons)


def published_copy(layer: QgsVectorLayer, names: list[str], decide) -> tuple[QgsVectorLayer | None, Publication]:
    """The publication rule over ``names`` of ``layer`` (with its marker columns): ``decide(frame,
    hidden)`` gets the attributes (None for NULL, one row per feature) and the cells the markers
    list, and returns the rule's answer. Returns a memory copy with every hidden cell NULL and the
    rule's list in ``suppressed_fields`` (so a map can tell hidden from missing), or None when no
    hidden cell holds a value (a published layer, or nothing to hide: the layer is used as it is).

    A map of a raw layer would otherwise label the hidden value, and its classes (legend bounds)
    would be computed from it.
    """
    import pandas as pd
    from qgis.core import QgsFeatureRequest, QgsField

    from ..core.publish.rule import cells_from_markers
    from . import field_types

    old = markers(layer)
    fields = layer.fields()
    wanted = [n for n in dict.fromkeys(names) if n and fields.indexFromName(n) >= 0 and n not in old]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted + old, fields)
    rows, fids = [], []
    for feature in layer.getFeatures(request):
        fids.append(feature.id())
        rows.append([None if _null(feature[n]) else feature[n] for n in wanted + old])
    frame = pd.DataFrame(rows, columns=wanted + old, index=fids, dtype=object)
    publication = decide(frame, cells_from_markers(frame, old))
    changes = {}
    for col in publication.mask.columns.intersection(wanted):
        hide = publication.mask[col] & frame[col].notna()
        for fid in hide[hide].index:
            changes.setdefault(fid, {})[fields.indexFromName(col)] = None
    if not changes:
        return None, publication
    copy = layer.materialize(QgsFeatureRequest())
    copy.setName(layer.name())
    if copy.fields().indexFromName(MARKER) < 0:
        copy.dataProvider().addAttributes([QgsField(MARKER, field_types.STRING)])
        copy.updateFields()
    marker = copy.fields().indexFromName(MARKER)
    listed = dict(zip(fids, publication.hidden_fields()))
    fid_map = {original.id(): copied.id() for original, copied in zip(layer.getFeatures(), copy.getFeatures())}
    for fid in fids:
        own = set(str(frame.at[fid, MARKER] or "").split(",")) if MARKER in frame.columns else set()
        text = ",".join(n for n in dict.fromkeys([*sorted(own - {""}), *listed[fid].split(",")]) if n)
        changes.setdefault(fid, {})[marker] = text or None
    copy.dataProvider().changeAttributeValues({fid_map[fid]: hide for fid, hide in changes.items()})
    return copy, publication


def marker_expression(field: str, names: list[str]) -> str:
    """True where a marker column lists ``field`` (an expression for the map's 'not shown' class)."""
    quoted = "'" + field.replace("'", "''") + "'"
    tests = [f"array_contains(string_to_array(coalesce(\"{n}\", ''), ','), {quoted})" for n in names]
    return "(" + " OR ".join(tests) + ")" if tests else "false"


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())
