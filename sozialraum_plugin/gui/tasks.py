"""Running a Sozialraum algorithm as a QGIS task, and putting its result into the project.

The dialogs run exactly what the toolbox runs (``sozialraum:*`` through Processing), only in
the background: ``QgsProcessingAlgRunnerTask`` in QGIS's task manager, with a progress bar and
a cancel button in the message bar. A run outlives its dialog: the user may close the dialog
and keep working; the result still lands in the "Sozialraum" group.
"""
from __future__ import annotations

import os

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QProgressBar, QPushButton

from ..toolbelt.log import log

translate = QCoreApplication.translate

GROUP_NAME = "Sozialraum"  # a proper name: the same in every language
_RUNNING: set = set()  # runs in progress, kept alive here (their dialog may be gone)


def readable_error(text: str) -> str:
    """One sentence for the user. Our algorithms raise readable QgsProcessingExceptions; anything
    else arrives as a Python traceback, of which only the last line means something to a planner."""
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    if not lines:
        return translate("Tasks", "The step failed without a message; see the log panel (Sozialraum).")
    if any(line.startswith("Traceback") for line in lines):
        return translate("Tasks", "An unexpected error occurred: {0}. Details are in the log panel "
                                  "(Sozialraum).").format(lines[-1])
    return " ".join(lines)


class CollectingFeedback(QgsProcessingFeedback):
    """Keeps the algorithm's messages (for the dialog) and writes them to the log panel.

    Called from the task's thread: only appends to lists and uses the thread-safe message log.
    """

    def __init__(self, title: str):
        super().__init__()
        self.title = title
        self.infos: list[str] = []
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        log(f"{self.title}: {info}")
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        log(f"{self.title}: {warning}", Qgis.MessageLevel.Warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        log(f"{self.title}: {error}", Qgis.MessageLevel.Critical)
        super().reportError(error, fatalError)


def sozialraum_group(project: QgsProject | None = None):
    """The layer group "Sozialraum" at the top of the layer tree (created when missing)."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    return root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)


def add_to_group(uri: str, name: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """Load an output into the "Sozialraum" group; a stale layer of the same file is replaced."""
    project = project or QgsProject.instance()
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        return None
    for old in list(project.mapLayers().values()):
        if old.source() == layer.source():  # the file was rewritten: the old layer shows old data
            project.removeMapLayer(old.id())
    project.addMapLayer(layer, False)
    sozialraum_group(project).insertLayer(0, layer)
    return layer


class AlgorithmRun(QObject):
    """One run of a Processing algorithm as a task. Emits ``progress`` (0–100, or -1 while the
    algorithm reports none) and ``finished(ok, results, message)``; ``message`` is the readable
    error, '' on success, or the translated word for a cancelled run."""

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, dict, str)

    def __init__(self, algorithm_id: str, parameters: dict, iface=None, title: str = "",
                 load: dict | None = None, quiet: bool = False):
        """``load``: {output name: layer name} of the outputs to add to the "Sozialraum" group;
        ``quiet``: no message bar at all (e.g. a preview the dialog shows itself)."""
        super().__init__()
        self.algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        self.parameters = dict(parameters)
        self.iface = iface
        self.title = title or algorithm_id
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = CollectingFeedback(self.title)
        self.task = None
        self.bar_item = None
        self.load = dict(load or {})
        self.layers: list = []  # the layers added to the project
        self.results: dict = {}
        self.ok = None  # None while running
        self.errors_to_main_bar = True  # a dialog that shows errors itself switches this off
        self.quiet = quiet

    # -- before -------------------------------------------------------------------------
    def check(self) -> str:
        """The algorithm's own parameter check, as the Processing dialog does it ('' = fine)."""
        if self.algorithm is None:
            return translate("Tasks", "The Processing algorithm of this step is not installed.")
        ok, message = self.algorithm.checkParameterValues(self.parameters, self.context)
        return "" if ok else (message or translate("Tasks", "Some inputs are not valid."))

    def start(self) -> bool:
        problem = self.check()
        if problem:
            self._finish(False, {}, problem)
            return False
        log(translate("Tasks", "{0}: started with {1}").format(self.title, self.parameters))
        if self.algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading:
            # Layouts and the project are not thread-safe (maps, profiles): run in the main thread,
            # as the Processing dialog does, once the dialog has painted its busy state.
            _RUNNING.add(self)
            self._show_bar()
            QTimer.singleShot(0, self._run_here)
            return True
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)
        if self.task.isCanceled():  # prepareAlgorithm() refused the inputs
            self._finish(False, {}, readable_error("\n".join(self.feedback.errors)))
            return False
        self.feedback.progressChanged.connect(self._on_progress)
        self.task.executed.connect(self._on_executed)
        _RUNNING.add(self)
        self._show_bar()
        QgsApplication.taskManager().addTask(self.task)
        return True

    def _run_here(self) -> None:
        self.feedback.progressChanged.connect(self._on_progress)
        alg = self.algorithm.create({})
        try:
            results, ok = alg.run(self.parameters, self.context, self.feedback)
        except QgsProcessingException as error:  # run() reports most errors itself; not all
            self.feedback.reportError(str(error), True)
            results, ok = {}, False
        self._on_executed(bool(ok), results or {})

    def cancel(self) -> None:
        if self.ok is not None:  # finished: the task manager has deleted the task already
            return
        self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    def is_running(self) -> bool:
        return self.ok is None and self in _RUNNING

    # -- during -------------------------------------------------------------------------
    def _show_bar(self) -> None:
        if self.iface is None or self.quiet:
            return
        bar = self.iface.messageBar()
        self.bar_item = bar.createMessage(self.title, translate("Tasks", "running…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # busy until the algorithm reports a share
        self.progress_bar.setMaximumWidth(240)
        cancel = QPushButton(translate("Tasks", "Cancel"))
        cancel.clicked.connect(self.cancel)
        self.bar_item.layout().addWidget(self.progress_bar)
        self.bar_item.layout().addWidget(cancel)
        bar.pushWidget(self.bar_item, Qgis.MessageLevel.Info)

    def _on_progress(self, value: float) -> None:
        if self.bar_item is not None and value > 0:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(int(value))
        self.progress.emit(float(value))

    # -- after --------------------------------------------------------------------------
    def _on_executed(self, ok: bool, results: dict) -> None:
        if ok:
            self._finish(True, dict(results), "")
        elif self.feedback.isCanceled():
            # what the algorithm said about it (a report cancelled while printing names the data
            # files that are this run's); a plain "Cancelled." when it said nothing readable
            said = [e for e in self.feedback.errors if e.strip() and "Traceback" not in e]
            self._finish(False, {}, " ".join(e.strip() for e in said) or translate("Tasks", "Cancelled."))
        else:
            self._finish(False, {}, readable_error("\n".join(self.feedback.errors)))

    def _finish(self, ok: bool, results: dict, message: str) -> None:
        self.ok, self.results = ok, results
        if ok:
            self._load_outputs()
        if self.iface is not None and self.bar_item is not None:
            try:
                self.iface.messageBar().popWidget(self.bar_item)
            except RuntimeError:  # the user closed the message already
                pass
            self.bar_item = None
        if not ok:
            level = Qgis.MessageLevel.Info if self.feedback.isCanceled() else Qgis.MessageLevel.Critical
            log(f"{self.title}: {message}", level)
            if self.iface is not None and self.errors_to_main_bar and not self.quiet:
                self.iface.messageBar().pushMessage(self.title, message, level=level, duration=0)
        elif self.iface is not None and not self.quiet:
            self.iface.messageBar().pushMessage(self.title, self.success_text(),
                                                level=Qgis.MessageLevel.Success, duration=10)
        self.finished.emit(ok, results, message)
        _RUNNING.discard(self)

    def _load_outputs(self) -> None:
        for key, name in self.load.items():
            uri = self.results.get(key)
            layer = add_to_group(uri, name) if uri else None
            if layer is None:
                log(translate("Tasks", "{0}: the output {1} could not be loaded.").format(self.title, uri),
                    Qgis.MessageLevel.Warning)
            else:
                self.layers.append(layer)
                log(translate("Tasks", "{0}: added {1} ({2}) to the group {3}.").format(
                    self.title, layer.name(), uri, GROUP_NAME))

    def success_text(self) -> str:
        if self.layers:
            names = ", ".join(layer.name() for layer in self.layers)
            text = translate("Tasks", "Done: {0} added to the layer group {1}. Details in the log panel.")
            return text.format(names, GROUP_NAME)
        written = self.results.get("OUTPUT")
        if isinstance(written, str) and os.path.isfile(written):
            return translate("Tasks", "Done: {0} written. Details in the log panel.").format(written)
        return translate("Tasks", "Done. Details in the log panel.")
