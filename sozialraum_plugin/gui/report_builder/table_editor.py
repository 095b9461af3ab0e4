"""One table of the report: its file, key, how it is read (preview) and the join check.

The parts are the join dialog's (read options, preview, check); the table is read through
``sozialraum:jointable``'s own reading path, so what the preview shows is what the run joins.
"""
from __future__ import annotations

import html
import os

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import SozialraumError
from ...core.report.definition import TableSpec
from ...toolbelt.messages import format_code, user_message
from ..join_check import best_key_column, check_join, report_html
from ..join_dialog import transform_texts
from ..read_options import ReadOptions
from ..table_preview import fill_preview, make_preview_table

translate = QCoreApplication.translate
TABLE_FILTER = "*.csv *.txt *.tsv *.xlsx *.ods"
# The join algorithm's options this editor shows (ReadOptions and the key matching); others a
# definition gives (MISSING_MARKERS, LONG_INDICATOR, LONG_VALUE, LONG_YEAR, YEAR) are kept as they are.
SHOWN_OPTIONS = {"ENCODING", "SEPARATOR", "DECIMAL", "THOUSANDS", "HEADER_ROW", "SHEET", "KEY_TRANSFORM"}


def read_with_join_algorithm(path: str, key: str | None, options: dict):
    """The table as ``sozialraum:jointable`` reads it (same options, same reader, same typing)."""
    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialraum:jointable")
    params = {"TABLE": path, "TABLE_KEY": key or "", **options}
    context = QgsProcessingContext()
    if key:
        return alg.read(params, context, QgsProcessingFeedback(), key)
    from ...core.tables.read import read_table  # no key chosen yet: the same reader with the same options

    return read_table(path, key_columns=[], **alg.read_options(params, context))


def transform_index(value) -> int:
    """KEY_TRANSFORM as a number or the algorithm's name ("prefix") → the combo's row."""
    from ..join_check import TRANSFORMS

    if isinstance(value, str) and not value.isdigit():
        return TRANSFORMS.index(value) if value in TRANSFORMS else 0
    number = int(value or 0)
    return number if 0 <= number < len(TRANSFORMS) else 0


def numeric_names(read_result, key: str = "") -> list:
    """The numeric columns of a ReadResult (the key never), in table order."""
    if read_result is None:
        return []
    return [c.name for c in read_result.report.columns if c.dtype in ("integer", "real") and c.name != key]


class TableEditor(QWidget):
    """Emits ``changed`` when the table's columns or key change (the indicator list follows)."""

    changed = pyqtSignal()

    def __init__(self, boundaries, parent=None):
        """``boundaries``: a callable giving (layer, key field) for the key guess and the check."""
        super().__init__(parent)
        self.boundaries = boundaries
        self.read_result = None
        self.error = ""
        self._reading = False
        self.hidden_options: dict = {}  # a loaded definition's options not shown here (see SHOWN_OPTIONS)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.file_widget = QgsFileWidget()
        self.file_widget.setFilter(translate("ReportBuilder", "Tables ({0});;All files (*)").format(TABLE_FILTER))
        self.file_widget.setFocusProxy(self.file_widget.lineEdit())
        self.key_combo = QComboBox()
        self.transform_combo = QComboBox()
        self.transform_combo.addItems(transform_texts())
        keys = QHBoxLayout()
        keys.addWidget(self.key_combo, 1)
        matching = QLabel(translate("ReportBuilder", "Key &matching:"))
        matching.setBuddy(self.transform_combo)
        keys.addWidget(matching)
        keys.addWidget(self.transform_combo, 1)
        form.addRow(translate("ReportBuilder", "Table &file:"), self.file_widget)
        key_label = QLabel(translate("ReportBuilder", "Key &column:"))
        key_label.setBuddy(self.key_combo)  # a row of a layout gets no buddy: the & would show
        form.addRow(key_label, keys)
        lay.addLayout(form)
        self.options = ReadOptions(self)
        reading = QGroupBox(translate("ReportBuilder", "How the table is read"))
        QVBoxLayout(reading).addWidget(self.options.widget)
        lay.addWidget(reading)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.preview = make_preview_table()
        self.preview.setMinimumHeight(120)
        self.read_status = QLabel()
        self.read_status.setWordWrap(True)
        left_lay.addWidget(QLabel(translate("ReportBuilder", "Preview (first 20 rows as read):")))
        left_lay.addWidget(self.preview, 1)
        left_lay.addWidget(self.read_status)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        self.check_button = QPushButton(translate("ReportBuilder", "Check &join"))
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        self.report_view = QTextBrowser()
        self.report_view.setOpenLinks(False)
        right_lay.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_lay.addWidget(self.check_summary)
        right_lay.addWidget(self.report_view, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

        self.file_widget.fileChanged.connect(self._file_changed)
        self.options.changed.connect(self.read)
        self.key_combo.activated.connect(lambda _i: self.read())
        self.transform_combo.currentIndexChanged.connect(self._stale)
        self.check_button.clicked.connect(self.check)
        self._stale()

    # -- the table ------------------------------------------------------------------------
    def path(self) -> str:
        return self.file_widget.filePath().strip()

    def key(self) -> str:
        return self.key_combo.currentText()

    def title(self) -> str:
        return os.path.basename(self.path()) or translate("ReportBuilder", "(no file yet)")

    def numeric_columns(self) -> list:
        return numeric_names(self.read_result, self.key())

    def columns(self) -> list:
        return [c.name for c in self.read_result.report.columns] if self.read_result is not None else []

    def _file_changed(self, *_args) -> None:
        path = self.path()
        sheets = None
        if path.lower().endswith((".xlsx", ".ods")) and os.path.isfile(path):
            from ...core.tables.sheets import sheet_names

            try:
                sheets = sheet_names(path, "xlsx" if path.lower().endswith(".xlsx") else "ods")
            except SozialraumError:
                sheets = None
        self.options.reset(sheets)
        self.hidden_options = {}  # another table: everything back to automatic, as the combos
        self.key_combo.clear()
        self.read()

    def read_parameters(self) -> dict:
        """The read choices as the join algorithm's parameters (only those not automatic)."""
        params = {**self.hidden_options,
                  **{k: v for k, v in self.options.parameters().items() if v not in ("", 0)}}
        thousands = self.options.read_kwargs()["thousands"]
        if thousands is not None:
            params["THOUSANDS"] = thousands or "none"
        if self.transform_combo.currentIndex() > 0:
            params["KEY_TRANSFORM"] = self.transform_combo.currentIndex()
        return params

    def read(self) -> None:
        if self._reading:
            return
        self._reading = True
        try:
            self._read()
        finally:
            self._reading = False
        self._stale()
        self.changed.emit()

    def _read(self) -> None:
        self.read_result, self.error = None, ""
        path = self.path()
        self.options.set_kind("book" if path.lower().endswith((".xlsx", ".ods")) else ("text" if path else ""),
                              True)
        if not path:
            fill_preview(self.preview, None)
            self.read_status.setText(translate("ReportBuilder", "Choose the table's file."))
            return
        options = {k: v for k, v in self.read_parameters().items() if k != "KEY_TRANSFORM"}
        key = self.key_combo.currentText() or None
        try:
            try:
                result = read_with_join_algorithm(path, key, options)
            except SozialraumError as error:  # other choices, other columns: the old key may be gone
                if error.code != "column_not_found" or key is None:
                    raise
                key, result = None, read_with_join_algorithm(path, None, options)
            names = [c.name for c in result.report.columns]
            if key not in names:
                key = self._guess_key(result)
                if key:
                    result = read_with_join_algorithm(path, key, options)
        except SozialraumError as error:
            fill_preview(self.preview, None)
            self.key_combo.clear()
            self.error = user_message(error)
            self.read_status.setText(f"<span style='color:#c62828'>{html.escape(self.error)}</span>")
            return
        except Exception as error:  # noqa: BLE001 (e.g. QgsProcessingException: a file the reader refuses)
            fill_preview(self.preview, None)
            self.error = str(error)
            self.read_status.setText(f"<span style='color:#c62828'>{html.escape(self.error)}</span>")
            return
        self.read_result = result
        self.key_combo.blockSignals(True)
        self.key_combo.clear()
        self.key_combo.addItems(names)
        self.key_combo.setCurrentIndex(max(0, names.index(key) if key in names else 0))
        self.key_combo.blockSignals(False)
        self.options.show_detected(result.report)
        fill_preview(self.preview, result, key=key)
        report = result.report
        lines = [translate("ReportBuilder", "{rows} rows and {cols} columns read from {file}.").format(
            rows=report.n_rows, cols=len(report.columns), file=report.file)]
        lines += [f"⚠ {format_code(code, params)}" for code, params in report.warnings[:3]]
        self.read_status.setText("<br>".join(html.escape(line) for line in lines))

    def _guess_key(self, result) -> str | None:
        layer, key_field = self.boundaries()
        names = [c.name for c in result.report.columns]
        for name in names:
            if key_field and name.lower() == key_field.lower():
                return name
        return best_key_column(layer, key_field, result.frame) or (names[0] if names else None)

    # -- the check ------------------------------------------------------------------------
    def _stale(self, *_args) -> None:
        self.join_report = None
        self.check_summary.setText(translate("ReportBuilder", "Not checked yet: “Check join” shows what "
                                                              "matches the boundaries."))
        self.report_view.clear()

    def check(self) -> bool:
        layer, key_field = self.boundaries()
        if layer is None or not key_field or self.read_result is None or not self.key():
            self.check_summary.setText(translate("ReportBuilder", "Choose the boundaries, their key, the table "
                                                                  "and its key column first."))
            return False
        try:
            joined = check_join(layer, key_field, self.read_result, self.key(), self.transform_combo.currentIndex())
        except SozialraumError as error:
            self.check_summary.setText(html.escape(user_message(error)))
            return False
        self.join_report = joined.report
        summary, text = report_html(joined.report)
        self.check_summary.setText(summary)
        self.report_view.setHtml(text)
        return True

    # -- the definition -------------------------------------------------------------------
    def spec(self, fields: list) -> TableSpec:
        # a loaded table's year entries are kept as they were (the builder has no field for them yet)
        return TableSpec(path=self.path(), key=self.key(), fields=list(fields), options=self.read_parameters(),
                         **getattr(self, "year_entries", {}))

    def load(self, spec: TableSpec, path: str) -> None:
        """Show a table of a definition (``path``: its resolved file)."""
        self.year_entries = {"year": spec.year, "year_column": spec.year_column}
        self._reading = True
        try:
            self.file_widget.setFilePath(path)
            self.options.reset(None)
            if path.lower().endswith((".xlsx", ".ods")) and os.path.isfile(path):
                from ...core.tables.sheets import sheet_names

                try:
                    self.options.reset(sheet_names(path, "xlsx" if path.lower().endswith(".xlsx") else "ods"))
                except SozialraumError:
                    pass
            self.options.set_parameters(spec.options or {})
            self.hidden_options = {k: v for k, v in (spec.options or {}).items() if k not in SHOWN_OPTIONS}
            self.transform_combo.blockSignals(True)
            self.transform_combo.setCurrentIndex(transform_index((spec.options or {}).get("KEY_TRANSFORM")))
            self.transform_combo.blockSignals(False)
            self.key_combo.clear()
            self.key_combo.addItem(spec.key)
        finally:
            self._reading = False
        self.read()
