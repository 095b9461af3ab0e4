"""The report's maps: one row per map (field, classification, classes, title)."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.report.definition import MapSpec

translate = QCoreApplication.translate
FIELD, METHOD, CLASSES, TITLE = range(4)
YEAR_KEYS = ("of", "years", "fields", "breaks", "layout")  # a map of several years (core/map_spec.py)


def method_choices() -> list:
    return [("jenks", translate("ReportBuilder", "Natural breaks (Jenks)")),
            ("quantile", translate("ReportBuilder", "Quantiles")),
            ("equal", translate("ReportBuilder", "Equal intervals")),
            ("stddev", translate("ReportBuilder", "Standard deviation")),
            ("pretty", translate("ReportBuilder", "Pretty breaks")),
            ("mss", translate("ReportBuilder", "MSS classes")),
            ("categorized", translate("ReportBuilder", "Categories (classes, clusters)")),
            ("diverging", translate("ReportBuilder", "Change: classes symmetric around 0")),
            ("", translate("ReportBuilder", "Automatic (symmetric around 0 for a change)"))]


def made_field_choices(index: bool, clusters: bool) -> list:
    """(field, text) of what the index and cluster steps add, for maps of their results."""
    out = []
    if index:
        out += [("status_index", translate("ReportBuilder", "Need index (status)")),
                ("status_class", translate("ReportBuilder", "Need class (status)")),
                ("dynamic_index", translate("ReportBuilder", "Need index (dynamics)")),
                ("dynamic_class", translate("ReportBuilder", "Need class (dynamics)")),
                ("group", translate("ReportBuilder", "Need group (status and dynamics)"))]
    if clusters:
        out += [("cluster", translate("ReportBuilder", "Need cluster"))]
    return out


class MapsPage(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choices: list = []  # (field, text)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("ReportBuilder", "One printed map per row, in this order.")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("ReportBuilder", "Field"),
                                              translate("ReportBuilder", "Classification"),
                                              translate("ReportBuilder", "Classes"),
                                              translate("ReportBuilder", "Title")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # cell widgets do not count for ResizeToContents: widths that show "SGB-II-Quote (…)" whole
        for col, width in ((FIELD, 320), (METHOD, 220), (CLASSES, 80)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("ReportBuilder", "&Add map"))
        self.remove_button = QPushButton(translate("ReportBuilder", "Remo&ve map"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_map())
        self.remove_button.clicked.connect(self.remove_current)
        self.table.itemChanged.connect(lambda *_a: self.changed.emit())

    def set_choices(self, choices: list) -> None:
        """The fields a map can show; rows keep their field (a gone one stays, marked by the check)."""
        self.choices = list(choices)
        for n in range(self.table.rowCount()):
            combo = self.table.cellWidget(n, FIELD)
            current = combo.currentData()
            self._fill_fields(combo, current)

    def _fill_fields(self, combo: QComboBox, current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for name, text in self.choices:
            combo.addItem(text, name)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def add_map(self, spec: MapSpec | None = None) -> int:
        n = self.table.rowCount()
        self.table.insertRow(n)
        field = QComboBox()
        shown = spec.mapped_fields()[0] if spec is not None and spec.mapped_fields() else ""
        self._fill_fields(field, shown if spec else (self.choices[0][0] if self.choices else ""))
        field.currentIndexChanged.connect(lambda *_a: self.changed.emit())
        method = QComboBox()
        for key, text in method_choices():
            method.addItem(text, key)
        if spec is not None and spec.method and method.findData(spec.method) < 0:
            method.addItem(spec.method, spec.method)  # a definition's method not listed here (sdmultiples)
        method.setCurrentIndex(max(0, method.findData(spec.method if spec else "jenks")))
        method.currentIndexChanged.connect(lambda *_a: self.changed.emit())
        classes = QSpinBox()
        classes.setRange(2, 12)
        classes.setValue(spec.classes if spec else 5)
        classes.valueChanged.connect(lambda *_a: self.changed.emit())
        self.table.setCellWidget(n, FIELD, field)
        self.table.setCellWidget(n, METHOD, method)
        self.table.setCellWidget(n, CLASSES, classes)
        title = QTableWidgetItem(spec.title if spec else "")
        # subtitle, unit and several years are not shown: kept as a hand-written definition gave them
        years = {k: v for k, v in spec.to_dict().items() if k in YEAR_KEYS} if spec and not spec.field else {}
        title.setData(Qt.ItemDataRole.UserRole, [spec.subtitle, spec.unit, years, shown] if spec else ["", ""])
        self.table.setItem(n, TITLE, title)
        self.table.setCurrentCell(n, TITLE)
        self.changed.emit()
        return n

    def remove_current(self) -> None:
        n = self.table.currentRow()
        if n >= 0:
            self.table.removeRow(n)
            self.changed.emit()

    def load(self, maps: list) -> None:
        self.table.setRowCount(0)
        for spec in maps:
            self.add_map(spec)

    def specs(self) -> list:
        out = []
        for n in range(self.table.rowCount()):
            title = self.table.item(n, TITLE)
            kept = list((title.data(Qt.ItemDataRole.UserRole) if title else None) or ("", ""))
            subtitle, unit = kept[:2]
            years, shown = (kept[2], kept[3]) if len(kept) > 3 else ({}, "")
            field = self.table.cellWidget(n, FIELD).currentData() or ""
            if years and field != shown:  # another field chosen: the row maps that one now
                years = {}
            out.append(MapSpec(field="" if years else field, **years,
                               method=self.table.cellWidget(n, METHOD).currentData(),
                               classes=self.table.cellWidget(n, CLASSES).value(),
                               title=title.text().strip() if title else "", subtitle=subtitle, unit=unit))
        return out

    def problems(self) -> list:
        known = {name for name, _t in self.choices}
        out = []
        for n, spec in enumerate(self.specs(), start=1):
            if not spec.field:
                continue  # an indicator's years (written by hand): the report's check names a missing one
            if spec.field not in known:
                out.append(translate("ReportBuilder", "Map {0}: the field {1} is not among the chosen indicators.")
                           .format(n, spec.field or "—"))
        return out
