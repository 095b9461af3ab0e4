"""Profile sheets for all 542 Berlin PLR vs a bare QGIS atlas of the same GeoPackage layer.

    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$PWD/build/xdg \
        .venv/bin/python bench/profiles_vs_atlas.py [--rounds 3] [--keep DIR] [--parts]

Every measurement runs in a fresh process, so its peak memory (ru_maxrss) is its own. Rounds
alternate bare / ours, so other load on the machine hits both alike, and the best round of each
counts. "bare" is an A4 layout with one atlas-driven map over the profiles' own GeoPackage
(``<output>_files/profiles.gpkg``), exported with the same PDF settings. "ours" is reported twice:
the whole algorithm (reading, facts, charts, GeoPackage, layout, export) and the export alone
(the same layout exported again), which is what the bare atlas does. "same" is QGIS alone
exporting the layout our run saved (profile.qgz, opened in a fresh process): ours against it is
the plugin's own cost, the page's items being the same on both sides. ``--parts`` shows where a
page's time goes: the profile layout exported with one item at a time shown, beside the bare
atlas, in one process.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = "A4"


APP = []  # the QgsApplication must outlive everything else in the process


def _qgis():
    sys.path.insert(0, str(ROOT))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    APP.append(QgsApplication([], False))
    APP[0].initQgis()


def _tests():
    """The test module's data helpers (joining the MSS table to the PLR boundaries)."""
    path = ROOT / "test" / "qgis" / "profile_support.py"
    spec = importlib.util.spec_from_file_location("profile_tests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(folder: Path) -> dict:
    _qgis()
    tests = _tests()
    tests.write_joined(tests.BERLIN / "lor_planungsraeume_2021.shp", tests.berlin_table(), "PLR_ID",
                       folder / "berlin.gpkg")
    return {}


def ours(folder: Path) -> dict:
    if not APP:
        _qgis()
    import processing
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication, QgsLayoutExporter, QgsProject, QgsVectorLayer

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings
    from sozialraum_plugin.processing.provider import SozialraumProvider

    Processing.initialize()
    provider = SozialraumProvider()  # keep a reference: the registry does not keep Python alive
    QgsApplication.processingRegistry().addProvider(provider)
    tests = _tests()
    layer = QgsVectorLayer(f"{folder / 'berlin.gpkg'}|layername=districts", "districts", "ogr")
    params = {"INPUT": layer, "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
              "FIELDS": ["S1", "S3", "S4", "D1", "D3", "D4"], "LABELS": tests.BERLIN_LABELS,
              "DIRECTIONS": "S1=+1;S3=+1;S4=+1;D1=+1;D3=+1;D4=+1", "POPULATION_FIELD": "EW",
              "CLASS_FIELD": "SI_V", "SOURCE_TEXT": "SenSBW, MSS 2021", "OUTPUT": str(folder / "profile.pdf")}
    wall, cpu = time.perf_counter(), time.process_time()
    result = processing.run("sozialraum:profilesheets", params)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    atlas = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]).atlas()
    atlas.updateFeatures()
    export_wall, export_cpu = time.perf_counter(), time.process_time()
    QgsLayoutExporter.exportToPdf(atlas, str(folder / "again.pdf"), pdf_settings())
    export_wall, export_cpu = time.perf_counter() - export_wall, time.process_time() - export_cpu
    QgsProject.instance().write(str(folder / "profile.qgz"))  # for "same": the layout as a user gets it
    return {"pages": result["PAGES"], "wall": wall, "cpu": cpu, "export_wall": export_wall,
            "export_cpu": export_cpu, "peak_mb": _peak_mb(), "bytes": os.path.getsize(result["OUTPUT"])}


def bare_layout(folder: Path):
    """An A4 page with one atlas-driven map over the profiles' GeoPackage, its default style."""
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemPage, QgsPrintLayout, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QRectF

    layer = QgsVectorLayer(f"{folder / 'profile_files' / 'profiles.gpkg'}|layername=profiles", "p", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(PAGE, QgsLayoutItemPage.Orientation.Portrait)
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.attemptSetSceneRect(QRectF(12, 12, 186, 273))
    item.setLayers([layer])
    item.zoomToExtent(layer.extent())
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
    atlas.updateFeatures()
    return layout


def bare(folder: Path) -> dict:
    _qgis()
    from qgis.core import QgsLayoutExporter

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

    layout = bare_layout(folder)  # held: the atlas is the layout's, gone with its wrapper
    atlas = layout.atlas()
    wall, cpu = time.perf_counter(), time.process_time()
    QgsLayoutExporter.exportToPdf(atlas, str(folder / "bare.pdf"), pdf_settings())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"pages": atlas.count(), "wall": wall, "cpu": cpu, "peak_mb": _peak_mb(),
            "bytes": os.path.getsize(folder / "bare.pdf")}


def same(folder: Path) -> dict:
    """QGIS alone exporting the very layout our run left: the project it wrote is opened in a fresh
    process and its profile atlas exported (no plugin code runs). Ours against this is the
    plugin's own cost (reading, facts, charts, GeoPackage, building the layout); the page's items
    cost the same on both sides."""
    _qgis()
    from qgis.core import QgsLayoutExporter, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings  # settings only, as bare

    project = QgsProject.instance()
    load = time.perf_counter()
    if not project.read(str(folder / "profile.qgz")):
        raise SystemExit(f"cannot read {folder / 'profile.qgz'}: {project.error()}")
    layout = project.layoutManager().layouts()[0]
    atlas = layout.atlas()
    atlas.updateFeatures()
    load = time.perf_counter() - load
    wall, cpu = time.perf_counter(), time.process_time()
    QgsLayoutExporter.exportToPdf(atlas, str(folder / "same.pdf"), pdf_settings())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"pages": atlas.count(), "wall": wall, "cpu": cpu, "load_wall": load, "peak_mb": _peak_mb(),
            "bytes": os.path.getsize(folder / "same.pdf")}


def parts(folder: Path, rounds: int = 3) -> dict:
    """Where a page's time goes: the profile layout exported with one of its items at a time (the
    others hidden), beside the bare atlas, all in one process, alternating; ms per page (medians).
    A hidden item is still refreshed on every page, so "nothing shown" is the refresh of all."""
    import statistics

    ours(folder)  # the algorithm (and QGIS): its layout stays in the project
    from qgis.core import QgsLayoutExporter, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

    layout = QgsProject.instance().layoutManager().layouts()[0]
    ids = [i.id() for i in layout.items() if hasattr(i, "id") and i.id().startswith("sr_")]

    def only(*shown):
        def setup():
            for item_id in ids:
                layout.itemById(item_id).setVisibility(not shown or item_id in shown)
        return setup
    variants = {"bare atlas": (bare_layout(folder), only()), "profile page": (layout, only()),
                "nothing shown": (layout, only("none"))}
    variants.update({f"only {item_id}": (layout, only(item_id)) for item_id in ids})
    times = {name: [] for name in variants}
    for _ in range(rounds):
        for name, (lay, setup) in variants.items():
            setup()
            atlas = lay.atlas()
            atlas.updateFeatures()
            cpu = time.process_time()
            QgsLayoutExporter.exportToPdf(atlas, str(folder / "parts.pdf"), pdf_settings())
            times[name].append(1000 * (time.process_time() - cpu) / atlas.count())
    only()()
    return {name: round(statistics.median(ts), 2) for name, ts in times.items()}


def child(mode: str, folder: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(ROOT / "build" / "xdg"))
    env.setdefault("QGIS_CUSTOM_CONFIG_PATH", str(ROOT / "build" / "bench-profile"))
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(folder)], env=env,
                         capture_output=True, text=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{mode} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", help="folder for the files (default: a temporary one)")
    parser.add_argument("--parts", action="store_true",
                        help="where a page's time goes: ms per page with one item of the page shown at a time")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder = args.child
        run = {"prepare": prepare, "ours": ours, "bare": bare, "same": same, "parts": parts}[mode]
        print(json.dumps(run(Path(folder))), flush=True)
        os._exit(0)  # measured and printed: skip tearing down QGIS, nothing is left to save
    folder = Path(args.keep or tempfile.mkdtemp(prefix="profiles_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    child("prepare", folder)
    if args.parts:
        for name, ms in child("parts", folder).items():
            print(f"{name:36s} {ms:6.2f} ms per page")
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        return
    runs = {"ours": [], "bare": [], "same": []}
    for round_ in range(args.rounds):
        for mode in ("ours", "bare", "same"):  # ours first: it writes the GeoPackage and project they read
            runs[mode].append(child(mode, folder))
            r = runs[mode][-1]
            print(f"round {round_ + 1} {mode:4s}: {r['pages']} pages, {r['wall']:.2f} s wall, "
                  f"{r['cpu']:.2f} s cpu, peak {r['peak_mb']:.0f} MB", flush=True)
    best = {m: min(rs, key=lambda r: r["cpu"]) for m, rs in runs.items()}
    o, b, q = best["ours"], best["bare"], best["same"]
    pages = b["pages"]
    print(f"\nbare atlas      : {pages / b['wall']:6.1f} pages/s wall, {pages / b['cpu']:6.1f} pages/s cpu, "
          f"peak {b['peak_mb']:.0f} MB, {b['bytes'] / 1e6:.1f} MB PDF")
    print(f"profiles export : {pages / o['export_wall']:6.1f} pages/s wall, "
          f"{pages / o['export_cpu']:6.1f} pages/s cpu")
    print(f"profiles (all)  : {pages / o['wall']:6.1f} pages/s wall, {pages / o['cpu']:6.1f} pages/s cpu, "
          f"peak {o['peak_mb']:.0f} MB, {o['bytes'] / 1e6:.1f} MB PDF")
    print(f"same layout     : {pages / q['wall']:6.1f} pages/s wall, {pages / q['cpu']:6.1f} pages/s cpu, "
          f"peak {q['peak_mb']:.0f} MB (QGIS alone exporting the layout our run saved)")
    print(f"whole algorithm vs the same layout's atlas (cpu): {o['cpu'] / q['cpu']:.2f}x  (the plugin's own cost)")
    print(f"whole algorithm vs a bare atlas (cpu): {o['cpu'] / b['cpu']:.2f}x; the same layout vs a bare atlas: "
          f"{q['cpu'] / b['cpu']:.2f}x  (what QGIS's items cost)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
