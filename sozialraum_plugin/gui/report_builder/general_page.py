"""The report's first page: title and source, the district boundaries (a project layer or a
file) with their key and name, the output folder and the language of the outputs."""
from __future__ import annotations

import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..widgets import polygon_layer_combo

translate = QCoreApplication.translate
NO_FIELD = ""


def language_choices() -> list:
    return [(translate("ReportBuilder", "Language of QGIS"), ""), ("Deutsch", "de"), ("English", "en")]


class GeneralPage(QWidget):
    changed = pyqtSignal()
    boundaries_changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._file_layer = None  # a boundaries file, read but not added to the project
        lay = QVBoxLayout(self)

        box = QGroupBox(translate("ReportBuilder", "Report"))
        form = QFormLayout(box)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(translate("ReportBuilder", "e.g. Sozialbericht 2022"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(translate("ReportBuilder", "Source line printed on maps and pages"))
        form.addRow(translate("ReportBuilder", "&Title:"), self.title_edit)
        form.addRow(translate("ReportBuilder", "&Source:"), self.source_edit)
        lay.addWidget(box)

        box = QGroupBox(translate("ReportBuilder", "District boundaries"))
        grid = QGridLayout(box)
        self.layer_radio = QRadioButton(translate("ReportBuilder", "Project &layer:"))
        self.layer_combo = polygon_layer_combo()
        self.layer_combo.setAllowEmptyLayer(True)
        self.file_radio = QRadioButton(translate("ReportBuilder", "&File:"))
        self.file_widget = QgsFileWidget()
        self.file_widget.setFilter(translate("ReportBuilder", "Vector files (*.shp *.gpkg *.geojson *.json);;"
                                                              "All files (*)"))
        self.layer_radio.setChecked(True)
        self.key_combo = QComboBox()
        self.name_combo = QComboBox()
        grid.addWidget(self.layer_radio, 0, 0)
        grid.addWidget(self.layer_combo, 0, 1)
        grid.addWidget(self.file_radio, 1, 0)
        grid.addWidget(self.file_widget, 1, 1)
        fields = QFormLayout()
        fields.addRow(translate("ReportBuilder", "District &key:"), self.key_combo)
        fields.addRow(translate("ReportBuilder", "District &name:"), self.name_combo)
        grid.addLayout(fields, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        lay.addWidget(box)

        box = QGroupBox(translate("ReportBuilder", "Output"))
        form = QFormLayout(box)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder_widget.lineEdit().setPlaceholderText(translate("ReportBuilder", "Folder for maps, pages "
                                                                                    "and data"))
        self.language_combo = QComboBox()
        for text, code in language_choices():
            self.language_combo.addItem(text, code)
        # the publication rule's threshold (data protection): seen and set where the outputs are chosen
        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(0, 1000)  # 0 or 1: nothing hidden
        self.threshold_spin.setValue(3)
        self.threshold_spin.setToolTip(translate(
            "ReportBuilder", "Counts from 1 to below this number are hidden in maps, pages, appendix and the "
                             "GeoPackage, and so is every value that would give them back. An indicator may "
                             "have its own threshold in the definition file (\"threshold\")."))
        form.addRow(translate("ReportBuilder", "Output &folder:"), self.folder_widget)
        form.addRow(translate("ReportBuilder", "&Language of the outputs:"), self.language_combo)
        form.addRow(translate("ReportBuilder", "&Hide counts below:"), self.threshold_spin)
        # the office's database: QGIS's own PostgreSQL connections (credentials stay in QGIS)
        self.store_combo = QComboBox()
        self.store_combo.addItem(translate("ReportBuilder", "(none: files only)"), "")
        for name in _connection_names():
            self.store_combo.addItem(name, name)
        self.store_combo.setToolTip(translate(
            "ReportBuilder", "Also publish the published district layer, its series and the map's style into a "
                             "schema of this PostgreSQL connection (Data Source Manager ▸ PostgreSQL; "
                             "credentials in an authentication configuration). The internal layer stays local."))
        self.schema_edit = QLineEdit()
        self.schema_edit.setPlaceholderText(translate("ReportBuilder", "e.g. bericht"))
        form.addRow(translate("ReportBuilder", "&Database connection:"), self.store_combo)
        form.addRow(translate("ReportBuilder", "Sc&hema:"), self.schema_edit)
        lay.addWidget(box)
        lay.addStretch(1)

        self.layer_radio.toggled.connect(self._boundaries_changed)
        self.layer_combo.layerChanged.connect(self._layer_picked)
        self.file_widget.fileChanged.connect(self._file_picked)
        self.key_combo.currentIndexChanged.connect(self._key_changed)
        for signal in (self.title_edit.textChanged, self.source_edit.textChanged, self.folder_widget.fileChanged,
                       self.name_combo.currentIndexChanged, self.language_combo.currentIndexChanged,
                       self.threshold_spin.valueChanged, self.store_combo.currentIndexChanged,
                       self.schema_edit.textChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._boundaries_changed()

    # -- the database store ---------------------------------------------------------------
    def store(self):
        """The definition's "store" (None: the report stays in its folder)."""
        from ...core.report.db_source import StoreSpec

        name, schema = self.store_combo.currentData() or "", self.schema_edit.text().strip()
        return StoreSpec(connection=name, schema=schema) if name and schema else None

    def set_store(self, spec) -> None:
        name = spec.connection if spec else ""
        if name and self.store_combo.findData(name) < 0:  # a connection of another profile: kept as named
            self.store_combo.addItem(name, name)
        self.store_combo.setCurrentIndex(max(0, self.store_combo.findData(name)))
        self.schema_edit.setText(spec.schema if spec else "")

    # -- boundaries -----------------------------------------------------------------------
    def release(self) -> None:
        self._file_layer = None

    def layer(self):
        if self.layer_radio.isChecked():
            return self.layer_combo.currentLayer()
        return self._file_layer

    def source(self) -> str:
        """The boundaries as the definition names them (a file path, or a file layer's source)."""
        if not self.layer_radio.isChecked():
            return self.file_widget.filePath().strip()
        layer = self.layer_combo.currentLayer()
        return layer.source() if layer is not None and layer.providerType() == "ogr" else ""

    def key(self) -> str:
        return self.key_combo.currentText()

    def name_field(self) -> str:
        return self.name_combo.currentData() or ""

    def _layer_picked(self, *_args) -> None:
        if self.layer_combo.currentLayer() is not None and not self.layer_radio.isChecked():
            self.layer_radio.setChecked(True)
        else:
            self._boundaries_changed()

    def _file_picked(self, *_args) -> None:
        path = self.file_widget.filePath().strip()
        layer = QgsVectorLayer(path, os.path.splitext(os.path.basename(path))[0], "ogr") if path else None
        self._file_layer = layer if layer is not None and layer.isValid() else None
        if not self.file_radio.isChecked():
            self.file_radio.setChecked(True)
        else:
            self._boundaries_changed()

    def _boundaries_changed(self, *_args) -> None:
        layer = self.layer()
        names = layer.fields().names() if layer is not None else []
        old_key, old_name = self.key(), self.name_field()
        for combo in (self.key_combo, self.name_combo):
            combo.blockSignals(True)
            combo.clear()
        self.key_combo.addItems(names)
        self.name_combo.addItem("—", NO_FIELD)
        for name in names:
            self.name_combo.addItem(name, name)
        if old_key in names:
            self.key_combo.setCurrentIndex(names.index(old_key))
        self.name_combo.setCurrentIndex(max(0, self.name_combo.findData(old_name)))
        for combo in (self.key_combo, self.name_combo):
            combo.blockSignals(False)
        self._key_changed()

    def _key_changed(self, *_args) -> None:
        self.boundaries_changed.emit()
        self.changed.emit()

    def set_boundaries(self, path: str, key: str, name_field: str) -> None:
        """A definition's boundaries: the project layer of that file if there is one, else the file."""
        found = None
        for layer in QgsProject.instance().mapLayers().values():
            if path and layer.source() == path:
                found = layer
        if found is not None:
            self.layer_combo.setLayer(found)
            self.layer_radio.setChecked(True)
        else:
            self.file_widget.setFilePath(path)
            self._file_picked()
        self._boundaries_changed()
        self.key_combo.setCurrentIndex(max(0, self.key_combo.findText(key)))
        self.name_combo.setCurrentIndex(max(0, self.name_combo.findData(name_field or NO_FIELD)))

    def problems(self) -> list:
        out = []
        if not self.title_edit.text().strip():
            out.append(translate("ReportBuilder", "Give the report a title (page “Report”)."))
        if self.layer() is None:
            if self.file_radio.isChecked() and self.file_widget.filePath().strip():
                out.append(translate("ReportBuilder", "The boundaries file {0} cannot be read.").format(
                    self.file_widget.filePath().strip()))
            else:
                out.append(translate("ReportBuilder", "Choose the district boundaries (page “Report”)."))
        elif not self.source():
            out.append(translate("ReportBuilder", "The layer {0} is not a file; save it as a GeoPackage first.").format(
                self.layer().name()))
        elif not self.key():
            out.append(translate("ReportBuilder", "Choose the district key field (page “Report”)."))
        if not self.folder_widget.filePath().strip():
            out.append(translate("ReportBuilder", "Choose an output folder (page “Report”)."))
        connection = self.store_combo.currentData()
        if connection and not self.schema_edit.text().strip():  # else store() drops the connection silently
            out.append(translate("ReportBuilder", "Enter the schema to publish into through the database "
                                                  "connection {0} (page “Report”).").format(connection))
        return out


def _connection_names() -> list:
    try:
        from ...gis.pg_connection import connection_names

        return connection_names()
    except Exception:  # noqa: BLE001 (no postgres provider in this QGIS: no store)
        return []
