"""Text and legends measured as the PDF export will measure them, before anything is painted.

QGIS 3.40 sizes a legend and lays out label text with the painter's device at export; measured
without a painter, a legend came out up to 2.6 mm larger than on the exported page (54.19 mm
before export, 52.95 mm after) and a pre-wrapped line could be wrapped again by the label.
So legends are measured with a painter on a PDF device at the layout's DPI (what
``QgsLayoutExporter.exportToPdf`` paints with), and a line of text fits only if it fits by both
QGIS's layout metrics (3.22 labels) and its text renderer's (3.40 labels and legends).
"""
from __future__ import annotations

from contextlib import contextmanager

from qgis.core import (
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsRenderContext,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QBuffer, QIODevice
from qgis.PyQt.QtGui import QFont, QPainter, QPdfWriter


@contextmanager
def pdf_painter(dpi: float):
    """A painter on an in-memory PDF page at ``dpi``: the device an export measures text with."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(round(dpi)))
    painter = QPainter(writer)
    try:
        yield painter
    finally:
        painter.end()


def legend_size(legend):
    """The legend's content size in mm, measured now as the PDF export will: ``adjustBoxSize``
    does nothing until the item has been painted once, and a size measured without a painter
    differs from the exported one on QGIS 3.40."""
    layout = legend.layout()
    dpi = layout.renderContext().dpi()
    with pdf_painter(dpi) as painter:
        context = QgsLayoutUtils.createRenderContextForLayout(layout, painter, dpi)
        return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)


def text_width_mm(font: QFont, text: str) -> float:
    """The wider of QGIS's two measures of one line of ``font`` (points) in mm (the text
    renderer's width does not depend on the device, so no painter is needed here)."""
    text_format = QgsTextFormat.fromQFont(font)
    text_format.setSize(font.pointSizeF())
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    context = QgsRenderContext()
    context.setScaleFactor(300 / 25.4)  # dots per mm: widths come back in dots
    rendered = QgsTextRenderer.textWidth(context, text_format, [text]) / context.scaleFactor()
    return max(QgsLayoutUtils.textWidthMM(font, text), rendered)
