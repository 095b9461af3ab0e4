"""The join report's HTML (Verbindungsbericht_N.html): every word in the output language.

Its table section was written through an alias ``t = words.translate``: pylupdate5 finds only
literal ``.translate("Context", "text")`` calls, so those words never reached the .ts and a German
report printed "Table as read", "thousands mark None", "invalid geometries"."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMON = ROOT / "sozialraum_plugin" / "processing" / "algorithms" / "common.py"
WORDS = ["Table as read", "encoding", "separator", "decimal mark", "thousands mark", "Column", "Type",
         "Missing", "Suppressed", "Unit", "Boundaries", "features", "invalid geometries",
         "Districts without a row", "Table keys without a district", "Duplicate table keys (not joined)",
         "none", "text", "integer", "decimal number"]


def _report(words):
    from sozialraum_plugin.core.tables.join_report import JoinReport
    from sozialraum_plugin.core.tables.read import ColumnReport, ReadReport
    from sozialraum_plugin.processing.algorithms.common import _html

    columns = [ColumnReport(name=n, original_name=n, dtype=t) for n, t in
               (("id", "text"), ("ew", "integer"), ("q", "real"))]
    read = ReadReport(file="ew.csv", format="csv", encoding="utf-8", separator=";", decimal=",", thousands=None,
                      columns=columns)
    join = JoinReport(n_districts=3, n_rows=3, matched=2, districts_without_row=["03"], table="ew.csv")
    facts = {"features": 3, "geometry": "MultiPolygon", "crs": "EPSG:25832", "invalid_geometries": []}
    data = {"lines": [], "boundaries": facts}
    return _html(data, join, read, "Join report", words)


def test_every_word_of_the_page_is_found_by_pylupdate(tmp_path):
    if shutil.which("pylupdate5") is None:
        pytest.fail("pylupdate5 is needed (pyqt5-dev-tools; make deps installs it)")
    fresh = tmp_path / "common.ts"
    subprocess.run(["pylupdate5", "-noobsolete", str(COMMON), "-ts", str(fresh)], check=True, capture_output=True)
    found = {m.find("source").text for c in ET.parse(fresh).getroot() for m in c.findall("message")
             if c.find("name").text == "Report"}
    assert not [w for w in WORDS if w not in found]


def test_every_word_goes_through_the_output_words(qgis_app):
    class Marked:  # a words double: every translated text is bracketed
        lang = "de"

        def translate(self, context, text):
            return f"«{text}»"

    page = _report(Marked())
    import re

    visible = re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.S)
    for word in WORDS[:13] + ["none", "text", "integer", "decimal number"]:
        bare = re.findall(rf"(?<![«\w]){re.escape(word)}(?![\w»])", visible)
        assert not bare, (word, visible)
    assert "None" not in visible  # no Python repr of a missing mark
