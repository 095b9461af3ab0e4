"""The report builder's section for facilities against need (the definition's "supply"):
facilities file with its columns, target population, standard, method and distance, need field.
A small checkable group on the analysis page; it round-trips core/supply/spec.SupplySpec."""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.supply.spec import SupplySpec

translate = QCoreApplication.translate


class SupplySection(QGroupBox):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(translate("ReportBuilder", "Facilities against &need"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self._kept = SupplySpec()  # entries the section has no widget for (network), kept as loaded
        form = QFormLayout(self)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(translate("ReportBuilder", "Kita list (CSV, XLSX) or point layer file"))
        browse = QPushButton("…")
        browse.clicked.connect(self._browse)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.file_edit, 1)
        line.addWidget(browse)
        form.addRow(translate("ReportBuilder", "Facilities:"), row)
        self.x_edit, self.y_edit, self.crs_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.x_edit.setPlaceholderText("lon")
        self.y_edit.setPlaceholderText("lat")
        self.crs_edit.setPlaceholderText("EPSG:4326")
        coords = QWidget()
        line = QHBoxLayout(coords)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.x_edit, self.y_edit, self.crs_edit):
            line.addWidget(widget)
        form.addRow(translate("ReportBuilder", "X, Y columns, CRS (tables):"), coords)
        self.id_edit, self.capacity_edit = QLineEdit(), QLineEdit()
        self.id_edit.setPlaceholderText("id")
        self.capacity_edit.setPlaceholderText(translate("ReportBuilder", "empty: each counts 1"))
        form.addRow(translate("ReportBuilder", "Id column:"), self.id_edit)
        form.addRow(translate("ReportBuilder", "Capacity column (places):"), self.capacity_edit)
        self.target_combo = QComboBox()
        form.addRow(translate("ReportBuilder", "Target population:"), self.target_combo)
        self.standard_spin = QDoubleSpinBox()
        self.standard_spin.setRange(0, 100)
        self.standard_spin.setDecimals(2)
        self.standard_spin.setSingleStep(0.1)
        self.standard_spin.setSpecialValueText(translate("ReportBuilder", "none (city value)"))
        form.addRow(translate("ReportBuilder", "Standard (places per person):"), self.standard_spin)
        self.method_combo = QComboBox()
        self.method_combo.addItem(translate("ReportBuilder", "Facilities inside the district"), "inside")
        self.method_combo.addItem(translate("ReportBuilder", "Catchment (2SFCA)"), "catchment")
        form.addRow(translate("ReportBuilder", "Method:"), self.method_combo)
        self.distance_spin = QDoubleSpinBox()
        self.distance_spin.setRange(0, 100_000)
        self.distance_spin.setDecimals(0)
        self.distance_spin.setSingleStep(100)
        self.distance_spin.setValue(1000)
        self.distance_spin.setSuffix(" m")
        form.addRow(translate("ReportBuilder", "Catchment distance:"), self.distance_spin)
        self.need_combo = QComboBox()
        form.addRow(translate("ReportBuilder", "Need field:"), self.need_combo)
        self.set_columns([])
        for signal in (self.toggled, self.file_edit.textChanged, self.x_edit.textChanged, self.y_edit.textChanged,
                       self.crs_edit.textChanged, self.id_edit.textChanged, self.capacity_edit.textChanged,
                       self.target_combo.currentIndexChanged, self.standard_spin.valueChanged,
                       self.method_combo.currentIndexChanged, self.distance_spin.valueChanged,
                       self.need_combo.currentIndexChanged):
            signal.connect(lambda *_a: self.changed.emit())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("ReportBuilder", "Facilities"), self.file_edit.text(),
                                              translate("ReportBuilder", "Tables and layers (*.csv *.txt *.xlsx "
                                                                         "*.ods *.gpkg *.shp);;All files (*.*)"))
        if path:
            self.file_edit.setText(path)

    def set_columns(self, columns: list, made: list = ()) -> None:
        """The numeric columns for the target population; those and what the index adds for need."""
        target, need = self.target_combo.currentData(), self.need_combo.currentData()
        for combo, names in ((self.target_combo, columns), (self.need_combo, [*made, *columns])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", "")
            for name in dict.fromkeys(names):
                combo.addItem(name, name)
            combo.blockSignals(False)
        self._choose(self.target_combo, target)
        self._choose(self.need_combo, need)

    @staticmethod
    def _choose(combo: QComboBox, value) -> None:
        if value and combo.findData(value) < 0:  # a loaded field not among the columns (yet): kept
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(value or "")))

    def load(self, spec: SupplySpec | None, resolve=lambda p: p) -> None:
        self.setChecked(spec is not None)
        spec = spec or SupplySpec()
        self._kept = spec
        self.file_edit.setText(resolve(spec.facilities) if spec.facilities else "")
        self.x_edit.setText(spec.x)
        self.y_edit.setText(spec.y)
        self.crs_edit.setText(spec.crs)
        self.id_edit.setText(spec.id)
        self.capacity_edit.setText(spec.capacity)
        self._choose(self.target_combo, spec.target)
        self.standard_spin.setValue(float(spec.standard or 0))
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(spec.method)))
        self.distance_spin.setValue(float(spec.distance))
        self._choose(self.need_combo, spec.need_field)

    def spec(self) -> SupplySpec | None:
        if not self.isChecked():
            return None
        kept = self._kept
        return SupplySpec(facilities=self.file_edit.text().strip(), x=self.x_edit.text().strip(),
                          y=self.y_edit.text().strip(), crs=self.crs_edit.text().strip(),
                          id=self.id_edit.text().strip(),
                          capacity=self.capacity_edit.text().strip(), target=self.target_combo.currentData() or "",
                          standard=self.standard_spin.value() or None, method=self.method_combo.currentData(),
                          distance=self.distance_spin.value(), network=kept.network,
                          need_field=self.need_combo.currentData() or "", need_high=kept.need_high)

    def problems(self) -> list:
        spec = self.spec()
        if spec is None:
            return []
        out = []
        if not spec.facilities or not os.path.exists(spec.facilities):
            out.append(translate("ReportBuilder", "Facilities against need: choose the facilities file."))
        if bool(spec.x) != bool(spec.y):
            out.append(translate("ReportBuilder", "Facilities against need: give both the X and the Y column."))
        if spec.method == "catchment" and not spec.target:
            out.append(translate("ReportBuilder", "Facilities against need: the catchment needs a target population."))
        return out
