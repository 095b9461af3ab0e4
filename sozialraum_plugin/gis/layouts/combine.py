"""Several print layouts into one multi-page vector PDF (a report's map section).

QGIS exports one layout per PDF; a Sozialbericht wants its maps in one file. Each page of each
layout is rendered into one QPdfWriter, page size taken from the layout page, so the text stays
text and the maps stay vectors.
"""
from __future__ import annotations

from qgis.core import QgsLayoutExporter, QgsLayoutRenderContext, QgsUnitTypes
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ...core.fileio import atomic_path
from ..text_render import layout_text_as_text


def _page_layout(layout, page_index: int) -> QPageLayout:
    page = layout.pageCollection().page(page_index)
    size = layout.renderContext().measurementConverter().convert(
        page.pageSize(), QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    # QPageSize wants portrait dimensions; the orientation turns it (else landscape is turned twice)
    short, long = sorted((size.width(), size.height()))
    qsize = QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter)
    orientation = QPageLayout.Orientation.Landscape if size.width() > size.height() \
        else QPageLayout.Orientation.Portrait
    return QPageLayout(qsize, orientation, QMarginsF(0, 0, 0, 0))


def export_layouts_pdf(layouts: list, path: str, dpi: int = 300, feedback=None) -> int:
    """Write every page of ``layouts`` into the PDF at ``path`` (atomically); returns pages.

    ``feedback`` hears the progress after each page (a report on the main thread keeps its
    window responsive through it) and can cancel: then no file is written."""
    pages = 0
    total = sum(layout.pageCollection().pageCount() for layout in layouts) or 1
    with atomic_path(path, suffix=".part.pdf") as temp:
        writer = QPdfWriter(temp)
        writer.setResolution(dpi)
        writer.setCreator("Sozialraum (QGIS)")
        painter = None
        for layout in layouts:
            layout.renderContext().setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput, True)
            layout_text_as_text(layout)  # renderPage takes no export settings: QGIS 3.40 would draw outlines
            exporter = QgsLayoutExporter(layout)
            for index in range(layout.pageCollection().pageCount()):
                writer.setPageLayout(_page_layout(layout, index))
                if painter is None:
                    painter = QPainter(writer)
                else:
                    writer.newPage()
                exporter.renderPage(painter, index)
                pages += 1
                if feedback is not None:
                    feedback.setProgress(100.0 * pages / total)
                    if feedback.isCanceled():
                        painter.end()
                        raise InterruptedError(path)  # the temporary file is removed
        if painter is not None:
            painter.end()
        del writer  # flushes the PDF before the rename
    return pages
