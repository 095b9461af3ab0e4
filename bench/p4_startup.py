"""P4_startup: seconds the plugin adds to QGIS loading it, and which heavy modules it imports.

Each measurement is a fresh headless QGIS process (QgsApplication with GUI, offscreen) with
pytest-qgis's stub interface (QgisInterface, a QMainWindow and a map canvas). What is timed is
what QGIS does when it starts a plugin: import the package, ``classFactory(iface)``,
``initGui()`` (which registers the Processing provider, so QGIS calls ``loadAlgorithms``), and
``initProcessing()``. The baseline does the same with an empty stub plugin, so that what is
left is the plugin's own cost. Plugin and baseline processes alternate.

    .venv/bin/python bench/p4_startup.py [--repeats 7] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "pandas", "scipy", "sklearn", "matplotlib", "osgeo.gdal", "osgeo.ogr", "osgeo.gdal_array")
STUB = textwrap.dedent('''
    """An empty plugin: the baseline of P4."""


    class _Stub:
        def __init__(self, iface):
            self.iface = iface

        def initGui(self):  # noqa: N802
            self.initProcessing()

        def initProcessing(self):  # noqa: N802
            pass

        def unload(self):
            pass


    def classFactory(iface):  # noqa: N802
        return _Stub(iface)
''')


def child(package: str, path: str) -> None:
    import time

    from pytest_qgis.mock_qgis_classes import MockMessageBar  # before QgsApplication: its slots
    from pytest_qgis.qgis_interface import QgisInterface  # need the types registered first
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    window = QMainWindow()
    iface = QgisInterface(QgsMapCanvas(window), MockMessageBar(), window)
    sys.path.insert(0, path)
    before = set(sys.modules)
    start = time.perf_counter()
    module = __import__(package)
    plugin = module.classFactory(iface)
    plugin.initGui()
    plugin.initProcessing()
    seconds = time.perf_counter() - start
    new = set(sys.modules) - before
    heavy = sorted(m for m in new if m in HEAVY)
    print(json.dumps({"seconds": seconds, "heavy": heavy, "modules": len(new)}), flush=True)
    plugin.unload()
    os._exit(0)  # measured: skip tearing QGIS down


def measure(package: str, path: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(ROOT / "build" / "xdg"))
    env.setdefault("QGIS_CUSTOM_CONFIG_PATH", str(ROOT / "build" / "bench-profile"))
    done = subprocess.run([sys.executable, __file__, "--child", package, path], env=env,
                          capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"p4 {package} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def run(repeats: int = 7) -> dict:
    stub_dir = tempfile.mkdtemp(prefix="bench_stub_plugin_")
    Path(stub_dir, "sozialraum_stub_plugin").mkdir()
    Path(stub_dir, "sozialraum_stub_plugin", "__init__.py").write_text(STUB, encoding="utf-8")
    plugin, base = [], []
    measure("sozialraum_plugin", str(ROOT))  # warm the file cache for both sides
    measure("sozialraum_stub_plugin", stub_dir)
    for i in range(repeats):
        pairs = [(("sozialraum_plugin", str(ROOT)), plugin), (("sozialraum_stub_plugin", stub_dir), base)]
        for (package, path), sink in (pairs if i % 2 == 0 else pairs[::-1]):
            sink.append(measure(package, path))
    shutil.rmtree(stub_dir, ignore_errors=True)
    ours = statistics.median(r["seconds"] for r in plugin)
    baseline = statistics.median(r["seconds"] for r in base)
    return {"added_s": round(ours - baseline, 4), "plugin_s": round(ours, 4), "baseline_s": round(baseline, 4),
            "heavy_modules": plugin[-1]["heavy"], "modules_imported": plugin[-1]["modules"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    out = run(args.repeats)
    print(json.dumps(out) if args.json else out, flush=True)


if __name__ == "__main__":
    main()
