"""The need index's robust ranks on the builder's analysis page: on/off, draws, weight range.

The definition's other entries (seed, scalings, leave-one-out, top class) are kept as read, so a
definition written by hand comes back as it was (core/report/uncertainty_spec.py).
"""
from __future__ import annotations

from dataclasses import replace

from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from ...core.needs.robust import MAX_DRAWS
from ...core.report.uncertainty_spec import UncertaintySpec

translate = QCoreApplication.translate


class UncertaintySection(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kept = UncertaintySpec()  # what the widgets do not show, as last loaded
        self._shown = None  # the weight range's spin value as loaded: untouched, the exact share stays
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(translate("ReportBuilder", "Robust ranks (rank interval, probability of the "
                                                          "highest need class)"))
        self.check.setToolTip(translate("ReportBuilder", "The index is recomputed many times with other weights, "
                                                         "scalings and one indicator left out; each district gets "
                                                         "its rank with a 90 % interval on its profile page and "
                                                         "in the appendix."))
        self.draws = QSpinBox()
        self.draws.setRange(1, MAX_DRAWS)  # the definition's range: a loaded value is never clamped
        self.draws.setSingleStep(100)
        self.draws.setValue(1000)
        self.weight_range = QDoubleSpinBox()
        self.weight_range.setRange(0, 99)
        self.weight_range.setDecimals(0)
        self.weight_range.setSuffix(" %")
        self.weight_range.setValue(50)
        form.addRow(self.check)
        form.addRow(translate("ReportBuilder", "Draws:"), self.draws)
        form.addRow(translate("ReportBuilder", "Weights vary by ±:"), self.weight_range)
        self.check.toggled.connect(self._enable)
        for signal in (self.check.toggled, self.draws.valueChanged, self.weight_range.valueChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.draws.setEnabled(on)
        self.weight_range.setEnabled(on)

    def spec(self) -> UncertaintySpec | None:
        if not self.check.isChecked():
            return None
        shown = self.weight_range.value()
        share = self._kept.weight_range if shown == self._shown else round(shown / 100, 4)  # (whole % shown)
        return replace(self._kept, draws=self.draws.value(), weight_range=share)

    def load(self, spec: UncertaintySpec | None) -> None:
        self._kept = replace(spec) if spec else UncertaintySpec()
        self.check.setChecked(spec is not None)
        self.draws.setValue(int(self._kept.draws))
        self.weight_range.setValue(100 * float(self._kept.weight_range))
        self._shown = self.weight_range.value()
