"""Running one step of a background algorithm on QGIS's main thread, and waiting for it.

The Processing dialog runs an algorithm without the NoThreading flag as a task in a worker
thread. Layouts, map layers and the project are main-thread objects: a layout made there gets
"QObject::setParent: Cannot set parent, new parent is in a different thread" and QGIS dies.
The report therefore does its data steps in the worker and hands the layout steps to the main
thread through a blocking queued call. Errors travel back to the worker and fail the run as
usual (``postProcessAlgorithm`` would not do: QGIS 3.22 logs its errors and reports success).
"""
from __future__ import annotations

import time

from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QThread, pyqtSignal, pyqtSlot

# How often the main thread handles events while it prints (the window repaints, Cancel works),
# as QGIS's own Processing dialog does for algorithms that run on the main thread.
EVENTS_EVERY = 0.1  # seconds


def on_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() == app.thread()


class _Job:
    def __init__(self, function, args):
        self.function, self.args = function, args
        self.result, self.error = None, None

    def run(self) -> None:
        try:
            self.result = self.function(*self.args)
        except BaseException as error:  # noqa: BLE001 (raised again in the worker)
            self.error = error


class MainThreadCaller(QObject):
    """Made anywhere, lives on the main thread; ``call`` runs a function there and returns its
    result (or raises its exception) in the calling thread."""

    _request = pyqtSignal(object)

    def __init__(self):
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None and self.thread() != app.thread():
            self.moveToThread(app.thread())
        self._request.connect(self._execute, Qt.ConnectionType.BlockingQueuedConnection)
        self._last_events = 0.0

    @pyqtSlot(object)
    def _execute(self, job: _Job) -> None:
        job.run()

    def call(self, function, *args):
        if on_main_thread():
            return function(*args)
        job = _Job(function, args)
        self._request.emit(job)  # blocks the worker until the main thread has run the job
        if job.error is not None:
            raise job.error
        return job.result

    def keep_responsive(self, _value=None) -> None:
        """Connected to the progress of a main-thread step started from a worker: the window
        repaints and its Cancel button works while the layouts print."""
        now = time.monotonic()
        if now - self._last_events >= EVENTS_EVERY:
            self._last_events = now
            QCoreApplication.processEvents()
