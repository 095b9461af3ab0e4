"""Composite need indices: scaling, direction, weights, validity and the Berlin MSS preset.

Reference population. Means, standard deviations, minima and ranks are taken over the *valid*
areas only: population ≥ minimum (default 300), not excluded by the caller's mask (e.g. a QGIS
expression ``"KOM" <> 'gültig'`` evaluated in the GIS layer), and every indicator present.
Invalid areas are kept in the result with NaN index, ``valid=False`` and a German ``note``.

MSS preset (Monitoring Soziale Stadtentwicklung Berlin), checked against the published 2021
tables (see ``test/unit/test_mss_berlin.py``):

* z-standardise each indicator on the valid areas, sum the z-scores per index (status,
  dynamics), standardise the sum again; the indicators are oriented so that higher = more
  need (unemployment up → status index up);
* status classes on that index: ≤ −1.0 ``hoch`` (1), ≤ +1.0 ``mittel`` (2), < +1.5 ``niedrig``
  (3), ≥ +1.5 ``sehr niedrig`` (4) – a *low* index is a *high* social status;
* dynamics: ≤ −1.0 ``positiv`` (1), < +1.0 ``stabil`` (3), ≥ +1.0 ``negativ`` (5);
* 12 groups ``"Status mittel, Dynamik stabil"`` with code ``10·status + dynamics`` (MSS SDI_N);
* attention: status niedrig / sehr niedrig, or mittel with negative dynamics.

Standard deviation: the MSS preset uses the *population* SD (``ddof=0``) because that is what
the Senate's office computes: it reproduces the published z-scores of 2021 (Tab. 3) to the
printed two decimals (536/536, one rounding edge in zD4), whereas the sample SD misses 35-50
per indicator by up to 0.011. Both give the same 536 classes; ``ddof`` can be set either way.
Generic composite indices keep the sample SD.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .disclosure import DEFAULT_MIN_POPULATION, minimum_population
from .errors import MethodError
from .indicators import IndicatorLike, as_indicators, numeric_column, oriented

METHODS = ("zscore", "minmax", "rank")
PREFIXES = {"zscore": "z", "minmax": "mm", "rank": "pr"}

STATUS_LABELS = ("hoch", "mittel", "niedrig", "sehr niedrig")
STATUS_CODES = (1, 2, 3, 4)
STATUS_THRESHOLDS = (-1.0, 1.0, 1.5)
DYNAMIC_LABELS = ("positiv", "stabil", "negativ")
DYNAMIC_CODES = (1, 3, 5)
DYNAMIC_THRESHOLDS = (-1.0, 1.0)
GROUP_LABEL = "Status {status}, Dynamik {dynamic}"
NOTE_EXCLUDED = "ausgeschlossen"
NOTE_MISSING = "fehlende Werte ({columns})"
NOTE_SEPARATOR = "; "


# --- scaling -------------------------------------------------------------------------------------

def _reference(values: pd.Series, reference: Any) -> pd.Series:
    ref = values.notna()
    if reference is not None:
        ref &= _mask(reference, values.index)
    return ref


def _mask(mask: Any, index: pd.Index) -> pd.Series:
    """A boolean Series on ``index``; NULL/NA counts as False (as in a QGIS filter)."""
    values = mask.to_numpy(dtype=object) if isinstance(mask, pd.Series) else np.asarray(mask, dtype=object)
    if values.shape != (len(index),):
        raise MethodError("length_mismatch", what="mask", found=values.size, expected=len(index))
    series = pd.Series(values, index=index)
    return series.where(series.notna(), False).astype(bool)


def _checked_reference(values: pd.Series, reference: Any, needed: int) -> pd.Series:
    ref = _reference(values, reference)
    if ref.sum() < needed:
        raise MethodError("too_few_areas", n=int(ref.sum()), needed=needed)
    if np.ptp(values[ref].to_numpy()) == 0:  # exact test: no SD/range to divide by
        raise MethodError("field_constant", column=values.name)
    return ref


def zscore(values: pd.Series, reference: Any = None, ddof: int = 1) -> pd.Series:
    """(x − mean) / SD with mean and SD (``ddof=1``: sample SD) over the reference rows."""
    ref = _checked_reference(values, reference, needed=ddof + 1)
    sample = values[ref]
    return (values - sample.mean()) / sample.std(ddof=ddof)


def minmax(values: pd.Series, reference: Any = None) -> pd.Series:
    """(x − min) / (max − min) over the reference rows: 0 … 1 there."""
    ref = _checked_reference(values, reference, needed=2)
    low, high = values[ref].min(), values[ref].max()
    return (values - low) / (high - low)


def percentile_rank(values: pd.Series, reference: Any = None) -> pd.Series:
    """Mid-rank percentile in (0, 1) relative to the reference values.

    (count below + ½ · count equal) / n: ties share one value, and non-reference rows are placed
    in the reference distribution without changing it.
    """
    ref = _checked_reference(values, reference, needed=2)
    sorted_ref = np.sort(values[ref].to_numpy())
    x = values.to_numpy(dtype=float)
    below = np.searchsorted(sorted_ref, x, side="left")
    upto = np.searchsorted(sorted_ref, x, side="right")
    result = (below + 0.5 * (upto - below)) / sorted_ref.size
    return pd.Series(np.where(np.isnan(x), np.nan, result), index=values.index, name=values.name)


def scale(values: pd.Series, method: str, reference: Any = None, ddof: int = 1) -> pd.Series:
    """Dispatch to :func:`zscore`, :func:`minmax` or :func:`percentile_rank`."""
    if method == "zscore":
        return zscore(values, reference, ddof)
    if method == "minmax":
        return minmax(values, reference)
    if method == "rank":
        return percentile_rank(values, reference)
    raise MethodError("method_unknown", method=method, methods=", ".join(METHODS))


def normalise_weights(weights: Sequence[float] | Mapping[str, float] | None,
                      ids: Sequence[str]) -> np.ndarray:
    """Weights as an array summing to 1 (equal weights if None); a mapping is read by id."""
    if weights is None:
        return np.full(len(ids), 1.0 / len(ids))
    if isinstance(weights, Mapping):
        unknown = [k for k in weights if k not in ids]
        if unknown:
            raise MethodError("field_not_found", column=unknown[0], columns=", ".join(ids))
        weights = [weights.get(i, 0.0) for i in ids]
    w = np.asarray(list(weights), dtype=float)
    if w.size != len(ids):
        raise MethodError("weights_mismatch", n_weights=w.size, n_fields=len(ids))
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise MethodError("weights_invalid", weights=list(w))
    return w / w.sum()


# --- validity ------------------------------------------------------------------------------------

def _population(frame: pd.DataFrame, population: Any) -> pd.Series:
    if isinstance(population, str):
        return numeric_column(frame, population)
    return pd.Series(np.asarray(population, dtype=float), index=frame.index)


def validity(
    frame: pd.DataFrame,
    columns: Sequence[str],
    population: Any = None,
    min_population: float = DEFAULT_MIN_POPULATION,
    excluded: Any = None,
    valid: Any = None,
) -> pd.DataFrame:
    """Columns ``valid`` and ``note`` for each area.

    An area is invalid if its population (column name or values) is missing or below
    ``min_population``, if ``excluded`` is true or ``valid`` is false for it (both NULL-safe),
    or if any of ``columns`` is missing. The note lists every reason, separated by "; ".
    """
    notes: list[pd.Series] = []
    ok = pd.Series(True, index=frame.index)
    if population is not None:
        rule = minimum_population(_population(frame, population), min_population)
        ok &= rule["valid"].to_numpy()
        notes.append(rule["note"].set_axis(frame.index))
    drop = pd.Series(False, index=frame.index)
    if excluded is not None:
        drop |= _mask(excluded, frame.index)
    if valid is not None:
        drop |= ~_mask(valid, frame.index)
    ok &= ~drop
    notes.append(pd.Series(np.where(drop, NOTE_EXCLUDED, ""), index=frame.index))
    values = pd.DataFrame({c: numeric_column(frame, c) for c in columns}, index=frame.index)
    gaps = values.isna()
    ok &= ~gaps.any(axis=1)
    missing = pd.Series("", index=frame.index, dtype=object)
    for row in np.flatnonzero(gaps.any(axis=1).to_numpy()):  # few rows: a loop is fine
        missing.iloc[row] = NOTE_MISSING.format(columns=", ".join(gaps.columns[gaps.iloc[row].to_numpy()]))
    notes.append(missing)
    return pd.DataFrame({"valid": ok.astype(bool), "note": _join_notes(notes)}, index=frame.index)


def _join_notes(notes: Sequence[pd.Series]) -> pd.Series:
    """Element-wise "a; b" of several note columns, skipping empty ones (vectorised)."""
    joined = np.asarray(notes[0].to_numpy(dtype=object), dtype=object)
    for note in notes[1:]:
        part = note.to_numpy(dtype=object)
        both = (joined != "") & (part != "")
        joined = np.where(both, joined + NOTE_SEPARATOR + part, joined + part)
    return pd.Series(joined, index=notes[0].index, dtype=object)


def _check_not_all_missing(values: pd.DataFrame) -> None:
    for column in values.columns:
        if values[column].isna().all():
            raise MethodError("all_missing", column=column)


# --- generic composite ---------------------------------------------------------------------------

def composite_index(
    frame: pd.DataFrame,
    indicators: Iterable[IndicatorLike],
    method: str = "zscore",
    weights: Sequence[float] | Mapping[str, float] | None = None,
    valid: Any = None,
    *,
    excluded: Any = None,
    population: Any = None,
    min_population: float = DEFAULT_MIN_POPULATION,
    ddof: int = 1,
    restandardise: bool = False,
) -> pd.DataFrame:
    """Weighted mean of the direction-corrected, scaled indicators.

    Each indicator is multiplied by its direction (so higher = more need), scaled with
    ``method`` on the valid areas, and the weighted mean (weights normalised to sum 1) is the
    ``index``; ``restandardise`` turns a z-score index into a z-score again.
    Columns: ``<p>_<id>`` per indicator (p = z | mm | pr), ``index``, ``rank`` (1 = most need
    among valid areas), ``valid``, ``note``. Invalid areas have NaN scores and NA rank.
    """
    if method not in METHODS:
        raise MethodError("method_unknown", method=method, methods=", ".join(METHODS))
    inds = as_indicators(indicators)
    ids = [ind.id for ind in inds]
    values = oriented(frame, inds)
    _check_not_all_missing(values)
    w = normalise_weights(weights, ids)
    state = validity(frame, ids, population, min_population, excluded, valid)
    ref = state["valid"]
    prefix = PREFIXES[method]
    scaled = pd.DataFrame({f"{prefix}_{i}": scale(values[i], method, ref, ddof).where(ref) for i in ids},
                          index=frame.index)
    index = (scaled.to_numpy() * w).sum(axis=1)
    result = scaled.assign(index=np.where(ref, index, np.nan))
    if restandardise:
        result["index"] = zscore(result["index"], ref, ddof).where(ref)
    result["rank"] = result["index"].rank(ascending=False, method="min").astype("Int64")
    return pd.concat([result, state], axis=1)


# --- MSS preset ----------------------------------------------------------------------------------

def _check_thresholds(thresholds: Sequence[float]) -> tuple[float, ...]:
    t = tuple(float(x) for x in thresholds)
    if any(b <= a for a, b in zip(t, t[1:])):
        raise MethodError("thresholds_invalid", thresholds=list(t))
    return t


def classify_status(index: pd.Series, thresholds: Sequence[float] = STATUS_THRESHOLDS,
                    labels: Sequence[str] = STATUS_LABELS) -> pd.DataFrame:
    """MSS status classes: columns ``class`` (German label) and ``code`` (1–4); NaN → NA."""
    low, mid, high = _check_thresholds(thresholds)
    x = index.to_numpy(dtype=float)
    code = np.select([x <= low, x <= mid, x < high, x >= high], STATUS_CODES, 0)
    return _classes(index.index, code, STATUS_CODES, labels)


def classify_dynamic(index: pd.Series, thresholds: Sequence[float] = DYNAMIC_THRESHOLDS,
                     labels: Sequence[str] = DYNAMIC_LABELS) -> pd.DataFrame:
    """MSS dynamics classes: columns ``class`` and ``code`` (1, 3, 5); NaN → NA."""
    low, high = _check_thresholds(thresholds)
    x = index.to_numpy(dtype=float)
    code = np.select([x <= low, x < high, x >= high], DYNAMIC_CODES, 0)
    return _classes(index.index, code, DYNAMIC_CODES, labels)


def _classes(index: pd.Index, code: np.ndarray, codes: Sequence[int], labels: Sequence[str]) -> pd.DataFrame:
    names = dict(zip(codes, labels))
    label = pd.Series([names.get(c) for c in code], index=index, dtype=object)
    return pd.DataFrame({"class": label, "code": pd.array(np.where(code == 0, None, code), dtype="Int64")},
                        index=index)


def _summed_index(values: pd.DataFrame, ref: pd.Series, ddof: int, name: str) -> pd.DataFrame:
    """z per indicator, their sum and the standardised sum – NaN outside the reference."""
    z = pd.DataFrame({f"z_{c}": zscore(values[c], ref, ddof).where(ref) for c in values.columns})
    total = z.sum(axis=1).where(ref)
    total.name = f"{name}_sum"
    standardised = zscore(total, ref, ddof).where(ref)
    return z.assign(**{f"{name}_sum": total, f"{name}_index": standardised})


def mss_index(
    frame: pd.DataFrame,
    status: Iterable[IndicatorLike],
    dynamic: Iterable[IndicatorLike] = (),
    *,
    population: Any = None,
    min_population: float = DEFAULT_MIN_POPULATION,
    excluded: Any = None,
    status_thresholds: Sequence[float] = STATUS_THRESHOLDS,
    dynamic_thresholds: Sequence[float] = DYNAMIC_THRESHOLDS,
    ddof: int = 0,
    status_labels: Sequence[str] = STATUS_LABELS,
    dynamic_labels: Sequence[str] = DYNAMIC_LABELS,
    group_label: str = GROUP_LABEL,
) -> pd.DataFrame:
    """Status (and dynamics) index by the MSS method; see the module docstring.

    Columns: ``z_<id>`` per indicator, ``status_sum``, ``status_index``, ``status_class``,
    ``status_code``; with dynamics also ``dynamic_sum``, ``dynamic_index``, ``dynamic_class``,
    ``dynamic_code``, ``group``, ``group_code``; always ``attention``, ``valid``, ``note``.
    Labels default to German (``STATUS_LABELS``, ``DYNAMIC_LABELS``, ``GROUP_LABEL``); the
    codes stay the MSS codes whatever the labels.
    """
    status_inds, dynamic_inds = as_indicators(status), as_indicators(dynamic)
    if not status_inds:
        raise MethodError("too_few_indicators", n=0, needed=1)
    ids = [i.id for i in status_inds + dynamic_inds]
    values = oriented(frame, status_inds + dynamic_inds)
    _check_not_all_missing(values)
    state = validity(frame, ids, population, min_population, excluded)
    ref = state["valid"]
    out = _summed_index(values[[i.id for i in status_inds]], ref, ddof, "status")
    if dynamic_inds:
        out = pd.concat([out, _summed_index(values[[i.id for i in dynamic_inds]], ref, ddof, "dynamic")], axis=1)
    _classify(out, ref, bool(dynamic_inds), status_thresholds, dynamic_thresholds, status_labels,
              dynamic_labels, group_label)
    return pd.concat([out, state], axis=1)


def _classify(out: pd.DataFrame, ref: pd.Series, dynamics: bool, status_thresholds, dynamic_thresholds,
              status_labels=STATUS_LABELS, dynamic_labels=DYNAMIC_LABELS, group_label=GROUP_LABEL) -> None:
    """Add classes, codes, the 12 groups and the attention flag to ``out`` (in place)."""
    status_cls = classify_status(out["status_index"], status_thresholds, status_labels)
    out["status_class"], out["status_code"] = status_cls["class"], status_cls["code"]
    status_code = status_cls["code"].to_numpy(dtype=float, na_value=np.nan)
    attention = np.isin(status_code, [3, 4])
    if dynamics:
        dyn_cls = classify_dynamic(out["dynamic_index"], dynamic_thresholds, dynamic_labels)
        out["dynamic_class"], out["dynamic_code"] = dyn_cls["class"], dyn_cls["code"]
        groups = [group_label.format(status=s, dynamic=d) if ok else None
                  for s, d, ok in zip(status_cls["class"], dyn_cls["class"], ref)]
        out["group"] = pd.Series(groups, index=out.index, dtype=object)
        out["group_code"] = status_cls["code"] * 10 + dyn_cls["code"]
        dynamic_code = dyn_cls["code"].to_numpy(dtype=float, na_value=np.nan)
        attention |= (status_code == 2) & (dynamic_code == 5)
    out["attention"] = attention & ref.to_numpy()


def custom_index(frame: pd.DataFrame, status: Iterable[IndicatorLike], dynamic: Iterable[IndicatorLike] = (),
                 method: str = "zscore", weights: Mapping[str, float] | None = None, *,
                 population: Any = None, excluded: Any = None,
                 min_population: float = DEFAULT_MIN_POPULATION,
                 status_thresholds: Sequence[float] = STATUS_THRESHOLDS,
                 dynamic_thresholds: Sequence[float] = DYNAMIC_THRESHOLDS) -> pd.DataFrame:
    """Weighted composite status (and dynamics) indices with the MSS output columns.

    Like :func:`mss_index` (one reference of valid areas for both indices, the same classes,
    groups and attention flag) but with a choice of scaling and weights; each composite is
    standardised again so that the MSS class limits apply. Adds ``status_rank`` (1 = most need).
    """
    status_inds, dynamic_inds = as_indicators(status), as_indicators(dynamic)
    ids = [i.id for i in status_inds + dynamic_inds]
    _check_not_all_missing(oriented(frame, status_inds + dynamic_inds))
    state = validity(frame, ids, population, min_population, excluded)
    ref = state["valid"]

    def part(inds: list, name: str) -> pd.DataFrame:
        w = None if weights is None else [weights.get(i.id, 1.0) for i in inds]
        return composite_index(frame, inds, method, w, valid=ref, restandardise=True) \
            .drop(columns=["valid", "note"]).rename(columns={"index": f"{name}_index", "rank": f"{name}_rank"})

    parts = [part(status_inds, "status")]
    if dynamic_inds:
        parts.append(part(dynamic_inds, "dynamic").drop(columns=["dynamic_rank"]))
    out = pd.concat(parts, axis=1)
    _classify(out, ref, bool(dynamic_inds), status_thresholds, dynamic_thresholds)
    return pd.concat([out, state], axis=1)
