"""The profile page edited by hand as a planner would in the layout designer (headless: the
QgsLayout API): a column removed and the rest reordered, the table's and the title's fonts
changed, the chart deleted. The page still exports; a re-run with the same output does not throw
the edits away silently: it says so and leaves them as a template, which a run with TEMPLATE keeps.
"""
from __future__ import annotations

from pathlib import Path

from profile_support import page_count, page_text
from qgis.core import Qgis, QgsLayoutExporter, QgsProcessingFeedback, QgsProject
from qgis.PyQt.QtGui import QFont

from sozialraum_plugin.gis.layouts.fonts import text_format
from sozialraum_plugin.gis.layouts.profile_page import table_of

FILTER = "\"PLR_ID\" IN ('01100101', '01100102', '01100104')"


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.seen = []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.seen.append(text)
        super().pushWarning(text)


def _run(params, feedback=None):
    import processing

    return processing.run("sozialraum:profilesheets", params, feedback=feedback)


def _edit(layout):
    table = table_of(layout)
    columns = [c for c in table.columns() if c.attribute() != "deviation"]
    columns = [columns[0], columns[2], columns[1]] + columns[3:]  # City before District
    table.setColumns(columns)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(7)
    table.setContentTextFormat(text_format(font, table.contentTextFormat()))  # setContentFont: deprecated
    title = layout.itemById("sr_title")
    if hasattr(title, "textFormat"):
        fmt = title.textFormat()
        fmt.setFont(QFont("DejaVu Serif"))
        title.setTextFormat(fmt)
    else:
        title.setFont(QFont("DejaVu Serif"))
    layout.removeLayoutItem(layout.itemById("sr_chart"))
    table.refreshAttributes()


def test_edited_page_exports_and_a_rerun_keeps_the_edits(berlin_sheets, tmp_path):
    params = dict(berlin_sheets["params"], OUTPUT=str(tmp_path / "edit.pdf"), FILTER_EXPRESSION=FILTER)
    quiet = Warnings()
    result = _run(params, quiet)
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    again = Warnings()
    _run(params, again)  # nothing changed by hand: nothing to say
    assert not [w for w in quiet.seen + again.seen if "designer" in w]
    layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
    _edit(layout)
    pdf = tmp_path / "by_hand.pdf"
    settings = QgsLayoutExporter.PdfExportSettings()
    # as the designer's export does: the layout's own text setting (QGIS 3.40 draws outlines without it)
    settings.textRenderFormat = Qgis.TextRenderFormat(int(layout.customProperty("pdfTextFormat", 0)))
    done, _error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(pdf), settings)
    assert done == QgsLayoutExporter.ExportResult.Success and page_count(pdf) == 3
    text = page_text(pdf, 1)
    assert "Abweichung" not in text and text.index("Stadt") < text.index("Gebiet")
    said = Warnings()
    _run(params, said)
    kept = Path(result["FOLDER"]) / "profile_page_edited.qpt"
    assert kept.is_file()
    assert any(str(kept) in w for w in said.seen), said.seen
    with_template = _run(dict(params, TEMPLATE=str(kept)))
    page = QgsProject.instance().layoutManager().layoutByName(with_template["LAYOUT"])
    assert page.itemById("sr_chart") is None
    assert [c.attribute() for c in table_of(page).columns()][:3] == ["label", "city", "value"]
    text = page_text(Path(with_template["OUTPUT"]), 1)
    assert "Abweichung" not in text and "Seite 1 von 3" in text


def test_a_long_name_is_cut_after_a_whole_word():
    """'Child poverty (SGB II, und…' read as German 'and' on an English page."""
    from sozialraum_plugin.gis.layouts.profile_page import fitter, text_width_mm

    fit = fitter("DejaVu Sans", 40)
    cut = fit("Child poverty (SGB II, under 15 years)")
    assert cut.endswith("\u2026") and text_width_mm("DejaVu Sans", 8.5, cut) <= 40
    assert cut[:-1] in ("Child poverty (SGB II", "Child poverty", "Child poverty (SGB II, under"), cut
    assert fit("Kinder") == "Kinder"
    assert fit("Regelleistungsberechtigtenquote_insgesamt_lang").endswith("\u2026")  # one word: cut inside
