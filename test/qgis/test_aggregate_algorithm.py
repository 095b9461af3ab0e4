"""sozialraum:aggregate on Berlin's 542 Planungsräume (residents 30.06.2022) through the provider:
sums and pooled rates against pandas, dissolved geometry, unmatched children, clear messages, and
the DP officer's scan of the written parents against the published children."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from dp_support import leaks as _recoverable
from qgis.core import QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"
HIER = BERLIN / "lor_2021_hierarchie.csv"
COUNTS = ["Gesamt", "unter6", "15-18", "ausländer"]


@pytest.fixture(scope="module")
def plr(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("aggregate")
    joined = processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "OUTPUT": str(out / "plr.gpkg")})
    raw = pd.read_csv(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv", sep=";", dtype=str,
                      encoding="utf-8-sig").set_index("PLR-ID")
    raw = raw.replace("–", np.nan).astype(float)
    hier = pd.read_csv(HIER, dtype=str, encoding="utf-8-sig").set_index("Planungsraum (Nummer)")
    return {"folder": out, "uri": joined["OUTPUT"], "raw": raw, "hier": hier}


def run(plr, name, **params):
    import processing

    result = processing.run("sozialraum:aggregate", {"INPUT": plr["uri"], "KEY_FIELD": "PLR_ID",
                                                     "OUTPUT": str(plr["folder"] / f"{name}.gpkg"), **params})
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    assert layer.isValid()
    return result, layer


def _rows(layer, key):
    return {f[key]: {n: (None if f[n] is None or (hasattr(f[n], "isNull") and f[n].isNull()) else f[n])
                     for n in layer.fields().names()} for f in layer.getFeatures()}


def test_bezirksregionen_from_the_lookup(plr):
    result, layer = run(plr, "bzr", LOOKUP=str(HIER), LOOKUP_KEY="Planungsraum (Nummer)",
                        LOOKUP_PARENT="Bezirksregion (Nummer)", PARENT_NAME="Bezirksregion (Name)",
                        COUNT_FIELDS=COUNTS, RATES="aq=ausländer/Gesamt;kq=unter6/Gesamt|‰",
                        MISSING_AS_ZERO=True, SUPPRESS_BELOW=0)
    assert result["PARENTS"] == 143 and result["UNMATCHED"] == 0 and layer.featureCount() == 143
    rows = _rows(layer, "Bezirksregion (Nummer)")
    raw, hier = plr["raw"], plr["hier"]
    expected = raw.fillna(0).groupby(hier["Bezirksregion (Nummer)"].reindex(raw.index)).sum()
    assert set(rows) == set(expected.index) and "011001" in rows  # text keys, leading zero kept
    for key, row in rows.items():
        for column in COUNTS:
            assert row[column] == expected.at[key, column], (key, column)
        assert row["aq"] == pytest.approx(expected.at[key, "ausländer"] / expected.at[key, "Gesamt"] * 100)
        assert row["kq"] == pytest.approx(expected.at[key, "unter6"] / expected.at[key, "Gesamt"] * 1000)
    assert rows["011001"]["Bezirksregion (Name)"] == "Tiergarten Süd"
    assert rows["011001"]["n_children"] == 4  # 4 PLR in the lookup
    assert sum(r["n_children"] for r in rows.values()) == 542
    sizes = hier["Bezirksregion (Nummer)"].value_counts()
    assert all(row["n_children"] == sizes[key] for key, row in rows.items())
    # geometry: valid, one (multi)polygon per parent, areas add up to the children's
    children = QgsVectorLayer(plr["uri"], "plr", "ogr")
    child_area = sum(f.geometry().area() for f in children.getFeatures())
    parent_area = 0.0
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        assert geometry.isGeosValid(), feature["Bezirksregion (Nummer)"]
        parent_area += geometry.area()
    assert parent_area == pytest.approx(child_area, rel=1e-6)


def test_bezirke_from_a_field_with_missing_children(plr):
    """BEZ of the boundaries; two PLR have '–' for Gesamt: their Bezirke have no Gesamt, not a smaller one."""
    result, layer = run(plr, "bez", PARENT_FIELD="BEZ", COUNT_FIELDS=["Gesamt"], RATES="aq=ausländer/Gesamt",
                        SUPPRESS_BELOW=0)
    rows = _rows(layer, "BEZ")
    assert sorted(rows) == [f"{i:02d}" for i in range(1, 13)]
    assert rows["03"]["Gesamt"] is None and rows["06"]["Gesamt"] is None and rows["03"]["aq"] is None
    raw = plr["raw"]
    by_bez = raw.groupby(raw.index.str[:2]).sum(min_count=1)
    assert rows["01"]["Gesamt"] == by_bez.at["01", "Gesamt"]
    assert rows["01"]["aq"] == pytest.approx(by_bez.at["01", "ausländer"] / by_bez.at["01", "Gesamt"] * 100)


def test_unmatched_children_are_reported(plr, tmp_path):
    short = tmp_path / "lookup.csv"
    lines = HIER.read_text(encoding="utf-8-sig").splitlines()
    short.write_text("\n".join([lines[0]] + [line for line in lines[1:] if ",01100101," not in line]),
                     encoding="utf-8")
    result, layer = run(plr, "short", LOOKUP=str(short), LOOKUP_KEY="Planungsraum (Nummer)",
                        LOOKUP_PARENT="Bezirk", COUNT_FIELDS=["Gesamt"], MISSING_AS_ZERO=True)
    assert result["UNMATCHED"] == 1 and layer.featureCount() == 12
    mitte = _rows(layer, "Bezirk")["Mitte"]
    assert mitte["Gesamt"] == plr["raw"].fillna(0).loc[plr["raw"].index.str.startswith("01"), "Gesamt"].sum() - 3503


@pytest.mark.parametrize("params, words", [
    ({"PARENT_FIELD": "BZR", "COUNT_FIELDS": ["Gesamt"]}, "BZR"),
    ({"LOOKUP": str(HIER), "LOOKUP_KEY": "PLR", "LOOKUP_PARENT": "Bezirk", "COUNT_FIELDS": ["Gesamt"]}, "PLR"),
    ({"LOOKUP": str(HIER), "LOOKUP_KEY": "Planungsraum (Name)", "LOOKUP_PARENT": "Bezirk",
      "COUNT_FIELDS": ["Gesamt"]}, "Stülerstraße"),
    ({"PARENT_FIELD": "BEZ", "COUNT_FIELDS": ["PLR_NAME"]}, "PLR_NAME holds no number for district"),
    ({"COUNT_FIELDS": ["Gesamt"]}, "PARENT_FIELD"),
])
def test_clear_messages(plr, params, words):
    with pytest.raises(QgsProcessingException) as error:
        run(plr, "bad", **params)
    assert words in str(error.value)


def test_dp_scan_of_the_written_parents(plr):
    """Threshold 20 (many hidden cells): from the published PLR figures (the standard rule on the
    districts) and the written Bezirksregionen, no hidden count can be computed."""
    import sys

    sys.path.insert(0, str(ROOT))
    from sozialraum_plugin.core.publish import publication_rule

    result, layer = run(plr, "dp", LOOKUP=str(HIER), LOOKUP_KEY="Planungsraum (Nummer)",
                        LOOKUP_PARENT="Bezirksregion (Nummer)", COUNT_FIELDS=["unter6", "15-18"],
                        RATES="q=15-18/Gesamt", MISSING_AS_ZERO=True, SUPPRESS_BELOW=20)
    assert result["HIDDEN"] > 0
    path = result["OUTPUT"].split("|")[0]
    with sqlite3.connect(path) as db:
        written = pd.read_sql_query('SELECT "Bezirksregion (Nummer)" AS k, "unter6", "15-18", "Gesamt", "q", '
                                    'suppressed_fields FROM dp', db).set_index("k")
    raw = plr["raw"].fillna(0)
    published = publication_rule(raw, counts=["unter6", "15-18", "Gesamt"], threshold=20, min_population=None)
    parent_of = plr["hier"]["Bezirksregion (Nummer)"].reindex(raw.index)
    true = raw.groupby(parent_of).sum()
    for column in ["unter6", "15-18"]:
        hidden_parent = written[column].isna()
        assert (written.loc[~hidden_parent, column] == true.loc[written.index[~hidden_parent], column]).all()
        assert (true.loc[hidden_parent[hidden_parent].index, column] >= 0).all()
        assert not (true.loc[written.index[~hidden_parent], column].between(1, 19)).any()  # nothing small shown
        found = _recoverable(raw[column], published.hidden(column), parent_of,
                             true.loc[written.index, column], hidden_parent)
        assert found == [], (column, found[:5])
        listed = written["suppressed_fields"].fillna("").str.split(",").map(lambda names, c=column: c in names)
        assert (listed == hidden_parent).all()
    assert written.loc[written["15-18"].isna(), "q"].isna().all()  # no rate from a hidden count
