"""core/ is pure: it must run where neither Qt nor QGIS can be imported."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "sozialraum_plugin" / "core"
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "sip", "osgeo.gdal_array")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_core_sources_import_no_qt_or_qgis():
    offenders = {
        f"{path.name}: {name}"
        for path in CORE.glob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    }
    assert not offenders


def test_core_modules_import_with_qgis_blocked():
    """Import every core module in a fresh interpreter where importing qgis or PyQt fails."""
    modules = sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"sys.path.insert(0, {str(CORE.parents[1])!r})\n"
        f"for m in {modules!r}:\n"
        "    __import__('sozialraum_plugin.core.' + m)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
