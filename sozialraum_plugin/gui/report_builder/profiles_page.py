"""Profile pages (which indicators, in which order, the title) and the city's look (house colour,
logo), which ``definition.style`` keeps for maps and pages alike."""
from __future__ import annotations

from qgis.gui import QgsColorButton, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.report.definition import ProfileSpec, StyleSpec

translate = QCoreApplication.translate


class ProfilesPage(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._style = StyleSpec()  # font and own templates: kept as loaded (not edited here)
        lay = QHBoxLayout(self)
        self.profile_box = QGroupBox(translate("ReportBuilder", "&Profile pages (one per district)"))
        self.profile_box.setCheckable(True)
        self.profile_box.setChecked(False)
        column = QVBoxLayout(self.profile_box)
        column.addWidget(QLabel(translate("ReportBuilder", "Checked indicators appear on each page, in this "
                                                           "order:")))
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        buttons = QVBoxLayout()
        self.up_button = QPushButton(translate("ReportBuilder", "&Up"))
        self.down_button = QPushButton(translate("ReportBuilder", "Do&wn"))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        column.addLayout(row, 1)
        form = QFormLayout()
        self.title_edit = QLineEdit(translate("ReportBuilder", "District profile"))
        self.separate_check = QCheckBox(translate("ReportBuilder", "also one PDF per district"))
        form.addRow(translate("ReportBuilder", "Page title:"), self.title_edit)
        form.addRow("", self.separate_check)
        column.addLayout(form)
        lay.addWidget(self.profile_box, 3)

        box = QGroupBox(translate("ReportBuilder", "Look of maps and pages"))
        form = QFormLayout(box)
        self.colour_button = QgsColorButton()
        self.colour_button.setAllowOpacity(False)
        self.colour_button.setShowNull(True, translate("ReportBuilder", "the plugin's blue"))
        self.colour_button.setToNull()
        self.logo_widget = QgsFileWidget()
        self.logo_widget.setFilter(translate("ReportBuilder", "Images (*.png *.jpg *.jpeg *.svg)"))
        form.addRow(translate("ReportBuilder", "House colour:"), self.colour_button)
        form.addRow(translate("ReportBuilder", "Logo:"), self.logo_widget)
        lay.addWidget(box, 2)

        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        for signal in (self.profile_box.toggled, self.list.itemChanged, self.title_edit.textChanged,
                       self.separate_check.toggled, self.colour_button.colorChanged, self.logo_widget.fileChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self.list.model().rowsMoved.connect(lambda *_a: self.changed.emit())

    def set_indicators(self, indicators: list) -> None:
        """The chosen indicators; checked ones keep their place and order, new ones come last."""
        order, checked = self._order(), set(self.fields())
        by_id = {i.id: i for i in indicators}
        ids = [i for i in order if i in by_id] + [i.id for i in indicators if i.id not in order]
        self.list.blockSignals(True)
        self.list.clear()
        for ident in ids:
            ind = by_id[ident]
            item = QListWidgetItem(ind.label if ind.label == ident else f"{ind.label} ({ident})")
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags((item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if ident in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _order(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def fields(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ident: str, used: bool = True) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == ident:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    # -- specs ----------------------------------------------------------------------------
    def profile_spec(self) -> ProfileSpec | None:
        if not self.profile_box.isChecked():
            return None
        return ProfileSpec(fields=self.fields(), title=self.title_edit.text().strip(),
                           separate_files=self.separate_check.isChecked())

    def style_spec(self) -> StyleSpec:
        colour = self.colour_button.color()
        return StyleSpec(colour="" if self.colour_button.isNull() or not colour.isValid() else colour.name(),
                         logo=self.logo_widget.filePath().strip(), font=self._style.font,
                         map_template=self._style.map_template, profile_template=self._style.profile_template)

    def load(self, profiles: ProfileSpec | None, style: StyleSpec, resolve) -> None:
        self.profile_box.setChecked(profiles is not None)
        if profiles is not None:
            order = [i for i in profiles.fields] + [i for i in self._order() if i not in profiles.fields]
            items = {self.list.item(i).data(Qt.ItemDataRole.UserRole): self.list.item(i).text()
                     for i in range(self.list.count())}
            self.list.blockSignals(True)
            self.list.clear()
            for ident in order:
                item = QListWidgetItem(items.get(ident, ident))
                item.setData(Qt.ItemDataRole.UserRole, ident)
                item.setFlags((item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsDropEnabled)
                item.setCheckState(Qt.CheckState.Checked if ident in profiles.fields else Qt.CheckState.Unchecked)
                self.list.addItem(item)
            self.list.blockSignals(False)
            self.title_edit.setText(profiles.title)
            self.separate_check.setChecked(bool(profiles.separate_files))
        from dataclasses import replace

        # own templates are kept, not shown: resolved now, as the logo, or a relative path would be
        # read from wherever QGIS runs once the definition is written elsewhere (the run's copy)
        self._style = replace(style, map_template=resolve(style.map_template),
                              profile_template=resolve(style.profile_template))
        if style.colour and QColor(style.colour).isValid():
            self.colour_button.setColor(QColor(style.colour))
        else:
            self.colour_button.setToNull()
        self.logo_widget.setFilePath(resolve(style.logo) if style.logo else "")

    def problems(self) -> list:
        spec = self.profile_spec()
        if spec is not None and not spec.fields:
            return [translate("ReportBuilder", "Profile pages: check at least one indicator.")]
        return []
