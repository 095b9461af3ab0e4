"""Data and helpers for the profile-sheet tests (test_profiles.py, test_profile_layout.py) and
bench/profiles_vs_atlas.py: the indicator tables joined with pandas and written to a GeoPackage
(DESIGN §3: atlases read GeoPackages, not live joins), German number texts written independently
of core/formatting.py, and PDF readers. The Berlin sheets are made once per session
(conftest.py's ``berlin_sheets``)."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from sozialraum_plugin.gis import field_types

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"
KOELN = ROOT / "resources" / "sample" / "koeln"
SMALL = "104"  # the Köln Stadtteil whose count of under-18s the tests set to 2
BERLIN_LABELS = ("S1=Arbeitslosigkeit|%|2;S3=Transferbezug|%;S4=Kinderarmut|%;"
                 "D1=Veränderung Arbeitslosigkeit|Pp.|2;D3=Veränderung Transferbezug|Pp.;"
                 "D4=Veränderung Kinderarmut|Pp.")


def write_joined(shp: Path, table: pd.DataFrame, key: str, out: Path) -> QgsVectorLayer:
    """Boundaries + table columns (numbers as Real, -9999/NaN as NULL) as a new GeoPackage."""
    src = QgsVectorLayer(str(shp), "src", "ogr")
    fields = QgsFields(src.fields())
    cols = [c for c in table.columns if c != key]
    numeric = {c: pd.api.types.is_numeric_dtype(table[c]) for c in cols}
    for c in cols:
        fields.append(QgsField(c, field_types.DOUBLE if numeric[c] else field_types.STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "districts"
    writer = QgsVectorFileWriter.create(str(out), fields, src.wkbType(), src.crs(),
                                        QgsCoordinateTransformContext(), options)
    rows = table.set_index(key)
    for feature in src.getFeatures():
        row = rows.loc[feature[key]] if feature[key] in rows.index else None
        values = [None if row is None or pd.isna(row[c]) else (float(row[c]) if numeric[c] else str(row[c]))
                  for c in cols]
        out_feature = QgsFeature(fields)
        out_feature.setGeometry(feature.geometry())
        out_feature.setAttributes(feature.attributes() + values)
        writer.addFeature(out_feature)
    del writer
    layer = QgsVectorLayer(f"{out}|layername=districts", "districts", "ogr")
    assert layer.isValid()
    return layer


def berlin_table() -> pd.DataFrame:
    mss = pd.read_csv(BERLIN / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    classes = pd.read_csv(BERLIN / "mss_2021_indizes.csv", dtype={"PLR_ID": str})
    return mss[["PLR_ID", "EW", "S1", "S3", "S4", "D1", "D3", "D4"]].merge(
        classes[["PLR_ID", "SI_V"]], on="PLR_ID")


def koeln_table() -> pd.DataFrame:
    pop = pd.read_csv(KOELN / "bevoelkerung.csv", dtype={"raum_id": str, "tab_id": str})
    parts = pop[pop.raum_id.str.fullmatch(r"[1-9]\d\d")]

    def counts(tab: str, rows: list[str], year: int) -> pd.Series:
        sub = parts[(parts.tab_id == tab) & parts.zeile.isin(rows) & (parts.jahr == year)]
        return sub.groupby("raum_id")["zahl"].sum()

    table = pd.DataFrame({"ew": counts("005", ["Einwohner"], 2012),
                          "n_ausl": counts("030", ["Ausländer"], 2012),
                          "n_u18": counts("020", ["00 - < 03", "03 - < 06", "06 - < 10", "10 - < 15",
                                                  "15 - < 18"], 2012)})
    for year in range(2009, 2013):  # year columns: the sheet shows the trend 2009–2012
        table[f"ausl_{year}"] = counts("030", ["Ausländer"], year) / counts("005", ["Einwohner"], year) * 100
    table["u18"] = table.n_u18 / table.ew * 100
    return table.reset_index().rename(columns={"raum_id": "STT_NR"})


def de(value: float, decimals: int = 1) -> str:
    """German number text, written independently of core/formatting.py."""
    text = str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    return text.replace("-", "\u2212").replace(".", ",")


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)  # Qt sets 'fi' as a ligature


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def clean_project(data: dict) -> None:
    """This run's layout and layers go before QGIS exits (a layer freed after exitQgis crashes
    Python); other fixtures' sheets stay, whatever order the modules run in."""
    project = QgsProject.instance()
    name = (data.get("result") or {}).get("LAYOUT")
    layout = project.layoutManager().layoutByName(name) if name else None
    if layout is not None:
        project.layoutManager().removeLayout(layout)
    project.removeMapLayers([layer_id for layer_id, layer in project.mapLayers().items()
                             if name and layer.customProperty("sozialraum/profile_layout") == name])
    data.clear()


def run_sheets(params: dict) -> dict:
    import processing

    return processing.run("sozialraum:profilesheets", params)


