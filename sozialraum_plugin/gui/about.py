"""The Help/About box."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QMessageBox

from ..toolbelt.paths import plugin_version

translate = QCoreApplication.translate


def about_text() -> str:
    return translate(
        "About",
        "<h3>Sozialraum {version}</h3>"
        "<p>Small-area social reporting for QGIS: join indicator tables to districts, "
        "classify need, print thematic maps and district profile sheets.</p>"
        "<p>Every step is also a Processing algorithm in the toolbox under <i>Sozialraum</i>.</p>"
        "<p>Licence: GPL-2.0-or-later. Sample data: see resources/sample/*/SOURCE.md.</p>"
    ).format(version=plugin_version())


def show_about(parent=None):
    box = QMessageBox(parent)
    box.setWindowTitle(translate("About", "About Sozialraum"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    return box
