"""Exporting a layout to PDF (vector), PNG or SVG, written atomically.

Every file is first written under a temporary name in the destination folder and then moved into
place with ``os.replace``: a failed or cancelled export never leaves a half-written map where the
previous good one was. A series of maps is one layout with one page per map, so a multi-page PDF
comes straight from ``QgsLayoutExporter.exportToPdf`` (QGIS 3.22 cannot merge PDFs); PNG and SVG
write one file per page, the first at the requested name and the others with ``_2``, ``_3``…
(QGIS's own naming).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from qgis.core import QgsLayoutExporter
from qgis.PyQt.QtCore import QCoreApplication

from ...core.fileio import locked, replace_file
from ..classify import MapError
from ..text_render import text_as_text

translate = QCoreApplication.translate

FORMATS = (".pdf", ".png", ".svg")


@contextmanager
def _quiet_gdal():
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - QGIS always ships GDAL's bindings
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def output_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise MapError("map_output_format", file=path)
    return suffix


def page_file(path: str, page: int) -> str:
    """QGIS's naming of pages after the first: ``map.png``, ``map_2.png``, …"""
    if page == 0:
        return path
    p = Path(path)
    return str(p.with_name(f"{p.stem}_{page + 1}{p.suffix}"))


def _export(exporter: QgsLayoutExporter, suffix: str, target: str, dpi: int):
    if suffix == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.forceVectorOutput = True
        settings.rasterizeWholeImage = False
        settings.textRenderFormat = text_as_text()
        settings.simplifyGeometries = True
        settings.exportMetadata = True
        return exporter.exportToPdf(target, settings)
    if suffix == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.generateWorldFile = False
        with _quiet_gdal():  # QGIS tries to georeference every image; GDAL cannot update a PNG
            return exporter.exportToImage(target, settings)
    settings = QgsLayoutExporter.SvgExportSettings()
    settings.dpi = dpi
    settings.forceVectorOutput = True
    settings.textRenderFormat = text_as_text()
    settings.exportAsLayers = False
    return exporter.exportToSvg(target, settings)


def export_layout(layout, path: str, dpi: int = 300) -> list[str]:
    """Write ``layout`` to ``path`` (format from the suffix); returns the files written."""
    suffix = output_format(path)
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        work = tempfile.mkdtemp(prefix=f".{Path(path).stem}.", suffix=".part", dir=folder)
    except PermissionError as error:
        raise locked(path, error) from None
    try:
        temp = os.path.join(work, Path(path).name)
        result = _export(QgsLayoutExporter(layout), suffix, temp, int(dpi))
        if result != QgsLayoutExporter.ExportResult.Success:
            raise MapError("map_export_failed", file=path, reason=_reason(result))
        pages = 1 if suffix == ".pdf" else layout.pageCollection().pageCount()
        written = []
        for page in range(pages):
            produced = page_file(temp, page)
            if not os.path.exists(produced):
                reason = translate("Export", "{name} is missing").format(name=Path(produced).name)
                raise MapError("map_export_failed", file=path, reason=reason)
            written.append((produced, page_file(os.path.abspath(path), page)))
        for produced, final in written:  # only now touch the destination
            replace_file(produced, final)
        return [final for _, final in written]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _reason(result) -> str:
    names = {
        QgsLayoutExporter.ExportResult.Canceled: translate("Export", "cancelled"),
        QgsLayoutExporter.ExportResult.MemoryError: translate("Export", "out of memory"),
        QgsLayoutExporter.ExportResult.FileError: translate("Export", "the file cannot be written"),
        QgsLayoutExporter.ExportResult.PrintError: translate("Export", "printing failed"),
        QgsLayoutExporter.ExportResult.SvgLayerError: translate("Export", "SVG layer error"),
        QgsLayoutExporter.ExportResult.IteratorError: translate("Export", "atlas error"),
    }
    return names.get(result, str(result))
