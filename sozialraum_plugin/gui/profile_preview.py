"""The first page of the profile sheets as an image, drawn by ``sozialraum:profilesheets`` itself.

The algorithm runs on a throw-away project (the user's layouts and layers stay as they are) into a
temporary folder, limited to one district by its FILTER_EXPRESSION (the city values, ranks and
findings are still computed over every district); its layout (the LAYOUT output) is then drawn by
QgsLayoutExporter.renderPageToImage. Only the algorithm's parameters and outputs are used, not the
page's items: the page may be built any way the algorithm likes.
"""
from __future__ import annotations

import functools
import shutil
import tempfile
from dataclasses import dataclass

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsLayoutExporter,
    QgsProcessingContext,
    QgsProject,
)
from qgis.PyQt.QtCore import QCollator, QSize
from qgis.PyQt.QtGui import QImage

ALGORITHM = "sozialraum:profilesheets"
PREVIEW_DPI = 96


@dataclass
class Preview:
    image: QImage | None
    district: str  # the value of the sort field the page shows
    errors: list


def first_value(layer, field: str):
    """The value of ``field`` that comes first in the pages' order (numbers as numbers, text as
    QGIS sorts it: by the locale)."""
    index = layer.fields().indexFromName(field)
    values = [v for v in layer.uniqueValues(index) if v is not None and not (hasattr(v, "isNull") and v.isNull())]
    if not values:
        return None
    if all(isinstance(v, (int, float)) for v in values):
        return min(values)
    collator = QCollator()
    return sorted(values, key=functools.cmp_to_key(lambda a, b: collator.compare(str(a), str(b))))[0]


def first_page_filter(layer, field: str) -> tuple[str, str]:
    """(FILTER_EXPRESSION for the first district, its value as text); ('', '') without one."""
    value = first_value(layer, field)
    if value is None:
        return "", ""
    return QgsExpression.createFieldEqualityExpression(field, value), str(value)


def render_first_page(parameters: dict, layer, sort_field: str, feedback=None, dpi: int = PREVIEW_DPI) -> Preview:
    """Run the algorithm for the first district and draw its page. ``parameters``: those of the
    real run (INPUT is replaced by ``layer`` itself: the throw-away project does not hold it)."""
    from .tasks import CollectingFeedback

    feedback = feedback or CollectingFeedback("preview")
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    if algorithm is None:
        return Preview(None, "", ["sozialraum:profilesheets is not installed"])
    folder = tempfile.mkdtemp(prefix="sozialraum_profile_preview_")
    project = QgsProject()
    try:
        expression, district = first_page_filter(layer, sort_field)
        params = {k: v for k, v in parameters.items() if k != "SEPARATE_FILES"}
        params.update(INPUT=layer, OUTPUT=f"{folder}/preview.pdf")
        if expression:
            params["FILTER_EXPRESSION"] = expression
        context = QgsProcessingContext()
        context.setProject(project)
        results, ok = algorithm.create({}).run(params, context, feedback)
        if not ok:
            return Preview(None, district, list(getattr(feedback, "errors", [])) or ["the preview failed"])
        layout = project.layoutManager().layoutByName(results.get("LAYOUT", ""))
        if layout is None:
            return Preview(None, district, ["the algorithm left no layout"])
        atlas = layout.atlas()
        image = None
        if atlas.enabled() and atlas.beginRender():
            try:
                if atlas.first():
                    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
            finally:
                atlas.endRender()
        else:
            image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
        return Preview(image, district, [])
    finally:
        project.layoutManager().clear()
        project.removeAllMapLayers()  # the layers release their files before the folder goes
        shutil.rmtree(folder, ignore_errors=True)
