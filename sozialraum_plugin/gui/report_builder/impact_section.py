"""The builder's box for the definition's "impact" section (funded districts against the rest,
sozialraum:impact): which districts are funded (a field, an expression or a file of programme
areas), which indicators, which years. Shown on the need-index page under the clusters."""
from __future__ import annotations

from qgis.core import QgsExpression
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from ...core.report.impact_spec import ImpactSpec

translate = QCoreApplication.translate
SOURCES = ("field", "expression", "areas")


class ImpactSection(QGroupBox):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(translate("ReportBuilder", "Funded districts against the rest (i&mpact)"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.source_combo = QComboBox()
        for key, text in zip(SOURCES, (translate("ReportBuilder", "a field (1/0, ja/nein)"),
                                       translate("ReportBuilder", "an expression"),
                                       translate("ReportBuilder", "a file of programme areas"))):
            self.source_combo.addItem(text, key)
        self.value_edit = QLineEdit()
        self.areas_widget = QgsFileWidget()
        self.areas_widget.setFilter(translate("ReportBuilder", "Polygons (*.gpkg *.shp *.geojson);;All files (*.*)"))
        self.overlap_spin = QDoubleSpinBox()
        self.overlap_spin.setRange(0.0, 100.0)
        self.overlap_spin.setValue(50.0)
        self.overlap_spin.setSuffix(" %")
        self.indicators_edit = QLineEdit()
        self.indicators_edit.setPlaceholderText(translate("ReportBuilder", "empty: every indicator with years"))
        self.base_spin, self.year_spin = QSpinBox(), QSpinBox()
        for spin, text in ((self.base_spin, translate("ReportBuilder", "first")),
                           (self.year_spin, translate("ReportBuilder", "last"))):
            spin.setRange(0, 3000)
            spin.setSpecialValueText(text)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_147_483_647)  # any seed a definition holds (a smaller range would change it)
        self.seed_spin.setValue(1)
        which = QHBoxLayout()  # one row: the field or expression, or the areas file with its share
        which.addWidget(self.value_edit, 1)
        which.addWidget(self.areas_widget, 1)
        which.addWidget(self.overlap_spin)
        years = QHBoxLayout()
        for widget in (self.base_spin, QLabel("–"), self.year_spin, QLabel(translate("ReportBuilder", "Seed:")),
                       self.seed_spin):
            years.addWidget(widget)
        form.addRow(translate("ReportBuilder", "Funded by:"), self.source_combo)
        form.addRow(translate("ReportBuilder", "Which:"), which)
        form.addRow(translate("ReportBuilder", "Indicators (ids):"), self.indicators_edit)
        form.addRow(translate("ReportBuilder", "Years:"), years)
        self.source_combo.currentIndexChanged.connect(self._enable)
        for signal in (self.toggled, self.source_combo.currentIndexChanged, self.value_edit.textChanged,
                       self.areas_widget.fileChanged, self.overlap_spin.valueChanged, self.indicators_edit.textChanged,
                       self.base_spin.valueChanged, self.year_spin.valueChanged, self.seed_spin.valueChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._enable()

    def _enable(self) -> None:
        areas = self.source_combo.currentData() == "areas"
        self.value_edit.setVisible(not areas)
        self.areas_widget.setVisible(areas)
        self.overlap_spin.setVisible(areas)
        self.value_edit.setPlaceholderText("QM" if self.source_combo.currentData() == "field" else "\"QM\" = 'ja'")

    def spec(self) -> ImpactSpec | None:
        """The section as the box shows it (None: unticked)."""
        if not self.isChecked():
            return None
        source, value = self.source_combo.currentData(), self.value_edit.text().strip()
        ids = [i.strip() for i in self.indicators_edit.text().replace(";", ",").split(",") if i.strip()]
        return ImpactSpec(funded_field=value if source == "field" else "",
                          funded_expression=value if source == "expression" else "",
                          areas=self.areas_widget.filePath().strip() if source == "areas" else "",
                          min_overlap=float(self.overlap_spin.value()), indicators=ids,
                          base_year=self.base_spin.value() or None, year=self.year_spin.value() or None,
                          seed=self.seed_spin.value(), population=getattr(self, "_kept", ImpactSpec()).population,
                          title=getattr(self, "_kept", ImpactSpec()).title)

    def load(self, spec: ImpactSpec | None) -> None:
        """``spec`` with its areas path absolute (or None)."""
        self.setChecked(spec is not None)
        spec = spec or ImpactSpec()
        self._kept = spec  # population and title: no widget here, kept as written
        source = "areas" if spec.areas else "expression" if spec.funded_expression else "field"
        self.source_combo.setCurrentIndex(SOURCES.index(source))
        self.value_edit.setText(spec.funded_expression or spec.funded_field)
        self.areas_widget.setFilePath(spec.areas)
        self.overlap_spin.setValue(float(spec.min_overlap))
        self.indicators_edit.setText(", ".join(spec.indicators))
        self.base_spin.setValue(int(spec.base_year or 0))
        self.year_spin.setValue(int(spec.year or 0))
        self.seed_spin.setValue(int(spec.seed))

    def problems(self) -> list:
        spec = self.spec()
        if spec is None:
            return []
        if not (spec.funded_field or spec.funded_expression or spec.areas):
            return [translate("ReportBuilder", "Impact: name the funded districts (a field, an expression or a file "
                                               "of programme areas).")]
        if spec.funded_expression and QgsExpression(spec.funded_expression).hasParserError():
            return [translate("ReportBuilder", "Impact: the expression {0} cannot be used: {1}").format(
                spec.funded_expression, QgsExpression(spec.funded_expression).parserErrorString())]
        if spec.base_year and spec.year and spec.base_year >= spec.year:
            return [translate("ReportBuilder", "Impact: the base year must be before the year.")]
        return []
