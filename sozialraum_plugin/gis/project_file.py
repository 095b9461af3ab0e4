"""A QGIS project file of a report's results, built apart from the user's project.

The report's layouts live in the user's project, where they reference their layers by id. The file
gets a project of its own (never the user's: nothing there is cleared, saved or renamed):

* each layer the layouts use is copied through its XML, with its id, style and source, so the
  layouts copied after it (also through XML, atlas included) find their layers by the same ids;
* picture files outside the output folder (north arrow, logo) are copied into ``<name>_files/``,
  and a picture whose data-defined path is a column of absolute paths under the output folder
  (the profile charts) reads them from ``@project_folder``: the folder can be moved or copied;
* paths are stored relative to the project file, which is written under a temporary name in the
  output folder and then renamed (core/fileio): relative paths come out the same.

Fonts are stored by family name, as QGIS always does; a machine without the family draws its
substitute (the layouts use common families: see layouts/fonts.py).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

from qgis.core import (
    QgsExpression,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRasterLayer,
    QgsReadWriteContext,
    QgsRelation,
    QgsRelationContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import SozialraumError
from ..core.fileio import atomic_path


@dataclass
class ProjectGroup:
    """A layer-tree group of the file: a group of the user's project to mirror, or loose layers."""

    name: str
    source_group: object = None  # QgsLayerTreeGroup of the user's project
    layers: list = field(default_factory=list)  # loose layers (shown unchecked)
    checked: bool = True


def layout_layers(layout: QgsPrintLayout) -> list:
    """Every layer ``layout`` references: map items' locked layers, legend entries, atlas coverage,
    attribute tables (the profile page's rows)."""
    found = []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            found += item.layers()
        elif isinstance(item, QgsLayoutItemLegend):
            found += [node.layer() for node in item.model().rootGroup().findLayers()]
    found += [table.vectorLayer() for table in layout.multiFrames() if isinstance(table, QgsLayoutItemAttributeTable)]
    atlas = layout.atlas()
    if atlas.enabled() and atlas.coverageLayer() is not None:
        found.append(atlas.coverageLayer())
    return list({layer.id(): layer for layer in found if layer is not None}.values())


def copy_layer(layer):
    """A new layer object with ``layer``'s id, source and style (its XML read back)."""
    doc = QDomDocument("qgis")
    element = doc.createElement("maplayer")
    context = QgsReadWriteContext()  # no path resolver: absolute paths, made relative on saving
    layer.writeLayerXml(element, doc, context)
    copy = QgsRasterLayer() if isinstance(layer, QgsRasterLayer) else QgsVectorLayer()
    copy.readLayerXml(element, context)
    return copy


def copy_layout(layout: QgsPrintLayout, project) -> QgsPrintLayout:
    """``layout`` in ``project``, through its XML; its layers must be in ``project`` already."""
    doc = QDomDocument("qgis")
    context = QgsReadWriteContext()
    element = layout.writeXml(doc, context)
    copy = QgsPrintLayout(project)
    if not copy.readXml(element, doc, context):
        raise SozialraumError("project_write_failed", file=layout.name(), reason="layout XML")
    copy.setName(layout.name())
    return copy


def _sign_again(layout) -> None:
    """A profile layout's mark of how the run left it (profile_atlas.keep_edits), for the copy
    with its pictures' paths made relative: else a re-run with the project open took them for
    the planner's edits."""
    from .layouts.profile_atlas import SIGNATURE, sign

    if layout.customProperty(SIGNATURE):
        sign(layout)


def _copy_relations(layouts: list, project, copies: dict) -> None:
    """The relations between copied layers (the profile table shows the atlas district's rows
    through one; without it the page's table is empty in the written project)."""
    sources = {layout.project() for layout in layouts if layout.project() is not None}
    for source in sources:
        for relation in source.relationManager().relations().values():
            if relation.referencedLayerId() not in copies or relation.referencingLayerId() not in copies:
                continue
            copy = QgsRelation(QgsRelationContext(project))  # else it looks its layers up in QgsProject.instance()
            copy.setId(relation.id())
            copy.setName(relation.name())
            copy.setReferencedLayer(relation.referencedLayerId())
            copy.setReferencingLayer(relation.referencingLayerId())
            for referencing, referenced in relation.fieldPairs().items():  # (PyQGIS: a dict)
                copy.addFieldPair(referencing, referenced)
            project.relationManager().addRelation(copy)


class _Pictures:
    """Picture files of the layouts, made to travel with the output folder."""

    def __init__(self, folder: str, files_folder: str):
        self.folder = os.path.abspath(folder)
        self.files_folder = files_folder
        self.copied: dict[str, str] = {}

    def inside(self, path: str) -> bool:
        try:
            return os.path.commonpath([self.folder, os.path.abspath(path)]) == self.folder
        except ValueError:  # another drive (Windows)
            return False

    def static(self, path: str) -> str:
        """A file outside the output folder is copied into the files folder (once)."""
        if not path or path.startswith((":", "base64:", "http://", "https://")) or not os.path.isfile(path) \
                or self.inside(path):
            return path
        if path not in self.copied:
            os.makedirs(self.files_folder, exist_ok=True)
            stem, suffix = os.path.splitext(os.path.basename(path))
            target, n = os.path.join(self.files_folder, stem + suffix), 1
            # only this run's copies are kept apart: last run's file of the name is replaced, so a
            # re-run into the same folder does not pile up wappen_2.svg, wappen_3.svg, …
            while target in self.copied.values():
                n += 1
                target = os.path.join(self.files_folder, f"{stem}_{n}{suffix}")
            shutil.copyfile(path, target)
            self.copied[path] = target
        return self.copied[path]

    def data_defined(self, item: QgsLayoutItemPicture, coverage) -> None:
        """A column of absolute paths in one folder under the output folder → read from the
        project's folder: ``@project_folder || '/<folder>/' || file_name("<column>")``."""
        key = QgsLayoutObject.DataDefinedProperty.PictureSource
        prop = item.dataDefinedProperties().property(key)
        if coverage is None or not prop.isActive():
            return
        column = prop.field()  # a field-based property; else an expression that is one column
        text = prop.expressionString().strip()
        if not column and text:
            names = list(QgsExpression(text).referencedColumns())
            column = names[0] if len(names) == 1 and text in (names[0], QgsExpression.quotedColumnRef(names[0])) else ""
        if not column or coverage.fields().indexFromName(column) < 0:
            return
        folders = {os.path.dirname(str(f[column])) for f in coverage.getFeatures() if f[column]}
        if len(folders) != 1:
            return
        folder = folders.pop()
        if not os.path.isabs(folder) or not self.inside(folder):
            return
        relative = os.path.relpath(folder, self.folder).replace(os.sep, "/")
        item.dataDefinedProperties().setProperty(key, QgsProperty.fromExpression(
            f"@project_folder || '/{relative}/' || file_name({QgsExpression.quotedColumnRef(column)})"))

    def fix(self, layout: QgsPrintLayout) -> None:
        coverage = layout.atlas().coverageLayer() if layout.atlas().enabled() else None
        for item in layout.items():
            if isinstance(item, QgsLayoutItemPicture):
                path = item.picturePath()
                moved = self.static(path)
                if moved != path:
                    item.setPicturePath(moved)
                self.data_defined(item, coverage)


def _mirror(source_group, target_group, layers: dict) -> None:
    """``source_group``'s subgroups and layers (by id) with their check state, in order."""
    from qgis.core import QgsLayerTree

    for node in source_group.children():
        if QgsLayerTree.isGroup(node):
            sub = target_group.addGroup(node.name())
            sub.setItemVisibilityChecked(node.itemVisibilityChecked())
            _mirror(node, sub, layers)
        elif QgsLayerTree.isLayer(node) and node.layerId() in layers:
            added = target_group.addLayer(layers[node.layerId()])
            added.setItemVisibilityChecked(node.itemVisibilityChecked())


def _relative_paths(project) -> None:
    from qgis.core import Qgis

    project.setFilePathStorage(Qgis.FilePathType.Relative)  # 3.22 and later (the plugin's minimum)


def _tidy_archive(archive: str, stem: str, folder: str) -> None:
    """QGIS names the .qgs inside a .qgz after the file's name, here the temporary one: renamed
    to ``stem`` (what QGIS would have written for the real name). And the layer references QGIS
    keeps beside a layer's id (a map's layers, the atlas coverage) hold the absolute source, which
    would carry the author's folder into a file passed on: they are made relative like the rest
    (the ids find the layers; the source is only a fallback)."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    # the folder as the layers were given it ("out/../Bericht", relative in qgis_process) and as it is
    spellings = {folder, os.path.abspath(folder), os.path.realpath(folder)}
    prefixes = sorted({'="' + escape(f.replace(os.sep, "/").rstrip("/"), {'"': "&quot;"}) + "/" for f in spellings},
                      key=len, reverse=True)  # the longest first: one spelling may begin another
    with zipfile.ZipFile(archive) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            suffix = info.filename[-4:]  # (not splitext: the temporary name begins with a dot)
            if suffix in (".qgs", ".qgd"):
                info.filename = stem + suffix
            if suffix == ".qgs":
                text = data.decode("utf-8")
                # QGIS signs the file with the saver's login and full name (<qgis saveUser=… saveUserFull=…>):
                # personal data of the author in a file passed on (the setting that stops it is global)
                start = text.find("<qgis ")
                if start >= 0:  # the root element's line (a '>' in the title may stand inside it)
                    end = text.find("\n", start)
                    end = len(text) if end < 0 else end
                    text = text[:start] + re.sub(r'\s+saveUser(?:Full)?="[^"]*"', "", text[start:end]) + text[end:]
                for prefix in prefixes:
                    text = text.replace(prefix, '="./')
                data = text.encode("utf-8")
            target.writestr(info, data)


def write_project(path: str, title: str, layouts: list, groups: list, crs=None, entries: dict | None = None) -> None:
    """Write ``path`` (.qgz): one top group ``title`` holding ``groups`` (ProjectGroup), then the
    copies of ``layouts`` (QgsPrintLayout of the user's project). ``entries``: (scope, key) → text
    project entries (e.g. the report definition)."""
    given = os.path.dirname(path) or "."  # as the report's layers name it (see _tidy_archive)
    folder = os.path.abspath(given)
    files_folder = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + "_files")
    project = QgsProject()
    try:
        _relative_paths(project)
        project.setTitle(title)
        metadata = project.metadata()  # a new project's author is the login's full name: not passed on
        metadata.setAuthor("")
        project.setMetadata(metadata)
        if crs is not None and crs.isValid():
            project.setCrs(crs)
        copies = {}  # id → the copy in the new project
        wanted = [layer for layout in layouts for layer in layout_layers(layout)]
        wanted += [layer for group in groups for layer in group.layers]
        if any(group.source_group is not None for group in groups):
            wanted += [node.layer() for group in groups if group.source_group is not None
                       for node in group.source_group.findLayers() if node.layer() is not None]
        for layer in wanted:
            if layer.id() not in copies:
                copies[layer.id()] = copy_layer(layer)
                project.addMapLayer(copies[layer.id()], False)
        top = project.layerTreeRoot().addGroup(title)
        placed = set()
        for group in groups:
            target = top.addGroup(group.name) if group.name else top
            target.setItemVisibilityChecked(group.checked)
            if group.source_group is not None:
                _mirror(group.source_group, target, copies)
            for layer in group.layers:
                target.addLayer(copies[layer.id()]).setItemVisibilityChecked(False)
            placed |= {node.layerId() for node in target.findLayers()}
        for layer_id, layer in copies.items():  # used by a layout only (an atlas coverage): kept off
            if layer_id not in placed:
                top.addLayer(layer).setItemVisibilityChecked(False)
        _copy_relations(layouts, project, copies)
        pictures = _Pictures(folder, files_folder)
        for layout in layouts:
            copy = copy_layout(layout, project)
            pictures.fix(copy)
            _sign_again(copy)
            project.layoutManager().addLayout(copy)
        for (scope, key), value in (entries or {}).items():
            project.writeEntry(scope, key, value)
        with atomic_path(path, suffix=".part.qgz") as temp:  # .qgz: QGIS zips by the suffix
            if not project.write(temp):
                raise SozialraumError("project_write_failed", file=path, reason=project.error())
            _tidy_archive(temp, os.path.splitext(os.path.basename(path))[0], given)
    finally:
        project.layoutManager().clear()
        project.clear()
        del project
