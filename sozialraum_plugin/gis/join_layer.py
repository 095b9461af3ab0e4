"""The join as QGIS sees it: a district layer + a read table → a new layer (gis/writer.py)."""
from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsVectorLayer

from ..core.tables.join import JoinResult, join_table
from . import writer

RESERVED = {"fid", "geom", "geometry"}
SUPPRESSED_FIELD = "suppressed_fields"  # which joined cells were suppressed ("·"), comma-separated


@dataclass
class LayerJoin:
    written: writer.WrittenLayer
    result: JoinResult
    invalid_keys: list | None  # district keys of invalid geometries (None: not known)


def _kinds(read_result, names_out: dict[str, str]) -> dict[str, str]:
    """Output column → 'integer' | 'real' | 'text' from the read report."""
    kinds = {}
    for original, out in names_out.items():
        try:
            kinds[out] = read_result.report.column(original).dtype
        except (KeyError, AttributeError):
            kinds[out] = "text"
    return kinds


def _unclash(added: list[str], layer_fields: list[str], prefix: str) -> dict[str, str]:
    """GeoPackage column names are case-insensitive: rename what clashes with the layer's."""
    taken = {n.lower() for n in layer_fields} | RESERVED
    renames = {}
    for name in added:
        new = name
        while new.lower() in taken:
            new = prefix + new
        taken.add(new.lower())
        if new != name:
            renames[name] = new
    return renames


def join_to_layer(layer: QgsVectorLayer, key_field: str, read_result, table_key: str, dest, layer_name: str, *,
                  transform="auto", columns=None, prefix: str = "tbl_") -> LayerJoin:
    """Write ``layer`` with the table's columns to ``dest`` (a path or a writer.Destination) in one
    pass; only the key is read beforehand; the source is never touched."""
    keep_marker = SUPPRESSED_FIELD in layer.fields().names()
    features = writer.read_features(layer)  # read once where it fits: the write takes them as they are
    frame = writer.read_frame(layer, [key_field] + ([SUPPRESSED_FIELD] if keep_marker else []), features)
    keys = [None if k is None else str(k) for k in frame[key_field].tolist()] if key_field in frame else []
    import pandas as pd

    districts = pd.DataFrame({"fid": frame.index.to_numpy(), key_field: pd.Series(keys, dtype=object)})
    result = join_table(districts, key_field, read_result, table_key, transform=transform,
                        columns=columns, prefix_on_clash=prefix, table_name=read_result.report.file,
                        districts_name=layer.name())
    added = list(result.report.columns_added)
    renames = _unclash(added, layer.fields().names(), prefix)
    if renames:
        result.frame = result.frame.rename(columns=renames)
        result.report.columns_renamed.update(renames)
        result.report.columns_added = [renames.get(n, n) for n in added]
    originals = _original_names(read_result, table_key, columns, added)
    out_names = {orig: renames.get(a, a) for orig, a in zip(originals, added)}
    kinds = _kinds(read_result, out_names)
    values = {out: writer.column_values(result.frame[out], kinds[out]) for out in out_names.values()}
    mask = _suppressed_text(result, renames)
    if mask is not None:
        if keep_marker:  # an earlier table's marker: one column for all
            mask = _merge_marker(frame[SUPPRESSED_FIELD].tolist(), mask)
        values[SUPPRESSED_FIELD] = mask
        kinds[SUPPRESSED_FIELD] = "text"
    written = writer.write_layer(layer, dest, layer_name, values, kinds, fids=districts["fid"].tolist(),
                                 invalid_key=key_field, features=features)
    return LayerJoin(written, result, [None if k is None else str(k) for k in written.invalid_keys])


join_to_gpkg = join_to_layer  # the name callers knew


def _original_names(read_result, table_key, columns, added) -> list[str]:
    """The table column behind each added column, in the same order."""
    names = list(columns) if columns else [c for c in read_result.frame.columns if c != table_key]
    return names[: len(added)]


def _merge_marker(earlier: list, mask: list) -> list:
    """The earlier tables' suppressed cells and this table's in one list per feature (the column
    is replaced in place: the appendix and the profiles read this one column)."""
    merged = []
    for old, new in zip(earlier, mask):
        names = [n for n in str(old).split(",") if n] if isinstance(old, str) else []
        names += [n for n in (new or "").split(",") if n and n not in names]
        merged.append(",".join(names) or None)
    return merged


def _suppressed_text(result: JoinResult, renames: dict) -> list | None:
    mask = result.suppressed
    if mask is None or not bool(mask.to_numpy().any()):
        return None
    import numpy as np

    mask = mask.rename(columns=renames)
    flags = mask.to_numpy(dtype=bool)
    names = np.array([str(c) for c in mask.columns], dtype=object)
    text: list = [None] * len(mask)
    for row in np.flatnonzero(flags.any(axis=1)).tolist():  # few rows carry suppressed cells
        text[row] = ",".join(names[flags[row]])
    return text
