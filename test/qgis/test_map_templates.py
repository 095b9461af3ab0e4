"""The shipped map templates (resources/templates/map_*.qpt), a city's own template, house style."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemShape,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
)
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtXml import QDomDocument
from test_map_layout import assert_page_is_clean, joined_memory_layer, pdfinfo, pdftext

from sozialraum_plugin.gis import field_types
from sozialraum_plugin.gis.layouts import MapRequest, compose
from sozialraum_plugin.gis.layouts.export import export_layout
from sozialraum_plugin.gis.layouts.fonts import label_font
from sozialraum_plugin.gis.layouts.map_page import PageStyle
from sozialraum_plugin.gis.layouts.map_template import shipped_template

SIZES = {("A4", "landscape"): (842, 595), ("A4", "portrait"): (595, 842), ("A3", "landscape"): (1191, 842),
         ("A3", "portrait"): (842, 1191)}
IDS = {"title", "subtitle", "accent", "map", "legend", "method_note", "scale_bar", "north_arrow", "source", "date"}


@pytest.fixture(scope="module")
def flensburg(sample_dir, qgis_app):
    folder = sample_dir / "flensburg"
    table = pd.read_csv(folder / "tab_18_regelleistungsberechtigte_sgb2.csv", dtype=str)
    share = {int(k): float(v.replace(",", ".")) for k, v in zip(table["Stadtteil_ID"], table["Anteil_in_%_2021"])}
    return joined_memory_layer(folder / "Stadtteile.shp", lambda f: int(f["AREA_ID"][-2:]),
                               {"sgb2_anteil": (field_types.DOUBLE, share)})


def items_of(layout) -> dict:
    return {i.id(): i for i in layout.items() if hasattr(i, "id") and i.id()}


def render(layout, tmp_path: Path, name: str, dpi: int = 50) -> QImage:
    pdf = tmp_path / f"{name}.pdf"
    export_layout(layout, str(pdf), 150)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / name)], check=True)
    return QImage(str(tmp_path / f"{name}.png"))


def pixel(image: QImage, x_mm: float, y_mm: float, dpi: int = 50) -> str:
    return image.pixelColor(int(x_mm / 25.4 * dpi), int(y_mm / 25.4 * dpi)).name()


@pytest.mark.parametrize("size,orientation", sorted(SIZES))
def test_each_shipped_template_makes_a_clean_page(flensburg, tmp_path, size, orientation):
    assert Path(shipped_template(size, orientation)).is_file()
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "jenks", 4, title=f"SGB II {size} {orientation}",
                              subtitle="Anteil an der Bevölkerung unter 65", unit="%",
                              page=PageStyle(size, orientation, "Quelle: Stadt Flensburg")))
    layout = made.layout
    assert IDS <= set(items_of(layout))  # the template's items, not the code-built page (no accent there)
    assert_page_is_clean(layout)
    pdf = tmp_path / "map.pdf"
    export_layout(layout, str(pdf), 150)
    assert pdfinfo(pdf) == {"pages": 1, "size": SIZES[(size, orientation)]}
    text = pdftext(pdf)
    for expected in (f"SGB II {size} {orientation}", "Anteil an der Bevölkerung", "(n = ", "Quelle: Stadt Flensburg",
                     "Klassifikation", "km"):
        assert expected in text, expected


def _moved_title_template(tmp_path: Path) -> Path:
    """The shipped A4 landscape template with the title moved into the right panel, saved as a city would."""
    doc = QDomDocument()
    doc.setContent(Path(shipped_template("A4", "landscape")).read_text(encoding="utf-8"))
    layout = QgsPrintLayout(QgsProject.instance())
    layout.loadFromTemplate(doc, QgsReadWriteContext())
    title = items_of(layout)["title"]
    from qgis.core import QgsLayoutPoint, QgsLayoutSize, QgsUnitTypes

    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    title.attemptMove(QgsLayoutPoint(215, 120, mm))  # into the legend panel, below the note
    title.attemptResize(QgsLayoutSize(70, 12, mm))
    path = tmp_path / "stadt_vorlage.qpt"
    assert layout.saveAsTemplate(str(path), QgsReadWriteContext())
    return path


def test_a_city_template_with_a_moved_title_is_honoured(flensburg, tmp_path):
    template = _moved_title_template(tmp_path)
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "quantile", 4, title="Eigene Vorlage",
                              template=str(template), page=PageStyle("A3", "portrait", "Quelle: Test")))
    layout = made.layout
    assert layout.pageCollection().page(0).pageSize().width() == pytest.approx(297)  # the template's page wins
    title = items_of(layout)["title"]
    assert (round(title.pos().x()), round(title.pos().y()), round(title.rect().width())) == (215, 120, 70)
    assert title.text() == "Eigene Vorlage"
    pdf = tmp_path / "eigen.pdf"
    export_layout(layout, str(pdf), 150)
    assert "Eigene Vorlage" in pdftext(pdf)


def test_house_colour_logo_and_font_show_on_the_page(flensburg, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10" viewBox="0 0 40 10">'
                    '<rect width="40" height="10" fill="#00aa00"/></svg>', encoding="utf-8")
    style = PageStyle("A4", "landscape", "Quelle: Test", logo=str(logo), colour="#c0392b", house_font="DejaVu Serif")
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "jenks", 4, title="Hausfarbe", page=style))
    items = items_of(made.layout)
    accent, picture = items["accent"], items["logo"]
    assert isinstance(accent, QgsLayoutItemShape) and accent.symbol().color() == QColor("#c0392b")
    assert isinstance(picture, QgsLayoutItemPicture) and picture.picturePath() == str(logo)
    for item in made.layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            assert label_font(item)[0].family() == "DejaVu Serif", item.id()
    image = render(made.layout, tmp_path, "style")
    a = accent.pos()
    assert pixel(image, a.x() + 10, a.y() + accent.rect().height() / 2) == "#c0392b"
    p = picture.pos()
    assert pixel(image, p.x() + picture.rect().width() - 5, p.y() + 3) == "#00aa00"  # anchored upper right


def test_without_a_logo_the_title_takes_its_room(flensburg):
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "jenks", 4, title="Ohne Logo",
                              page=PageStyle("A4", "landscape", "Quelle: Test")))
    items = items_of(made.layout)
    assert "logo" not in items
    assert items["title"].pos().x() + items["title"].rect().width() == pytest.approx(297 - 12, abs=0.5)


def test_the_map_frame_fits_the_city_and_the_legend_follows(flensburg):
    """Flensburg is wider than tall: in A4 portrait the frame is as wide as the box and shorter, and
    the legend band below it moves up to it."""
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "jenks", 4, title="Passt",
                              page=PageStyle("A4", "portrait", "Quelle: Test")))
    items = items_of(made.layout)
    frame, legend = items["map"], items["legend"]
    assert isinstance(frame, QgsLayoutItemMap)
    extent = frame.extent()
    assert frame.rect().width() / frame.rect().height() == pytest.approx(extent.width() / extent.height(), rel=0.01)
    gap = legend.pos().y() - (frame.pos().y() + frame.rect().height())
    assert 3 < gap < 7


def test_a_city_template_saved_in_latin1_is_read(flensburg, tmp_path):
    """A .qpt edited by hand on Windows may declare and use Latin-1: it is valid XML and is used."""
    text = Path(shipped_template("A4", "landscape")).read_text(encoding="utf-8").replace("…", "...")
    text = "<?xml version='1.0' encoding='ISO-8859-1'?>\n" + text.replace('id="accent"', 'id="accent" Grüße="ä"')
    template = tmp_path / "Stadtvorlage.qpt"
    template.write_bytes(text.encode("latin-1"))
    made = compose(MapRequest(flensburg, ["sgb2_anteil"], "quantile", 4, title="Übersicht",
                              template=str(template), page=PageStyle("A4", "landscape", "Quelle: Test")))
    assert items_of(made.layout)["title"].text() == "Übersicht"


@pytest.mark.parametrize("content", [b"\xff\xfe\x00\x80\x81 not a template", b"PK\x03\x04\x14\x00\x00\x00"])
def test_a_broken_template_is_a_message_naming_the_file(flensburg, tmp_path, content):
    from sozialraum_plugin.gis.classify import MapError

    template = tmp_path / "Vorlage Ämter.qpt"
    template.write_bytes(content)
    with pytest.raises(MapError) as caught:
        compose(MapRequest(flensburg, ["sgb2_anteil"], "quantile", 4, title="T", template=str(template),
                           page=PageStyle("A4", "landscape", "")))
    assert "Vorlage Ämter.qpt" in str(caught.value)


def test_a_city_template_without_legend_or_logo_says_so(flensburg, provider, tmp_path):
    """A city's .qpt without a legend (and without a 'logo' picture while a logo is set) printed
    a map without classes in silence; the map is still made, with a warning naming the file."""
    import re

    import processing
    from qgis.core import QgsProcessingFeedback

    text = Path(shipped_template("A4", "landscape")).read_text(encoding="utf-8")
    for item_id in ("legend", "logo"):
        pattern = r'<LayoutItem [^>]*id="' + item_id + r'".*?</LayoutItem>'
        text, n = re.subn(pattern, "", text, count=1, flags=re.S)
        assert n == 1
    template = tmp_path / "Stadt ohne Legende.qpt"
    template.write_text(text, encoding="utf-8")
    logo = tmp_path / "wappen.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")

    class Collect(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    feedback = Collect()
    result = processing.run("sozialraum:thematicmap", {
        "INPUT": flensburg, "FIELD": "sgb2_anteil", "METHOD": "quantile", "CLASSES": 4, "TITLE": "Probe",
        "TEMPLATE": str(template), "LOGO": str(logo), "OUTPUT": str(tmp_path / "karte.pdf")}, feedback=feedback)
    assert Path(result["OUTPUT"]).is_file()
    said = [w for w in feedback.warnings if "Stadt ohne Legende.qpt" in w]
    assert len(said) == 1 and "legend, logo" in said[0], feedback.warnings
    QgsProject.instance().layoutManager().removeLayout(
        QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"]))
