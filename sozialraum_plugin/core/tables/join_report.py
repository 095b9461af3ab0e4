"""What a join did, in numbers and as (code, params) lines the GUI can translate."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from ..errors import MESSAGES
from .keys import KeyTransform, describe_key_scheme, key_text

EXAMPLES = 5  # keys quoted in a summary line
FEW_MATCHES = 0.2  # below this share of districts matched, the join gets a verdict
NAME_COLUMNS = 10  # text columns per side compared for the "names would match" hint


@dataclass
class JoinReport:
    n_districts: int
    n_rows: int
    matched: int
    districts_without_row: list = field(default_factory=list)
    null_district_keys: int = 0
    rows_without_district: list = field(default_factory=list)
    null_table_keys: int = 0
    duplicate_keys: list = field(
        default_factory=list
    )  # table keys on several rows: those rows are not joined
    districts_with_duplicate_rows: int = 0  # districts left without values because of them
    duplicate_district_keys: list = field(
        default_factory=list
    )  # several districts share a key: all get the row
    transform: KeyTransform | None = None  # None = keys compared as written
    exact_matched: int = 0  # districts matched before any transform
    columns_added: list = field(default_factory=list)
    columns_renamed: dict = field(default_factory=dict)
    verdict: tuple | None = None  # (code, params) when nothing or very little matches
    hints: list = field(default_factory=list)  # (code, params): likely reasons
    table: str = "table"
    district_key: str = ""
    table_key: str = ""

    def summary_lines(self) -> list:
        """The report as ``(code, params)`` pairs, most important first."""
        lines = [
            (
                "join_summary",
                {
                    "file": self.table,
                    "matched": self.matched,
                    "n_districts": self.n_districts,
                    "n_rows": self.n_rows,
                },
            )
        ]
        if self.transform is not None:
            lines.append(self.transform.message())
        _add_list(lines, "join_districts_without_row", self.districts_without_row)
        if self.null_district_keys:
            lines.append(
                ("join_null_district_keys", {"count": self.null_district_keys, "column": self.district_key})
            )
        _add_list(lines, "join_rows_without_district", self.rows_without_district)
        if self.null_table_keys:
            lines.append(("join_null_table_keys", {"count": self.null_table_keys, "column": self.table_key}))
        if self.duplicate_keys:
            lines.append(
                (
                    "join_duplicate_keys",
                    {
                        "count": len(self.duplicate_keys),
                        "examples": _examples(self.duplicate_keys),
                        "districts": self.districts_with_duplicate_rows,
                    },
                )
            )
        _add_list(lines, "join_duplicate_district_keys", self.duplicate_district_keys)
        if self.columns_renamed:
            renamed = ", ".join(f"{a} → {b}" for a, b in self.columns_renamed.items())
            lines.append(("join_columns_renamed", {"columns": renamed}))
        if self.verdict is not None:
            lines.append(self.verdict)
        lines.extend(self.hints)
        return lines

    def to_dict(self) -> dict:
        data = asdict(self)
        data["transform"] = None if self.transform is None else self.transform.to_dict()
        data["verdict"] = None if self.verdict is None else _pair(self.verdict)
        data["hints"] = [_pair(h) for h in self.hints]
        data["summary"] = [dict(_pair(line), text=english(*line)) for line in self.summary_lines()]
        return data


def english(code: str, params: dict) -> str:
    try:
        return MESSAGES.get(code, code).format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{code} {params}"


def _pair(line: tuple) -> dict:
    return {"code": line[0], "params": dict(line[1])}


def _examples(keys: list) -> str:
    shown = ", ".join(str(k) for k in keys[:EXAMPLES])
    return shown + (", …" if len(keys) > EXAMPLES else "")


def _add_list(lines: list, code: str, keys: list) -> None:
    if keys:
        lines.append((code, {"count": len(keys), "examples": _examples(keys)}))


# --- verdict: "these two do not belong together", and why ---------------------------------------


def verdict_for(
    report: JoinReport,
    dk: pd.Series,
    tk: pd.Series,
    districts: pd.DataFrame,
    table: pd.DataFrame,
    suggestion: KeyTransform | None,
) -> None:
    """Fill ``report.verdict`` and ``report.hints`` when nothing or very little matched."""
    n_keys = report.n_districts - report.null_district_keys
    if report.matched == 0:
        report.verdict = ("join_no_match", {"file": report.table})
    elif report.matched < FEW_MATCHES * n_keys:
        report.verdict = (
            "join_few_matches",
            {"file": report.table, "matched": report.matched, "n_districts": n_keys},
        )
    else:
        return
    if suggestion is not None and suggestion.matched and suggestion.matched > report.matched:
        report.hints.append(
            (
                "join_hint_transform",
                {
                    "description": suggestion.description,
                    "matched": suggestion.matched,
                    "transform_code": suggestion.message()[0],
                    "transform_params": suggestion.message()[1],
                },
            )
        )
    ds, ts = describe_key_scheme(dk), describe_key_scheme(tk)
    if ds["scheme"] != ts["scheme"]:
        report.hints.append(
            (
                "join_hint_key_scheme",
                {
                    "district_scheme": ds["scheme"],
                    "table_scheme": ts["scheme"],
                    "district_example": ds["example"],
                    "table_example": ts["example"],
                },
            )
        )
    nd, nt = int(dk.nunique()), int(tk.nunique())
    if abs(nd - nt) > 0.05 * max(nd, nt):
        report.hints.append(("join_hint_area_count", {"n_districts": nd, "n_table": nt}))
    names = _name_hint(districts, table, report.matched)
    if names is not None:
        report.hints.append(names)


def _text_columns(frame: pd.DataFrame) -> list:
    """Columns that hold mostly distinct words: candidates for area names."""
    out = []
    for col in frame.columns:
        if frame[col].dtype != object:
            continue
        values = key_text(frame[col]).dropna()
        if (
            len(values)
            and values.str.contains(r"[^\W\d_]", regex=True).mean() >= 0.5
            and values.nunique() >= 0.5 * len(values)
        ):
            out.append(col)
        if len(out) >= NAME_COLUMNS:
            break
    return out


def _name_hint(districts: pd.DataFrame, table: pd.DataFrame, matched: int) -> tuple | None:
    """Would matching by (normalised) names do better than the keys did? Then say which columns."""
    names = KeyTransform("name")
    best = None
    for dcol in _text_columns(districts):
        d = key_text(districts[dcol])
        cd = names.apply(d)
        for tcol in _text_columns(table):
            t = key_text(table[tcol])
            ct = names.apply(t)
            hit = cd.isin(set(ct.dropna())) & cd.notna()
            n = int(hit.sum())
            if n > matched and (best is None or n > best[0]):
                lookup = dict(zip(ct, t))
                pairs = [f"{a} = {lookup[c]}" for a, c in zip(d[hit], cd[hit])][:3]
                best = (n, dcol, tcol, "; ".join(pairs))
    if best is None:
        return None
    return (
        "join_hint_names",
        {"district_column": best[1], "table_column": best[2], "matched": best[0], "examples": best[3]},
    )
