"""Join a table to the districts by key, with a report of everything that did not fit.

Rules: districts keep their order and all their columns; the table's key is not repeated; a
table column whose name the districts already use is prefixed, not dropped; rows whose key
occurs more than once are *not* joined (which one would be right?) but listed; and when the
keys are written differently ('auto'), a key transform is used only if it matches strictly more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

import numpy as np
import pandas as pd

from ..errors import JoinError
from .join_report import JoinReport, verdict_for
from .keys import CANONICAL, KeyTransform, key_codes, suggest_from_codes, take

__all__ = ["JoinReport", "JoinResult", "join_table"]

TransformArg = Union[KeyTransform, str, None]


@dataclass
class JoinResult:
    frame: pd.DataFrame
    report: JoinReport
    suppressed: pd.DataFrame | None = None  # bool mask of the joined columns, if the table had one


def join_table(
    districts: pd.DataFrame,
    district_key: str,
    table,
    table_key: str,
    *,
    transform: TransformArg = "auto",
    columns: Sequence[str] | None = None,
    prefix_on_clash: str = "tbl_",
    table_name: str | None = None,
    districts_name: str = "districts",
) -> JoinResult:
    """Left-join ``table`` (a DataFrame or a ReadResult) onto ``districts``.

    ``transform``: 'auto' (exact first; a transform only if it matches strictly more), None
    (exact only), a :class:`KeyTransform`, or a transform kind such as 'strip_zeros'.
    """
    table_supp = getattr(table, "suppressed", None)
    if hasattr(table, "frame") and hasattr(table, "report"):
        table_name = table_name or table.report.file
        table = table.frame
    table_name = table_name or "table"
    cols = _check_columns(districts, district_key, table, table_key, columns, table_name, districts_name)
    d, t = key_codes(districts[district_key]), key_codes(table[table_key])
    if (t[0] >= 0).sum() == 0:
        raise JoinError("key_all_empty", column=table_key, file=table_name)
    if (d[0] >= 0).sum() == 0:
        raise JoinError("key_all_empty", column=district_key, file=districts_name)
    cache: dict = {}  # canonical key forms, shared by the suggestions and the final matching
    exact = _Matching(d, t, KeyTransform("exact"), cache)
    chosen, suggestion = _resolve(transform, d, t, exact.matched, cache)
    m = exact if chosen is None else _Matching(d, t, chosen, cache)
    added, renamed = _output_names(cols, districts.columns, prefix_on_clash)
    picked = table[cols].reset_index(drop=True).reindex(m.pos)
    picked.columns = added
    frame = pd.concat([districts.reset_index(drop=True), picked.reset_index(drop=True)], axis=1)
    frame.index = districts.index
    report = m.report(len(districts), len(table), exact.matched, table_name, district_key, table_key)
    report.columns_added, report.columns_renamed = added, renamed
    verdict_for(
        report,
        pd.Series(take(*d), dtype=object),
        pd.Series(take(*t), dtype=object),
        districts,
        table,
        suggestion,
    )
    return JoinResult(frame, report, _joined_mask(table_supp, cols, added, m.pos, districts.index))


class _Matching:
    """Which table row each district gets under one transform, computed on distinct keys."""

    def __init__(self, d, t, transform: KeyTransform, cache: dict):
        self.d_codes, self.d_u = d
        self.t_codes, self.t_u = t
        self.transform = None if transform.kind == "exact" else transform
        cd_u, ct_u = transform.canonical(self.d_u, cache), transform.canonical(self.t_u, cache)
        # Canonical keys of the table: distinct values, and how many rows carry each.
        if transform.kind == "exact":  # the distinct keys are their own canonical forms
            self.key_of_t_u, canon = np.arange(len(ct_u), dtype=np.intp), np.asarray(ct_u, dtype=object)
        else:
            self.key_of_t_u, canon = pd.factorize(ct_u)
        rows_key = np.where(self.t_codes >= 0, self.key_of_t_u[np.maximum(self.t_codes, 0)], -1)
        n_rows = np.bincount(rows_key[rows_key >= 0], minlength=len(canon))
        row_of_key = np.full(len(canon), -1)
        single = (rows_key >= 0) & (n_rows[np.maximum(rows_key, 0)] == 1)
        row_of_key[rows_key[single]] = np.flatnonzero(single)
        self.key_of_d_u = pd.Index(canon).get_indexer(cd_u)  # -1: no table key like it
        self.n_rows_of_d_u = np.where(self.key_of_d_u >= 0, n_rows[np.maximum(self.key_of_d_u, 0)], 0)
        pos_of_d_u = np.where(self.key_of_d_u >= 0, row_of_key[np.maximum(self.key_of_d_u, 0)], -1)
        self.pos = (
            np.where(self.d_codes >= 0, pos_of_d_u[np.maximum(self.d_codes, 0)], -1)
            if len(pos_of_d_u)
            else np.full(len(self.d_codes), -1)
        )
        self.dup_t_u = n_rows[self.key_of_t_u] > 1 if len(canon) else np.zeros(0, dtype=bool)
        self.orphan_t_u = ~pd.Index(ct_u).isin(cd_u)
        self.matched = int((self.pos >= 0).sum())

    def report(self, n_districts, n_table, exact_matched, table_name, district_key, table_key) -> JoinReport:
        d_counts = np.bincount(self.d_codes[self.d_codes >= 0], minlength=len(self.d_u))
        on_dup_u = self.n_rows_of_d_u > 1
        no_row_u = self.n_rows_of_d_u == 0
        return JoinReport(
            n_districts=n_districts,
            n_rows=n_table,
            matched=self.matched,
            districts_without_row=self.d_u[no_row_u].tolist(),
            null_district_keys=int((self.d_codes < 0).sum()),
            rows_without_district=self.t_u[self.orphan_t_u].tolist(),
            null_table_keys=int((self.t_codes < 0).sum()),
            duplicate_keys=self.t_u[self.dup_t_u].tolist(),
            districts_with_duplicate_rows=int(d_counts[on_dup_u].sum()),
            duplicate_district_keys=self.d_u[d_counts > 1].tolist(),
            transform=self.transform,
            exact_matched=exact_matched,
            table=table_name,
            district_key=district_key,
            table_key=table_key,
        )


def _check_columns(districts, district_key, table, table_key, columns, table_name, districts_name) -> list:
    for frame, col, side in ((districts, district_key, districts_name), (table, table_key, table_name)):
        if col not in frame.columns:
            raise JoinError(
                "join_column_not_found", column=col, side=side, columns=", ".join(map(str, frame.columns))
            )
    wanted = list(columns) if columns is not None else list(table.columns)
    for col in wanted:
        if col not in table.columns:
            raise JoinError(
                "join_column_not_found",
                column=col,
                side=table_name,
                columns=", ".join(map(str, table.columns)),
            )
    return [c for c in dict.fromkeys(wanted) if c != table_key]


def _resolve(transform: TransformArg, d, t, exact_matched: int, cache: dict):
    """Return (transform to use or None for exact, best suggestion for hints).

    A kind given by name ('prefix') takes its parameters from the best suggestion of that kind.
    """
    if isinstance(transform, KeyTransform):
        return (None if transform.kind == "exact" else transform), None
    if transform in (None, "exact", "none"):
        n_keys = int((d[0] >= 0).sum())
        return None, (None if exact_matched >= n_keys else _best(suggest_from_codes(d, t, cache)))
    if transform != "auto":
        if transform not in CANONICAL:
            raise JoinError("option_invalid", option="transform", value=transform)
        of_kind = [s for s in suggest_from_codes(d, t, cache) if s.kind == transform]
        if of_kind:
            return of_kind[0], None
        return (None, None) if transform in ("prefix", "pad_zeros") else (KeyTransform(transform), None)
    if exact_matched >= int((d[0] >= 0).sum()):
        return None, None
    suggestions = suggest_from_codes(d, t, cache)
    best = _best(suggestions)
    exact = next((s.matched for s in suggestions if s.kind == "exact"), 0)
    if best is not None and best.matched > exact:  # strictly more districts, counted the same way
        return best, best
    return None, best


def _best(suggestions: list) -> KeyTransform | None:
    return next((s for s in suggestions if s.kind != "exact"), None)


def _output_names(cols: list, taken, prefix: str) -> tuple[list, dict]:
    """Table column names in the result: clashes with district columns get ``prefix``."""
    used = {str(c) for c in taken}
    out, renamed = [], {}
    for col in cols:
        name = col
        if name in used:
            name = f"{prefix}{col}"
            n = 2
            while name in used:
                name, n = f"{prefix}{col}_{n}", n + 1
            renamed[col] = name
        used.add(name)
        out.append(name)
    return out, renamed


def _joined_mask(table_supp, cols, added, pos, index) -> pd.DataFrame | None:
    """Carry the table's 'suppressed' mask through the join (False where nothing was joined)."""
    if table_supp is None or not len(table_supp.columns):
        return None
    keep = [(c, a) for c, a in zip(cols, added) if c in table_supp.columns]
    if not keep:
        return None
    values = table_supp[[c for c, _ in keep]].to_numpy(dtype=bool)
    joined = np.zeros((len(pos), len(keep)), dtype=bool)
    joined[pos >= 0] = values[pos[pos >= 0]]
    return pd.DataFrame(joined, columns=[a for _, a in keep], index=index)
