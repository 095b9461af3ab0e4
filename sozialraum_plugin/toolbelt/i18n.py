"""Loading the plugin's translation for the QGIS user locale."""
from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import i18n_dir


def user_language() -> str:
    """Two-letter language QGIS runs in ('de', 'en', ...)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = settings.value("locale/userLocale", "", type=str) or QLocale.system().name()
    return (locale or "en")[:2]


def install_translator(parent=None) -> QTranslator | None:
    """Install the .qm for the user's language; return it so unload() can remove it."""
    qm = i18n_dir() / f"sozialraum_{user_language()}.qm"
    if not qm.is_file():
        return None
    translator = QTranslator(parent)
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
