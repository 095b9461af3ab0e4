"""What a change to the profile page would save: the layout a run saved (``profile.qgz``, written
by ``profiles_vs_atlas.py``'s "ours") reloaded for every try, changed, and its first N atlas pages
exported; each variant right after the unchanged page, so a busy machine hits both alike.
ms cpu per page; the median of the paired differences is the figure (see /work/notes/perf.md).

    .venv/bin/python bench/profiles_vs_atlas.py --rounds 1 --keep build/pva
    .venv/bin/python bench/profile_variants.py build/pva 120 3 no_detail,no_table,bare,labels_only
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import profiles_vs_atlas as pva

LABELS = ("sr_title", "sr_subtitle", "sr_badge", "sr_legend", "sr_findings_head", "sr_findings", "sr_footer")
SETTINGS: dict = {}  # PDF settings a variant changes
KEEP: list = []  # the bare layout must outlive its export


def remove(*ids):
    def change(layout):
        for item_id in ids:
            item = layout.itemById(item_id)
            if item is None:
                continue
            if item_id == "sr_table":
                layout.removeMultiFrame(item.multiFrame())
            else:
                layout.removeLayoutItem(item)
    return change


def detail_labels_off(layout):
    layout.atlas().coverageLayer().setLabelsEnabled(False)


def symbol_levels_off(layout):
    layout.atlas().coverageLayer().renderer().setUsingSymbolLevels(False)


def label_obstacles_off(layout):
    layer = layout.atlas().coverageLayer()
    labeling = layer.labeling().clone()
    rule = labeling.rootRule().children()[0]
    settings = rule.settings()
    obstacles = settings.obstacleSettings()
    obstacles.setIsObstacle(False)
    settings.setObstacleSettings(obstacles)
    rule.setSettings(settings)
    layer.setLabeling(labeling)


def table_by_filter(layout):
    """The rows through a filter expression instead of the relation (not compiled: scans all rows)."""
    from qgis.core import QgsLayoutItemAttributeTable

    from sozialraum_plugin.gis.layouts.profile_page import table_of

    table = table_of(layout)
    table.setSource(QgsLayoutItemAttributeTable.ContentSource.LayerAttributes)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"pr_id\" = attribute(@atlas_feature, 'pr_id')")


def pdf_simplify_off(layout):
    SETTINGS["simplifyGeometries"] = False


VARIANTS = {
    "base": lambda layout: None, "bare": lambda layout: None,
    "no_detail": remove("sr_detail"), "no_table": remove("sr_table"),
    "no_table_detail": remove("sr_table", "sr_detail"),
    "no_labels": remove(*LABELS), "no_subtitle": remove("sr_subtitle"), "no_findings_head": remove("sr_findings_head"),
    "no_badge": remove("sr_badge"), "no_chart": remove("sr_chart"),
    "no_locator": remove("sr_locator", "sr_locator_city"),
    "labels_only": remove("sr_table", "sr_detail", "sr_locator", "sr_locator_city", "sr_chart"),
    "no_detail_labels": detail_labels_off, "no_symbol_levels": symbol_levels_off,
    "no_obstacle": label_obstacles_off, "table_filter": table_by_filter, "pdf_nosimplify": pdf_simplify_off,
}


def export(folder: Path, name: str, pages: int) -> float:
    from qgis.core import QgsLayoutExporter, QgsProject

    from sozialraum_plugin.gis.layouts.profile_atlas import pdf_settings

    SETTINGS.clear()
    project = QgsProject.instance()
    project.read(str(folder / "profile.qgz"))
    layout = project.layoutManager().layouts()[0]
    if name == "bare":
        layout = pva.bare_layout(folder)
        KEEP[:] = [layout]
    VARIANTS[name](layout)
    atlas = layout.atlas()
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression(f"$id <= {pages}")
    atlas.updateFeatures()
    settings = pdf_settings()
    for key, value in SETTINGS.items():
        setattr(settings, key, value)
    cpu = time.process_time()
    QgsLayoutExporter.exportToPdf(atlas, str(folder / f"variant_{name}.pdf"), settings)
    return 1000 * (time.process_time() - cpu) / atlas.count()


def main() -> None:
    folder, pages, rounds, names = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        raise SystemExit(f"unknown variants {unknown}; known: {', '.join(VARIANTS)}")
    pva._qgis()
    pairs = {n: [] for n in names if n != "base"}
    for round_ in range(rounds):
        for name in pairs:
            pair = export(folder, "base", pages), export(folder, name, pages)
            pairs[name].append(pair)
            print(f"round {round_ + 1} {name:20s} page {pair[0]:6.2f}  variant {pair[1]:6.2f}", flush=True)
    for name, measured in pairs.items():
        diffs = [v - b for b, v in measured]
        print(f"{name:20s} page {statistics.median(b for b, _ in measured):6.2f}  variant "
              f"{statistics.median(v for _, v in measured):6.2f}  paired difference {statistics.median(diffs):+6.2f} "
              f"ms/page {[round(d, 1) for d in diffs]}", flush=True)


if __name__ == "__main__":
    main()
    import os

    os._exit(0)  # skip tearing down QGIS: nothing is left to save
