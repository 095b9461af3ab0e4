"""A report's two district GeoPackages: the internal one with every raw value, the published one.

``sozialraum_intern.gpkg`` keeps the raw values the user needs to work on (and that the profile
sheets need for city values); its layer description says it is internal. ``sozialraum.gpkg`` is
the copy that may be published: every cell the publication rule hides is NULL, and the one marker
column ``suppressed_fields`` lists the hidden fields per district (the join's markers are
replaced by it). Both are written under a temporary name and renamed.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing

from qgis.core import QgsVectorLayer

from ..core.publish.rule import Publication
from . import gpkg
from .gpkg import quote_name

MARKER = "suppressed_fields"
INTERNAL_NOTE = "internal – contains unpublished values (intern – enthält nicht veröffentlichte Werte)"
PUBLISHED_NOTE = "published – hidden cells are NULL, listed in suppressed_fields"


def markers(layer: QgsVectorLayer) -> list[str]:
    """The join's marker columns (one, or one per table where several tables were joined)."""
    return [n for n in layer.fields().names() if n.startswith(MARKER)]


def write_district_layer(layer: QgsVectorLayer, dest: str, layer_name: str, decide, *,
                         masked: bool) -> tuple[gpkg.WrittenLayer, Publication]:
    """Copy ``layer`` to ``dest``; ``decide(frame)`` returns the rule's answer for the copy's
    attributes (indexed by fid). With ``masked`` the hidden cells become NULL. The marker column
    is replaced by the rule's list in both."""
    names = [n for n in layer.fields().names() if n.lower() != "fid"]
    holder = {}

    def build(temp: str):
        frame = gpkg.read_fields(temp, layer_name, names)
        publication = holder["publication"] = decide(frame)
        fids = frame.index.tolist()
        old = markers(layer)
        if old:
            gpkg.drop_columns(temp, layer_name, old)
        with closing(sqlite3.connect(temp)) as db, db:  # closed, not only committed
            if masked:
                table = quote_name(layer_name)
                for col in publication.mask.columns:
                    rows = [(int(f),) for f, hide in zip(fids, publication.mask[col].tolist()) if hide]
                    if rows:
                        db.executemany(f"UPDATE {table} SET {quote_name(col)} = NULL WHERE fid = ?", rows)
            db.execute("UPDATE gpkg_contents SET description = ? WHERE table_name = ?",
                       (PUBLISHED_NOTE if masked else INTERNAL_NOTE, layer_name))
        texts = [text or None for text in publication.hidden_fields()]
        return {MARKER: texts}, {MARKER: "text"}, fids

    written = gpkg.write_with_columns(layer, dest, layer_name, build)
    return written, holder["publication"]


def same_rows(publication: Publication, frame) -> Publication:
    """The rule's answer moved onto another copy of the same rows (same order, other fids)."""
    from dataclasses import replace

    if len(frame) != len(publication.mask):
        raise ValueError("the published copy has other rows than the internal layer")
    mask, reasons = publication.mask.copy(), publication.reasons.copy()
    mask.index = reasons.index = frame.index
    return replace(publication, mask=mask, reasons=reasons)


def masked_copy(layer: QgsVectorLayer, fields: list[str]) -> QgsVectorLayer | None:
    """A memory copy of ``layer`` with the cells its marker columns list for ``fields`` emptied,
    or None when no such cell holds a value (a published layer: nothing to hide).

    A map of a raw layer would otherwise label the hidden value, and its classes (legend bounds)
    would be computed from it.
    """
    from qgis.core import QgsFeatureRequest

    names = markers(layer)
    if not names:
        return None
    wanted = {layer.fields().indexFromName(f): f for f in fields if layer.fields().indexFromName(f) >= 0}
    changes = {}
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        listed = set()
        for name in names:
            value = feature[name]
            listed |= set(str(value).split(",")) if value not in (None, "") and not _null(value) else set()
        hide = {index: None for index, f in wanted.items() if f in listed and not _null(feature[f])}
        if hide:
            changes[feature.id()] = hide
    if not changes:
        return None
    copy = layer.materialize(QgsFeatureRequest())
    copy.setName(layer.name())
    fid_map = {}
    for original, copied in zip(layer.getFeatures(), copy.getFeatures()):
        fid_map[original.id()] = copied.id()
    copy.dataProvider().changeAttributeValues({fid_map[fid]: hide for fid, hide in changes.items()})
    return copy


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())
