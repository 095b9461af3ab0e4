"""The report's tables: a list on the left (add, remove), the chosen table's editor on the right."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .table_editor import TableEditor

translate = QCoreApplication.translate


class TablesPage(QWidget):
    changed = pyqtSignal()

    def __init__(self, boundaries, parent=None):
        super().__init__(parent)
        self.boundaries = boundaries
        self.editors: list = []
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(240)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long office file names keep their end
        # (only without a horizontal scroll bar: with one, names were cut before their year)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton(translate("ReportBuilder", "&Add table"))
        self.remove_button = QPushButton(translate("ReportBuilder", "Remo&ve table"))
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        left.addWidget(self.remove_button)
        self.stack = QStackedWidget()
        lay.addLayout(left)
        lay.addWidget(self.stack, 1)
        self.add_button.clicked.connect(lambda: self.add_table())
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._update_buttons()

    def add_table(self) -> TableEditor:
        editor = TableEditor(self.boundaries)
        editor.changed.connect(lambda e=editor: self._editor_changed(e))
        self.editors.append(editor)
        self.stack.addWidget(editor)
        self.list.addItem(f"{len(self.editors)}  {editor.title()}")
        self.list.setCurrentRow(len(self.editors) - 1)
        self._update_buttons()
        self.changed.emit()
        return editor

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        editor = self.editors.pop(row)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.list.takeItem(row)
        for n, other in enumerate(self.editors):  # the numbers the messages use ("Table 2: …")
            self.list.item(n).setText(f"{n + 1}  {other.title()}")
        self._update_buttons()
        self.changed.emit()

    def clear(self) -> None:
        while self.editors:
            self.list.setCurrentRow(0)
            self.remove_current()

    def _editor_changed(self, editor) -> None:
        if editor in self.editors:
            item = self.list.item(self.editors.index(editor))
            item.setText(f"{self.editors.index(editor) + 1}  {editor.title()}")
            item.setToolTip(editor.path())
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.editors))

    def refresh_checks(self) -> None:
        """The boundaries changed: earlier checks are stale."""
        for editor in self.editors:
            editor._stale()

    def problems(self) -> list:
        out = []
        if not self.editors:
            out.append(translate("ReportBuilder", "Add at least one table (page “Tables”)."))
        for n, editor in enumerate(self.editors, start=1):
            if not editor.path():
                out.append(translate("ReportBuilder", "Table {0}: choose its file.").format(n))
            elif editor.read_result is None:
                out.append(translate("ReportBuilder", "Table {0} ({1}): {2}").format(
                    n, editor.title(), editor.error or translate("ReportBuilder", "it cannot be read.")))
            elif not editor.key():
                out.append(translate("ReportBuilder", "Table {0} ({1}): choose its key column.").format(
                    n, editor.title()))
        return out
