"""Review of the allocation's publication rule in a report with years (Flensburg, 13 Stadtteile,
2019–2021): a partner's population must not come back through its year column, the series
table, or a rate over it."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
FLENSBURG = ROOT / "resources" / "sample" / "flensburg"


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("allocation_years")
    data = json.loads((FLENSBURG / "sozialmonitoring_flensburg.json").read_text(encoding="utf-8"))
    data["boundaries"] = str(FLENSBURG / data["boundaries"])
    for table in data["tables"]:
        table["path"] = str(FLENSBURG / table["path"])
    data["maps"], data["profiles"] = [], None
    for ind in data["indicators"]:
        if ind["id"] == "EW":
            ind["threshold"] = 3460  # Altstadt (3,453 under 65 in 2021) is a small count
    data["allocation"] = {"budget": "500.000,00", "population": "EW", "need_field": "status_index",
                          "factors": "linear:0.5:1.5"}
    path = folder / "bericht.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    return out


def rows(path, layer):
    found = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert found.isValid()
    plain = lambda v: None if v is None or (hasattr(v, "isNull") and v.isNull()) else v  # noqa: E731
    return {str(f["AREA_ID"]): {n: plain(f[n]) for n in found.fields().names()} for f in found.getFeatures()}


def test_a_partners_population_stays_hidden_in_every_year_column_and_rate(report):
    internal = rows(report / "sozialraum_intern.gpkg", "sozialraum_intern")
    published = rows(report / "sozialraum.gpkg", "sozialraum")
    assert round(sum(r["allocation"] for r in internal.values()) * 100) == 50_000_000
    hidden = [k for k, r in published.items() if r["allocation"] is None and internal[k]["allocation"]]
    assert len(hidden) >= 3, hidden  # Altstadt, its complementary one, and a partner for the money
    with sqlite3.connect(report / "sozialraum.gpkg") as db:
        series = db.execute("select key, year, value from series where indicator = 'EW'").fetchall()
    for k in hidden:
        ew = internal[k]["EW"]
        row = published[k]
        assert row["EW"] is None
        leaks = [n for n, v in row.items() if isinstance(v, (int, float)) and not isinstance(v, bool)
                 and abs(v - ew) < 0.5 and n != "fid"]
        assert not leaks, (k, ew, leaks)
        for year in (2019, 2020, 2021):  # a rate over the population beside its shown numerator
            rate, count = row.get(f"Q_{year}"), row.get(f"SGB2_{year}")
            if year == 2021:
                assert rate is None or count is None, (k, year, count * 100 / rate, ew)
        assert not [(y, v) for key, y, v in series if str(key) == k and y == 2021 and v is not None], k


@pytest.mark.parametrize("params, words", [({"BUDGET": 100.005}, ["BUDGET", "100.005"]),
                                           ({"FLOOR": "5.000"}, ["FLOOR", "5000"]),
                                           ({"FLOOR": "-500"}, ["-500.00"])])
def test_bad_amounts_are_named_by_the_algorithm(provider, tmp_path, params, words):
    # 100.005 € was rounded up (allocations added up to 100,01 €), FLOOR '5.000' was 5 €, and a
    # negative floor gave a district a negative allocation: now each a message, no traceback
    import processing
    from qgis.core import QgsProcessingException

    berlin = ROOT / "resources" / "sample" / "berlin" / "lor_planungsraeume_2021.shp"
    factors = ";".join(f"{i}={1 + i / 10}" for i in range(1, 13))  # BEZ '01' … '12'
    with pytest.raises(QgsProcessingException) as error:
        processing.run("sozialraum:allocate", {
            "INPUT": str(berlin), "BUDGET": 1000, "POPULATION_FIELD": "GROESSE_M2", "NEED_FIELD": "BEZ",
            "FACTORS": factors, "KEY_FIELD": "PLR_ID", "OUTPUT": str(tmp_path / "out.gpkg"), **params})
    message = str(error.value)
    assert "Traceback" not in message and all(w in message for w in words), message


def test_the_internal_csv_says_it_is_internal(provider, tmp_path):
    # the workbook's first sheet carries "Internal: … must not be published"; TABLE_INTERNAL as
    # .csv dropped the sheet's notes, so the finance department's full copy looked publishable
    import processing

    berlin = ROOT / "resources" / "sample" / "berlin" / "lor_planungsraeume_2021.shp"
    factors = ";".join(f"{i}={1 + i / 10}" for i in range(1, 13))
    result = processing.run("sozialraum:allocate", {
        "INPUT": str(berlin), "BUDGET": 1000, "POPULATION_FIELD": "GROESSE_M2", "NEED_FIELD": "BEZ",
        "FACTORS": factors, "KEY_FIELD": "PLR_ID", "OUTPUT": str(tmp_path / "out.gpkg"), "LANGUAGE": "en",
        "TABLE": str(tmp_path / "Verteilung.csv"), "TABLE_INTERNAL": str(tmp_path / "intern.csv")})
    internal = Path(result["TABLE_INTERNAL"]).read_text(encoding="utf-8-sig")
    assert "Internal: contains values that must not be published" in internal.splitlines()[-1]
    assert "Internal" not in (tmp_path / "Verteilung.csv").read_text(encoding="utf-8-sig")
    assert internal.splitlines()[-2].startswith("Total,")
