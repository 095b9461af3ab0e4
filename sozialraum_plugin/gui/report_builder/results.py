"""After a run: the results open where the planner looks for them. The folder is opened through
an opener the tests replace, so no test starts a file manager."""
from __future__ import annotations

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices


def open_folder(folder: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


def open_results(iface, results: dict, opener=open_folder) -> None:
    """The layouts in the Layout Manager and the output folder (the layer group is loaded by the run)."""
    if iface is not None and (results.get("MAPS") or results.get("PROFILES")):
        show = getattr(iface, "showLayoutManager", None)
        if show is not None:
            show()
    folder = results.get("OUTPUT_FOLDER")
    if folder and opener is not None:
        opener(folder)
