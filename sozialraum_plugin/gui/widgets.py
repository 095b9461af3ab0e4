"""Small widget helpers the dialogs share: QGIS combo boxes set up our way, and the indicator grid."""
from __future__ import annotations

import re

from qgis.core import Qgis, QgsFieldProxyModel, QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

translate = QCoreApplication.translate


def _enum(new_owner, new_name: str, old_enum, member: str):
    """A filter flag under its QGIS ≥ 3.34 name (Qgis.LayerFilter) or its 3.22 one."""
    owner = getattr(new_owner, new_name, None)
    return getattr(owner if owner is not None else old_enum, member)


def layer_filter(member: str):
    return _enum(Qgis, "LayerFilter", QgsMapLayerProxyModel.Filter, member)


def field_filter(member: str):
    return _enum(Qgis, "FieldFilter", QgsFieldProxyModel.Filter, member)


def polygon_layer_combo() -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox()
    combo.setFilters(layer_filter("PolygonLayer"))
    return combo


def field_combo(layer_combo: QgsMapLayerComboBox, numeric: bool = False,
                optional: bool = False) -> QgsFieldComboBox:
    """A field combo that follows ``layer_combo``."""
    combo = QgsFieldComboBox()
    if numeric:
        combo.setFilters(field_filter("Numeric"))
    combo.setAllowEmptyFieldName(optional)
    combo.setLayer(layer_combo.currentLayer())
    layer_combo.layerChanged.connect(combo.setLayer)
    return combo


def output_widget(placeholder: str, file_filter: str) -> QgsFileWidget:
    """A 'save as' file widget; empty means a temporary file."""
    widget = QgsFileWidget()
    widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
    widget.setFilter(file_filter)
    widget.lineEdit().setPlaceholderText(placeholder)
    widget.setConfirmOverwrite(True)
    widget.setFocusProxy(widget.lineEdit())  # Tab lands in the path, as in a line edit
    return widget


def is_empty_field(layer, index: int) -> bool:
    """True if no feature has a value (e.g. an indicator a city did not publish this year)."""
    value = layer.maximumValue(index)
    return value is None or (hasattr(value, "isNull") and value.isNull())


def empty_fields(layer) -> list:
    if layer is None:
        return []
    return [f.name() for i, f in enumerate(layer.fields()) if f.isNumeric() and is_empty_field(layer, i)]


def numeric_fields(layer) -> list:
    """(name, display text) of the numeric fields of ``layer``, in layer order; empty ones say so."""
    if layer is None:
        return []
    out = []
    for index, field in enumerate(layer.fields()):
        if field.isNumeric() and field.name().lower() not in ("fid", "ogc_fid"):
            alias = field.alias()
            text = f"{field.name()} – {alias}" if alias and alias != field.name() else field.name()
            if is_empty_field(layer, index):
                text = translate("IndicatorGrid", "{0} (no values)").format(text)
            out.append((field.name(), text))
    return out


def guess_field(layer, patterns: list[str]) -> str:
    """The first field whose name matches one of the regular expressions (case-insensitive)."""
    if layer is None:
        return ""
    names = layer.fields().names()
    for pattern in patterns:
        for name in names:
            if re.fullmatch(pattern, name, flags=re.IGNORECASE):
                return name
    return ""


class IndicatorGrid(QScrollArea):
    """One row per numeric field: its use (a role or a check box), direction and one extra value
    (a weight or a label). Real widgets in a grid rather than cell widgets in a table view, so
    that Tab walks through them in reading order."""

    changed = pyqtSignal()
    usage_changed = pyqtSignal()  # which fields are used (not their labels or weights)

    def __init__(self, roles: list, extra: str = "weight", parent=None):
        """``roles``: [(key, text)] offered in the 'use' combo; one role = a check box instead.
        ``extra``: 'weight' (spin box) or 'label' (line edit)."""
        super().__init__(parent)
        self.roles = roles
        self.extra = extra
        self.rows: dict = {}  # field → (use widget, direction combo, extra widget)
        self.setWidgetResizable(True)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self._grid.setVerticalSpacing(3)
        self.setWidget(self._inner)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the rows take the focus, not the frame
        self.focus_before = None  # the dialog's widget before the grid in the Tab order

    def set_fields(self, fields: list, empty: list | None = None) -> None:
        """``fields``: [(name, text)]; ``empty``: names of fields without values (shown, not usable).
        Rebuilds the grid; previous choices are forgotten."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleteLater() waits for the event loop
                item.widget().deleteLater()
        self.rows = {}
        extra_title = (translate("IndicatorGrid", "Weight") if self.extra == "weight"
                       else translate("IndicatorGrid", "Label"))
        use_title = (translate("IndicatorGrid", "Use as") if len(self.roles) > 1
                     else translate("IndicatorGrid", "Use"))
        for col, title in enumerate([translate("IndicatorGrid", "Indicator"), use_title,
                                     translate("IndicatorGrid", "Higher = less need (−1)"), extra_title]):
            label = QLabel(f"<b>{title}</b>")
            label.setWordWrap(True)  # long German headers wrap instead of widening the grid
            self._grid.addWidget(label, 0, col)
        if not fields:
            none = QLabel(translate("IndicatorGrid", "The layer has no numeric fields."))
            self._grid.addWidget(none, 1, 0, 1, 4)
        for row, (name, text) in enumerate(fields, start=1):
            self._add_row(row, name, text, enabled=name not in (empty or ()))
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(3, 1)
        self._grid.setRowStretch(len(fields) + 1, 1)
        self._chain_rows()

    def _chain_rows(self) -> None:
        """Rows built after the dialog land at the end of Qt's focus chain: put them back in place."""
        widgets = [w for row in self.rows.values() for w in row]
        if widgets:
            self.setFocusProxy(widgets[0])  # the label's mnemonic jumps to the first row
        if self.focus_before is not None and widgets:
            chain_focus(self.focus_before, *widgets)

    def _add_row(self, row: int, name: str, text: str, enabled: bool = True) -> None:
        if len(self.roles) > 1:
            use = QComboBox()
            use.addItem("—", "")
            for key, role_text in self.roles:
                use.addItem(role_text, key)
            use.currentIndexChanged.connect(self._emit_usage)
        else:
            use = QCheckBox()
            use.toggled.connect(self._emit_usage)
        use.setAccessibleName(name)
        label = QLabel(text)
        label.setBuddy(use)
        # A check box, not a combo: most indicators count up (+1), and the grid stays narrow.
        direction = QCheckBox()
        direction.setAccessibleName(translate("IndicatorGrid", "{0}: higher = less need").format(name))
        direction.setToolTip(translate("IndicatorGrid", "Checked: a higher value means less need (direction "
                                                        "−1), e.g. an employment rate"))
        direction.toggled.connect(self._emit)
        if self.extra == "weight":
            extra = QDoubleSpinBox()
            extra.setRange(0.0, 100.0)
            extra.setDecimals(2)
            extra.setSingleStep(0.5)
            extra.setValue(1.0)
            extra.valueChanged.connect(self._emit)
        else:
            extra = QLineEdit()
            extra.setPlaceholderText(name)
            extra.setToolTip(translate("IndicatorGrid",
                                       "Name used in the cluster labels, e.g. “Kinderarmut hoch”"))
            extra.textChanged.connect(self._emit)
        for col, widget in enumerate((label, use, direction, extra)):
            self._grid.addWidget(widget, row, col)
            widget.setEnabled(enabled)
        self.rows[name] = (use, direction, extra)

    def _emit(self, *_args) -> None:
        self.changed.emit()

    def _emit_usage(self, *_args) -> None:
        self.usage_changed.emit()
        self.changed.emit()

    # -- values ---------------------------------------------------------------------------
    def role(self, name: str) -> str:
        use = self.rows[name][0]
        if not use.isEnabled():  # a field without values cannot be used
            return ""
        if isinstance(use, QCheckBox):
            return self.roles[0][0] if use.isChecked() else ""
        return use.currentData() or ""

    def set_role(self, name: str, role: str) -> None:
        if name not in self.rows:
            return
        use = self.rows[name][0]
        if isinstance(use, QCheckBox):
            use.setChecked(bool(role))
        else:
            use.setCurrentIndex(max(0, use.findData(role or "")))

    def fields_with(self, role: str) -> list:
        return [name for name in self.rows if self.role(name) == role]

    def direction(self, name: str) -> int:
        return -1 if self.rows[name][1].isChecked() else 1

    def set_direction(self, name: str, value: int) -> None:
        if name in self.rows:
            self.rows[name][1].setChecked(int(value) < 0)

    def extra_value(self, name: str):
        widget = self.rows[name][2]
        return widget.value() if isinstance(widget, QDoubleSpinBox) else widget.text().strip()

    def set_extra_value(self, name: str, value) -> None:
        if name not in self.rows:
            return
        widget = self.rows[name][2]
        if isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))
        else:
            widget.setText(str(value))
            widget.setCursorPosition(0)  # show the start of the name, not its end

    def set_extra_enabled(self, enabled: bool) -> None:
        for use, _direction, extra in self.rows.values():
            extra.setEnabled(enabled and use.isEnabled())

    def state(self) -> dict:
        """{field: [role, direction, extra]} of the used fields, for QgsSettings."""
        return {name: [self.role(name), self.direction(name), self.extra_value(name)]
                for name in self.rows if self.role(name)}

    def restore(self, state: dict) -> bool:
        """Apply a saved state; True if at least one of its fields exists here."""
        hit = False
        for name, (role, direction, extra) in (state or {}).items():
            if name in self.rows and self.rows[name][0].isEnabled():
                hit = True
                self.set_role(name, role)
                self.set_direction(name, direction)
                if extra not in ("", None):
                    self.set_extra_value(name, extra)
        return hit

    def spec(self, fields: list, kind: str) -> str:
        """'S1=-1;S3=2' style text for DIRECTIONS ('direction'), WEIGHTS ('weight'), LABELS ('label')."""
        parts = []
        for name in fields:
            if kind == "direction":
                parts.append(f"{name}={self.direction(name):+d}")
            elif kind == "weight":
                parts.append(f"{name}={self.extra_value(name):g}")
            elif self.extra_value(name):
                parts.append(f"{name}={self.extra_value(name)}")
        return ";".join(parts)


def chain_focus(*widgets) -> None:
    """Tab order in reading order of the form (Qt's default follows creation order)."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)
