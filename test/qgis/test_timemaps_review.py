"""Review of the maps over time (issue 15, part 3): change maps where no district changed, pooled
years where one year shows nothing, the shared legend's title. Each test failed before its fix."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeatureRequest, QgsField, QgsLayoutItemLegend, QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtGui import QColor
from test_timemaps import SHARES, pdftext, run_map, tab_18, thematic_layers

from sozialraum_plugin.gis import field_types


@pytest.fixture(scope="module")
def table(sample_dir):
    return tab_18(sample_dir)


def write_fields(sample_dir, folder, columns: dict) -> str:
    """Flensburg's Stadtteile with ``columns`` (name → function of the Stadtteil number)."""
    layer = QgsVectorLayer(str(sample_dir / "flensburg" / "Stadtteile.shp"), "st", "ogr").materialize(
        QgsFeatureRequest())
    layer.dataProvider().addAttributes([QgsField(name, field_types.DOUBLE) for name in columns])
    layer.updateFields()
    changes = {f.id(): {layer.fields().indexFromName(name): value(int(f["AREA_ID"][-2:]))
                        for name, value in columns.items()} for f in layer.getFeatures()}
    layer.dataProvider().changeAttributeValues(changes)
    path = str(folder / "stadtteile.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "stadtteile"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return path


def _colour(renderer, value) -> QColor:
    return QColor(renderer.rangeForValue(value).symbol().color().name())


def saved_and_read(renderer):
    """The renderer as a project (.qgz) or a GeoPackage's saved style gives it back: its XML."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    element = renderer.save(doc, QgsReadWriteContext())
    return QgsGraduatedSymbolRenderer.create(element, QgsReadWriteContext())


def _neutral(colour: QColor) -> bool:
    return max(colour.red(), colour.green(), colour.blue()) - min(colour.red(), colour.green(), colour.blue()) < 12


@pytest.mark.parametrize("invert", [False, True])
def test_no_change_is_drawn_neutral_not_as_a_fall(provider, sample_dir, table, tmp_path, invert):
    """An even number of classes has 0 as an edge: a district whose share did not change (Weiche in
    the published shares 2019 → 2021: 8,1 → 8,1) was coloured as the lightest *fall* (blue, or
    red for direction −1: 'more need'). No change is neutral, in a class of its own."""
    change = {k: round(float(table.loc[k, SHARES[3]] - table.loc[k, SHARES[1]]), 1) for k in table.index}
    change[6] = 0.0
    path = write_fields(sample_dir, tmp_path, {"D": lambda k: change[k]})
    result = run_map(provider, path, tmp_path / "wandel.pdf", FIELD="D", METHOD="diverging", CLASSES=4,
                     UNIT="%-Pkt.", INVERT=invert, TITLE=f"Veränderung null {invert}")
    renderer = thematic_layers(result["LAYOUT"])[0].renderer()
    assert _neutral(_colour(renderer, 0.0)), renderer.rangeForValue(0.0).label()
    falling, rising = _colour(renderer, -0.4), _colour(renderer, 0.4)
    assert not _neutral(falling) and not _neutral(rising)
    warm, cool = (falling, rising) if invert else (rising, falling)
    assert warm.red() > warm.blue() and cool.blue() > cool.red()
    labels = [r.label() for r in renderer.ranges()]
    zero = renderer.rangeForValue(0.0).label()
    assert zero.startswith("keine Veränderung (0 %-Pkt.)") and zero.endswith("(n\u00a0=\u00a01)"), labels
    assert sum(int(label.rsplit("=", 1)[1].strip(" )\u00a0")) for label in labels) == len(table)
    assert "keine Veränderung (0 %-Pkt.) (n = 1)" in pdftext(tmp_path / "wandel.pdf")
    # the same in the report's project and a saved style (bounds written with 15 decimals), and for a
    # difference of two equal rates that is 0 but for the floats' last bit
    for drawn in (renderer, saved_and_read(renderer)):
        for nothing in (0.0, -0.0, 0.3 - 0.1 - 0.2, -(0.3 - 0.1 - 0.2)):
            assert _neutral(_colour(drawn, nothing)), (nothing, drawn.rangeForValue(nothing).label())
        assert not _neutral(_colour(drawn, -0.05)) and not _neutral(_colour(drawn, 0.05))


def test_all_zero_changes_are_all_neutral(provider, sample_dir, tmp_path):
    path = write_fields(sample_dir, tmp_path, {"D": lambda k: 0.0})
    result = run_map(provider, path, tmp_path / "null.pdf", FIELD="D", METHOD="diverging", CLASSES=6,
                     UNIT="%-Pkt.", TITLE="Keine Veränderung")
    renderer = thematic_layers(result["LAYOUT"])[0].renderer()
    assert _neutral(_colour(renderer, 0.0))
    assert "keine Veränderung (0 %-Pkt.) (n = 13)" in pdftext(tmp_path / "null.pdf")


def test_a_year_without_any_shown_value_is_hatched_not_an_error(provider, sample_dir, table, tmp_path):
    """Pooled years where one year shows nothing (not delivered, or every cell hidden): the page
    failed with 'S_2020 has no value in any area'. That year's map is all 'keine Daten', the
    classes come from the other years, the legend says so."""
    path = write_fields(sample_dir, tmp_path, {
        "S_2019": lambda k: float(table.loc[k, SHARES[1]]), "S_2020": lambda k: None,
        "S_2021": lambda k: float(table.loc[k, SHARES[3]])})
    out = tmp_path / "jahre.pdf"
    result = run_map(provider, path, out, FIELD="S_2019", SERIES_FIELDS=["S_2020", "S_2021"], METHOD="equal",
                     CLASSES=4, SMALL_MULTIPLES=True, UNIT="%", TITLE="Ein Jahr fehlt")
    layers = thematic_layers(result["LAYOUT"])
    assert len(layers) == 3 and len({tuple((r.lowerValue(), r.upperValue()) for r in layer.renderer().ranges())
                                     for layer in layers}) == 1
    shown = [float(table.loc[k, s]) for s in (SHARES[1], SHARES[3]) for k in table.index]
    ranges = layers[0].renderer().ranges()
    assert ranges[0].lowerValue() == pytest.approx(min(shown)) and ranges[-1].upperValue() == pytest.approx(max(shown))
    text = pdftext(out)
    assert "2020" in text and "keine Daten" in text
    pooled = run_map(provider, path, tmp_path / "seiten.pdf", FIELD="S_2019", SERIES_FIELDS=["S_2020", "S_2021"],
                     METHOD="equal", CLASSES=4, POOLED=True, UNIT="%", TITLE="Ein Jahr fehlt, Seiten")
    assert pooled["PAGES"] == 3 and "keine Daten (n = 13)" in pdftext(tmp_path / "seiten.pdf")


@pytest.mark.parametrize("shown, common", [("S3_2019 (%)", "S3 (%)"), ("Anteil_in_%_2018", "Anteil_in_%"),
                                           ("2021_Anteil (%)", "Anteil (%)"), ("Quote 2019 (%)", "Quote (%)"),
                                           ("S3_2019", "S3")])
def test_shared_legend_title_keeps_the_space_before_the_unit(shown, common):
    """The small multiples' legend title is the field's shown name without its year: 'S3_2019 (%)'
    came out 'S3(%)' (the year was cut with the marks on both sides)."""
    from sozialraum_plugin.gis.layouts.small_multiples import without_year

    assert without_year(shown) == common


def test_small_multiples_legend_title_in_the_pdf(provider, sample_dir, table, tmp_path):
    def share(column):
        return lambda k: float(table.loc[k, column])

    path = write_fields(sample_dir, tmp_path, {f"S_{y}": share(s) for y, s in zip((2019, 2020, 2021), SHARES[1:])})
    result = run_map(provider, path, tmp_path / "titel.pdf", FIELD="S_2019", SERIES_FIELDS=["S_2020", "S_2021"],
                     METHOD="jenks", CLASSES=4, SMALL_MULTIPLES=True, UNIT="%", TITLE="Titel der Legende")
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    assert legend.title() == "S (%)"


def test_categorized_small_multiples_share_every_years_categories(provider, sample_dir, tmp_path):
    """MSS classes of two years on one page: 2019 has 'hoch' and 'mittel' only, 2021 also 'niedrig'
    and 'sehr niedrig'. The one legend was 2019's (with 2019's counts), so two colours of the 2021
    map were explained nowhere. All years' categories, one colour each, no single year's counts."""
    from qgis.core import QgsCategorizedSymbolRenderer

    classes = ["hoch", "mittel", "niedrig", "sehr niedrig"]
    path = write_fields(sample_dir, tmp_path, {})
    layer = QgsVectorLayer(path, "st", "ogr")
    layer.dataProvider().addAttributes([QgsField("K_2019", field_types.STRING), QgsField("K_2021", field_types.STRING)])
    layer.updateFields()
    one, two = layer.fields().indexFromName("K_2019"), layer.fields().indexFromName("K_2021")
    layer.dataProvider().changeAttributeValues({f.id(): {one: classes[f.id() % 2], two: classes[f.id() % 4]}
                                                for f in layer.getFeatures()})
    del layer
    out = tmp_path / "klassen.pdf"
    result = run_map(provider, path, out, FIELD="K_2019", SERIES_FIELDS=["K_2021"], METHOD="categorized",
                     SMALL_MULTIPLES=True, TITLE="Statusklassen 2019 und 2021", LEGEND_TITLE="Status")
    group = QgsProject.instance().layerTreeRoot().findGroup(result["LAYOUT"])
    renderers = [n.layer().renderer() for n in group.findLayers()
                 if isinstance(n.layer().renderer(), QgsCategorizedSymbolRenderer)
                 and n.layer().renderer().classAttribute().strip('"') in ("K_2019", "K_2021")]
    assert len(renderers) == 2
    colours = [{c.value(): c.symbol().color().name() for c in r.categories()} for r in renderers]
    assert set(colours[0]) == set(colours[1]) == set(classes) and colours[0] == colours[1]
    text = " ".join(pdftext(out).split())
    for name in classes:
        assert f"{name} (n" not in text and name in text
    assert "4 Kategorien" in text
