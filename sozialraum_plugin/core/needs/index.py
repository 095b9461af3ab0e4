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

from ..errors import QT_TRANSLATE_NOOP, MethodError
from ..language import as_words
from ..publish import disclosure as _disclosure
from ..series import indicators as _indicators
from ..series.indicators import IndicatorLike
from .mss_classes import (
    DYNAMIC_CODES,
    DYNAMIC_LABELS,
    DYNAMIC_THRESHOLDS,
    GROUP_LABEL,
    STATUS_CODES,
    STATUS_LABELS,
    STATUS_THRESHOLDS,
    class_words,
)
from .scaling import (
    METHODS,
    PREFIXES,
    _mask,
    minmax,
    normalise_weights,
    percentile_rank,
    scale,
    zscore,
    zscore_into,
)

__all__ = ["DYNAMIC_CODES", "DYNAMIC_LABELS", "DYNAMIC_THRESHOLDS", "GROUP_LABEL", "STATUS_CODES",
           "STATUS_LABELS", "STATUS_THRESHOLDS", "classify_dynamic", "classify_status", "composite_index",
           "custom_index", "minmax", "mss_index", "normalise_weights", "percentile_rank", "scale", "validity",
           "zscore"]

DEFAULT_MIN_POPULATION = _disclosure.DEFAULT_MIN_POPULATION


NOTE_EXCLUDED = QT_TRANSLATE_NOOP("Notes", "excluded")
NOTE_MISSING = QT_TRANSLATE_NOOP("Notes", "missing values ({columns})")
NOTE_SEPARATOR = "; "


def _population(frame: pd.DataFrame, population: Any) -> pd.Series:
    if isinstance(population, str):
        return _indicators.numeric_column(frame, population)
    return pd.Series(np.asarray(population, dtype=float), index=frame.index)


def validity(
    frame: pd.DataFrame,
    columns: Sequence[str],
    population: Any = None,
    min_population: float = DEFAULT_MIN_POPULATION,
    excluded: Any = None,
    valid: Any = None,
    lang=None,
) -> pd.DataFrame:
    """Columns ``valid`` and ``note`` for each area (the note in ``lang``: a code or words).

    An area is invalid if its population (column name or values) is missing or below
    ``min_population``, if ``excluded`` is true or ``valid`` is false for it (both NULL-safe),
    or if any of ``columns`` is missing. The note lists every reason, separated by "; ".
    """
    notes: list[pd.Series] = []
    ok = pd.Series(True, index=frame.index)
    removed = {"population": 0, "excluded": 0, "missing": 0}
    if population is not None:
        rule = _disclosure.minimum_population(_population(frame, population), min_population, lang=lang)
        ok &= rule["valid"].to_numpy()
        removed["population"] = int((~rule["valid"].to_numpy(dtype=bool)).sum())
        notes.append(rule["note"].set_axis(frame.index))
    drop = pd.Series(False, index=frame.index)
    if excluded is not None:
        drop |= _mask(excluded, frame.index)
    if valid is not None:
        drop |= ~_mask(valid, frame.index)
    ok &= ~drop
    removed["excluded"] = int(drop.sum())
    words = as_words(lang or "de")
    # (np.where would build a fixed-width unicode array first: 56 bytes a row)
    excluded_note = np.full(len(frame), "", dtype=object)
    excluded_note[drop.to_numpy(dtype=bool)] = words.translate("Notes", NOTE_EXCLUDED)
    notes.append(pd.Series(excluded_note, index=frame.index))
    # Missing values column by column (no copy of the whole table): one bool per cell.
    names = list(dict.fromkeys(columns))
    gaps = np.zeros((len(frame), len(names)), dtype=bool)
    for j, column in enumerate(names):
        gaps[:, j] = _indicators.numeric_column(frame, column).isna().to_numpy()
    gap_rows = gaps.any(axis=1)
    ok &= ~gap_rows
    missing = pd.Series("", index=frame.index, dtype=object)
    labels = np.array(names, dtype=object)
    for row in np.flatnonzero(gap_rows):  # few rows: a loop is fine
        missing.iloc[row] = words.translate("Notes", NOTE_MISSING).format(columns=", ".join(labels[gaps[row]]))
    notes.append(missing)
    removed["missing"] = int(gap_rows.sum())
    state = pd.DataFrame({"valid": ok.astype(bool), "note": _join_notes(notes)}, index=frame.index)
    state.attrs.update(removed=removed, population=population if isinstance(population, str) else None,
                       min_population=min_population)
    return state


def check_reference(state: pd.DataFrame, needed: int = 2) -> None:
    """Refuse, saying which rule removed how many areas, when fewer than ``needed`` areas are valid.

    (The scaling would say "only 0 areas have complete values" where the values were complete
    and the population rule had removed every area.)"""
    n = int(state["valid"].sum())
    if n >= needed:
        return
    removed = state.attrs.get("removed", {})
    raise MethodError("too_few_valid_areas", n=n, total=len(state), needed=needed,
                      population=removed.get("population", 0),
                      field=state.attrs.get("population") or "-",
                      min_population=f"{state.attrs.get('min_population', 0):g}",
                      excluded=removed.get("excluded", 0), missing=removed.get("missing", 0))


def _join_notes(notes: Sequence[pd.Series]) -> pd.Series:
    """Element-wise "a; b" of several note columns, skipping empty ones (vectorised)."""
    joined = np.array(notes[0].to_numpy(dtype=object), dtype=object)
    for note in notes[1:]:
        part = note.to_numpy(dtype=object)
        has_part = part != ""
        if not has_part.any():
            continue
        has_text = joined != ""
        # Only the rows with a note are touched: no new string for each of a million empty ones.
        both = has_text & has_part
        only = ~has_text & has_part
        joined[both] = joined[both] + NOTE_SEPARATOR + part[both]
        joined[only] = part[only]
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
    inds = _indicators.as_indicators(indicators)
    ids = [ind.id for ind in inds]
    values = _indicators.oriented(frame, inds)
    _check_not_all_missing(values)
    w = normalise_weights(weights, ids)
    state = validity(frame, ids, population, min_population, excluded, valid)
    check_reference(state)
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
    return _classes(index.index, _status_codes(index, thresholds), STATUS_CODES, labels)


def _status_codes(index: pd.Series, thresholds: Sequence[float]) -> np.ndarray:
    low, mid, high = _check_thresholds(thresholds)
    x = index.to_numpy(dtype=float)
    return np.select([x <= low, x <= mid, x < high, x >= high], STATUS_CODES, 0)


def _dynamic_codes(index: pd.Series, thresholds: Sequence[float]) -> np.ndarray:
    low, high = _check_thresholds(thresholds)
    x = index.to_numpy(dtype=float)
    return np.select([x <= low, x < high, x >= high], DYNAMIC_CODES, 0)


def classify_dynamic(index: pd.Series, thresholds: Sequence[float] = DYNAMIC_THRESHOLDS,
                     labels: Sequence[str] = DYNAMIC_LABELS) -> pd.DataFrame:
    """MSS dynamics classes: columns ``class`` and ``code`` (1, 3, 5); NaN → NA."""
    return _classes(index.index, _dynamic_codes(index, thresholds), DYNAMIC_CODES, labels)


def _classes(index: pd.Index, code: np.ndarray, codes: Sequence[int], labels: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({"class": _class_labels(code, codes, labels), "code": _nullable_codes(code)},
                        index=index)


def _class_labels(code: np.ndarray, codes: Sequence[int], labels: Sequence[str]) -> np.ndarray:
    names = np.full(max(codes) + 1, None, dtype=object)  # code → label (None for 0 = no class)
    for c, text in zip(codes, labels):
        names[c] = text
    return names[code]


def _nullable_codes(code: np.ndarray):
    """What ``pd.array(np.where(code == 0, None, code), dtype="Int64")`` makes (NA slots hold
    1), without a million-element object array on the way."""
    missing = code == 0
    return pd.arrays.IntegerArray(np.where(missing, 1, code).astype(np.int64, copy=False), missing)


def _oriented(frame: pd.DataFrame, indicator) -> pd.Series:
    """One column of ``indicators.oriented(frame, ...)``: float, times the direction."""
    return _indicators.direction_corrected(_indicators.numeric_column(frame, indicator.id), indicator.need_direction)


def _row_sums(block: np.ndarray) -> np.ndarray:
    """``DataFrame(block.T).sum(axis=1)`` (NaN counts as 0) without the n × d copy pandas makes.

    Bit for bit the same: with missing cells pandas sums a row-major copy with them set to 0 (done
    here in slices of rows); without, it sums the column-major view as it is.
    """
    n = block.shape[1]
    if not np.isnan(block).any():
        return block.T.sum(axis=1)
    out = np.empty(n)
    step = 1 << 16
    for start in range(0, n, step):
        rows = np.array(block[:, start:start + step].T, order="C")  # a copy, never a view
        np.putmask(rows, np.isnan(rows), 0.0)
        out[start:start + step] = rows.sum(axis=1)
    return out


def _summed_index(frame: pd.DataFrame, inds: list, ref: pd.Series, ddof: int, name: str) -> dict:
    """z per indicator, their sum and the standardised sum – NaN outside the reference – as
    columns (name → array) for the result frame.

    Column by column into one float block whose rows become the z columns, so the memory is
    the result's own (plus one column at a time), not several copies of the whole table.
    """
    block = np.empty((len(inds), len(frame)))
    outside = ~ref.to_numpy(dtype=bool)
    for j, ind in enumerate(inds):
        zscore_into(block[j], _oriented(frame, ind), ref, ddof)
        block[j][outside] = np.nan  # .where(ref)
    columns = {f"z_{ind.id}": block[j] for j, ind in enumerate(inds)}
    total = _row_sums(block)
    total[outside] = np.nan  # .where(ref)
    standardised = np.empty(len(frame))
    zscore_into(standardised, pd.Series(total, index=frame.index, name=f"{name}_sum"), ref, ddof)
    standardised[outside] = np.nan
    columns[f"{name}_sum"] = total
    columns[f"{name}_index"] = standardised
    return columns


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
    lang=None,
) -> pd.DataFrame:
    """Status (and dynamics) index by the MSS method; see the module docstring.

    Columns: ``z_<id>`` per indicator, ``status_sum``, ``status_index``, ``status_class``,
    ``status_code``; with dynamics also ``dynamic_sum``, ``dynamic_index``, ``dynamic_class``,
    ``dynamic_code``, ``group``, ``group_code``; always ``attention``, ``valid``, ``note``.
    Labels default to German (``STATUS_LABELS``, ``DYNAMIC_LABELS``, ``GROUP_LABEL``); ``lang``
    ('de'/'en' or a words object) picks the labels and notes of that language. The codes stay the
    MSS codes whatever the labels.
    """
    if lang is not None:
        status_labels, dynamic_labels, group_label = class_words(lang)
    status_inds, dynamic_inds = _indicators.as_indicators(status), _indicators.as_indicators(dynamic)
    if not status_inds:
        raise MethodError("too_few_indicators", n=0, needed=1)
    ids = [i.id for i in status_inds + dynamic_inds]
    # The checks of indicators.oriented + _check_not_all_missing, one column at a time: every
    # field error first (in order), then the first column without any value.
    empty = [ind.id for ind in status_inds + dynamic_inds if _oriented(frame, ind).isna().all()]
    if empty:
        raise MethodError("all_missing", column=empty[0])
    state = validity(frame, ids, population, min_population, excluded, lang=lang)
    check_reference(state)
    ref = state["valid"]
    parts = [_summed_index(frame, _unique(status_inds), ref, ddof, "status")]
    if dynamic_inds:
        parts.append(_summed_index(frame, _unique(dynamic_inds), ref, ddof, "dynamic"))
    classify = (ref, bool(dynamic_inds), status_thresholds, dynamic_thresholds, status_labels,
                dynamic_labels, group_label)
    names = [name for part in parts for name in part] + list(state.columns)
    if len(set(names)) < len(names):  # a name twice (an indicator in both lists): as concat makes it
        out = pd.concat([pd.DataFrame(part, index=frame.index) for part in parts], axis=1)
        _classify(out, *classify)
        return pd.concat([out, state], axis=1)
    # Every column is an array of its own, put into the frame as it is: pandas' concat and
    # column assignment copy, which for a million areas means the whole result again.
    columns = {name: values for part in parts for name, values in part.items()}
    _classify(columns, *classify)
    for name in state.columns:
        columns[name] = state[name].to_numpy()
    return pd.DataFrame(columns, index=frame.index, copy=False)


def _unique(inds: list) -> list:
    """One indicator per id (the first), as a frame keyed by id would hold them."""
    seen: dict = {}
    for ind in inds:
        seen.setdefault(ind.id, ind)
    return list(seen.values())


def _classify(out: pd.DataFrame, ref: pd.Series, dynamics: bool, status_thresholds, dynamic_thresholds,
              status_labels=STATUS_LABELS, dynamic_labels=DYNAMIC_LABELS, group_label=GROUP_LABEL) -> None:
    """Add classes, codes, the 12 groups and the attention flag to ``out`` (in place).

    The columns of :func:`classify_status` / :func:`classify_dynamic`, added one at a time.
    ``out`` is a DataFrame or a dict of column arrays (see mss_index). Code 0 is "no class"
    (NA in the output), so it never counts as 2, 3, 4 or 5 below.
    """
    def put(name: str, values) -> None:
        out[name] = values if isinstance(out, dict) else pd.Series(values, index=out.index)

    def get(name: str) -> pd.Series:
        return pd.Series(out[name]) if isinstance(out, dict) else out[name]

    status_code = _status_codes(get("status_index"), status_thresholds)
    put("status_class", _class_labels(status_code, STATUS_CODES, status_labels))
    put("status_code", _nullable_codes(status_code))
    attention = (status_code == 3) | (status_code == 4)
    if dynamics:
        dynamic_code = _dynamic_codes(get("dynamic_index"), dynamic_thresholds)
        put("dynamic_class", _class_labels(dynamic_code, DYNAMIC_CODES, dynamic_labels))
        put("dynamic_code", _nullable_codes(dynamic_code))
        groups = [group_label.format(status=s, dynamic=d) if ok else None
                  for s, d, ok in zip(get("status_class"), get("dynamic_class"), ref)]
        groups_array = np.empty(len(groups), dtype=object)
        groups_array[:] = groups
        put("group", groups_array)
        put("group_code", (get("status_code") * 10 + get("dynamic_code")).array)
        attention |= (status_code == 2) & (dynamic_code == 5)
    put("attention", attention & ref.to_numpy())


def custom_index(frame: pd.DataFrame, status: Iterable[IndicatorLike], dynamic: Iterable[IndicatorLike] = (),
                 method: str = "zscore", weights: Mapping[str, float] | None = None, *,
                 population: Any = None, excluded: Any = None,
                 min_population: float = DEFAULT_MIN_POPULATION,
                 status_thresholds: Sequence[float] = STATUS_THRESHOLDS,
                 dynamic_thresholds: Sequence[float] = DYNAMIC_THRESHOLDS, lang=None) -> pd.DataFrame:
    """Weighted composite status (and dynamics) indices with the MSS output columns.

    Like :func:`mss_index` (one reference of valid areas for both indices, the same classes,
    groups and attention flag) but with a choice of scaling and weights; each composite is
    standardised again so that the MSS class limits apply. Adds ``status_rank`` (1 = most need).
    """
    status_inds, dynamic_inds = _indicators.as_indicators(status), _indicators.as_indicators(dynamic)
    ids = [i.id for i in status_inds + dynamic_inds]
    _check_not_all_missing(_indicators.oriented(frame, status_inds + dynamic_inds))
    state = validity(frame, ids, population, min_population, excluded, lang=lang)
    check_reference(state)
    ref = state["valid"]

    def part(inds: list, name: str) -> pd.DataFrame:
        w = None if weights is None else [weights.get(i.id, 1.0) for i in inds]
        return composite_index(frame, inds, method, w, valid=ref, restandardise=True) \
            .drop(columns=["valid", "note"]).rename(columns={"index": f"{name}_index", "rank": f"{name}_rank"})

    parts = [part(status_inds, "status")]
    if dynamic_inds:
        parts.append(part(dynamic_inds, "dynamic").drop(columns=["dynamic_rank"]))
    out = pd.concat(parts, axis=1)
    _classify(out, ref, bool(dynamic_inds), status_thresholds, dynamic_thresholds,
              *class_words(lang if lang is not None else "de"))
    return pd.concat([out, state], axis=1)
