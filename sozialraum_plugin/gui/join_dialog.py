"""Daten verbinden: an indicator table joined to district boundaries, checked before it is written.

The preview shows the table exactly as ``core.tables.read_table`` reads it (typed values, column
types in the header) with the reader's choices, each overridable; "Check join" runs the join in
memory on the layer's keys and shows the report; Run writes it through ``sozialraum:jointable``.
"""
from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SozialraumError
from ..toolbelt.settings import PluginSettings
from .base_dialog import InputError, SozialraumDialog
from .join_check import check_join, report_html
from .read_options import ReadOptions
from .table_preview import fill_preview, make_preview_table
from .widgets import chain_focus, field_combo, layer_filter, output_widget, polygon_layer_combo

translate = QCoreApplication.translate



def transform_texts() -> list:
    """The algorithm's KEY_TRANSFORM options, in the same order."""
    return [translate("JoinDialog", "Automatic"), translate("JoinDialog", "As written"),
            translate("JoinDialog", "Ignore leading zeros"),
            translate("JoinDialog", "Pad numbers with zeros"),
            translate("JoinDialog", "Ignore a letter prefix (STGT01 = 1)"),
            translate("JoinDialog", "Number in front of a name (01 Altstadt = 1)"),
            translate("JoinDialog", "Compare as names")]


class JoinDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:jointable"
    MEMORY = "join"
    ICON = "join.svg"

    def build(self, outer) -> None:
        self.setWindowTitle(translate("JoinDialog", "Join data"))
        self.read_result = None  # ReadResult of the table as currently read
        self.join_result = None
        self._reading = False
        self.add_split(outer, self._build_inputs(), self._build_views(), [40, 60]).setSizes([440, 640])
        # Tab in the order of the work: districts, table, how it is read, its key, check, output.
        chain_focus(self.layer_combo, self.key_combo, self.file_radio, self.file_widget, self.layer_radio,
                    self.table_layer_combo, *self.options.combos(), self.preview, self.table_key_combo,
                    self.transform_combo, self.check_button, self.report_view, self.output_widget,
                    self.report_widget)
        self.resize(1100, 740)

    # -- layout ---------------------------------------------------------------------------
    def _build_inputs(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)

        box = QGroupBox(translate("JoinDialog", "District boundaries"))
        form = QFormLayout(box)
        self.layer_combo = polygon_layer_combo()
        self.key_combo = field_combo(self.layer_combo)
        form.addRow(translate("JoinDialog", "&Layer:"), self.layer_combo)
        form.addRow(translate("JoinDialog", "District &key:"), self.key_combo)
        column.addWidget(box)

        box = QGroupBox(translate("JoinDialog", "Indicator table"))
        grid = QGridLayout(box)
        self.file_radio = QRadioButton(translate("JoinDialog", "&File:"))
        self.file_widget = QgsFileWidget()
        self.file_widget.setFocusProxy(self.file_widget.lineEdit())
        self.file_widget.setFilter(translate("JoinDialog",
                                             "Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)"))
        self.layer_radio = QRadioButton(translate("JoinDialog", "Table la&yer:"))
        self.table_layer_combo = QgsMapLayerComboBox()
        self.table_layer_combo.setFilters(layer_filter("NoGeometry"))
        self.table_layer_combo.setAllowEmptyLayer(True)
        self.file_radio.setChecked(True)
        grid.addWidget(self.file_radio, 0, 0)
        grid.addWidget(self.file_widget, 0, 1)
        grid.addWidget(self.layer_radio, 1, 0)
        grid.addWidget(self.table_layer_combo, 1, 1)
        self.table_key_combo = QComboBox()
        self.transform_combo = QComboBox()
        self.transform_combo.addItems(transform_texts())
        keys = QFormLayout()
        keys.addRow(translate("JoinDialog", "Key &column:"), self.table_key_combo)
        keys.addRow(translate("JoinDialog", "Key &matching:"), self.transform_combo)
        grid.addLayout(keys, 2, 0, 1, 2)
        column.addWidget(box)

        column.addWidget(self._build_check())

        box = QGroupBox(translate("JoinDialog", "Result"))
        form = QFormLayout(box)
        self.output_widget = output_widget(translate("JoinDialog", "[temporary GeoPackage]"),
                                           translate("JoinDialog", "GeoPackage (*.gpkg)"))
        self.report_widget = output_widget(translate("JoinDialog", "[no report file]"),
                                           translate("JoinDialog", "HTML (*.html);;JSON (*.json)"))
        form.addRow(translate("JoinDialog", "O&utput layer:"), self.output_widget)
        form.addRow(translate("JoinDialog", "Join re&port:"), self.report_widget)
        column.addWidget(box)

        self.layer_combo.layerChanged.connect(self._inputs_changed)
        self.key_combo.fieldChanged.connect(self._inputs_changed)
        self.file_widget.fileChanged.connect(self._table_changed)
        self.table_layer_combo.layerChanged.connect(self._table_changed)
        self.file_radio.toggled.connect(self._table_changed)
        self.table_key_combo.activated.connect(lambda _i: self.read_table())
        self.transform_combo.currentIndexChanged.connect(self._inputs_changed)
        return panel

    def _build_check(self) -> QWidget:
        box = QGroupBox(translate("JoinDialog", "Join check"))
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        self.check_button = QPushButton(translate("JoinDialog", "Check &join"))
        self.check_button.setToolTip(translate("JoinDialog", "Join in memory and show what matches, "
                                                             "before anything is written"))
        self.check_button.clicked.connect(self.check_join)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.check_summary, 1)
        self.report_view = QTextBrowser()
        self.report_view.setOpenLinks(False)
        self.report_view.setMinimumHeight(120)
        lay.addLayout(row)
        lay.addWidget(self.report_view, 1)
        self._inputs_changed()
        return box

    def _build_views(self) -> QWidget:
        self.options = ReadOptions(self)
        self.options.changed.connect(self.read_table)
        top = QWidget()
        lay = QVBoxLayout(top)
        lay.setContentsMargins(4, 0, 0, 0)
        reading = QGroupBox(translate("JoinDialog", "How the table is read"))
        QVBoxLayout(reading).addWidget(self.options.widget)
        lay.addWidget(reading)
        self.preview_label = QLabel(translate("JoinDialog", "Pre&view (first 20 rows as read):"))
        self.preview = make_preview_table()
        self.preview_label.setBuddy(self.preview)
        self.read_status = QLabel()
        self.read_status.setWordWrap(True)
        lay.addWidget(self.preview_label)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.read_status)
        return top

    # -- memory ---------------------------------------------------------------------------
    def restore(self) -> None:
        source = self.memory.value("layer_source", "")
        current = self.layer_combo.currentLayer()
        for layer in QgsProject.instance().mapLayers().values():
            if source and layer.source() == source:
                self.layer_combo.setLayer(layer)
                if self.layer_combo.currentLayer() is not layer:  # filtered out (not polygons)
                    self.layer_combo.setLayer(current)
        key = self.memory.value("district_key", "")
        layer = self.layer_combo.currentLayer()
        if key and layer is not None and key in layer.fields().names():
            self.key_combo.setField(key)
        folder = self.memory.value("table_folder", "") or PluginSettings.load().last_folder
        if folder:
            self.file_widget.setDefaultRoot(folder)
        out_folder = self.memory.value("output_folder", "")
        if out_folder:
            self.output_widget.setDefaultRoot(out_folder)
            self.report_widget.setDefaultRoot(out_folder)
        table = self.memory.value("table", "")
        if table and os.path.isfile(table):
            self.file_widget.setFilePath(table)

    def remember(self) -> None:
        layer = self.layer_combo.currentLayer()
        self.memory.set_value("layer_source", layer.source() if layer else "")
        self.memory.set_value("district_key", self.key_combo.currentField())
        self.memory.set_value("table_key", self.table_key_combo.currentText())
        if self.file_radio.isChecked() and self.file_widget.filePath():
            self.memory.set_value("table", self.file_widget.filePath())
            self.memory.set_value("table_folder", os.path.dirname(self.file_widget.filePath()))
        self.remember_output_folder()

    # -- reading --------------------------------------------------------------------------
    def table_source(self):
        """('text'|'book', path) for a file, ('layer', layer) for a project table, or None."""
        if self.file_radio.isChecked():
            path = self.file_widget.filePath().strip()
            if not path:
                return None
            return ("book" if path.lower().endswith((".xlsx", ".ods")) else "text", path)
        layer = self.table_layer_combo.currentLayer()
        return ("layer", layer) if layer is not None else None

    def _table_changed(self, *_args) -> None:
        source = self.table_source()
        sheets = None
        if source and source[0] == "book":
            from ..core.tables.sheets import sheet_names

            sheets = sheet_names(source[1], "xlsx" if source[1].lower().endswith(".xlsx") else "ods")
        self.options.reset(sheets)
        self.table_key_combo.clear()
        self.read_table()

    def _read_with(self, key: str | None):
        from ..core.tables.read import read_frame, read_table

        kind, target = self.table_source()
        kwargs = self.options.read_kwargs()
        keys = [key] if key else []
        if kind == "layer":
            from ..gis.layers import attributes_as_text

            return read_frame(attributes_as_text(target), name=target.name(), key_columns=keys,
                              decimal=kwargs["decimal"], thousands=kwargs["thousands"])
        return read_table(target, key_columns=keys, **kwargs)

    def read_table(self) -> None:
        """Read the table with the current choices (the key column typed as text, as the run does)."""
        if self._reading:
            return
        self._reading = True
        try:
            self._read()
        finally:
            self._reading = False
        self._inputs_changed()

    def _read(self) -> None:
        self.read_result = None
        source = self.table_source()
        alg = QgsApplication.processingRegistry().algorithmById(self.ALGORITHM)
        settable = alg is not None and alg.parameterDefinition("THOUSANDS") is not None
        self.options.set_kind(source[0] if source else "", settable)
        if source is None:
            fill_preview(self.preview, None)
            self.read_status.setText(translate("JoinDialog", "Choose a table file or a table layer."))
            return
        previous = [self.table_key_combo.itemText(i) for i in range(self.table_key_combo.count())]
        key = self.table_key_combo.currentText() or None
        try:
            try:
                result = self._read_with(key if key in previous else None)
            except SozialraumError as error:  # other choices, other columns: the old key may be gone
                if error.code != "column_not_found" or key is None:
                    raise
                result = self._read_with(None)
            names = [c.name for c in result.report.columns]
            if key not in names:
                key = self._guess_key(result)
                if key:
                    result = self._read_with(key)
        except SozialraumError as error:
            fill_preview(self.preview, None)
            self.table_key_combo.clear()
            self.read_status.setText("")
            self.say_error(error)
            return
        self.bar.clearWidgets()
        self.read_result = result
        self._fill_keys([c.name for c in result.report.columns], key)
        self.options.show_detected(result.report)
        fill_preview(self.preview, result, key=key)
        self._show_read_status(result.report)

    def _fill_keys(self, names: list, key: str | None) -> None:
        self.table_key_combo.blockSignals(True)
        self.table_key_combo.clear()
        self.table_key_combo.addItems(names)
        if key in names:
            self.table_key_combo.setCurrentIndex(names.index(key))
        self.table_key_combo.blockSignals(False)

    def _guess_key(self, result) -> str | None:
        """The remembered key, a column named like the district key, or the one sharing most keys."""
        from .join_check import best_key_column

        names = [c.name for c in result.report.columns]
        for wanted in (self.memory.value("table_key", ""), self.key_combo.currentField()):
            for name in names:
                if wanted and name.lower() == wanted.lower():
                    return name
        return best_key_column(self.layer_combo.currentLayer(), self.key_combo.currentField(), result.frame) \
            or (names[0] if names else None)

    def _show_read_status(self, report) -> None:
        import html

        from ..toolbelt.messages import format_code

        text = translate("JoinDialog", "{rows} rows and {cols} columns read from {file}.").format(
            rows=report.n_rows, cols=len(report.columns), file=report.file)
        warnings = [format_code(code, params) for code, params in report.warnings]
        lines = [text] + [f"⚠ {w}" for w in warnings[:5]]  # the reader's doubts, before the join
        self.read_status.setText("<br>".join(html.escape(line) for line in lines))

    # -- checking -------------------------------------------------------------------------
    def _inputs_changed(self, *_args) -> None:
        """Any change makes an earlier check stale."""
        self.join_result = None
        if hasattr(self, "report_view"):
            self.check_summary.setText(translate("JoinDialog", "Not checked yet: press “Check join” to see "
                                                               "what matches before anything is written."))
            self.report_view.clear()

    def check_join(self) -> bool:
        layer, key_field = self.layer_combo.currentLayer(), self.key_combo.currentField()
        table_key = self.table_key_combo.currentText()
        if layer is None or not key_field or self.read_result is None or not table_key:
            self.say(translate("JoinDialog",
                               "Choose the districts, their key, a table and its key column first."),
                     level=Qgis.MessageLevel.Warning)
            return False
        try:
            self.join_result = check_join(layer, key_field, self.read_result, table_key,
                                          self.transform_combo.currentIndex())
        except SozialraumError as error:
            self.say_error(error)
            return False
        summary, html = report_html(self.join_result.report)
        self.check_summary.setText(summary)
        self.report_view.setHtml(html)
        return True

    # -- running --------------------------------------------------------------------------
    def parameters(self) -> dict:
        layer, key_field = self.layer_combo.currentLayer(), self.key_combo.currentField()
        source = self.table_source()
        if layer is None or not key_field:
            raise InputError(translate("JoinDialog", "Choose the district layer and its key field."))
        if source is None:
            raise InputError(translate("JoinDialog", "Choose a table file or a table layer."))
        if self.read_result is None or not self.table_key_combo.currentText():
            raise InputError(translate("JoinDialog", "The table could not be read; see the message above."))
        params = {
            "INPUT": layer.id(),
            "INPUT_KEY": key_field,
            "TABLE": source[1] if source[0] != "layer" else source[1].id(),
            "TABLE_KEY": self.table_key_combo.currentText(),
            "KEY_TRANSFORM": self.transform_combo.currentIndex(),
            "OUTPUT": self.output_widget.filePath().strip() or "TEMPORARY_OUTPUT",
        }
        params.update(self.options.parameters())
        thousands = self.options.read_kwargs()["thousands"]
        if thousands is not None:  # only when the algorithm offers THOUSANDS (see ReadOptions.set_kind)
            params["THOUSANDS"] = thousands or "none"  # '' means "no thousands mark" to the reader
        if self.report_widget.filePath().strip():
            params["REPORT"] = self.report_widget.filePath().strip()
        return params

    def outputs_to_load(self) -> dict:
        out = self.output_widget.filePath().strip()
        if out:
            return {"OUTPUT": os.path.splitext(os.path.basename(out))[0]}
        source = self.table_source()
        table = os.path.splitext(os.path.basename(source[1]))[0] if source[0] != "layer" else source[1].name()
        return {"OUTPUT": f"{self.layer_combo.currentLayer().name()} + {table}"}
