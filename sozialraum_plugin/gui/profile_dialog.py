"""Sozialraumprofile: the choices of ``sozialraum:profilesheets`` and a preview of the first page.

Indicators are picked in a grid (use as value or count, direction, label, unit); the publication
rule's settings (threshold, population) and the badge fields sit below. The preview is the
algorithm itself, run for the first district on a throw-away project (profile_preview.py): what
the user sees is what the PDF will show. Rates from counts, templates, sorting and filters stay in
the Processing dialog.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..toolbelt.settings import PluginSettings
from .base_dialog import InputError, SozialraumDialog
from .index_dialog import POPULATION_NAMES
from .map_dialog import PageView
from .widgets import (
    IndicatorGrid,
    chain_focus,
    empty_fields,
    field_combo,
    guess_field,
    numeric_fields,
    output_widget,
    polygon_layer_combo,
)

translate = QCoreApplication.translate

MAX_INDICATORS = 12  # as sozialraum:profilesheets takes them
NAME_FIELDS = [".*name.*", ".*bez.*", "plr_name", "area_name"]
KEY_FIELDS = [".*_id", "id", "key", "schl.*", "plr_id", "area_id"]


class ProfileGrid(IndicatorGrid):
    """The indicator grid with a unit beside each label."""

    def __init__(self, parent=None):
        super().__init__([("value", translate("ProfileDialog", "Value")),
                          ("count", translate("ProfileDialog", "Count"))], extra="label", parent=parent)
        self.units: dict = {}

    def set_fields(self, fields: list, empty: list | None = None) -> None:
        self.units = {}
        super().set_fields(fields, empty)
        unit = translate("ProfileDialog", "Unit")  # (not inside the f-string: pylupdate5 would miss it)
        head = QLabel(f"<b>{unit}</b>")
        self._grid.addWidget(head, 0, 4)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(3, 3)  # the label is the page's text: room to read it

    def _add_row(self, row: int, name: str, text: str, enabled: bool = True) -> None:
        super()._add_row(row, name, text, enabled)
        label = self.rows[name][2]
        label.setToolTip(translate("ProfileDialog", "Text of the row on the page (empty: the field's alias or name)"))
        unit = QLineEdit()
        unit.setMaximumWidth(70)
        unit.setAccessibleName(translate("ProfileDialog", "{0}: unit").format(name))
        unit.setEnabled(enabled)
        unit.textChanged.connect(self._emit)
        self._grid.addWidget(unit, row, 4)
        self.units[name] = unit

    def _chain_rows(self) -> None:
        widgets = [w for name, row in self.rows.items() for w in (*row, self.units.get(name)) if w is not None]
        if widgets:
            self.setFocusProxy(widgets[0])
        if self.focus_before is not None and widgets:
            chain_focus(self.focus_before, *widgets)

    def unit(self, name: str) -> str:
        return self.units[name].text().strip() if name in self.units else ""

    def set_unit(self, name: str, unit: str) -> None:
        if name in self.units:
            self.units[name].setText(unit)

    def state(self) -> dict:
        return {name: values + [self.unit(name)] for name, values in super().state().items()}

    def restore(self, state: dict) -> bool:
        hit = super().restore({name: values[:3] for name, values in (state or {}).items()})
        for name, values in (state or {}).items():
            if len(values) > 3 and name in self.rows:
                self.set_unit(name, values[3])
        return hit


class ProfileDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:profilesheets"
    MEMORY = "profiles"
    ICON = "profiles.svg"

    def build(self, outer) -> None:
        self.setWindowTitle(translate("ProfileDialog", "District profiles"))
        self.preview_result = None
        self.add_split(outer, self._build_form(), self._build_preview(), [55, 45])
        self.resize(1250, 820)

    def _build_form(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 4, 0)
        form = QFormLayout()
        self.layer_combo = polygon_layer_combo()
        self.name_combo = field_combo(self.layer_combo)
        self.key_combo = field_combo(self.layer_combo, optional=True)
        self.title_edit = QLineEdit(translate("ProfileDialog", "District profile"))
        self.title_edit.setMaxLength(70)  # what the page's band holds (processing/base.MAX_TITLE)
        form.addRow(translate("ProfileDialog", "&Layer:"), self.layer_combo)
        form.addRow(translate("ProfileDialog", "&Name field:"), self.name_combo)
        form.addRow(translate("ProfileDialog", "&Key field (number):"), self.key_combo)
        form.addRow(translate("ProfileDialog", "&Title:"), self.title_edit)
        column.addLayout(form)

        box = QGroupBox(translate("ProfileDialog", "Indicators (at most 12)"))
        lay = QVBoxLayout(box)
        self.grid = ProfileGrid()
        grid_label = QLabel(translate("ProfileDialog", "&Indicators of the layer:"))
        grid_label.setBuddy(self.grid)
        lay.addWidget(grid_label)
        lay.addWidget(self.grid, 1)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        lay.addWidget(self.chosen_label)
        self.grid.changed.connect(self._show_chosen)
        column.addWidget(box, 1)

        options = QgsCollapsibleGroupBox(translate("ProfileDialog", "Small numbers and badges"))
        form = QFormLayout(options)
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(0, 100)
        self.threshold_spin.setValue(3)
        self.threshold_spin.setMaximumWidth(100)
        self.population_combo = field_combo(self.layer_combo, numeric=True, optional=True)
        self.min_population = QSpinBox()
        self.min_population.setRange(0, 1_000_000)
        self.min_population.setSingleStep(50)
        self.min_population.setValue(PluginSettings.load().min_population)
        self.min_population.setMaximumWidth(140)
        self.class_combo = field_combo(self.layer_combo, optional=True)
        self.cluster_combo = field_combo(self.layer_combo, optional=True)
        form.addRow(translate("ProfileDialog", "Hide &counts below:"), self.threshold_spin)
        form.addRow(translate("ProfileDialog", "&Population field:"), self.population_combo)
        form.addRow(translate("ProfileDialog", "&Minimum population:"), self.min_population)
        form.addRow(translate("ProfileDialog", "Class fi&eld (badge):"), self.class_combo)
        form.addRow(translate("ProfileDialog", "Cluster field (&badge):"), self.cluster_combo)
        column.addWidget(options)

        form = QFormLayout()
        self.source_edit = QLineEdit(PluginSettings.load().source_text)
        self.language_combo = QComboBox()
        self.language_combo.addItem(translate("ProfileDialog", "As QGIS (the user interface's language)"), "")
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        self.output_widget = output_widget(translate("ProfileDialog", "[PDF file]"),
                                           translate("ProfileDialog", "PDF (*.pdf)"))
        separate_row = QHBoxLayout()
        self.separate_check = QCheckBox(translate("ProfileDialog", "Also one PDF per &district in:"))
        self.separate_widget = QgsFileWidget()
        self.separate_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.separate_widget.setEnabled(False)
        self.separate_check.toggled.connect(self.separate_widget.setEnabled)
        separate_row.addWidget(self.separate_check)
        separate_row.addWidget(self.separate_widget, 1)
        form.addRow(translate("ProfileDialog", "&Source line:"), self.source_edit)
        form.addRow(translate("ProfileDialog", "Lan&guage of the pages:"), self.language_combo)
        form.addRow(translate("ProfileDialog", "O&utput file:"), self.output_widget)
        form.addRow(separate_row)
        more = QLabel(translate(
            "ProfileDialog", "More options (rates from counts, own thresholds, a layout template, sorting, "
                             "a filter): Processing Toolbox › Sozialraum › District profile sheets."))
        more.setWordWrap(True)
        form.addRow(more)
        column.addLayout(form)
        self.grid.focus_before = self.title_edit
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self._layer_changed(self.layer_combo.currentLayer())
        return panel

    def _build_preview(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 0, 0, 0)
        self.preview_button = QPushButton(translate("ProfileDialog", "Pre&view first page"))
        self.preview_button.clicked.connect(self.preview)
        self.preview_caption = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addWidget(self.preview_caption, 1)
        self.preview_label = PageView(translate(
            "ProfileDialog", "Press “Preview first page” to see the first district's page as it will be printed."))
        column.addLayout(row)
        column.addWidget(self.preview_label, 1)
        chain_focus(self.source_edit, self.language_combo, self.output_widget, self.separate_check,
                    self.separate_widget, self.preview_button)
        return panel

    # -- reacting -------------------------------------------------------------------------
    def _layer_changed(self, layer) -> None:
        self.grid.set_fields(numeric_fields(layer), empty_fields(layer))
        self.grid.restore(self.memory.json("indicators", {}))
        for combo, names, key in ((self.name_combo, NAME_FIELDS, "name"), (self.key_combo, KEY_FIELDS, "key"),
                                  (self.population_combo, POPULATION_NAMES, "population"),
                                  (self.class_combo, ["status_class"], "class"),
                                  (self.cluster_combo, ["cluster_label"], "cluster")):
            remembered = self.memory.value(f"{key}_field", "")
            if layer is not None and remembered in layer.fields().names():
                combo.setField(remembered)
            else:
                combo.setField(guess_field(layer, names))
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = self.chosen_fields()
        text = translate("ProfileDialog", "<b>On the page ({0} of at most {1}):</b> {2}")
        self.chosen_label.setText(text.format(len(chosen), MAX_INDICATORS, ", ".join(chosen) or "–"))

    def chosen_fields(self) -> list:
        return [name for name in self.grid.rows if self.grid.role(name)]

    # -- memory ---------------------------------------------------------------------------
    def restore(self) -> None:
        self.title_edit.setText(self.memory.value("title", self.title_edit.text()))
        self.source_edit.setText(self.memory.value("source", self.source_edit.text()))
        self.threshold_spin.setValue(self.memory.value("threshold", self.threshold_spin.value()))
        self.min_population.setValue(self.memory.value("min_population", self.min_population.value()))
        language = self.memory.value("language", "")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        folder = self.memory.value("output_folder", "")
        if folder:
            self.output_widget.setDefaultRoot(folder)

    def remember(self) -> None:
        self.remember_grid()
        for key, combo in (("name", self.name_combo), ("key", self.key_combo), ("population", self.population_combo),
                           ("class", self.class_combo), ("cluster", self.cluster_combo)):
            self.memory.set_value(f"{key}_field", combo.currentField())
        self.memory.set_value("title", self.title_edit.text())
        self.memory.set_value("source", self.source_edit.text())
        self.memory.set_value("threshold", self.threshold_spin.value())
        self.memory.set_value("min_population", self.min_population.value())
        self.memory.set_value("language", self.language_combo.currentData())
        self.remember_output_folder()

    # -- parameters -----------------------------------------------------------------------
    def sheet_parameters(self) -> dict:
        """Everything but the output: what the run and the preview share."""
        layer = self.layer_combo.currentLayer()
        if layer is None or not self.name_combo.currentField():
            raise InputError(translate("ProfileDialog", "Choose a layer and the field with the district names."))
        fields = self.chosen_fields()
        if not fields:
            raise InputError(translate("ProfileDialog", "Choose at least one indicator for the page."))
        if len(fields) > MAX_INDICATORS:
            raise InputError(translate("ProfileDialog", "A page holds at most {0} indicators; {1} are chosen.")
                             .format(MAX_INDICATORS, len(fields)))
        from ..core.series.indicator_params import indicators_json
        from ..core.series.indicators import Indicator

        counts = self.grid.fields_with("count")
        indicators = []  # what each row is, handed on as it is (a label may hold ';', '|' or '=')
        for name in fields:
            index = layer.fields().indexFromName(name)
            label = " ".join((self.grid.extra_value(name) or layer.attributeDisplayName(index) or name).split())
            indicators.append(Indicator(name, label=label, unit=" ".join(self.grid.unit(name).split()),
                                        direction=self.grid.direction(name),
                                        kind="count" if name in counts else "value"))  # a count: no decimals
        params = {"INPUT": layer.id(), "NAME_FIELD": self.name_combo.currentField(), "FIELDS": fields,
                  "INDICATORS": indicators_json(indicators),
                  "TITLE": self.title_edit.text().strip() or translate("ProfileDialog", "District profile"),
                  "SOURCE_TEXT": self.source_edit.text().strip(), "SUPPRESS_BELOW": self.threshold_spin.value(),
                  "MIN_POPULATION": self.min_population.value()}
        for name, combo in (("KEY_FIELD", self.key_combo), ("POPULATION_FIELD", self.population_combo),
                            ("CLASS_FIELD", self.class_combo), ("CLUSTER_FIELD", self.cluster_combo)):
            if combo.currentField():
                params[name] = combo.currentField()
        language = self.language_combo.currentData()
        algorithm = QgsApplication.processingRegistry().algorithmById(self.ALGORITHM)
        if language and algorithm is not None and algorithm.parameterDefinition("LANGUAGE") is not None:
            params["LANGUAGE"] = language  # (the pages follow LANGUAGE where the algorithm takes it)
        return params

    def parameters(self) -> dict:
        params = self.sheet_parameters()
        output = self.output_widget.filePath().strip()
        if not output:
            raise InputError(translate("ProfileDialog", "Choose the PDF file for the profiles."))
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
        params["OUTPUT"] = output
        if self.separate_check.isChecked():
            folder = self.separate_widget.filePath().strip()
            if not folder:
                raise InputError(translate("ProfileDialog", "Choose the folder for the one-file-per-district PDFs."))
            params["SEPARATE_FILES"] = folder
        return params

    # -- preview --------------------------------------------------------------------------
    def preview(self) -> bool:
        """The first district's page, drawn by the algorithm (main thread; a second or two)."""
        try:
            params = self.sheet_parameters()
        except InputError as error:
            self.say(str(error), Qgis.MessageLevel.Warning)
            return False
        self.preview_button.setEnabled(False)
        self.preview_caption.setText(translate("ProfileDialog", "Drawing the page…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QTimer.singleShot(0, lambda: self._draw_preview(params))  # the busy state is painted first
        return True

    def _draw_preview(self, params: dict) -> None:
        from .profile_preview import render_first_page
        from .tasks import CollectingFeedback, readable_error

        layer = self.layer_combo.currentLayer()
        sort = self.key_combo.currentField() or self.name_combo.currentField()
        try:
            result = render_first_page(params, layer, sort, CollectingFeedback(self.windowTitle()))
        finally:
            QApplication.restoreOverrideCursor()
            self.preview_button.setEnabled(True)
        self.preview_result = result
        if result.image is None or result.image.isNull():
            self.preview_caption.setText("")
            self.say(readable_error("\n".join(result.errors)), Qgis.MessageLevel.Critical)
            return
        from qgis.PyQt.QtGui import QPixmap

        self.bar.clearWidgets()
        self.preview_caption.setText(translate("ProfileDialog", "First page: {0}").format(result.district))
        self.preview_label.set_page(QPixmap.fromImage(result.image))
