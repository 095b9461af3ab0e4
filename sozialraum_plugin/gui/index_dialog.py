"""Bedarf bewerten: a need index (Berlin MSS or a custom composite) through ``sozialraum:needindex``.

The user picks each indicator's role (status or dynamics), direction and weight in one grid; the
reference population rules (minimum population, an exclusion expression) sit below it.
"""
from __future__ import annotations

import os

from qgis.core import QgsExpression
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldExpressionWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ..toolbelt.settings import PluginSettings
from .base_dialog import InputError, SozialraumDialog
from .widgets import (
    IndicatorGrid,
    empty_fields,
    field_combo,
    guess_field,
    numeric_fields,
    output_widget,
    polygon_layer_combo,
)

translate = QCoreApplication.translate

PRESET_MSS, PRESET_CUSTOM = 1, 0  # the algorithm's PRESET enum
POPULATION_NAMES = ["EW", "E_E", "einwohner.*", ".*einwohner.*", "population", "bev.*", "pop.*"]


class IndexDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:needindex"
    MEMORY = "index"
    ICON = "index.svg"

    def build(self, outer) -> None:
        self.setWindowTitle(translate("IndexDialog", "Assess need"))
        form = QFormLayout()
        self.layer_combo = polygon_layer_combo()
        form.addRow(translate("IndexDialog", "&Layer:"), self.layer_combo)
        outer.addLayout(form)

        box = QGroupBox(translate("IndexDialog", "Indicators"))
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(
            translate("IndexDialog", "Berlin MSS (Monitoring Soziale Stadtentwicklung)"), PRESET_MSS)
        self.preset_combo.addItem(translate("IndexDialog", "Custom composite index"), PRESET_CUSTOM)
        self.scaling_combo = QComboBox()
        self.scaling_combo.addItems([translate("IndexDialog", "z-score"), translate("IndexDialog", "min-max"),
                                     translate("IndexDialog", "percentile rank")])
        for text, widget in ((translate("IndexDialog", "Me&thod:"), self.preset_combo),
                             (translate("IndexDialog", "&Scaling:"), self.scaling_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
        lay.addLayout(row)
        self.grid = IndicatorGrid([("status", translate("IndexDialog", "Status")),
                                   ("dynamic", translate("IndexDialog", "Dynamics"))], extra="weight")
        grid_label = QLabel(translate("IndexDialog", "&Indicators of the layer:"))
        grid_label.setBuddy(self.grid)
        lay.addWidget(grid_label)
        lay.addWidget(self.grid, 1)
        self.chosen_label = QLabel()  # the grid scrolls: what is chosen stays in view here
        self.chosen_label.setWordWrap(True)
        self.method_note = QLabel()
        self.method_note.setWordWrap(True)
        lay.addWidget(self.chosen_label)
        lay.addWidget(self.method_note)
        self.grid.changed.connect(self._show_chosen)
        outer.addWidget(box, 1)

        box = QGroupBox(translate("IndexDialog", "Reference population"))
        form = QFormLayout(box)
        self.population_combo = field_combo(self.layer_combo, numeric=True, optional=True)
        self.min_population = QSpinBox()
        self.min_population.setRange(0, 1_000_000)
        self.min_population.setSingleStep(50)
        self.min_population.setValue(PluginSettings.load().min_population)
        self.min_population.setMaximumWidth(140)
        self.exclude_widget = QgsFieldExpressionWidget()
        self.exclude_widget.setLayer(self.layer_combo.currentLayer())
        self.exclude_widget.setToolTip(translate(
            "IndexDialog", "Areas for which this is true stay on the map but are left out of the reference, "
                           "e.g. \"KOM\" <> 'gültig'"))
        form.addRow(translate("IndexDialog", "&Population field:"), self.population_combo)
        form.addRow(translate("IndexDialog", "&Minimum population:"), self.min_population)
        form.addRow(translate("IndexDialog", "E&xclude areas where:"), self.exclude_widget)
        outer.addWidget(box)

        limits = QgsCollapsibleGroupBox(translate("IndexDialog", "Class limits"))
        limits.setCollapsed(True)
        form = QFormLayout(limits)
        self.status_limits = QLineEdit("-1.0;1.0;1.5")
        self.dynamic_limits = QLineEdit("-1.0;1.0")
        form.addRow(translate("IndexDialog", "Status (hoch | mittel | niedrig | sehr niedrig):"),
                    self.status_limits)
        form.addRow(translate("IndexDialog", "Dynamics (positiv | stabil | negativ):"), self.dynamic_limits)
        outer.addWidget(limits)

        form = QFormLayout()
        self.output_widget = output_widget(translate("IndexDialog", "[temporary GeoPackage]"),
                                           translate("IndexDialog", "GeoPackage (*.gpkg)"))
        form.addRow(translate("IndexDialog", "O&utput layer:"), self.output_widget)
        outer.addLayout(form)

        self.grid.focus_before = self.scaling_combo
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self._layer_changed(self.layer_combo.currentLayer())
        self.resize(760, 780)

    # -- reacting -------------------------------------------------------------------------
    def _layer_changed(self, layer) -> None:
        self.exclude_widget.setLayer(layer)
        self.grid.set_fields(numeric_fields(layer), empty_fields(layer))
        if not self.grid.restore(self.memory.json("indicators", {})):
            self._guess_indicators()
        population = self.memory.value("population", "")
        if not (layer is not None and population in layer.fields().names()):
            population = guess_field(layer, POPULATION_NAMES)
        self.population_combo.setField(population)
        self._preset_changed()
        self._show_chosen()

    def _show_chosen(self) -> None:
        status, dynamic = self.grid.fields_with("status"), self.grid.fields_with("dynamic")
        text = translate("IndexDialog", "<b>Status:</b> {0} &nbsp; <b>Dynamics:</b> {1}")
        self.chosen_label.setText(text.format(", ".join(status) or "–", ", ".join(dynamic) or "–"))

    def _guess_indicators(self) -> None:
        """MSS naming (S1…S4 status, D1…D4 dynamics) is what Berlin's tables use."""
        import re

        empty = set(empty_fields(self.layer_combo.currentLayer()))
        for name in self.grid.rows:
            if name in empty:
                continue
            if re.fullmatch(r"S\d+", name):
                self.grid.set_role(name, "status")
            elif re.fullmatch(r"D\d+", name):
                self.grid.set_role(name, "dynamic")

    def _preset_changed(self, *_args) -> None:
        custom = self.preset_combo.currentData() == PRESET_CUSTOM
        self.scaling_combo.setEnabled(custom)
        self.grid.set_extra_enabled(custom)
        if custom:
            self.method_note.setText(translate(
                "IndexDialog", "Custom: the weighted mean of the scaled indicators, standardised again and "
                               "classed with the limits below."))
        else:
            self.method_note.setText(translate(
                "IndexDialog", "MSS: each indicator z-standardised on the valid areas, summed, standardised "
                               "again; weights do not apply."))

    # -- memory ---------------------------------------------------------------------------
    def restore(self) -> None:
        preset = self.memory.value("preset", PRESET_MSS)
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(preset)))
        self.scaling_combo.setCurrentIndex(self.memory.value("scaling", 0))
        self.min_population.setValue(self.memory.value("min_population", self.min_population.value()))
        self.exclude_widget.setExpression(self.memory.value("exclude", ""))
        self.status_limits.setText(self.memory.value("status_limits", self.status_limits.text()))
        self.dynamic_limits.setText(self.memory.value("dynamic_limits", self.dynamic_limits.text()))
        folder = self.memory.value("output_folder", "")
        if folder:
            self.output_widget.setDefaultRoot(folder)

    def remember(self) -> None:
        self.remember_grid()
        self.memory.set_value("preset", self.preset_combo.currentData())
        self.memory.set_value("scaling", self.scaling_combo.currentIndex())
        self.memory.set_value("population", self.population_combo.currentField())
        self.memory.set_value("min_population", self.min_population.value())
        self.memory.set_value("exclude", self.exclude_widget.expression())
        self.memory.set_value("status_limits", self.status_limits.text())
        self.memory.set_value("dynamic_limits", self.dynamic_limits.text())
        self.remember_output_folder()

    # -- running --------------------------------------------------------------------------
    def parameters(self) -> dict:
        layer = self.layer_combo.currentLayer()
        if layer is None:
            raise InputError(translate("IndexDialog", "Choose a layer with the indicators."))
        status, dynamic = self.grid.fields_with("status"), self.grid.fields_with("dynamic")
        if not status:
            raise InputError(translate("IndexDialog", "Choose at least one status indicator."))
        expression = self.exclude_widget.expression().strip()
        if expression:
            parsed = QgsExpression(expression)
            if parsed.hasParserError():
                raise InputError(translate("IndexDialog", "The expression {0} cannot be read: {1}").format(
                    expression, parsed.parserErrorString()))
        from ..core.series.indicator_params import indicators_json
        from ..core.series.indicators import Indicator

        custom = self.preset_combo.currentData() == PRESET_CUSTOM
        params = {
            "INPUT": layer.id(),
            "STATUS_FIELDS": status,
            "DYNAMIC_FIELDS": dynamic,
            "PRESET": self.preset_combo.currentData(),
            "MIN_POPULATION": self.min_population.value(),
            "INDICATORS": indicators_json([Indicator(f, direction=self.grid.direction(f)) for f in status + dynamic]),
            "SCALING": self.scaling_combo.currentIndex(),
            "STATUS_THRESHOLDS": self.status_limits.text().strip() or "-1.0;1.0;1.5",
            "DYNAMIC_THRESHOLDS": self.dynamic_limits.text().strip() or "-1.0;1.0",
            "OUTPUT": self.output_widget.filePath().strip() or "TEMPORARY_OUTPUT",
        }
        if custom:
            params["WEIGHTS"] = self.grid.spec(status + dynamic, "weight")
        if self.population_combo.currentField():
            params["POPULATION_FIELD"] = self.population_combo.currentField()
        if expression:
            params["EXCLUDE_EXPRESSION"] = expression
        return params

    def outputs_to_load(self) -> dict:
        out = self.output_widget.filePath().strip()
        if out:
            return {"OUTPUT": os.path.splitext(os.path.basename(out))[0]}
        return {"OUTPUT": translate("IndexDialog", "Need index")}
