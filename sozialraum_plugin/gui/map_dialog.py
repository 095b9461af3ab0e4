"""Themenkarte: the common choices of ``sozialraum:thematicmap`` and a preview of the first page.

The preview is the algorithm itself, exported as a small PNG: what the user sees is what the PDF
will show. Everything else (logo, template, mask, series) stays in the Processing dialog.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsProcessingUtils
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..toolbelt.settings import PluginSettings
from .base_dialog import InputError, SozialraumDialog
from .tasks import AlgorithmRun
from .widgets import chain_focus, field_combo, output_widget, polygon_layer_combo

translate = QCoreApplication.translate

PREVIEW_DPI = 72  # the lowest the algorithm takes; an A4 page is ~840 px wide: enough to judge


def method_choices() -> list:
    """(value of METHOD, text); 'fixed' and 'sdmultiples' need more inputs: Processing dialog."""
    return [("jenks", translate("MapDialog", "Natural breaks (Jenks)")),
            ("quantile", translate("MapDialog", "Quantiles (equal counts)")),
            ("equal", translate("MapDialog", "Equal intervals")),
            ("stddev", translate("MapDialog", "Standard deviation")),
            ("pretty", translate("MapDialog", "Pretty breaks")),
            ("mss", translate("MapDialog", "MSS thresholds (status index)")),
            ("categorized", translate("MapDialog", "Categories (classes, clusters)")),
            ("diverging", translate("MapDialog", "Change: classes symmetric around 0"))]


class MapDialog(SozialraumDialog):
    ALGORITHM = "sozialraum:thematicmap"
    MEMORY = "map"
    ICON = "map.svg"
    CLOSE_ON_SUCCESS = False  # the user may want the next indicator

    def build(self, outer) -> None:
        self.setWindowTitle(translate("MapDialog", "Thematic map"))
        self.preview_run = None
        self.add_split(outer, self._build_form(), self._build_preview(), [38, 62])
        self.resize(1100, 700)

    def _build_form(self) -> QWidget:
        panel = QWidget()
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 4, 0)
        self.layer_combo = polygon_layer_combo()
        self.field_combo = field_combo(self.layer_combo)
        self.method_combo = QComboBox()
        for value, text in method_choices():
            self.method_combo.addItem(text, value)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(1, 12)
        self.classes_spin.setValue(5)
        self.classes_spin.setMaximumWidth(100)
        self.title_edit = QLineEdit()
        self.subtitle_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.unit_edit.setMaximumWidth(100)
        self.source_edit = QLineEdit(PluginSettings.load().source_text)
        self.output_widget = output_widget(translate("MapDialog", "[PDF, PNG or SVG file]"),
                                           translate("MapDialog", "PDF (*.pdf);;PNG (*.png);;SVG (*.svg)"))
        form.addRow(translate("MapDialog", "&Layer:"), self.layer_combo)
        form.addRow(translate("MapDialog", "&Field:"), self.field_combo)
        form.addRow(translate("MapDialog", "&Method:"), self.method_combo)
        form.addRow(translate("MapDialog", "&Classes:"), self.classes_spin)
        form.addRow(translate("MapDialog", "&Title:"), self.title_edit)
        form.addRow(translate("MapDialog", "&Subtitle:"), self.subtitle_edit)
        form.addRow(translate("MapDialog", "U&nit:"), self.unit_edit)
        form.addRow(translate("MapDialog", "Source l&ine:"), self.source_edit)
        form.addRow(translate("MapDialog", "O&utput file:"), self.output_widget)
        more = QLabel(translate(
            "MapDialog", "More options (logo, layout template, mask of uninhabited areas, a series of "
                         "fields): Processing Toolbox › Sozialraum › Thematic map."))
        more.setWordWrap(True)
        form.addRow(more)
        self.field_combo.fieldChanged.connect(self._field_changed)
        self._field_changed(self.field_combo.currentField())
        return panel

    def _build_preview(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(4, 0, 0, 0)
        self.preview_button = QPushButton(translate("MapDialog", "Pre&view first page"))
        self.preview_button.clicked.connect(self.preview)
        self.preview_label = PageView(translate("MapDialog", "Press “Preview first page” to see the map "
                                                             "as it will be printed."))
        column.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.preview_label, 1)
        chain_focus(self.layer_combo, self.field_combo, self.method_combo, self.classes_spin, self.title_edit,
                    self.subtitle_edit, self.unit_edit, self.source_edit, self.output_widget,
                    self.preview_button)
        return panel

    def _field_changed(self, field: str) -> None:
        """Indices and classes get the matching method; the title follows the field until typed."""
        categorized = ("status_class", "dynamic_class", "group_code", "cluster", "cluster_label")
        method = "mss" if field == "status_index" else "categorized" if field in categorized else None
        if method:
            self.method_combo.setCurrentIndex(self.method_combo.findData(method))
        if not self.title_edit.isModified():
            layer = self.layer_combo.currentLayer()
            index = layer.fields().indexFromName(field) if layer is not None and field else -1
            alias = layer.attributeDisplayName(index) if index >= 0 else field
            self.title_edit.setText(alias or "")

    # -- memory ---------------------------------------------------------------------------
    def restore(self) -> None:
        self.source_edit.setText(self.memory.value("source", self.source_edit.text()))
        folder = self.memory.value("output_folder", "")
        if folder:
            self.output_widget.setDefaultRoot(folder)

    def remember(self) -> None:
        self.memory.set_value("source", self.source_edit.text())
        self.remember_output_folder()

    # -- running --------------------------------------------------------------------------
    def map_parameters(self) -> dict:
        layer, field = self.layer_combo.currentLayer(), self.field_combo.currentField()
        if layer is None or not field:
            raise InputError(translate("MapDialog", "Choose a layer and the field to map."))
        return {"INPUT": layer.id(), "FIELD": field, "METHOD": self.method_combo.currentData(),
                "CLASSES": self.classes_spin.value(), "TITLE": self.title_edit.text().strip(),
                "SUBTITLE": self.subtitle_edit.text().strip(), "UNIT": self.unit_edit.text().strip(),
                "SOURCE_TEXT": self.source_edit.text().strip()}

    def parameters(self) -> dict:
        params = self.map_parameters()
        output = self.output_widget.filePath().strip()
        if not output:
            raise InputError(translate("MapDialog", "Choose the file for the map (PDF, PNG or SVG)."))
        return dict(params, OUTPUT=output)

    def preview(self) -> bool:
        """The first page as a small PNG, drawn by the algorithm itself (main thread, ~0.3 s)."""
        try:
            params = self.map_parameters()
        except InputError as error:
            self.say(str(error), Qgis.MessageLevel.Warning)
            return False
        params.update(OUTPUT=QgsProcessingUtils.generateTempFilename("map_preview.png"), DPI=PREVIEW_DPI,
                      SAVE_STYLE=False)
        self.preview_run = AlgorithmRun(self.ALGORITHM, params, self.iface, self.windowTitle(), quiet=True)
        self.preview_run.finished.connect(self._show_preview)
        self.preview_button.setEnabled(False)
        return self.preview_run.start()

    def _show_preview(self, ok: bool, results: dict, message: str) -> None:
        self.preview_button.setEnabled(True)
        if not ok:
            self.say(message, Qgis.MessageLevel.Critical)
            return
        pixmap = QPixmap(results.get("OUTPUT", ""))
        if pixmap.isNull():  # PNG export names pages itself when there are several
            self.say(translate("MapDialog", "The preview could not be drawn."), Qgis.MessageLevel.Warning)
            return
        self.bar.clearWidgets()
        self.preview_label.set_page(pixmap)


class PageView(QLabel):
    """A page image scaled to the space it has (a cut-off page cannot be judged)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.page = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def set_page(self, pixmap: QPixmap) -> None:
        self.page = pixmap
        self._fit()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.page is not None and not self.page.isNull():
            self.setPixmap(self.page.scaled(self.contentsRect().size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
