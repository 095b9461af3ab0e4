"""The German translation is complete, and every core message code can be shown translated."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "sozialraum_de.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_ts_covers_every_string_in_the_sources(tmp_path):
    if shutil.which("pylupdate5") is None:
        pytest.fail("pylupdate5 is needed (pyqt5-dev-tools; make deps installs it)")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "sozialraum_plugin").rglob("*.py"))
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    committed = _messages(TS)
    missing = [key for key in _messages(fresh) if key not in committed]
    assert not missing, f"run `make transup` and translate: {missing[:5]}"
    unfinished = [key for key, tr in committed.items() if tr.get("type") == "unfinished" or not tr.text]
    assert not unfinished, f"untranslated in {TS.name}: {unfinished[:5]}"


def test_every_core_message_is_in_the_ts_and_translated(qgis_app):
    """Each template in core.errors.MESSAGES is marked for pylupdate5 and has a German text."""
    from sozialraum_plugin.core.errors import MESSAGES

    committed = _messages(TS)
    missing = [code for code, text in MESSAGES.items() if ("Messages", text) not in committed]
    assert not missing, f"wrap in QT_TRANSLATE_NOOP and run `make transup`: {missing[:5]}"


def test_german_error_message_is_filled_in(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from sozialraum_plugin.core.errors import TableError
    from sozialraum_plugin.toolbelt.messages import user_message

    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "sozialraum_de.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        text = user_message(TableError("file_not_found", file="daten.csv"))
    finally:
        QCoreApplication.removeTranslator(translator)
    assert text == "Datei nicht gefunden: daten.csv"


def test_output_words_follow_the_language_asked_for_not_the_ui(qgis_app):
    """An English QGIS can write German pages and the other way round: nothing is installed."""
    from qgis.PyQt.QtCore import QCoreApplication

    from sozialraum_plugin.toolbelt.i18n import OutputWords, output_language

    heading = "Choices (name or number):"
    assert QCoreApplication.translate("SozialraumAlgorithm", heading) == heading  # UI untouched
    german = OutputWords("de").translate("SozialraumAlgorithm", heading)
    assert german != heading and german.strip()
    assert OutputWords("en").translate("SozialraumAlgorithm", heading) == heading
    assert OutputWords("fr").lang == "en"
    assert output_language("de_DE") == "de" and output_language("English") == "en"
    # a source with '“' or '·' (PyQt5 refused non-ASCII text for QTranslator's char*)
    quoted = "Press “Suggest k” to compare numbers of clusters."
    assert OutputWords("de").translate("ClusterDialog", quoted).startswith("Mit „k vorschlagen“")
    assert OutputWords("de").translate("Nowhere", "· = hidden") == "· = hidden"


def test_output_translator_made_in_a_worker_lives_on_the_main_thread(qgis_app):
    """The report makes its words in a Processing worker thread (ReportAlgorithm._report_words)
    and the main-thread steps (maps, pages, project) use the same cached QTranslator. A QObject
    belongs to the thread that made it: a pooled worker thread ends, and the translator must
    not stay behind with it; it is handed to the main thread."""
    import threading

    from qgis.PyQt.QtCore import QCoreApplication

    from sozialraum_plugin.toolbelt import i18n

    i18n._translator.cache_clear()
    made = {}

    def work():
        made["words"] = i18n.OutputWords("de")
        made["text"] = made["words"].translate("SozialraumAlgorithm", "Choices (name or number):")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    translator = i18n._translator("de")
    assert translator is not None and made["text"] != "Choices (name or number):"
    assert translator.thread() == QCoreApplication.instance().thread()
    assert translator.parent() is None
