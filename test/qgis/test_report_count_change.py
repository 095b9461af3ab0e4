"""A change of counts in a report's profile pages is a change, not a count (issue 13, item 1).

Flensburg's SGB II recipients (tab_18): Westliche Höhe had 2 more in 2020 than in 2019 (both years
in the hundreds). The report's rule hides a change where either year's count is hidden (the
published layer's suppressed_fields say so: Altstadt, whose 2020 count is below the office's threshold of
520); the profile algorithm must not treat +2 as a small count.
"""
from __future__ import annotations

import json
import re
import subprocess

from qgis.core import QgsVectorLayer


def pdf_text(path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_small_change_of_counts_is_shown_on_the_profile_page(provider, sample_dir, tmp_path):
    import processing

    folder = sample_dir / "flensburg"
    definition = {
        "title": "Flensburg: Veränderung der Anzahl", "source_text": "Stadt Flensburg, Sozialatlas 2022",
        "boundaries": str(folder / "Stadtteile.shp"), "key": "AREA_ID", "name_field": "AREA_NAME",
        "tables": [{"path": str(folder / "tab_18_regelleistungsberechtigte_sgb2.csv"), "key": "Stadtteil_ID",
                    "fields": ["Anzahl_2019", "Anzahl_2020"]}],
        "indicators": [
            {"id": "d_anzahl", "label": "Veränderung Regelleistungsberechtigte", "kind": "count",
             "base": "Anzahl", "change_between": [2019, 2020]},
            {"id": "Anzahl_2020", "label": "Regelleistungsberechtigte 2020", "kind": "count", "threshold": 560},
        ],
        "profiles": {"fields": ["d_anzahl", "Anzahl_2020"], "title": "Stadtteilprofil"},
        "maps": [{"field": "Anzahl_2020", "method": "quantile", "classes": 3, "title": "SGB II 2020"}],
        "publication": {"threshold": 520},  # an office's own threshold: Altstadt's 502 in 2020 is hidden
    }
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    layer = QgsVectorLayer(f"{out / 'sozialraum.gpkg'}|layername=sozialraum", "r", "ogr")
    west = next(f for f in layer.getFeatures() if f["AREA_ID"] == "STGT04")
    assert west["d_anzahl"] == 2 and not west["suppressed_fields"]  # published: nothing to hide
    text = " ".join(pdf_text(out / "Sozialraumprofile.pdf", 4).split())  # pages follow the key
    assert "Westliche" in text
    line = next(row for row in pdf_text(out / "Sozialraumprofile.pdf", 4).splitlines()
                if "Veränderung" in row)
    cells = re.split(r"\s{2,}", line.strip())  # the label (one line, shortened with …), then the values
    assert "\u00b7" not in line and "2" in cells[1], line  # shown: +2, rank and deviation
    alt = next(f for f in layer.getFeatures() if f["AREA_ID"] == "STGT01")
    assert "d_anzahl" in alt["suppressed_fields"].split(",")  # a year is hidden: so is the change
    line = next(row for row in pdf_text(out / "Sozialraumprofile.pdf", 1).splitlines() if "Veränderung" in row)
    assert re.split(r"\s{2,}", line.strip())[1] == "\u00b7", line

    # the threshold actually used: the indicator's own 560, not the report's 520
    legend = " ".join(pdf_text(out / "Sozialraumprofile.pdf", 4).split())
    assert "Fallzahl unter 520; Regelleistungsberechtigte 2020: unter 560" in legend
    karte = " ".join(pdf_text(out / "Karten.pdf", 1).split())
    assert "nicht ausgewiesen (n = 3)" in karte and "unter 560" in karte and "keine Daten" not in karte
    for hidden in ("105", "502", "505"):  # Tarup, Altstadt, Weiche
        assert hidden not in karte.split(), hidden
