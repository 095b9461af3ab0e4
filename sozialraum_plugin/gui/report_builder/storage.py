"""Where a builder's definition lives: a project entry (so next year's planner finds it in the
project) and a JSON file (``core.report.definition.save``, atomic), paths relative to the file."""
from __future__ import annotations

import json
import os

from ...core.report.definition import ReportDefinition, load, save

SCOPE = "sozialraum"
KEY = "report_definition"
PATH_KEY = "report_definition_path"
LAST_RUN_KEY = "definition"  # what sozialraum:report keeps of its last run (see report.py)


def to_project(definition: ReportDefinition, project, path: str = "") -> None:
    project.writeEntry(SCOPE, KEY, definition.with_absolute_paths().to_json())
    project.writeEntry(SCOPE, PATH_KEY, path or "")


def from_project(project):
    """(definition, its file) kept in the project, the builder's or else the last run's; (None, '')."""
    for key in (KEY, LAST_RUN_KEY):
        text, ok = project.readEntry(SCOPE, key, "")
        if ok and text.strip():
            path, _ok = project.readEntry(SCOPE, PATH_KEY if key == KEY else "definition_path", "")
            # no file of its own (the report's Sozialbericht.qgz): its paths are relative to the project's folder
            base = os.path.dirname(path) if path else project.absolutePath()
            return ReportDefinition.from_dict(json.loads(text), base_dir=base, file="project"), path
    return None, ""


def relative_to(path: str, folder: str) -> str:
    """``path`` relative to ``folder`` when both lie below one folder other than the root (the
    definition in ``Berichte/2022``, the tables in ``Daten``: ``../../Daten/…``, and the pair moves
    together, as QGIS keeps a project's paths), else as it is (another drive, only ``/`` shared)."""
    if not path or not os.path.isabs(path):
        return path
    file, folder = os.path.abspath(path), os.path.abspath(folder)
    try:
        common = os.path.commonpath([file, folder])
    except ValueError:  # other drive (Windows)
        return path
    if os.path.dirname(common) == common:  # only the root (or the drive) in common
        return path
    # '/' also on Windows: Windows reads it, and a colleague's Linux or macOS too
    return os.path.relpath(file, folder).replace(os.sep, "/")


def to_file(definition: ReportDefinition, path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    copy = definition.with_absolute_paths()
    copy.boundaries = relative_to(copy.boundaries, folder)
    for table in copy.tables:
        table.path = relative_to(table.path, folder)
    for name in ("logo", "map_template", "profile_template"):
        setattr(copy.style, name, relative_to(getattr(copy.style, name), folder))
    save(copy, path)


def from_file(path: str) -> ReportDefinition:
    return load(path)
