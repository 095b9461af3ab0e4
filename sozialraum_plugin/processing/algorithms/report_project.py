"""The report's QGIS project: Sozialbericht.qgz beside the PDFs (gis/project_file.py).

It holds the styled map layers (copies of the published sozialraum.gpkg, never the internal one),
the map layouts and the profile atlas as the report left them in the user's project, so that the
planner opens one file and finishes the pages by hand. Runs on the main thread, after the layouts.
"""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsLayoutItemMap, QgsProject, QgsVectorLayer

PROJECT_FILE = "Sozialbericht.qgz"
DATA_PROPERTY = "sozialraum/report_data"  # marks the file's plain data layer: a re-run releases it (report_steps)


def write_report_project(run, uri: str, steps) -> str:
    """Write ``PROJECT_FILE`` into the run's folder; returns its path."""
    from ...gis.project_file import ProjectGroup, write_project
    from ...toolbelt.i18n import output_words

    words = output_words(run.d.language or None)
    project = run.context.project() or QgsProject.instance()
    manager, root = project.layoutManager(), project.layerTreeRoot()
    names = list(getattr(run, "map_layouts", []))
    layouts = [manager.layoutByName(name) for name in names]
    groups = [ProjectGroup(name, root.findGroup(name)) for name, layout in zip(names, layouts)
              if layout is not None and root.findGroup(name) is not None]
    profile = manager.layoutByName(getattr(run, "profile_layout", "") or "") if getattr(run, "profile_layout", "") \
        else None
    if profile is not None and profile.atlas().coverageLayer() is not None:
        groups.append(ProjectGroup(words.translate("ReportProject", "Profile pages (atlas)"),
                                   layers=[profile.atlas().coverageLayer()], checked=False))
    data = QgsVectorLayer(uri, words.translate("ReportProject", "All indicators"), "ogr")
    if data.isValid():
        data.setCustomProperty(DATA_PROPERTY, True)
        groups.append(ProjectGroup(words.translate("ReportProject", "Data"), layers=[data], checked=False))
    layouts = [layout for layout in layouts if layout is not None] + ([profile] if profile is not None else [])
    maps = [item for layout in layouts for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    crs = next((item.crs() for item in maps if item.crs().isValid()), None)
    path = os.path.join(run.folder, PROJECT_FILE)
    write_project(path, run.d.title or words.translate("ReportProject", "Social report"), layouts, groups, crs,
                  # paths as the folder travels: no folder of the author's machine in a file passed on
                  entries={("sozialraum", "definition"): run.d.for_passing_on(run.folder).to_json()})
    steps.pushInfo(words.translate("ReportProject", "QGIS project with the layers and layouts: {0}").format(path))
    if profile is not None and QgsApplication.instance().platform() == "qgis_process":
        # qgis_process 3.22 crashes on exit with layers left in its project (profile_atlas.make_sheets)
        from ...gis.layouts.profile_atlas import remove_previous

        remove_previous(project, profile.name())
    return path
