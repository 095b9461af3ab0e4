"""What every Sozialraum dialog shares: message bar, Run/Close/Help, progress and cancel, memory.

A subclass builds its form in ``build(layout)``, returns the algorithm's parameters from
``parameters()`` (raising :class:`InputError` with a sentence when something is missing), and may
react to a finished run in ``on_success``. Running goes through :class:`tasks.AlgorithmRun`.
"""
from __future__ import annotations

import os

from qgis.core import Qgis
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon, QKeySequence
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
)

from ..core.errors import SozialraumError
from ..toolbelt.messages import user_message
from ..toolbelt.paths import icon_path
from ..toolbelt.settings import DialogMemory
from .tasks import AlgorithmRun

translate = QCoreApplication.translate


class InputError(Exception):
    """A readable sentence about an input the user still has to fill in or fix."""


class SozialraumDialog(QDialog):
    ALGORITHM = ""  # e.g. "sozialraum:jointable"
    MEMORY = ""  # key of the QgsSettings group for last-used values
    ICON = "sozialraum.svg"
    CLOSE_ON_SUCCESS = True

    def __init__(self, iface, parent=None):
        super().__init__(parent if parent is not None else (iface.mainWindow() if iface else None))
        self.iface = iface
        self.memory = DialogMemory(self.MEMORY or type(self).__name__)
        self.run = None  # the AlgorithmRun in progress or last finished
        self.setWindowIcon(QIcon(icon_path(self.ICON)))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        outer = QVBoxLayout(self)
        self.bar = QgsMessageBar(self)  # messages about this dialog stay in this dialog
        self.bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        outer.addWidget(self.bar)
        self.build(outer)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(translate("Dialog", "C&ancel run"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_run)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        outer.addLayout(progress_row)

        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(translate("Dialog", "&Run"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setDefault(True)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("Dialog", "Cl&ose"))
        help_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Help)
        help_button.setText(translate("Dialog", "Help"))  # F1 below; H is taken in forms
        help_button.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.buttons.accepted.connect(self.start_run)  # Run keeps the dialog open until it is done
        self.buttons.rejected.connect(self.reject)
        self.buttons.helpRequested.connect(self.show_help)
        outer.addWidget(self.buttons)
        self.restore()

    # -- for subclasses -------------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def parameters(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def outputs_to_load(self) -> dict:
        """{output name: layer name} for the "Sozialraum" group."""
        return {}

    def restore(self) -> None:
        """Fill the widgets from the last-used values."""

    def remember(self) -> None:
        """Store the last-used values (called when a run starts)."""

    def on_success(self, results: dict) -> None:
        """After a successful run, while the dialog is still open."""

    def add_split(self, outer, left, right, sizes: list, fixed_left: bool = False):
        """Form on the left, preview or results on the right; extra width goes to the right and
        ``sizes`` (relative) are applied on the first show, when the dialog's width is known."""
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        if fixed_left:
            split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        outer.addWidget(split, 1)
        self.split, self.split_sizes = split, list(sizes)
        return split

    def remember_grid(self) -> None:
        """The indicator grid's choices, with those of other layers' fields kept for next time."""
        state = self.memory.json("indicators", {}) or {}
        state = {name: value for name, value in state.items() if name not in self.grid.rows}
        state.update(self.grid.state())
        self.memory.set_json("indicators", state)

    def remember_output_folder(self) -> None:
        if self.output_widget.filePath():
            self.memory.set_value("output_folder", os.path.dirname(self.output_widget.filePath()))

    def showEvent(self, event):  # noqa: N802
        """Splitter sizes set before the first show are overridden by the size hints: set them now."""
        super().showEvent(event)
        split, sizes = getattr(self, "split", None), getattr(self, "split_sizes", None)
        if split is not None and sizes and not getattr(self, "_split_done", False):
            self._split_done = True
            total = sum(split.sizes()) or sum(sizes)
            split.setSizes([round(total * part / sum(sizes)) for part in sizes])

    # -- messages -------------------------------------------------------------------------
    def say(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 0) -> None:
        self.bar.clearWidgets()
        self.bar.pushMessage("", text, level=level, duration=duration)

    def say_error(self, error) -> None:
        """An error as a sentence in the dialog (core errors translated, never a traceback)."""
        text = user_message(error) if isinstance(error, SozialraumError) else str(error)
        self.say(text, Qgis.MessageLevel.Critical)

    def show_help(self) -> None:
        from qgis.core import QgsApplication
        from qgis.PyQt.QtWidgets import QMessageBox

        alg = QgsApplication.processingRegistry().algorithmById(self.ALGORITHM)
        text = alg.shortHelpString() if alg is not None else ""
        box = QMessageBox(QMessageBox.Icon.Information, self.windowTitle(), text or self.windowTitle(),
                          QMessageBox.StandardButton.Ok, self)
        box.exec()

    # -- running --------------------------------------------------------------------------
    def start_run(self) -> bool:
        if self.run is not None and self.run.is_running():
            return False
        try:
            params = self.parameters()
        except InputError as error:
            self.say(str(error), Qgis.MessageLevel.Warning)
            return False
        except SozialraumError as error:
            self.say_error(error)
            return False
        self.remember()
        self.bar.clearWidgets()
        run = AlgorithmRun(self.ALGORITHM, params, self.iface, self.windowTitle(), self.outputs_to_load())
        run.errors_to_main_bar = not self.isVisible()
        run.progress.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        self.run = run
        self._set_running(True)
        return run.start()

    def cancel_run(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.progress.setRange(0, 0)

    def _on_progress(self, value: float) -> None:
        if value > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(value))

    def _on_finished(self, ok: bool, results: dict, message: str) -> None:
        self._set_running(False)
        if not ok:
            self.say(message, Qgis.MessageLevel.Critical)
            return
        self.on_success(results)
        if self.CLOSE_ON_SUCCESS:
            self.accept()
        else:
            self.say(self.run.success_text(), Qgis.MessageLevel.Success, duration=10)

    def done(self, result: int) -> None:
        """Closing while a run goes on: it keeps running, its errors go to QGIS's message bar."""
        if self.run is not None and self.run.is_running():
            self.run.errors_to_main_bar = True
            try:
                self.run.progress.disconnect(self._on_progress)
                self.run.finished.disconnect(self._on_finished)
            except TypeError:
                pass
        super().done(result)
