"""Styles stored with the data: a map's classes and hatched rules as one rule-based renderer in
the GeoPackage's ``layer_styles`` (moved out of styles.py, which re-exports these names)."""
from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from .classify import default_words

translate = QCoreApplication.translate


# --- styles stored with the data -----------------------------------------------------------------

def is_gpkg_layer(layer: QgsVectorLayer) -> bool:
    source = layer.source().split("|", 1)[0]
    return layer.providerType() == "ogr" and source.lower().endswith(".gpkg")


def range_rules(renderer: QgsGraduatedSymbolRenderer) -> QgsRuleBasedRenderer:
    """Rules with the graduated renderer's first-match semantics and exact bounds (QGIS's own
    conversion prints 6 decimals, which can drop the minimum and moves the MSS +1,5 edge)."""
    root = QgsRuleBasedRenderer.Rule(None)
    expr, previous = f"({renderer.classAttribute()})", None
    for item in renderer.ranges():
        lo, hi = item.lowerValue(), item.upperValue()
        if lo == hi:
            condition = f"{expr} = {lo!r}"
        else:
            above = ">" if previous is not None and previous >= lo else ">="
            condition = f"{expr} {above} {lo!r} AND {expr} <= {hi!r}"
        root.appendChild(QgsRuleBasedRenderer.Rule(item.symbol().clone(), 0, 0, condition, item.label()))
        previous = hi
    return QgsRuleBasedRenderer(root)


def combined_renderer(renderer, nodata: QgsCategorizedSymbolRenderer | None, layer: QgsVectorLayer):
    """The classes plus the hatched rules in one rule-based renderer: what is saved with the data,
    so the layer opens complete (no blank holes) wherever it is loaded."""
    if nodata is None:
        return renderer.clone()
    if isinstance(renderer, QgsGraduatedSymbolRenderer):
        combined = range_rules(renderer)
    else:
        combined = QgsRuleBasedRenderer.convertFromRenderer(renderer, layer)
    if combined is None:
        return renderer.clone()
    root = combined.rootRule()
    for category in nodata.categories():
        expression = f"({nodata.classAttribute()}) = '{category.value()}'"
        root.appendChild(QgsRuleBasedRenderer.Rule(category.symbol().clone(), 0, 0, expression,
                                                   category.label()))
    return combined


def save_style_to_gpkg(layer: QgsVectorLayer, name: str, renderer, default: bool = True, words=None) -> str:
    """Store the style in the GeoPackage's ``layer_styles``; '' on success, else the reason.

    Only GeoPackages are written to: shapefiles, CSVs and databases are never touched.
    """
    if not is_gpkg_layer(layer):
        return translate("Styles", "not a GeoPackage layer")
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    target = QgsVectorLayer(layer.source(), layer.name(), "ogr", options)
    target.setRenderer(renderer.clone())  # the layer takes ownership: never hand it the caller's
    if layer.labelsEnabled() and layer.labeling() is not None:
        target.setLabeling(layer.labeling().clone())
    target.setLabelsEnabled(layer.labelsEnabled())
    # QGIS 3.22 asks "overwrite?" in a modal QMessageBox when the name exists (a hang without a
    # display): remove the old style of that name first, then save.
    _count, ids, names, _descriptions, _error = target.listStylesInDatabase()
    for style_id, style_name in zip(ids, names):
        if style_name == name:
            target.deleteStyleFromDatabase(style_id)
    description = default_words(words).translate("MapText", "Sozialraum map")
    return target.saveStyleToDatabase(name, description, default, "") or ""
