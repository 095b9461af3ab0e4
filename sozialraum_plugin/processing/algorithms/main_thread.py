"""Running one step of a background algorithm on QGIS's main thread, and waiting for it.

The Processing dialog runs an algorithm without the NoThreading flag as a task in a worker
thread. Layouts, map layers and the project are main-thread objects: a layout made there gets
"QObject::setParent: Cannot set parent, new parent is in a different thread" and QGIS dies.
The report therefore does its data steps in the worker and hands the layout steps to the main
thread through a queued call the worker waits for. Errors travel back to the worker and fail the
run as usual (``postProcessAlgorithm`` would not do: QGIS 3.22 logs its errors and reports success).

The main thread handles events while it prints, so a second report's step may arrive meanwhile:
it waits until the first one's step has ended (both use the same layout names). A worker whose
run is cancelled before its step has started stops waiting (the main thread may be waiting for
the task itself, as QGIS does when it closes).
"""
from __future__ import annotations

import threading
import time

from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, pyqtSignal, pyqtSlot

# How often the main thread handles events while it prints (the window repaints, Cancel works),
# as QGIS's own Processing dialog does for algorithms that run on the main thread.
EVENTS_EVERY = 0.1  # seconds
WAIT_STEP = 0.1  # seconds between two looks at the worker's cancel while it waits
_busy = [False]  # a job is running on the main thread (main-thread state only)


def on_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() == app.thread()


class _Job:
    def __init__(self, function, args):
        self.function, self.args = function, args
        self.result, self.error = None, None
        self.state = "waiting"  # → running → done, or abandoned by its worker before it ran
        self.lock, self.done = threading.Lock(), threading.Event()

    def run(self) -> None:
        try:
            self.result = self.function(*self.args)
        except BaseException as error:  # noqa: BLE001 (raised again in the worker)
            self.error = error
        finally:
            self.done.set()


class MainThreadCaller(QObject):
    """Made anywhere, lives on the main thread; ``call`` runs a function there and returns its
    result (or raises its exception) in the calling thread."""

    _request = pyqtSignal(object)

    def __init__(self):
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None and self.thread() != app.thread():
            self.moveToThread(app.thread())
        self._request.connect(self._execute, Qt.ConnectionType.QueuedConnection)
        self._last_events = 0.0

    @pyqtSlot(object)
    def _execute(self, job: _Job) -> None:
        if _busy[0]:  # delivered while another step handles events: after that one
            QTimer.singleShot(int(WAIT_STEP * 1000), lambda: self._execute(job))
            return
        with job.lock:
            if job.state != "waiting":
                return  # abandoned: its run was cancelled meanwhile
            job.state = "running"
        _busy[0] = True
        try:
            job.run()
        finally:
            _busy[0] = False

    def call(self, function, *args, canceled=None):
        """``canceled``: a function; while it returns True and the job has not started, the
        worker stops waiting and InterruptedError is raised."""
        if on_main_thread():
            return function(*args)
        job = _Job(function, args)
        self._request.emit(job)
        while not job.done.wait(WAIT_STEP):
            if canceled is not None and canceled():
                with job.lock:
                    if job.state == "waiting":
                        job.state = "abandoned"
                        raise InterruptedError()
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
