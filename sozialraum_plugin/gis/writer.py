"""The one writer of vector outputs: the source's features plus result columns, through QGIS.

The attributes a computation needs are read through QGIS (no geometry, only those fields) into
pandas; the source's features are then written once, with the new columns, through QGIS's own
writers: ``QgsVectorFileWriter`` for a GeoPackage file (built under a temporary name beside it
and moved into place, so a failed run leaves the old file), the Processing sink for anything
else QGIS offers (``memory:``, ``ogr:dbname=… table=…``), and ``QgsVectorLayerExporter`` into a
staging table renamed into place in one SQL transaction for PostGIS (``destination.py``).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import SozialraumError
from ..core.fileio import create_temp, move_side_files, remove_quietly, replace_file
from .destination import Destination, OutputError, destination
from .field_values import column_values, kind_of, qfield

__all__ = ["Destination", "OutputError", "SozialraumError", "WrittenLayer", "check_destination", "check_writable",
           "column_values", "copy_layer", "destination", "discard", "kind_of", "qfield", "read_features",
           "read_frame", "source_path", "write_layer", "write_results"]

BATCH = 2000  # features handed to the writer at once
# Up to this many features the source is read once, geometry included, and kept for the write:
# reading a layer costs as much as writing it (QGIS's OGR provider, ~6 µs a feature). Larger
# layers (a Kreis's 100 m grid) are read twice instead of being held in memory.
KEEP_FEATURES = 300_000


@dataclass
class WrittenLayer:
    path: str  # the GeoPackage file ('' for a memory or database layer)
    layer_name: str
    replaced_existing: bool
    result: str = ""  # what Processing returns for a memory or database layer (layer id, provider URI)
    invalid_keys: list | None = field(default=None, repr=False)

    @property
    def uri(self) -> str:
        return self.result or f"{self.path}|layername={self.layer_name}"


def same_file(a, b) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def source_path(layer: QgsVectorLayer) -> str:
    """The file behind a layer ('' for non-file providers)."""
    return layer.source().split("|", 1)[0] if layer.providerType() == "ogr" else ""


def check_destination(dest: str, *sources: str) -> None:
    """Refuse to write over an input: the user's sources are never modified."""
    for src in sources:
        if src and os.path.exists(src) and os.path.exists(dest) and same_file(src, dest):
            raise OutputError("output_is_source", file=dest)


def discard(path: str) -> None:
    """Delete a GeoPackage being built, with its SQLite journal files."""
    remove_quietly(path)
    move_side_files(path)


# --- reading --------------------------------------------------------------------------------------

def _plain(value):
    """None for QGIS's NULL (a null QVariant), the value otherwise."""
    return None if value is None or isinstance(value, QVariant) else value


def read_features(layer: QgsVectorLayer) -> list | None:
    """Every feature of ``layer`` (geometry and attributes), or None where it is too large to keep."""
    count = layer.featureCount()
    if count < 0 or count > KEEP_FEATURES:
        return None
    return list(layer.getFeatures())


def read_frame(layer: QgsVectorLayer, fields: list[str], features: list | None = None):
    """``fields`` of every feature (no geometry), indexed by feature id, in the layer's order
    (from ``features`` where the caller has read them already)."""
    import pandas as pd

    names = layer.fields().names()
    wanted = list(dict.fromkeys(f for f in fields if f in names))
    index = [names.index(f) for f in wanted]
    if features is None:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(index)
        features = layer.getFeatures(request)
    if isinstance(features, list):  # column by column: only the wanted attributes are converted
        fids = [feature.id() for feature in features]
        columns = [[feature.attribute(i) for feature in features] for i in index]
    else:
        fids, rows = [], []
        for feature in features:
            fids.append(feature.id())
            rows.append([feature.attribute(i) for i in index])
        columns = list(zip(*rows)) if rows else [() for _ in wanted]
    data = {}
    for name, values in zip(wanted, columns):
        data[name] = [_plain(v) for v in values]
    frame = pd.DataFrame(data, index=pd.Index(fids, name="fid"), columns=wanted)
    return frame.infer_objects()


# --- writing --------------------------------------------------------------------------------------

@dataclass
class _Plan:
    """How each written feature is made from a source feature."""
    fields: QgsFields
    replace_at: list  # (source attribute index, column position) of replaced columns
    append: list  # column positions appended at the end
    values: list  # per column: values aligned with ``row_of``
    row_of: dict  # feature id → row position in ``values``
    kept: list | None = None  # source attribute indices written (None: all)


def _plan(layer: QgsVectorLayer, columns: dict, kinds: dict, fids, drop=()) -> _Plan:
    """Result columns that share a name with a source field (case-insensitive: GeoPackage and
    PostgreSQL fold it) replace that field in place (a re-run holds one generation); the others
    are appended."""
    source = layer.fields()
    lower = {n.lower(): i for i, n in enumerate(source.names())}
    names = list(columns)
    replaced, append = {}, []
    for pos, name in enumerate(names):
        at = lower.get(name.lower())
        if at is not None:
            replaced[at] = pos
        else:
            append.append(pos)
    dropped = {n.lower() for n in drop} - {n.lower() for n in names}
    kept = [i for i in range(source.count()) if source.at(i).name().lower() not in dropped]
    fields = QgsFields()
    for i in kept:
        fields.append(qfield(source.at(i).name(), kinds.get(names[replaced[i]], "text"))
                      if i in replaced else QgsField(source.at(i)))
    for pos in append:
        fields.append(qfield(names[pos], kinds.get(names[pos], "text")))
    replace_at = sorted(replaced.items())
    values = [columns[n] for n in names]
    return _Plan(fields, replace_at, append, values, {fid: row for row, fid in enumerate(fids)},
                 kept if len(kept) < source.count() else None)


def _features(layer: QgsVectorLayer, plan: _Plan, blank: dict, invalid_key: str | None, found: list,
              feedback=None, features=None, where: str = "", new_fid: tuple | None = None):
    """The written features in batches: source attributes, replaced and appended values.

    Values are set by index (``padAttributes`` + ``setAttribute``): the source's own attributes
    are never converted to Python and back, which is most of the cost of a wide layer.
    A cancel raises (``output_canceled``): every destination then drops what it was building;
    merely stopping would let a database table or an ogr: layer be swapped for the part written.
    ``new_fid`` (attribute index, first free id): ids for unsaved new features (``_new_fids``)."""
    fid_at, next_fid = new_fid if new_fid else (-1, 0)
    key_at = layer.fields().indexFromName(invalid_key) if invalid_key else -1
    width = layer.fields().count()
    extra = list(zip(*(plan.values[p] for p in plan.append))) if plan.append else None
    replace = [(at, plan.values[pos]) for at, pos in plan.replace_at]
    narrow = plan.kept is None and width <= 2 * len(plan.append)
    batch = []
    for feature in layer.getFeatures() if features is None else features:
        fid = feature.id()
        row = plan.row_of.get(fid)
        if key_at >= 0:
            geometry = feature.geometry()
            if not geometry.isNull() and not geometry.isGeosValid():
                found.append(_plain(feature.attribute(key_at)))
        for at, values in replace:
            feature.setAttribute(at, None if row is None else values[row])
        if fid_at >= 0 and _plain(feature.attribute(fid_at)) is None:
            feature.setAttribute(fid_at, next_fid)
            next_fid += 1
        hidden = blank.get(fid)
        if hidden:
            for at in hidden:
                feature.setAttribute(at, None)
        if plan.kept is not None:  # (an earlier run's marker columns left out: rare)
            attrs = feature.attributes()
            feature.setAttributes([attrs[i] for i in plan.kept])
        if extra is not None:
            if narrow and row is not None:  # one call: cheaper where the source has few fields
                feature.setAttributes(feature.attributes() + list(extra[row]))
            else:
                start = len(plan.kept) if plan.kept is not None else width
                feature.padAttributes(len(plan.append))
                if row is not None:
                    for j, value in enumerate(extra[row], start):
                        feature.setAttribute(j, value)
        batch.append(feature)
        if len(batch) >= BATCH:
            yield batch
            batch = []
            _check_canceled(feedback, where)
    if batch:
        yield batch
    _check_canceled(feedback, where)


def _check_canceled(feedback, where: str) -> None:
    if feedback is not None and feedback.isCanceled():
        raise OutputError("output_canceled", file=where)


def _add(sink, features, where: str) -> None:
    """Hand a batch to the writer; FastInsert: the sink need not report the new ids back (the
    PostgreSQL exporter then skips RETURNING; a file writer ignores it)."""
    if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
        reason = sink.lastError() if hasattr(sink, "lastError") else ""
        raise OutputError("output_write_failed", file=where, reason=reason or "the writer refused a feature")


def write_layer(layer: QgsVectorLayer, dest, layer_name: str, columns: dict | None = None,
                kinds: dict | None = None, *, blank: dict | None = None, invalid_key: str | None = None,
                description: str | None = None, finish=None, fids=None, drop=(), feedback=None,
                features: list | None = None) -> WrittenLayer:
    """Write ``layer``'s features with ``columns`` (name → values aligned with ``fids``) to ``dest``
    (a GeoPackage path or a :class:`Destination`) in one pass.

    ``blank``: {feature id: [source attribute index, …]} set to NULL (the published copy);
    ``drop``: source fields left out (an earlier run's columns that this one does not write);
    ``invalid_key``: a field whose value is listed (``WrittenLayer.invalid_keys``) for every
    feature GEOS calls invalid; ``description``: the GeoPackage layer's description;
    ``finish(path, layer_name)``: more tables into a GeoPackage being built, before it is moved
    into place; ``features``: the source's features, read already (``read_features``).
    """
    target = dest if isinstance(dest, Destination) else destination(dest, layer_name)
    columns, kinds = columns or {}, kinds or {}
    plan = _plan(layer, columns, kinds, fids if fids is not None else [], drop)
    wkb = layer.wkbType()
    if QgsWkbTypes.geometryType(wkb) == QgsWkbTypes.GeometryType.PolygonGeometry:
        wkb = QgsWkbTypes.multiType(wkb)  # shapefiles mix polygons and multipolygons under one type
    blank = blank or {}
    found: list = []
    batches = _features(layer, plan, blank, invalid_key, found, feedback, features, target.display(),
                        _new_fids(layer, plan.fields))
    if target.kind == "file":
        written = _write_file(layer, target, plan, wkb, batches, description, finish, feedback)
    else:
        written = target.write(layer, plan.fields, wkb, batches, _add)
    written.invalid_keys = found if invalid_key else None
    return written


# GDAL's documented SQLite settings for the file being built, in this thread only: a larger page
# cache (GDAL before 3.7 fills the R-tree row by row at close, ~10 % faster) and no fsync while a
# temporary file is written (it is discarded on any error and renamed only when complete).
BUILD_OPTIONS = {"OGR_SQLITE_CACHE": "256", "OGR_SQLITE_SYNCHRONOUS": "OFF"}


@contextmanager
def _build_options():
    from osgeo import gdal

    old = {k: gdal.GetThreadLocalConfigOption(k, None) for k in BUILD_OPTIONS}
    for key, value in BUILD_OPTIONS.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in old.items():
            gdal.SetThreadLocalConfigOption(key, value)


def _write_file(layer, target: Destination, plan: _Plan, wkb, batches, description, finish,
                feedback) -> WrittenLayer:
    with _build_options():
        return _write_file_now(layer, target, plan, wkb, batches, description, finish, feedback)


def _write_file_now(layer, target: Destination, plan: _Plan, wkb, batches, description, finish,
                    feedback) -> WrittenLayer:
    path = target.path
    check_destination(path, source_path(layer))
    check_writable(path)
    temp = create_temp(path, ".part.gpkg")
    remove_quietly(temp)  # the writer creates it (an empty file is no GeoPackage)
    writer = None
    try:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName, options.layerName, options.fileEncoding = "GPKG", target.layer_name, "UTF-8"
        layer_options = [f"DESCRIPTION={description}"] if description else []
        if not _fid_is_key(layer, plan.fields):  # a plain attribute named fid (text, repeated) stays one
            layer_options.append(f"FID={SPARE_FID}")
        options.layerOptions = layer_options  # (a copy: appending to the attribute changes nothing)
        writer = QgsVectorFileWriter.create(temp, plan.fields, wkb, layer.crs(), QgsCoordinateTransformContext(),
                                            options)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise OutputError("output_write_failed", file=path, reason=writer.errorMessage())
        for batch in batches:  # (raises output_canceled on a cancel)
            _add(writer, batch, path)
        del writer  # closes the file (the spatial index is built here)
        writer = None
        if finish is not None:
            finish(temp, target.layer_name)
        replaced = replace_file(temp, path)
    except BaseException:
        writer = None  # noqa: F841 (closes the file before it is removed)
        discard(temp)
        raise
    return WrittenLayer(path, target.layer_name, replaced)


SPARE_FID = "sr_fid"  # the GeoPackage's own id column where the source has an attribute called fid


def _fid_is_key(layer: QgsVectorLayer, fields: QgsFields) -> bool:
    """Can a field named fid be GDAL's id column (QGIS's writer takes it as the feature id)? Yes
    where there is none, or where it is the source's own integer key (a GeoPackage's fid)."""
    at = fields.lookupField("fid")
    if at < 0:
        return True
    source_at = layer.fields().lookupField(fields.at(at).name())
    return source_at in layer.dataProvider().pkAttributeIndexes() and fields.at(at).isNumeric()


def _new_fids(layer: QgsVectorLayer, fields: QgsFields) -> tuple | None:
    """Features added in QGIS and not saved have no fid yet (NULL): the GeoPackage writer let GDAL
    number the first one 1, and the saved feature 1 then failed ("UNIQUE constraint failed: fid").
    They get ids after the largest one instead: (attribute index, first free id), or None."""
    buffer = layer.editBuffer() if layer.isEditable() else None
    at = layer.fields().lookupField("fid")
    if buffer is None or not buffer.addedFeatures() or at < 0 or not _fid_is_key(layer, fields):
        return None
    largest = _plain(layer.maximumValue(at))
    return at, int(largest or 0) + 1


def check_writable(dest: str) -> None:
    """Before any work: can a file be made beside ``dest``? (A read-only folder is reported by
    name here, not as a GDAL failure after the copy.)"""
    remove_quietly(create_temp(dest))


def copy_layer(layer: QgsVectorLayer, dest, layer_name: str, **options) -> WrittenLayer:
    """``layer`` as a new layer at ``dest`` (atomically where it is a file)."""
    return write_layer(layer, dest, layer_name, **options)


def write_results(layer: QgsVectorLayer, dest, layer_name: str, fields: list[str], compute, *,
                  finish=None, feedback=None) -> WrittenLayer:
    """Write ``layer`` with the columns of ``compute(frame, layer)`` to ``dest``.

    ``frame`` holds ``fields`` of the source indexed by feature id; ``compute`` returns a DataFrame
    on the same index. Columns the layer already has (a re-run) are replaced, so the output never
    carries two generations of results.
    """
    features = read_features(layer)
    frame = read_frame(layer, fields, features)
    result = compute(frame, layer)
    kinds = {c: kind_of(result[c]) for c in result.columns}
    values = {c: column_values(result[c], kinds[c]) for c in result.columns}
    return write_layer(layer, dest, layer_name, values, kinds, fids=result.index.tolist(), finish=finish,
                       feedback=feedback, features=features)

