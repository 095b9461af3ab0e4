"""Small pieces the algorithms share: output paths and report files."""
from __future__ import annotations

import html
import json
import os
import tempfile

from qgis.PyQt.QtCore import QCoreApplication

from ...core.fileio import write_text
from ...core.formatting import format_number
from ...gis.gpkg import OutputError
from ...toolbelt.messages import format_code

translate = QCoreApplication.translate


def output_gpkg_path(dest: str) -> str:
    """The GeoPackage to write: our outputs are GeoPackages (styles and atlases rely on it)."""
    if not dest or dest.startswith("memory:"):
        return os.path.join(tempfile.mkdtemp(prefix="sozialraum_"), "joined.gpkg")
    path = dest.split("|", 1)[0]
    if path.startswith("ogr:"):
        raise OutputError("output_not_gpkg", file=dest)
    if not path.lower().endswith(".gpkg"):
        raise OutputError("output_not_gpkg", file=path)
    return path


def report_lines(report, words=None) -> list[str]:
    """The join report's lines in the user's language, or in the output language of ``words``."""
    lines = []
    for code, params in report.summary_lines():
        if code == "join_transform" and report.transform is not None:
            kind = report.transform.kind
            params = dict(params, description=format_code(f"transform_{kind}", report.transform.params, words))
        lines.append(format_code(code, params, words))
    return lines


def write_report(path: str, join_report, read_report, layer_facts: dict, title: str, words=None) -> None:
    """JSON (machine-readable, complete) or HTML (for people), by the file's extension."""
    data = {
        "join": join_report.to_dict(),
        "table": read_report.to_dict(),
        "boundaries": layer_facts,
        "lines": report_lines(join_report, words),
    }
    if path.lower().endswith(".json"):
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        write_text(path, _html(data, join_report, read_report, title, words))


def _html(data: dict, join_report, read_report, title: str, words=None) -> str:
    """The page in the output language of ``words`` (the UI language without)."""
    t = words.translate if words is not None else translate
    lang = words.lang if words is not None else "de"
    esc = html.escape

    def number(value) -> str:
        return format_number(value, 0, lang=lang)

    rows = "".join(
        f"<tr><td>{esc(str(c.name))}</td><td>{esc(c.dtype)}</td><td>{number(c.n_missing)}</td>"
        f"<td>{number(c.n_suppressed)}</td><td>{esc(c.unit or '')}</td></tr>"
        for c in read_report.columns
    )

    def key_list(label: str, keys: list) -> str:
        if not keys:
            return ""
        return f"<h3>{esc(label)} ({number(len(keys))})</h3><p class='keys'>{esc(', '.join(map(str, keys)))}</p>"

    facts = data["boundaries"]
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:2px 8px;text-align:left}}
.keys{{font-family:monospace;word-wrap:break-word}}</style></head><body>
<h1>{esc(title)}</h1>
<ul>{''.join(f'<li>{esc(line)}</li>' for line in data['lines'])}</ul>
<h2>{esc(t("Report", "Table as read"))}</h2>
<p>{esc(read_report.file)}: {esc(t("Report", "encoding"))} {esc(str(read_report.encoding))},
{esc(t("Report", "separator"))} {esc(repr(read_report.separator))},
{esc(t("Report", "decimal mark"))} {esc(repr(read_report.decimal))},
{esc(t("Report", "thousands mark"))} {esc(repr(read_report.thousands))}</p>
<table><tr><th>{esc(t("Report", "Column"))}</th><th>{esc(t("Report", "Type"))}</th>
<th>{esc(t("Report", "Missing"))}</th><th>{esc(t("Report", "Suppressed"))}</th><th>{esc(t("Report", "Unit"))}</th></tr>
{rows}</table>
<h2>{esc(t("Report", "Boundaries"))}</h2>
<p>{number(facts['features'])} {esc(t("Report", "features"))}, {esc(facts['geometry'])}, CRS {esc(facts['crs'] or '–')};
{esc(t("Report", "invalid geometries"))}: {number(len(facts['invalid_geometries']))}</p>
{key_list(t("Report", "Districts without a row"), join_report.districts_without_row)}
{key_list(t("Report", "Table keys without a district"), join_report.rows_without_district)}
{key_list(t("Report", "Duplicate table keys (not joined)"), join_report.duplicate_keys)}
</body></html>
"""



def write_table(path: str, frame, lang: str = "de") -> None:
    """A summary table as CSV, atomically: UTF-8 with BOM, ';' and a decimal comma as German Excel
    opens it; English: ',' and a decimal point."""
    sep, decimal = (";", ",") if lang == "de" else (",", ".")
    write_text(path, "\ufeff" + frame.to_csv(sep=sep, decimal=decimal, index=False))
