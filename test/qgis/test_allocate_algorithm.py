"""sozialraum:allocate on Berlin's 542 Planungsräume: 1,000,000.00 € for children under 6
(30.06.2022) by MSS status class, read back from the layer and the workbook (openpyxl)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
BERLIN = ROOT / "resources" / "sample" / "berlin"
FACTORS = "hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5"


@pytest.fixture(scope="module")
def berlin(provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("allocate")
    children = processing.run("sozialraum:jointable", {
        "INPUT": str(BERLIN / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(BERLIN / "einwohnerbestand_2022-06_plr_semikolon.csv"), "TABLE_KEY": "PLR-ID",
        "FIELDS": "Gesamt,unter6", "OUTPUT": str(out / "children.gpkg")})["OUTPUT"]
    joined = processing.run("sozialraum:jointable", {
        "INPUT": children, "INPUT_KEY": "PLR_ID", "TABLE": str(BERLIN / "mss_2021_indizes.csv"),
        "TABLE_KEY": "PLR_ID", "FIELDS": "SI_N,SI_V", "OUTPUT": str(out / "berlin.gpkg")})["OUTPUT"]
    return {"folder": out, "uri": joined}


def run(berlin, name, **params):
    import processing

    started = time.perf_counter()
    result = processing.run("sozialraum:allocate", {
        "INPUT": berlin["uri"], "BUDGET": 1_000_000, "POPULATION_FIELD": "unter6", "NEED_FIELD": "SI_V",
        "FACTORS": FACTORS, "KEY_FIELD": "PLR_ID", "NAME_FIELD": "PLR_NAME",
        "OUTPUT": str(berlin["folder"] / f"{name}.gpkg"), **params})
    result["seconds"] = time.perf_counter() - started
    return result


def rows(uri):
    layer = QgsVectorLayer(uri, "a", "ogr")
    assert layer.isValid()
    plain = lambda v: None if v is None or (hasattr(v, "isNull") and v.isNull()) else v  # noqa: E731
    return {f["PLR_ID"]: {n: plain(f[n]) for n in layer.fields().names()} for f in layer.getFeatures()}


def cents(value):
    return round(value * 100)


def test_a_million_split_to_the_cent_with_the_table_read_back(berlin):
    from openpyxl import load_workbook

    result = run(berlin, "million", TABLE=str(berlin["folder"] / "Verteilung.xlsx"), LANGUAGE="de")
    data = rows(result["OUTPUT"])
    assert len(data) == 542
    assert sum(cents(r["allocation"]) for r in data.values()) == 100_000_000
    assert sum(cents(r["base_share"]) for r in data.values()) == 100_000_000
    assert sum(cents(r["difference"]) for r in data.values()) == 0
    # Wertausgleich: per child, a "sehr niedrig" area gets 1.5 / 0.8 of a "hoch" one
    heads = {r["SI_V"]: r["per_capita"] for r in data.values() if r["per_capita"] and not r["allocation_note"]}
    assert heads["sehr niedrig"] / heads["hoch"] == pytest.approx(1.5 / 0.8, rel=1e-3)
    # districts the office suppressed ("–") get nothing and say why
    left = [k for k, r in data.items() if r["unter6"] is None]
    assert left and all(data[k]["allocation"] == 0 and data[k]["allocation_note"] == "keine Bevölkerung" for k in left)
    book = load_workbook(result["TABLE"])
    assert book.sheetnames == ["Verteilung", "Sensitivität"]
    sheet = book["Verteilung"]
    header = [c.value for c in sheet[1]]
    alloc_col, diff_col = header.index("Zuweisung (€)"), header.index("Differenz zum Pro-Kopf-Anteil (€)")
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    total = body[-1]
    assert total[0] == "Summe" and cents(total[alloc_col]) == 100_000_000 and cents(total[diff_col]) == 0
    districts = body[:-1]
    assert len(districts) == 542
    assert sum(cents(r[alloc_col]) for r in districts) == 100_000_000
    assert sum(cents(r[diff_col]) for r in districts) == 0
    sens = [[c.value for c in row] for row in book["Sensitivität"].iter_rows()]
    assert len(sens[0]) == 3 + 16 and sens[-1][0] == "Größte Änderung"  # 4 classes × ±10 % × (allocation, change)
    assert max(v for v in sens[-1][3:] if v is not None) == pytest.approx(result["LARGEST_CHANGE"])
    assert result["seconds"] < 60


def test_english_table_and_csv(berlin):
    result = run(berlin, "english", TABLE=str(berlin["folder"] / "allocation.csv"), LANGUAGE="en",
                 NEED_FIELD="SI_N", FACTORS="1=0.8;2=1;3=1.2;4=1.5")
    text = Path(result["TABLE"]).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("District,Name,unter6,SI_N,Need factor,Per-capita share (€),Allocation (€)")
    assert text.splitlines()[-1].startswith("Total,,") and ",1000000.00," in text.splitlines()[-1]
    assert (berlin["folder"] / "allocation_Sensitivitaet.csv").exists()
    german = rows(run(berlin, "german_same", NEED_FIELD="SI_V")["OUTPUT"])
    english = rows(result["OUTPUT"])
    assert {k: r["allocation"] for k, r in german.items()} == {k: r["allocation"] for k, r in english.items()}


def test_floors_and_caps_are_honoured(berlin):
    data = rows(run(berlin, "bounds", FLOOR="500", CAP="6000")["OUTPUT"])
    paid = [r for r in data.values() if r["allocation_note"] in (None, "Untergrenze", "Obergrenze")]
    assert sum(cents(r["allocation"]) for r in data.values()) == 100_000_000
    assert all(500 <= r["allocation"] <= 6000 for r in paid)
    assert {r["allocation_note"] for r in paid} >= {"Untergrenze", "Obergrenze"}


def test_infeasible_floors_are_refused_with_the_sums(berlin):
    with pytest.raises(QgsProcessingException) as error:
        run(berlin, "too_much", FLOOR="5000")
    assert "1.000.000" in str(error.value) or "1000000" in str(error.value)


def test_published_outputs_hide_small_counts_and_their_partners(berlin):
    """THRESHOLD 35: 4 (03300515, no MSS class: no money), 22 and 25 (mittel) and 34 children
    (03300517, the only hidden "hoch" area) are secret; the published layer and table hold neither
    those counts nor their allocations, a "hoch" partner is hidden with 03300517, and the budget
    minus the shown allocations is no single district's allocation."""
    from openpyxl import load_workbook

    internal = run(berlin, "internal", PUBLISHED=False, THRESHOLD=35)
    full = rows(internal["OUTPUT"])
    secret = full["03300517"]
    assert secret["unter6"] == 34 and secret["SI_V"] == "hoch" and full["03300515"]["unter6"] == 4
    result = run(berlin, "published", THRESHOLD=35, TABLE=str(berlin["folder"] / "published.xlsx"),
                 TABLE_INTERNAL=str(berlin["folder"] / "intern.xlsx"))
    shown = rows(result["OUTPUT"])
    hidden = [k for k, r in shown.items() if r["allocation"] is None and full[k]["allocation"]]
    assert {"03300517", "05300840", "12200411"} < set(hidden) and len(hidden) == result["HIDDEN"] == 4
    assert shown["03300515"]["unter6"] is None and shown["03300515"]["allocation"] == 0
    assert shown["03300517"]["unter6"] is None and "allocation" in shown["03300517"]["suppressed_fields"]
    rest = 100_000_000 - sum(cents(r["allocation"]) for r in shown.values() if r["allocation"] is not None)
    assert rest == sum(cents(full[k]["allocation"]) for k in hidden)
    assert all(rest != cents(full[k]["allocation"]) for k in hidden)
    classes = [full[k]["SI_V"] for k in hidden]
    assert all(classes.count(c) >= 2 for c in classes)  # each hidden one shares its class: no class sum solves it
    values = {cell.value for ws in load_workbook(result["TABLE"]) for row in ws.iter_rows() for cell in row}
    for k in hidden:
        assert full[k]["allocation"] not in values and full[k]["base_share"] not in values
    internal_values = {c.value for ws in load_workbook(result["TABLE_INTERNAL"]) for row in ws.iter_rows() for c in row}
    assert secret["allocation"] in internal_values


def test_bad_factors_are_named(berlin):
    with pytest.raises(QgsProcessingException) as error:
        run(berlin, "bad", FACTORS="hoch=viel")
    assert "hoch=viel" in str(error.value) and "Traceback" not in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run(berlin, "none", FACTORS="gold=2")
    assert "SI_V" in str(error.value)


def test_run_as_the_processing_dialog_runs_it(berlin):
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    algorithm = QgsApplication.processingRegistry().algorithmById("sozialraum:allocate").create({})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    dest = berlin["folder"] / "task.gpkg"
    task = QgsProcessingAlgRunnerTask(algorithm, {
        "INPUT": berlin["uri"], "BUDGET": 1_000_000, "POPULATION_FIELD": "unter6", "NEED_FIELD": "SI_N",
        "FACTORS": "1=0.8;2=1;3=1.2;4=1.5", "KEY_FIELD": "PLR_ID", "OUTPUT": str(dest),
        "TABLE": str(berlin["folder"] / "task.xlsx")}, context, feedback)
    loop, done = QEventLoop(), {}

    def executed(ok, results):
        done.update(ok=ok, results=results)
        loop.quit()

    task.executed.connect(executed)
    QgsApplication.taskManager().addTask(task)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    assert done.get("ok")
    data = rows(str(dest))
    assert sum(cents(r["allocation"]) for r in data.values()) == 100_000_000
    assert (berlin["folder"] / "task.xlsx").exists()


def test_a_continuous_rule_over_the_class_code(berlin):
    """linear:0.8:1.5 over SI_N (1 … 4): code 1 gets 0.8, code 4 gets 1.5, linear between."""
    data = rows(run(berlin, "linear", NEED_FIELD="SI_N", FACTORS="linear:0.8:1.5")["OUTPUT"])
    paid = [r for r in data.values() if not r["allocation_note"]]
    assert sum(cents(r["allocation"]) for r in data.values()) == 100_000_000
    factors = {r["SI_N"]: r["need_factor"] for r in paid}
    assert factors[1] == pytest.approx(0.8) and factors[4] == pytest.approx(1.5)
    assert factors[2] == pytest.approx(0.8 + 0.7 / 3)


def test_without_openpyxl_gdal_writes_the_workbook_and_names_hidden_cells(tmp_path):
    """QGIS's Windows and macOS installers ship no openpyxl: GDAL writes the sheets, hidden cells
    empty and named in a column, the total row still the budget."""
    import pandas as pd
    from osgeo import ogr

    from sozialraum_plugin.core.supply.allocate import parse_factors
    from sozialraum_plugin.core.supply.allocation_run import AllocationSettings, run_allocation
    from sozialraum_plugin.gis.allocation_output import write_allocation_table
    from sozialraum_plugin.toolbelt.i18n import output_words

    frame = pd.DataFrame({"key": ["a", "b", "c", "d", "e"], "kinder": [2, 40, 50, 60, 70],
                          "klasse": ["mittel", "mittel", "mittel", "hoch", "hoch"]})
    settings = AllocationSettings(budget=100_000, population="kinder", need="klasse", key="key",
                                  rule=parse_factors("hoch=0.8;mittel=1"))
    result = run_allocation(frame, settings, words=output_words("en"))
    assert result.rule.hidden == {0, 1}  # the 2 children and a "mittel" partner
    path = tmp_path / "gdal.xlsx"
    write_allocation_table(result, str(path), output_words("en"), published=True, engine="gdal")
    source = ogr.Open(str(path))
    sheet = source.GetLayerByName("Allocation")
    rows = [f.items() for f in sheet]
    hidden = [r for r in rows if r.get("Hidden (·)")]
    assert [r["District"] for r in hidden] == ["a", "b"] and all(r["Allocation (€)"] is None for r in hidden)
    assert round(rows[-1]["Allocation (€)"] * 100) == 100_000 and rows[-1]["District"] == "Total"
    assert source.GetLayerByName("Sensitivity") is not None
