""""Next year": the definition pointed at this year's tables, and what changed, before any run.

Each table gets a new file; "Compare" reads old and new through the join algorithm's reader and
shows per table the columns gone and new and the keys matched against the boundaries, and the
indicators that would lose their column (``core.definition_diff``)."""
from __future__ import annotations

import html
import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from ...core.errors import SozialraumError
from ...core.report.definition_diff import TableChange, diff_definition, lost_indicators, next_year
from ...toolbelt.messages import format_code
from ..join_check import TRANSFORMS
from .table_editor import TABLE_FILTER, read_with_join_algorithm, transform_index

translate = QCoreApplication.translate
LISTED = 20  # keys listed per kind; the count says the rest


def _read(path: str, key: str, options: dict):
    """The table as the join reads it; a table whose key column is gone is read without it."""
    options = {k: v for k, v in options.items() if k != "KEY_TRANSFORM"}
    try:
        return read_with_join_algorithm(path, key, options)
    except SozialraumError as error:
        if error.code != "column_not_found":
            raise
        return read_with_join_algorithm(path, None, options)


def compare(definition, new_paths: dict, layer, key_field: str):
    """The diff of ``definition`` against ``new_paths`` {table position: file}."""
    from ...gis.layers import attributes_as_text

    districts = attributes_as_text(layer, [key_field])[[key_field]]
    old_columns, new_tables, transforms, failed, renamed = {}, {}, {}, [], {}
    for n, path in sorted(new_paths.items()):
        spec = definition.tables[n]
        old = definition.resolve(spec.path)
        try:
            old_columns[n] = [c.name for c in _read(old, spec.key, spec.options).report.columns] \
                if os.path.isfile(old) else list(spec.fields)
        except SozialraumError:
            old_columns[n] = list(spec.fields)
        transforms[n] = TRANSFORMS[transform_index((spec.options or {}).get("KEY_TRANSFORM"))]
        try:
            new_tables[n] = _read(path, spec.key, spec.options)
            guess = None if spec.key in _names(new_tables[n]) else _guess_key(new_tables[n], districts, transforms[n])
            if guess:  # the key column was renamed: found by its values, as the table editor does
                renamed[n] = guess
                options = {k: v for k, v in spec.options.items() if k != "KEY_TRANSFORM"}
                new_tables[n] = read_with_join_algorithm(path, guess, options)
        except SozialraumError as error:
            failed.append(TableChange(position=n, old_path=spec.path, new_path=path, key=spec.key,
                                      gone=list(old_columns[n]), error=(error.code, dict(error.params))))
    compared = with_keys(definition, renamed)
    diff = diff_definition(compared, old_columns, new_tables, districts, transforms, new_paths)
    if failed:
        diff.tables = sorted(diff.tables + failed, key=lambda change: change.position)
        diff.lost = lost_indicators(compared, diff.tables)
    diff.renamed_keys = renamed  # {table position: new key column}
    return diff


def _guess_key(table, districts, transform) -> str | None:
    """The column whose values match most districts, compared as the join compares keys (the
    key matching of the table: STGT01 = 1); None when no column matches any."""
    from ...core.tables.join import join_table

    best, hits = None, 0
    for column in table.report.columns:
        if column.dtype == "real":  # a key is never a fraction
            continue
        try:
            joined = join_table(districts, districts.columns[0], table, column.name, transform=transform)
            matched = joined.report.matched
        except SozialraumError:
            continue
        if matched > hits:
            best, hits = column.name, matched
    return best


def _names(result) -> list:
    return [c.name for c in result.report.columns]


def with_keys(definition, keys: dict):
    """A copy of ``definition`` whose tables ``keys`` {position: column} are keyed anew."""
    from copy import deepcopy

    copy = deepcopy(definition)
    for n, key in keys.items():
        copy.tables[n].key = key
    return copy


def _keys(keys: list) -> str:
    shown = ", ".join(html.escape(str(k)) for k in keys[:LISTED])
    return shown + (translate("ReportBuilder", " … and {0} more").format(len(keys) - LISTED) if len(keys) > LISTED
                    else "")


def where(section: str) -> str:
    """A definition's section in a planner's words ("maps[0].field" → "map 1")."""
    import re

    match = re.match(r"(\w+)(?:\[(\d+)\])?", section)
    name, number = (match.group(1), match.group(2)) if match else (section, None)
    words = {"indicators": translate("ReportBuilder", "indicator list"),
             "maps": translate("ReportBuilder", "map {0}"),
             "profiles": translate("ReportBuilder", "profile pages"),
             "index": translate("ReportBuilder", "need index"),
             "clusters": translate("ReportBuilder", "need clusters")}
    text = words.get(name, section)
    return text.format(int(number) + 1) if number is not None and "{0}" in text else text


def diff_summary(diff) -> str:
    """One sentence per table for the builder's message bar after the change."""
    lines = []
    for change in diff.tables:
        name = os.path.basename(change.new_path)
        if change.error is not None:
            lines.append(f"{name}: {format_code(*change.error)}")
            continue
        text = translate("ReportBuilder", "{0}: {1} of {2} keys matched").format(name, change.matched,
                                                                                change.n_districts)
        if change.used_gone:
            text += translate("ReportBuilder", "; gone: {0}").format(", ".join(change.used_gone))
        lines.append(text)
    return "; ".join(lines)


def diff_html(diff, definition=None) -> str:
    """The diff for a planner: per table a heading, then what is gone, new, matched."""
    parts = []
    ok = "<span style='color:#1a7f37'>✓</span>"
    warn = "<span style='color:#c62828'>⚠</span>"
    for change in diff.tables:
        title = translate("ReportBuilder", "Table {0}: {1} → {2}").format(
            change.position + 1, os.path.basename(change.old_path), os.path.basename(change.new_path))
        lines = []
        renamed = getattr(diff, "renamed_keys", {}).get(change.position)
        if renamed and definition is not None:
            text = translate("ReportBuilder", "Key column {0} → {1} (found by the districts it matches).")
            lines.append(html.escape(text.format(definition.tables[change.position].key, renamed)))
        if change.error is not None:
            lines.append(f"{warn} {html.escape(format_code(*change.error))}")
        if change.used_gone:
            text = translate("ReportBuilder", "Columns the report uses that are gone: {0}")
            lines.append(warn + " " + html.escape(text.format(", ".join(change.used_gone))))
        other_gone = [c for c in change.gone if c not in change.used_gone]
        if other_gone:
            text = translate("ReportBuilder", "Other columns gone: {0}")
            lines.append(html.escape(text.format(", ".join(other_gone))))
        if change.new:
            lines.append(html.escape(translate("ReportBuilder", "New columns: {0}").format(", ".join(change.new))))
        if not change.gone and not change.new and change.error is None:
            lines.append(ok + " " + html.escape(translate("ReportBuilder", "Same columns as before.")))
        if change.error is None:
            mark = ok if change.matched == change.n_districts else warn
            lines.append(mark + " " + html.escape(translate("ReportBuilder", "Keys: {0} of {1} districts matched.")
                                                  .format(change.matched, change.n_districts)))
            if change.districts_without_row:
                lines.append(html.escape(translate("ReportBuilder", "Districts without a row: ")) +
                             _keys(change.districts_without_row))
            if change.rows_without_district:
                lines.append(html.escape(translate("ReportBuilder", "Table keys without a district: ")) +
                             _keys(change.rows_without_district))
        parts.append(f"<p><b>{html.escape(title)}</b><br>" + "<br>".join(lines) + "</p>")
    if diff.lost:
        template = translate("ReportBuilder", "{0} ({1}) reads the column {2}, which is gone")
        label = (lambda ident: definition.indicator(ident).label) if definition is not None else (lambda i: i)
        items = "".join(f"<li>{html.escape(template.format(label(x.id), where(x.section), x.column))}</li>"
                        for x in diff.lost)
        heading = html.escape(translate("ReportBuilder", "Indicators that lose their column:"))
        parts.append(f"<p>{warn} <b>{heading}</b></p><ul>{items}</ul>")
    elif diff.tables:
        parts.append(f"<p>{ok} " + html.escape(translate("ReportBuilder", "Every indicator still finds its column."))
                     + "</p>")
    return "".join(parts)


class NextYearDialog(QDialog):
    """New file per table; Compare shows the diff; "Use the new tables" returns the new definition."""

    def __init__(self, definition, boundaries, parent=None):
        super().__init__(parent)
        self.definition = definition
        self.boundaries = boundaries  # callable: (layer, key field)
        self.diff = None
        self.setWindowTitle(translate("ReportBuilder", "Next year: new tables"))
        lay = QVBoxLayout(self)
        intro = QLabel(translate("ReportBuilder", "Choose this year's file for each table. “Compare” shows what "
                                                  "changed before anything runs; nothing is written."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        grid = QGridLayout()
        self.file_widgets = []
        for n, table in enumerate(definition.tables):
            widget = QgsFileWidget()
            widget.setFilter(translate("ReportBuilder", "Tables ({0});;All files (*)").format(TABLE_FILTER))
            widget.setDefaultRoot(os.path.dirname(definition.resolve(table.path)))
            old = QLabel(os.path.basename(table.path))
            old.setToolTip(definition.resolve(table.path))
            grid.addWidget(QLabel(translate("ReportBuilder", "Table {0}:").format(n + 1)), n, 0)
            grid.addWidget(old, n, 1)
            grid.addWidget(QLabel("→"), n, 2)
            grid.addWidget(widget, n, 3)
            self.file_widgets.append(widget)
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)
        self.compare_button = QPushButton(translate("ReportBuilder", "&Compare"))
        self.compare_button.clicked.connect(self.compare)
        lay.addWidget(self.compare_button)
        self.view = QTextBrowser()
        self.view.setMinimumHeight(220)
        lay.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton(translate("ReportBuilder", "&Use the new tables"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("ReportBuilder", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.use_button.setEnabled(False)
        for widget in self.file_widgets:
            widget.fileChanged.connect(self._stale)
        self.resize(820, 560)

    def new_paths(self) -> dict:
        return {n: w.filePath().strip() for n, w in enumerate(self.file_widgets) if w.filePath().strip()}

    def _stale(self, *_args) -> None:
        self.diff = None
        self.use_button.setEnabled(False)
        self.view.clear()

    def compare(self) -> bool:
        layer, key = self.boundaries()
        paths = self.new_paths()
        if not paths:
            self.view.setHtml(html.escape(translate("ReportBuilder", "Choose at least one new table file.")))
            return False
        if layer is None or not key:
            self.view.setHtml(html.escape(translate("ReportBuilder", "The boundaries cannot be read; see the page "
                                                                     "“Report”.")))
            return False
        self.diff = compare(self.definition, paths, layer, key)
        self.view.setHtml(diff_html(self.diff, self.definition))
        self.use_button.setEnabled(True)
        return True

    def result_definition(self):
        return with_keys(next_year(self.definition, self.new_paths()),
                         getattr(self.diff, "renamed_keys", {}) if self.diff is not None else {})
