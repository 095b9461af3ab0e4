"""Translations: the plugin's UI in the QGIS locale, outputs in the language asked for.

The UI translator is installed application-wide for the QGIS locale. Outputs (maps, pages,
appendix, reports) may be asked for in another language (``LANGUAGE``), so they get their own
:class:`OutputWords`, which looks words up in that language's .qm without installing it.
"""
from __future__ import annotations

import threading
from functools import cache

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.language import LANGUAGES, language_code, set_words_factory
from .paths import i18n_dir


def user_language() -> str:
    """Two-letter language QGIS runs in ('de', 'en', ...)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = settings.value("locale/userLocale", "", type=str) or QLocale.system().name()
    return (locale or "en")[:2]


def output_language(value: str | None = None) -> str:
    """'de' or 'en': ``value`` when it names one, else the QGIS locale (English for any other)."""
    if value and language_code(value, "") in LANGUAGES:
        return language_code(value)
    return language_code(user_language())


class OutputWords:
    """``translate(context, text)`` in one output language, whatever language QGIS runs in."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "en"
        self._translator = _translator(self.lang)

    def translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        # as UTF-8 bytes: PyQt5 passes a str to the char* only if it is ASCII (‰, ·, – raised)
        return self._translator.translate(context.encode("utf-8"), text.encode("utf-8")) or text

    def __repr__(self) -> str:
        return f"OutputWords({self.lang!r})"


_making = threading.Lock()  # one translator per language, even when two threads ask at once


@cache
def _translator(lang: str) -> QTranslator | None:
    """The loaded .qm of ``lang`` (kept for the session); None for English or when missing.

    The report asks for its words in a Processing worker thread and uses them on the main thread
    too: the translator (no parent) is handed to the application's thread, so it does not belong
    to a pooled worker thread that ends. ``translate`` only reads the loaded file."""
    if lang == "en":
        return None
    with _making:
        translator = QTranslator()
        qm = i18n_dir() / f"sozialraum_{lang}.qm"
        if not (qm.is_file() and translator.load(str(qm))):
            return None
        app = QCoreApplication.instance()
        if app is not None and translator.thread() != app.thread():
            translator.moveToThread(app.thread())  # allowed from the thread it lives in
        return translator


def output_words(value: str | None = None) -> OutputWords:
    return OutputWords(output_language(value))


set_words_factory(OutputWords)  # core code given 'de' instead of words translates through the .qm


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
