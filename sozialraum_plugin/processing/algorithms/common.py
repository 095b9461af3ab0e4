"""Small pieces the algorithms share: output paths and report files."""
from __future__ import annotations

import html
import json

from qgis.core import QgsProcessingContext

from ...core.fileio import write_text
from ...core.formatting import format_number
from ...toolbelt.messages import format_code


def output_destination(alg, parameters: dict, name: str, context, default_name: str = "joined"):
    """Where the layer output ``name`` goes (gis/destination.py): a GeoPackage file (registered to
    load as QGIS does), or Processing's own sink for memory and ogr: layers, or a PostGIS table."""
    from qgis.core import QgsProcessingOutputLayerDefinition

    from ...gis.destination import destination
    from ..base import sink_text

    value = parameters.get(name)
    definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
    text = sink_text(value, context, temporary=True)

    def make_sink(fields, wkb, crs):
        return alg.parameterAsSink(parameters, name, context, fields, wkb, crs)

    def on_written(result):  # a database table: loaded when the dialog asked for it, as QGIS's sinks are
        if definition is not None and definition.destinationProject is not None:
            details = QgsProcessingContext.LayerDetails(target.layer_name, definition.destinationProject, name)
            context.addLayerToLoadOnCompletion(result, details)

    target = destination(text, default_name, make_sink=make_sink, on_written=on_written)
    if target.kind == "file" and text:
        alg.parameterAsOutputLayer(parameters, name, context)  # registers the file to load, as before
    return target


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
    """The page in the output language of ``words`` (the QGIS locale's without). Every word is a
    literal ``w.translate("Report", ...)`` call: pylupdate5 finds no other form (an alias
    ``t = words.translate`` kept these words out of the .ts, and a German page printed them in English)."""
    if words is None:
        from ...toolbelt.i18n import output_words

        words = output_words()
    w, lang = words, words.lang
    esc = html.escape

    def number(value) -> str:
        return format_number(value, 0, lang=lang)

    def mark(value) -> str:  # a separator or decimal/thousands mark: quoted, or "none" (never Python's None)
        return f"'{value}'" if value else w.translate("Report", "none")

    types = {"text": w.translate("Report", "text"), "integer": w.translate("Report", "integer"),
             "real": w.translate("Report", "decimal number")}
    rows = "".join(
        f"<tr><td>{esc(str(c.name))}</td><td>{esc(types.get(c.dtype, str(c.dtype)))}</td>"
        f"<td>{number(c.n_missing)}</td><td>{number(c.n_suppressed)}</td><td>{esc(c.unit or '')}</td></tr>"
        for c in read_report.columns
    )

    def key_list(label: str, keys: list) -> str:
        if not keys:
            return ""
        return f"<h3>{esc(label)} ({number(len(keys))})</h3><p class='keys'>{esc(', '.join(map(str, keys)))}</p>"

    # outside the f-string: pylupdate5 does not look into f-strings
    say = {
        "table_as_read": w.translate("Report", "Table as read"),
        "encoding": w.translate("Report", "encoding"),
        "separator": w.translate("Report", "separator"),
        "decimal_mark": w.translate("Report", "decimal mark"),
        "thousands_mark": w.translate("Report", "thousands mark"),
        "column": w.translate("Report", "Column"),
        "type": w.translate("Report", "Type"),
        "missing": w.translate("Report", "Missing"),
        "suppressed": w.translate("Report", "Suppressed"),
        "unit": w.translate("Report", "Unit"),
        "boundaries": w.translate("Report", "Boundaries"),
        "features": w.translate("Report", "features"),
        "invalid_geometries": w.translate("Report", "invalid geometries"),
        "districts_without_a_row": w.translate("Report", "Districts without a row"),
        "table_keys_without_a_district": w.translate("Report", "Table keys without a district"),
        "duplicate_table_keys_not_joined": w.translate("Report", "Duplicate table keys (not joined)"),
    }
    facts = data["boundaries"]
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:2px 8px;text-align:left}}
.keys{{font-family:monospace;word-wrap:break-word}}</style></head><body>
<h1>{esc(title)}</h1>
<ul>{''.join(f'<li>{esc(line)}</li>' for line in data['lines'])}</ul>
<h2>{esc(say["table_as_read"])}</h2>
<p>{esc(read_report.file)}: {esc(say["encoding"])} {esc(str(read_report.encoding or '–'))},
{esc(say["separator"])} {esc(mark(read_report.separator))},
{esc(say["decimal_mark"])} {esc(mark(read_report.decimal))},
{esc(say["thousands_mark"])} {esc(mark(read_report.thousands))}</p>
<table><tr><th>{esc(say["column"])}</th><th>{esc(say["type"])}</th>
<th>{esc(say["missing"])}</th><th>{esc(say["suppressed"])}</th>
<th>{esc(say["unit"])}</th></tr>
{rows}</table>
<h2>{esc(say["boundaries"])}</h2>
<p>{number(facts['features'])} {esc(say["features"])}, {esc(facts['geometry'])}, \
CRS {esc(facts['crs'] or '–')};
{esc(say["invalid_geometries"])}: {number(len(facts['invalid_geometries']))}</p>
{key_list(say["districts_without_a_row"], join_report.districts_without_row)}
{key_list(say["table_keys_without_a_district"], join_report.rows_without_district)}
{key_list(say["duplicate_table_keys_not_joined"], join_report.duplicate_keys)}
</body></html>
"""


def write_table(path: str, frame, lang: str = "de") -> None:
    """A summary table as CSV, atomically: UTF-8 with BOM, ';' and a decimal comma as German Excel
    opens it; English: ',' and a decimal point."""
    sep, decimal = (";", ",") if lang == "de" else (",", ".")
    write_text(path, "\ufeff" + frame.to_csv(sep=sep, decimal=decimal, index=False))
