"""Text stays text in every PDF and SVG the plugin writes (searchable, selectable, pdftotext).

QGIS 3.22 draws layout labels with QPainter, so a PDF had text whatever was asked; QGIS 3.40
draws them with QgsTextRenderer, which turns text into outlines unless the render context asks
for text. Every export path therefore asks, through these two helpers (one place for the enum,
whose name moved from ``QgsRenderContext.TextRenderFormat`` to ``Qgis.TextRenderFormat``).
"""
from __future__ import annotations


def text_as_text():
    """The "always text" render format of the running QGIS."""
    from qgis.core import Qgis

    return Qgis.TextRenderFormat.AlwaysText  # 3.22 and later (the plugin's minimum)


def layout_text_as_text(layout) -> None:
    """For renders that do not go through export settings (``QgsLayoutExporter.renderPage``)."""
    layout.renderContext().setTextRenderFormat(text_as_text())
