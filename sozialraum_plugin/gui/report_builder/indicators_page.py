"""The indicator list: every numeric column of the tables, and derived indicators (a rate from
two counts, a change between two years). Each row becomes a ``core.series.indicators.Indicator``."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import SozialraumError
from ...core.series.indicators import Indicator
from ...toolbelt.messages import user_message
from .indicator_rows import (
    Row,
    _kept,
    derived_row,
    direction_choices,
    guess_unit,
    kind_choices,
    kind_of,
    missing_columns,
    year_column,
    year_stems,
)

translate = QCoreApplication.translate
USE, COLUMN, LABEL, UNIT, DIRECTION, KIND = range(6)


class IndicatorsPage(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.order: list = []  # ids in the order of the definition last loaded
        self.columns: list = []  # (name, dtype) of every numeric column of the tables
        self._building = False
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            translate("ReportBuilder", "Use"), translate("ReportBuilder", "Column"),
            translate("ReportBuilder", "Label"), translate("ReportBuilder", "Unit"),
            translate("ReportBuilder", "Direction"), translate("ReportBuilder", "Kind")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        for col in (USE, COLUMN, UNIT, DIRECTION, KIND):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_rate_button = QPushButton(translate("ReportBuilder", "Add &rate from counts"))
        self.add_change_button = QPushButton(translate("ReportBuilder", "Add c&hange between years"))
        self.remove_button = QPushButton(translate("ReportBuilder", "Remove derived indicator"))
        for button in (self.add_rate_button, self.add_change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.used_only = QCheckBox(translate("ReportBuilder", "Show only the indicators in use"))
        self.used_only.toggled.connect(lambda _on: self._filter())
        buttons.addWidget(self.used_only)
        lay.addLayout(buttons)
        lay.addWidget(self._build_detail())

        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._show_detail())
        self.add_rate_button.clicked.connect(lambda: self.add_derived("rate"))
        self.add_change_button.clicked.connect(lambda: self.add_derived("change"))
        self.remove_button.clicked.connect(self.remove_derived)
        self._show_detail()

    def _build_detail(self) -> QGroupBox:
        self.detail = QGroupBox(translate("ReportBuilder", "Derived indicator"))
        outer = QHBoxLayout(self.detail)
        form, right = QFormLayout(), QFormLayout()  # two columns: the table above keeps the height
        outer.addLayout(form, 1)
        outer.addLayout(right, 1)
        self.id_edit = QLineEdit()
        self.numerator_combo = QComboBox()
        self.denominator_combo = QComboBox()
        self.base_combo = QComboBox()
        self.scale_combo = QComboBox()
        self.scale_combo.addItem(translate("ReportBuilder", "from the unit (% → 100, ‰ → 1000)"), None)
        # the thousands mark of the UI's language: "100,000" reads as one hundred in German
        for value, text in ((100.0, "× 100 (%)"), (1000.0, translate("ReportBuilder", "× 1000 (‰, per 1,000)")),
                            (1.0, "× 1"), (100000.0, translate("ReportBuilder", "× 100,000"))):
            self.scale_combo.addItem(text, value)
        years = QHBoxLayout()
        self.change_check = QCheckBox(translate("ReportBuilder", "change from"))
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for spin in (self.year_from, self.year_to):
            spin.setRange(1950, 2100)
        self.year_from.setValue(2019)
        self.year_to.setValue(2021)
        years.addWidget(self.change_check)
        years.addWidget(self.year_from)
        years.addWidget(QLabel(translate("ReportBuilder", "to")))  # "change from 2019 2021" read as one number
        years.addWidget(self.year_to)
        years.addStretch(1)
        form.addRow(translate("ReportBuilder", "Field name:"), self.id_edit)
        form.addRow(translate("ReportBuilder", "Numerator (count):"), self.numerator_combo)
        form.addRow(translate("ReportBuilder", "Denominator (count):"), self.denominator_combo)
        right.addRow(translate("ReportBuilder", "Scale:"), self.scale_combo)
        right.addRow(translate("ReportBuilder", "Column by year:"), self.base_combo)
        right.addRow(translate("ReportBuilder", "Years:"), years)
        self.id_edit.editingFinished.connect(self._detail_changed)
        for combo in (self.numerator_combo, self.denominator_combo, self.base_combo, self.scale_combo):
            combo.currentIndexChanged.connect(self._detail_changed)
        self.change_check.toggled.connect(self._detail_changed)
        self.year_from.valueChanged.connect(self._detail_changed)
        self.year_to.valueChanged.connect(self._detail_changed)
        return self.detail

    # -- rows -----------------------------------------------------------------------------
    def set_columns(self, columns: list) -> None:
        """The tables' numeric columns [(name, dtype)]; rows of columns still there keep their state."""
        state = {ind.id: ind for ind in self.indicators(included_only=False)}
        used = set(self.included_ids())
        self.columns = list(columns)
        dtypes = dict(columns)
        # rows keep their place (a loaded definition's first); a used column gone stays, flagged
        kept = [r for r in self.rows if r.derived or r.id in dtypes or r.id in used]
        known = {r.id for r in kept}
        self.rows = kept + [Row(name, dtype=dtype) for name, dtype in columns if name not in known]
        for row in self.rows:
            row.dtype = dtypes.get(row.id, row.dtype)
        self._rebuild(state, used)

    def row_of(self, ident: str) -> int:
        for n, row in enumerate(self.rows):
            if row.id == ident:
                return n
        return -1

    def _rebuild(self, state: dict, used: set) -> None:
        self._building = True
        for n in range(self.table.rowCount()):  # replaced widgets go with deleteLater(): hide them now
            for col in (DIRECTION, KIND):
                widget = self.table.cellWidget(n, col)
                if widget is not None:
                    widget.hide()
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            ind = state.get(row.id)
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            use.setCheckState(Qt.CheckState.Checked if row.id in used else Qt.CheckState.Unchecked)
            self.table.setItem(n, USE, use)
            name = QTableWidgetItem(row.id + ("  ƒ" if row.derived else ""))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            missing = self._missing(row)
            if missing:  # e.g. next year's table renamed it: seen at a glance, named in the tooltip
                name.setForeground(QBrush(QColor("#c62828")))
                name.setToolTip(translate("ReportBuilder", "No table has the column {0}.").format(", ".join(missing)))
            self.table.setItem(n, COLUMN, name)
            self.table.setItem(n, LABEL, QTableWidgetItem(ind.label if ind else row.id))
            self.table.setItem(n, UNIT, QTableWidgetItem(ind.unit if ind else guess_unit(row.id)))
            direction = QComboBox()
            for value, text in direction_choices():
                direction.addItem(text, value)
            direction.setCurrentIndex(max(0, direction.findData(ind.direction if ind else 1)))
            direction.currentIndexChanged.connect(lambda *_a: self.changed.emit())
            self.table.setCellWidget(n, DIRECTION, direction)
            kind = QComboBox()
            for key, text in kind_choices(row.derived):
                kind.addItem(text, key)
            wanted = kind_of(row, ind)
            kind.setCurrentIndex(max(0, kind.findData(wanted)))
            kind.currentIndexChanged.connect(lambda *_a: self._detail_changed_from_kind())
            self.table.setCellWidget(n, KIND, kind)
        self._building = False
        self._filter()
        self._fill_detail_choices()
        self._show_detail()
        self.changed.emit()

    def _missing(self, row: Row) -> list:
        return missing_columns(row, {c for c, _t in self.columns}) if self.columns else []

    def add_derived(self, kind: str, ident: str = "") -> int:
        """A new derived row (checked), selected for its details; returns its row number."""
        state = {ind.id: ind for ind in self.indicators(included_only=False)}
        used = set(self.included_ids())
        base = ident or ("quote" if kind == "rate" else "change")
        n, ident = 1, ident or base
        while self.row_of(ident) >= 0:
            n += 1
            ident = f"{base}_{n}"
        names = [c for c, _t in self.columns]
        stems = year_stems(names)
        row = Row(ident, derived=True)
        if kind == "rate":
            row.numerator, row.denominator = (names[0] if names else ""), (names[-1] if names else "")
        else:
            row.base, row.years = (stems[0] if stems else ""), (2019, 2021)
        self.rows.append(row)
        used.add(ident)
        state[ident] = Indicator(id=ident, unit="%" if kind == "rate" else "")
        self._rebuild(state, used)
        self.table.setCurrentCell(len(self.rows) - 1, LABEL)
        return len(self.rows) - 1

    def remove_derived(self) -> None:
        n = self.table.currentRow()
        if n < 0 or not self.rows[n].derived:
            return
        state = {ind.id: ind for ind in self.indicators(included_only=False)}
        used = set(self.included_ids())
        self.rows.pop(n)
        self._rebuild(state, used)

    # -- details of a derived row ---------------------------------------------------------
    def _fill_detail_choices(self) -> None:
        names = [c for c, _t in self.columns]
        for combo, items in ((self.numerator_combo, names), (self.denominator_combo, names),
                             (self.base_combo, year_stems(names))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(items)
            combo.blockSignals(False)

    def _show_detail(self) -> None:
        n = self.table.currentRow()
        row = self.rows[n] if 0 <= n < len(self.rows) else None
        self.detail.setEnabled(row is not None and row.derived)
        self.remove_button.setEnabled(row is not None and row.derived)
        if row is None or not row.derived:
            self.detail.setTitle(translate("ReportBuilder", "Derived indicator (select a row marked ƒ)"))
            self.id_edit.clear()  # no stale values of the last derived row in the greyed form
            for combo in (self.numerator_combo, self.denominator_combo, self.base_combo):
                combo.blockSignals(True)
                combo.setCurrentIndex(-1)
                combo.blockSignals(False)
            return
        self.detail.setTitle(translate("ReportBuilder", "Derived indicator {0}").format(row.id))
        rate = self.kind_at(n) == "rate"
        widgets = [self.id_edit, self.numerator_combo, self.denominator_combo, self.scale_combo, self.base_combo,
                   self.change_check, self.year_from, self.year_to]
        for widget in widgets:
            widget.blockSignals(True)
        self.id_edit.setText(row.id)
        self._select(self.numerator_combo, row.numerator)
        self._select(self.denominator_combo, row.denominator)
        self._select(self.base_combo, row.base)
        if row.scale and self.scale_combo.findData(row.scale) < 0:  # a definition's own scale: offered too
            self.scale_combo.addItem(f"× {row.scale:g}", row.scale)
        self.scale_combo.setCurrentIndex(max(0, self.scale_combo.findData(row.scale)) if row.scale else 0)
        self.change_check.setChecked(row.years is not None)
        if row.years:
            self.year_from.setValue(row.years[0])
            self.year_to.setValue(row.years[1])
        for widget in widgets:
            widget.blockSignals(False)
        for widget in (self.numerator_combo, self.denominator_combo, self.scale_combo):
            widget.setEnabled(rate)
        self.base_combo.setEnabled(not rate)
        self.change_check.setEnabled(rate)  # a change row always compares two years
        self.year_from.setEnabled(not rate or row.years is not None)
        self.year_to.setEnabled(not rate or row.years is not None)

    @staticmethod
    def _select(combo: QComboBox, text: str) -> None:
        index = combo.findText(text)
        if index < 0 and text:
            combo.addItem(text)  # a column no table has (any more): shown, and the check says so
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _detail_changed_from_kind(self) -> None:
        n = self.table.currentRow()
        if 0 <= n < len(self.rows) and self.rows[n].derived:
            row = self.rows[n]
            if self.kind_at(n) == "rate" and not row.numerator:
                row.numerator, row.denominator = self.numerator_combo.itemText(0), self.denominator_combo.itemText(0)
            if self.kind_at(n) == "change" and row.years is None:
                row.years = (self.year_from.value(), self.year_to.value())
            self._show_detail()
        self.changed.emit()

    def _detail_changed(self, *_args) -> None:
        n = self.table.currentRow()
        if not (0 <= n < len(self.rows)) or not self.rows[n].derived:
            return
        row = self.rows[n]
        rate = self.kind_at(n) == "rate"
        new_id = self.id_edit.text().strip() or row.id
        if new_id != row.id and self.row_of(new_id) < 0:
            row.id = new_id
            self.table.item(n, COLUMN).setText(new_id + "  ƒ")
        row.numerator = self.numerator_combo.currentText() if rate else ""
        row.denominator = self.denominator_combo.currentText() if rate else ""
        row.scale = self.scale_combo.currentData() if rate else None
        row.base = "" if rate else self.base_combo.currentText()
        change = self.change_check.isChecked() or not rate
        row.years = (self.year_from.value(), self.year_to.value()) if change else None
        self.year_from.setEnabled(change)
        self.year_to.setEnabled(change)
        self.detail.setTitle(translate("ReportBuilder", "Derived indicator {0}").format(row.id))
        self.changed.emit()

    def _item_changed(self, *_args) -> None:
        if not self._building:
            self.changed.emit()

    def _filter(self) -> None:
        """Tables bring 40 columns; the few in use are what the planner looks at again next year."""
        only = self.used_only.isChecked()
        for n in range(self.table.rowCount()):
            self.table.setRowHidden(n, only and not self.is_included(n))

    # -- values ---------------------------------------------------------------------------
    def kind_at(self, n: int) -> str:
        return self.table.cellWidget(n, KIND).currentData()

    def is_included(self, n: int) -> bool:
        return self.table.item(n, USE).checkState() == Qt.CheckState.Checked

    def set_included(self, ident: str, used: bool = True) -> None:
        n = self.row_of(ident)
        if n >= 0:
            self.table.item(n, USE).setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)

    def included_ids(self) -> list:
        return [row.id for n, row in enumerate(self.rows) if n < self.table.rowCount() and self.is_included(n)]

    def label_of(self, ident: str) -> str:
        n = self.row_of(ident)
        return self.table.item(n, LABEL).text().strip() if n >= 0 else ident

    def _indicator(self, n: int) -> Indicator:
        row = self.rows[n]
        common = {"id": row.id, "label": self.table.item(n, LABEL).text().strip() or row.id,
                  "unit": self.table.item(n, UNIT).text().strip(),
                  "direction": self.table.cellWidget(n, DIRECTION).currentData(),
                  "extra": dict(row.extra or {}), "source": row.source, "description": row.description}
        kind = self.kind_at(n)
        # from_dict: the page settings the builder does not show (decimals, threshold, …) come out of extra
        if kind == "rate":
            return Indicator.from_dict(dict(kind="rate", numerator=row.numerator, denominator=row.denominator,
                                            scale=row.scale, change_between=row.years, share=row.share, **common))
        if kind == "change":
            base = None if row.base == row.id else (row.base or None)
            of = common["extra"].pop("of", None)  # read as "of": written so again, unless changed here
            return Indicator.from_dict(dict(kind="count" if self._counts_change(row) else "value",
                                            base=None if of and base == of else base,
                                            of=of if of and base == of else None,
                                            change_between=row.years, **common))
        return Indicator.from_dict(dict(kind=kind, **common))

    def _counts_change(self, row: Row) -> bool:
        if row.count_change is not None:
            return row.count_change
        dtypes = dict(self.columns)
        columns = [year_column(row.base or row.id, y) for y in (row.years or ())]
        return bool(columns) and all(dtypes.get(c) == "integer" for c in columns)

    def indicators(self, included_only: bool = True) -> list:
        """The rows as indicators (invalid ones left out; ``problems`` names them)."""
        out = []
        for n in range(min(len(self.rows), self.table.rowCount())):
            if included_only and not self.is_included(n):
                continue
            try:
                out.append(self._indicator(n))
            except SozialraumError:
                continue
        order = {ident: n for n, ident in enumerate(self.order)}  # a loaded definition's order first
        return sorted(out, key=lambda ind: order.get(ind.id, len(order)))

    def _joined(self, column: str, names: set) -> bool:
        """A column the joins give: a table's own, or a year of a yearly table or of a table with a
        year column (the monitoring definition's ``SGB2_2019``; its indicators read ``SGB2``)."""
        yearly, long = getattr(self, "year_names", (set(), set()))
        if column in names or column in yearly or column in long:
            return True
        head, _sep, year = column.rpartition("_")
        if len(year) == 4 and year.isdigit() and head in long:
            return True
        return any(n.startswith(column + "_") and n[len(column) + 1:].isdigit() for n in yearly)

    def problems(self) -> list:
        out = []
        names = {c for c, _t in self.columns}
        for n, row in enumerate(self.rows):
            if n >= self.table.rowCount() or not self.is_included(n):
                continue
            try:
                ind = self._indicator(n)
            except SozialraumError as error:
                out.append(translate("ReportBuilder", "Indicator {0}: {1}").format(row.id, user_message(error)))
                continue
            if not row.derived and not self._joined(ind.of or row.id, names):
                out.append(translate("ReportBuilder", "Indicator {0}: no table has this column.").format(row.id))
            for _year, _role, column in ind.inputs() if ind.derived else []:
                if not self._joined(column, names):
                    out.append(translate("ReportBuilder", "Indicator {0}: no table has the column {1}.").format(
                        row.id, column))
        if not self.included_ids():
            out.append(translate("ReportBuilder", "Choose at least one indicator (page “Indicators”)."))
        return out

    # -- a definition ---------------------------------------------------------------------
    def load(self, indicators: list) -> None:
        """Mark and fill the rows of a definition's indicators: they come first, in the definition's
        order (40 unused columns do not hide them); derived ones become rows of their own."""
        state = {ind.id: ind for ind in indicators}
        self.order = [ind.id for ind in indicators]
        plain = {r.id: r for r in self.rows if not r.derived}
        rows = []
        for ind in indicators:
            if ind.derived:
                rows.append(derived_row(ind))
                continue
            row = plain.pop(ind.id, None) or Row(ind.id)  # a column no table has: shown, and flagged
            row.extra, row.source, row.description = _kept(ind), ind.source, ind.description
            rows.append(row)
        self.rows = rows + list(plain.values())
        self._rebuild(state, set(state))

