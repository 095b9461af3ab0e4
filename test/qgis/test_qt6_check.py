"""scripts/qt6_check.py, the Qt6 / QGIS 4 part of `make lint`: what it must report, what it must accept.

It resolves names through the installed PyQt/QGIS, so it runs here (beside QGIS), on 3.22 and 3.40.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from qt6_check import Resolver, check_source  # noqa: E402

HEAD = """
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt import QtCore
from qgis.PyQt.QtWidgets import QDialog, QMessageBox
from qgis.core import Qgis, QgsVectorFileWriter, QgsWkbTypes, QgsProcessing
"""


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def findings(code: str, resolver) -> list[str]:
    source = HEAD + textwrap.dedent(code)
    offset = HEAD.count("\n")
    return [f"{line - offset}: {text}" for _, line, text in check_source(source, "snippet.py", resolver)]


@pytest.mark.parametrize("code, expected", [
    ("a = Qt.AlignLeft", "1: unscoped enum Qt.AlignLeft -> Qt.AlignmentFlag.AlignLeft"),
    ("a = QtCore.Qt.AlignRight", "1: unscoped enum QtCore.Qt.AlignRight -> QtCore.Qt.AlignmentFlag.AlignRight"),
    ("ok = e == QgsVectorFileWriter.NoError",
     "1: unscoped enum QgsVectorFileWriter.NoError -> QgsVectorFileWriter.WriterError.NoError"),
    ("g = QgsWkbTypes.PolygonGeometry",
     "1: unscoped enum QgsWkbTypes.PolygonGeometry -> QgsWkbTypes.GeometryType.PolygonGeometry"),
    ("QMessageBox.question(None, 't', 'q', QMessageBox.Yes)",
     "1: unscoped enum QMessageBox.Yes -> QMessageBox.StandardButton.Yes"),
    ("if d.exec_() == QDialog.DialogCode.Accepted: pass", "1: .exec_() is removed in PyQt6 -> .exec()"),
    ("a = Qt.Alignment(Qt.AlignmentFlag.AlignLeft)",
     "1: QFlags class Qt.Alignment is gone in PyQt6 -> Qt.AlignmentFlag"),
    ("from PyQt5.QtCore import QTimer", "1: import from PyQt5.QtCore -> qgis.PyQt.QtCore"),
    ("from qgis.PyQt.QtCore import QRegExp", "1: QRegExp is removed in Qt6 -> QRegularExpression"),
    ("w = label.fontMetrics().width('x')", "1: QFontMetrics.width() is removed in Qt6 -> horizontalAdvance()"),
])
def test_reports_what_qt6_removed_with_what_to_write(code, expected, resolver):
    assert findings(code, resolver) == [expected]


def test_qvariant_types_are_reported_outside_a_version_branch_only(resolver):
    found = findings("""
        from qgis.core import QgsField
        f = QgsField("n", QVariant.Int)
        if Qgis.QGIS_VERSION_INT < 33800:
            g = QgsField("n", QVariant.Int)
        h = QVariant.Int if not hasattr(Qgis, "FieldOrigin") else None
        """, resolver)
    assert len(found) == 1 and found[0].startswith("3: QVariant.Int: QVariant's type enum is gone in Qt6")
    assert "field_types" in found[0]


@pytest.mark.parametrize("code", [
    "a = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop",
    "ok = e == QgsVectorFileWriter.WriterError.NoError",
    "g = QgsWkbTypes.GeometryType.PolygonGeometry",
    "t = QgsProcessing.SourceType.TypeVectorPolygon",
    "level = Qgis.MessageLevel.Warning",
    "v = Qgis.QGIS_VERSION_INT",
    "if d.exec() == QDialog.DialogCode.Accepted: pass",
    "from qgis.PyQt.QtWidgets import QAction",  # qgis.PyQt shims it into QtWidgets on Qt6
    "x = self.AlignLeft",  # not a Qt name: nothing to resolve
    "fmt = getattr(Qgis, 'TextRenderFormat', None)",
    "a = Qt.AlignLeft  # qt6: ok",
])
def test_accepts_scoped_and_unknown_names(code, resolver):
    assert findings(code, resolver) == []


def test_a_deprecated_qgis_call_is_reported_unless_behind_hasattr(resolver):
    found = findings("""
        table.setContentFont(font)
        if hasattr(table, "setContentTextFormat"):
            table.setContentTextFormat(fmt)
        else:
            table.setContentFont(font)

        def older(table):
            if hasattr(table, "setContentTextFormat"):
                return table.setContentTextFormat(fmt)
            table.setContentFont(font)  # after the new version's early return: the old one's branch
        """, resolver)
    assert len(found) == 1 and found[0].startswith("2: .setContentFont() is deprecated in QGIS (")
    assert "QgsLayoutTable.setContentTextFormat instead" in found[0]  # 3.40 adds "3.40" before it


def test_the_command_prints_file_and_line_and_fails_on_findings_in_seconds(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtCore import Qt\n\nalign = Qt.AlignLeft\n", encoding="utf-8")
    (tmp_path / "good.py").write_text("from qgis.PyQt.QtCore import Qt\nalign = Qt.AlignmentFlag.AlignLeft\n")
    script = str(ROOT / "scripts" / "qt6_check.py")
    start = time.monotonic()
    run = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stdout.strip() == f"{bad}:3: unscoped enum Qt.AlignLeft -> Qt.AlignmentFlag.AlignLeft"
    clean = subprocess.run([sys.executable, script, str(tmp_path / "good.py")], capture_output=True, text=True,
                           timeout=120)
    assert clean.returncode == 0 and clean.stdout == ""
    assert time.monotonic() - start < 30


def test_the_plugin_code_is_clean():
    """`make lint` runs the same over the plugin, test/, scripts/ and bench/."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "qt6_check.py"), "sozialraum_plugin", "test",
                          "scripts", "bench"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout
