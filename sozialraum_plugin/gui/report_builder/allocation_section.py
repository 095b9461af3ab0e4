"""The builder's section for the definition's "allocation": a budget split by need (sozialraum:allocate)."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit

from ...core.supply.allocation_spec import DEFAULT_FACTORS, AllocationSpec

translate = QCoreApplication.translate
NEED_FIELDS = ("status_class", "status_code", "status_index")


def _amount_or_field(text: str):
    """'' → None, '500' / '500,50' / '5.000,50' → 500.0 / 500.5 / 5000.5, anything else (a field
    name, or '5.000', which problems() names: 5 € or 5000 €?) as typed."""
    from ...core.errors import SozialraumError
    from ...core.supply.allocate import amount

    text = text.strip()
    if not text:
        return None
    try:
        return float(amount(text, ""))
    except SozialraumError:
        return text


def _text(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _budget(value) -> float:
    """The definition's budget for the spin box ("1.000.000,00" is a budget too; float() failed)."""
    from ...core.errors import SozialraumError
    from ...core.supply.allocate import budget_cents, euros

    try:
        return euros(budget_cents(value or 0, "budget"))
    except SozialraumError:
        return 0.0  # (problems() names a budget of 0)


def _factors_text(factors) -> str:
    """The FACTORS text of the definition's factors ({"hoch": "0,8"} too; float() failed)."""
    from ...core.errors import SozialraumError
    from ...core.supply.allocate import parse_factors

    try:
        return parse_factors(factors).text()
    except SozialraumError:  # kept as written: problems() names it
        return ";".join(f"{k}={v}" for k, v in factors.items()) if isinstance(factors, dict) else str(factors)


class AllocationSection(QGroupBox):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(translate("ReportBuilder", "&Budget split by need"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setRange(0, 1e12)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setSuffix(" €")
        self.budget_spin.setValue(1_000_000)
        self.population_combo = QComboBox()
        self.need_combo = QComboBox()
        self.need_combo.setEditable(True)
        self.factors_edit = QLineEdit()
        self.factors_edit.setToolTip(translate(
            "ReportBuilder", "class=factor;… (e.g. hoch=0.8;mittel=1;niedrig=1.2;sehr niedrig=1.5), "
            "or for an index linear:LOW:HIGH or slope:A:B[:MIN:MAX]"))
        self.floor_edit, self.cap_edit = QLineEdit(), QLineEdit()
        for edit in (self.floor_edit, self.cap_edit):
            edit.setPlaceholderText(translate("ReportBuilder", "none (an amount in € or a field)"))
        form.addRow(translate("ReportBuilder", "Budget:"), self.budget_spin)
        form.addRow(translate("ReportBuilder", "Target population:"), self.population_combo)
        form.addRow(translate("ReportBuilder", "Need field:"), self.need_combo)
        form.addRow(translate("ReportBuilder", "Factors:"), self.factors_edit)
        form.addRow(translate("ReportBuilder", "Floor per district:"), self.floor_edit)
        form.addRow(translate("ReportBuilder", "Cap per district:"), self.cap_edit)
        self.load(None)
        for signal in (self.toggled, self.budget_spin.valueChanged, self.population_combo.currentIndexChanged,
                       self.need_combo.currentTextChanged, self.factors_edit.textChanged,
                       self.floor_edit.textChanged, self.cap_edit.textChanged):
            signal.connect(lambda *_a: self.changed.emit())

    def set_columns(self, columns: list) -> None:
        """The numeric columns (target population) and, for the need, the index's fields first."""
        spec = self._spec()
        for combo, names in ((self.population_combo, columns), (self.need_combo, [*NEED_FIELDS, *columns])):
            combo.blockSignals(True)
            combo.clear()
            for name in dict.fromkeys(names):
                combo.addItem(name, name)
            combo.blockSignals(False)
        self._apply(spec)

    def spec(self):
        """The section as the definition holds it; None when it is off."""
        return self._spec() if self.isChecked() else None

    def _spec(self) -> AllocationSpec:
        from ...core.supply.allocate import parse_factors

        text = self.factors_edit.text().strip()
        try:
            rule = parse_factors(text)
            factors = {rule.labels[k]: v for k, v in rule.table.items()} if rule.kind == "classes" else text
        except Exception:  # noqa: BLE001 - kept as typed; problems() names it
            factors = text
        return AllocationSpec(budget=self.budget_spin.value(), population=self.population_combo.currentText(),
                              need_field=self.need_combo.currentText().strip(), factors=factors,
                              floor=_amount_or_field(self.floor_edit.text()),
                              cap=_amount_or_field(self.cap_edit.text()))

    def load(self, spec) -> None:
        self.setChecked(spec is not None)
        self._apply(spec or AllocationSpec())

    def _apply(self, spec: AllocationSpec) -> None:
        self.budget_spin.setValue(_budget(spec.budget))
        for combo, name in ((self.population_combo, spec.population), (self.need_combo, spec.need_field)):
            if name and combo.findText(name) < 0:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findText(name)) if name else -1)
        factors = spec.factors if spec.factors is not None else DEFAULT_FACTORS
        self.factors_edit.setText(_factors_text(factors))
        self.floor_edit.setText(_text(spec.floor))
        self.cap_edit.setText(_text(spec.cap))

    def problems(self) -> list:
        from ...core.errors import SozialraumError
        from ...core.supply.allocation_spec import allocation_from_json

        if not self.isChecked():
            return []
        try:
            allocation_from_json(self._spec().to_dict(), translate("ReportBuilder", "Budget split by need"))
        except SozialraumError as error:
            from ...toolbelt.messages import user_message

            return [user_message(error)]
        return []
