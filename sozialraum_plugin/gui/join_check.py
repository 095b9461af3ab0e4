"""The join in memory, before anything is written: what the dialog's "Check join" shows."""
from __future__ import annotations

import html

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate

TRANSFORMS = ["auto", "exact", "strip_zeros", "pad_zeros", "prefix", "leading_number", "name"]
LISTED_KEYS = 300  # keys listed in full per kind; a real mismatch is seen long before that


def check_join(layer, key_field: str, read_result, table_key: str, transform_index: int = 0):
    """``core.join.join_table`` on the layer's keys (as text, as the run reads them)."""
    from ..core.tables.join import join_table
    from ..gis.layers import attributes_as_text

    districts = attributes_as_text(layer, [key_field])
    transform = TRANSFORMS[transform_index] if 0 <= transform_index < len(TRANSFORMS) else "auto"
    return join_table(districts, key_field, read_result, table_key, transform=transform,
                      districts_name=layer.name())


def best_key_column(layer, key_field: str, frame) -> str | None:
    """The table column whose values match most district keys (None if none matches at all)."""
    if layer is None or not key_field or frame is None:
        return None
    from ..gis.layers import attributes_as_text

    keys = set(attributes_as_text(layer, [key_field])[key_field].dropna().astype(str))
    best, hits = None, 0
    for name in frame.columns:
        values = frame[name].dropna()
        if values.dtype.kind == "f":  # a key is never a fraction
            continue
        found = len(keys & set(values.astype(str)))
        if found > hits:
            best, hits = name, found
    return best


def report_html(report) -> tuple:
    """(one-line summary, full report) as HTML: the report lines in the user's language, then the
    unmatched and duplicate keys in full."""
    from ..processing.algorithms.common import report_lines

    lines = report_lines(report)
    complete = report.matched == report.n_districts and not report.duplicate_keys
    colour = "#1a7f37" if complete else ("#b35900" if report.matched else "#c62828")
    mark = "✓" if complete else "⚠"
    summary = f"<span style='color:{colour}'><b>{mark} {html.escape(lines[0])}</b></span>"
    parts = ["<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:]) + "</ul>"] \
        if len(lines) > 1 else []  # the first line is the summary above
    lists = [
        (translate("JoinCheck", "Districts without a row"), report.districts_without_row),
        (translate("JoinCheck", "Table keys without a district"), report.rows_without_district),
        (translate("JoinCheck", "Table keys on several rows (not joined)"), report.duplicate_keys),
    ]
    for title, keys in lists:
        if keys:
            shown = ", ".join(html.escape(str(k)) for k in keys[:LISTED_KEYS])
            more = "" if len(keys) <= LISTED_KEYS else translate("JoinCheck", " … and {0} more").format(
                len(keys) - LISTED_KEYS)
            parts.append(f"<p><b>{html.escape(title)} ({len(keys)}):</b><br>"
                         f"<span style='font-family:monospace'>{shown}{html.escape(more)}</span></p>")
    if report.columns_added:
        title = html.escape(translate("JoinCheck", "Columns that will be added:"))
        parts.append(f"<p><b>{title}</b> {html.escape(', '.join(map(str, report.columns_added)))}</p>")
    return summary, "".join(parts)
