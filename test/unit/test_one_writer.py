"""Outputs go through QGIS's own writers (gis/writer.py): no module of the plugin writes SQLite by
hand, and the hand-made R-tree writer is gone (issue 16)."""
from __future__ import annotations

import ast
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[2] / "sozialraum_plugin"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def offenders(path: Path) -> list[str]:
    return sorted(name for name in imported_modules(path)
                  if name.split(".")[0] == "sqlite3" or {"gpkg_rtree", "gpkg"} & set(name.split(".")))


def test_no_module_imports_sqlite3_or_the_old_gpkg_writers():
    found = [f"{path.relative_to(PLUGIN)}: {name}" for path in sorted(PLUGIN.rglob("*.py")) for name in offenders(path)]
    assert found == []
    assert not (PLUGIN / "gis" / "gpkg_rtree.py").exists() and not (PLUGIN / "gis" / "gpkg.py").exists()


def test_the_scan_sees_an_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("import sqlite3\nfrom .gpkg_rtree import finish\nfrom ..gis import gpkg\nimport os\n",
                      encoding="utf-8")
    found = set(offenders(sample))
    assert {"sqlite3", "gpkg_rtree", "gis.gpkg"} <= found and "os" not in found
