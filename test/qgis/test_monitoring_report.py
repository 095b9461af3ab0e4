"""Issue 15, "Done when" (parts 1–2, end to end): the Flensburg monitoring definition with three
yearly tables through sozialraum:report, asserted on the files it writes — the `series` table in
both GeoPackages, the `<id>_<year>` columns, the dynamics against the years' values, the maps PDF
(three years on one page with one legend, the change map around 0), the profile pages (years
table, trend mark by the χ² test, checked by hand) in German and English, and a scan of every
published file for the hidden year cells."""
from __future__ import annotations

import math
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from disclosure_support import de, pdf_pages, published_files, published_texts, token_in
from sample_support import flensburg_with_hidden_cells

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
DEFINITION = SAMPLE / "sozialmonitoring_flensburg.json"
YEARS = (2019, 2020, 2021)
COLUMNS = ("key", "indicator", "year", "value", "numerator", "denominator", "shown")


def _run(definition, folder, **extra):
    import processing

    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(folder), **extra})
    return folder


def _series(path) -> list[dict]:
    with closing(sqlite3.connect(path)) as db:
        return [dict(zip(COLUMNS, row)) for row in db.execute(f"SELECT {', '.join(COLUMNS)} FROM series")]


def _layer_rows(path, table) -> dict:
    with closing(sqlite3.connect(path)) as db:
        cursor = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        return {row[names.index("AREA_ID")]: dict(zip(names, row)) for row in cursor}


@pytest.fixture(scope="module")
def german(provider, tmp_path_factory):
    return _run(DEFINITION, tmp_path_factory.mktemp("monitoring_de"))


@pytest.fixture(scope="module")
def english(provider, tmp_path_factory):
    return _run(DEFINITION, tmp_path_factory.mktemp("monitoring_en"), LANGUAGE="en")


@pytest.fixture(scope="module")
def hidden(provider, tmp_path_factory):
    """The same definition on a copy whose 2021 table gives Tarup 250 residents under 65 (below
    the 300 of the index: the area is hidden in every year) and Friesischer Berg 2 recipients in 2020."""
    definition = flensburg_with_hidden_cells(tmp_path_factory, "monitoring_hidden_src")
    return _run(definition, tmp_path_factory.mktemp("monitoring_hidden"))


def _counts(rows, indicator="Q"):
    return {(r["key"], r["year"]): (r["numerator"], r["denominator"]) for r in rows if r["indicator"] == indicator}


# --- the series table and the year columns -------------------------------------------------------

def test_series_table_in_both_geopackages_and_the_year_columns(german):
    internal, published = _series(german / "sozialraum_intern.gpkg"), _series(german / "sozialraum.gpkg")
    assert len(internal) == len(published) == 13 * 5 * 3
    assert {r["year"] for r in internal} == set(YEARS)
    key = lambda r: (r["key"], r["indicator"], r["year"])  # noqa: E731
    assert sorted(internal, key=key) == sorted(published, key=key)  # nothing hidden in the sample
    cell = {key(r): r for r in internal}
    altstadt = cell[("STGT01", "Q", 2019)]
    assert (altstadt["numerator"], altstadt["denominator"]) == (532, 3373)  # sgb2_2019.csv, row 1
    assert altstadt["value"] == pytest.approx(532 / 3373 * 100, abs=1e-12)
    assert cell[("STGT13", "S3", 2020)]["value"] == 2.3 and cell[("STGT13", "SGB2", 2021)]["value"] == 150
    layer = _layer_rows(german / "sozialraum.gpkg", "sozialraum")
    for r in internal:
        assert layer[r["key"]][f"{r['indicator']}_{r['year']}"] == pytest.approx(r["value"], abs=1e-12), r
    for district in layer.values():  # the id column is the report year's
        assert district["Q"] == pytest.approx(district["Q_2021"]) and district["SGB2"] == district["SGB2_2021"]


def test_dynamics_are_the_years_values_difference(german):
    rows = _series(german / "sozialraum_intern.gpkg")
    value = {(r["key"], r["indicator"], r["year"]): r["value"] for r in rows}
    layer = _layer_rows(german / "sozialraum.gpkg", "sozialraum")
    assert len(layer) == 13
    for key, district in layer.items():
        num, den = _counts(rows)[(key, 2021)], _counts(rows)[(key, 2019)]
        assert district["DQ"] == pytest.approx(num[0] / num[1] * 100 - den[0] / den[1] * 100, abs=1e-9), key
        # D3: "period" 2 before the report year 2021, of the published shares
        assert district["D3"] == pytest.approx(value[(key, "S3", 2021)] - value[(key, "S3", 2019)], abs=1e-9), key
    assert layer["STGT03"]["D3"] == pytest.approx(20.2 - 23.0)


# --- the maps ----------------------------------------------------------------------------------------

def _classes(page: str) -> list[tuple[float, float, int | None]]:
    """(low, high, n) of every class label on a map page, in German numbers."""
    number = r"([−+]?[\d.]*\d(?:,\d)?)"
    found = re.findall(number + r"\s+(?:–|bis)\s+" + number + r"(?: %-Pkt\.| %)?(?: \(n = (\d+)\))?", page)
    to_float = lambda t: float(t.replace("−", "-").replace(".", "").replace(",", "."))  # noqa: E731
    return [(to_float(a), to_float(b), int(n) if n else None) for a, b, n in found]


def test_maps_three_years_on_one_page_with_one_legend_and_the_change_around_zero(german):
    pages = pdf_pages(german / "Karten.pdf")
    years_page = next(p for p in pages if "SGB-II-Quote 2019–2021" in p)
    assert all(re.search(rf"(?m)^\s*{y}\b|\s{y}\s", years_page) for y in YEARS)
    assert years_page.count("SGB-II-Quote (unter 65)") == 1  # one legend for the three maps
    assert "dieselben Klassen für 2019–2021" in years_page
    classes = _classes(years_page)
    assert len(classes) == 4
    rows = _series(german / "sozialraum_intern.gpkg")
    pooled = sorted(r["value"] for r in rows if r["indicator"] == "Q")
    assert len(pooled) == 39  # 13 districts × 3 years
    assert classes[0][0] == round(pooled[0], 1) and classes[-1][1] == round(pooled[-1], 1)
    # quantile breaks over the pooled 39 values, not over one year's 13
    for (_, high, _), q in zip(classes[:-1], (0.25, 0.5, 0.75)):
        position = q * (len(pooled) - 1)
        assert min(abs(high - round(pooled[int(position)], 1)), abs(high - round(pooled[int(position) + 1], 1))) <= 0.1

    change = next(p for p in pages if "Veränderung der SGB-II-Quote 2019–2021" in p)
    classes = _classes(change)
    assert len(classes) == 4
    lows, highs = [c[0] for c in classes], [c[1] for c in classes]
    assert 0.0 in highs and 0.0 in lows  # a class ends at 0 and the next starts there
    assert lows[0] == -highs[-1] and "−" in change and "+" in change  # signed, symmetric around 0
    layer = _layer_rows(german / "sozialraum.gpkg", "sozialraum")
    for low, high, n in classes:
        inside = [d for d in layer.values() if low <= round(d["DQ"], 6) <= high]
        assert n is not None and abs(len(inside) - n) <= 1, (low, high, n)
    assert sum(c[2] for c in classes) == 13


# --- the profile pages -------------------------------------------------------------------------------

def _trend_by_hand(counts: dict, key: str) -> tuple[str, float]:
    """Armitage's χ² for trend, written here from the formula (not the plugin's code)."""
    r = [counts[(key, y)][0] for y in YEARS]
    n = [counts[(key, y)][1] for y in YEARS]
    big_n = sum(n)
    p = sum(r) / big_n
    x_bar = sum(ni * y for ni, y in zip(n, YEARS)) / big_n
    t = sum(ri * (y - x_bar) for ri, y in zip(r, YEARS))
    var = p * (1 - p) * sum(ni * (y - x_bar) ** 2 for ni, y in zip(n, YEARS))
    chi2 = t * t / var
    p_value = math.erfc(math.sqrt(chi2 / 2))
    return ("↗" if t > 0 else "↘") if p_value < 0.05 else "→", p_value


def _page(pages, name):
    return next(p for p in pages if p.strip().splitlines()[0].strip() == name)


def test_profile_pages_years_table_and_trend_mark_checked_by_hand(german):
    pages = pdf_pages(german / "Sozialraumprofile.pdf")
    rows = _series(german / "sozialraum_intern.gpkg")
    counts = _counts(rows)
    city = {y: sum(c[0] for (k, yy), c in counts.items() if yy == y) / sum(c[1] for (k, yy), c in counts.items()
                                                                            if yy == y) * 100 for y in YEARS}
    marks = {}
    for key, name in (("STGT01", "01 Altstadt"), ("STGT02", "02 Neustadt"), ("STGT03", "03 Nordstadt")):
        page = _page(pages, name)
        values = [de(counts[(key, y)][0] / counts[(key, y)][1] * 100, 1) for y in YEARS]
        assert re.search(r"Gebiet\s+" + r"\s+".join(values), page), (name, values)
        assert re.search(r"Stadt\s+" + r"\s+".join(de(city[y], 1) for y in YEARS), page), name
        mark, p_value = _trend_by_hand(counts, key)
        assert p_value < 0.04 or p_value > 0.1, (name, p_value)  # clear either way of 0.05
        line = next(line for line in page.splitlines() if line.startswith("SGB-II-Quote"))
        change = counts[(key, 2021)][0] / counts[(key, 2021)][1] * 100 - counts[(key, 2019)][0] / counts[
            (key, 2019)][1] * 100
        assert re.search(re.escape(("+" if round(change, 1) > 0 else "−" if round(change, 1) < 0 else "")
                                   + de(abs(change), 1)) + r" Pp\. " + mark, line), (name, line, mark)
        marks[key] = mark
    assert marks == {"STGT01": "↘", "STGT02": "→", "STGT03": "↘"}
    assert "Trend 2019–2021" in pages[0] and "↗ steigend, ↘ fallend, → keine klare Veränderung" in pages[0]


def test_english_pages_and_maps(english):
    pages = pdf_pages(english / "Sozialraumprofile.pdf")
    page = _page(pages, "01 Altstadt")
    assert re.search(r"District\s+15\.8\s+15\.1\s+13\.8", page) and re.search(r"City\s+14\.6\s+14\.3\s+14\.2", page)
    assert re.search(r"−2\.0 pp ↘", page) and "↗ rising, ↘ falling, → no clear change" in page
    maps = "\n".join(pdf_pages(english / "Karten.pdf"))
    assert "the same classes for 2019–2021" in maps and re.search(r"−1\.5 to 0 ", maps)
    assert "Klassifikation" not in maps.replace("ﬁ", "fi") and " bis " not in maps


# --- hidden year cells: hidden everywhere they are published --------------------------------------

def _forms(indicator: str, value: float) -> set:
    if indicator in ("SGB2", "EW"):
        return {de(value, 0), str(int(value))}
    return {de(value, 1) + " %", de(value, 2), de(value, 2) + " %"}


def test_hidden_year_cells_are_in_no_published_file(hidden):
    internal = _series(hidden / "sozialraum_intern.gpkg")
    published = {(r["key"], r["indicator"], r["year"]): r for r in _series(hidden / "sozialraum.gpkg")}
    secret = [r for r in internal if not r["shown"]]
    assert {(r["indicator"], r["year"]) for r in secret if r["key"] == "STGT05"} >= {("Q", 2020), ("SGB2", 2020)}
    assert {(r["indicator"], r["year"]) for r in secret if r["key"] == "STGT13"} == {
        (i, y) for i in ("Q", "S3", "K", "SGB2", "EW") for y in YEARS}  # every year, not only the report year's
    for r in secret:
        cell = published[(r["key"], r["indicator"], r["year"])]
        assert (cell["value"], cell["numerator"], cell["denominator"], cell["shown"]) == (None, None, None, 0)
    layer = _layer_rows(hidden / "sozialraum.gpkg", "sozialraum")
    for r in secret:
        assert layer[r["key"]][f"{r['indicator']}_{r['year']}"] is None, r
    assert layer["STGT13"]["DQ"] is None and layer["STGT13"]["D3"] is None
    # what a hidden cell would print, where no shown value prints the same
    shown = set()
    for r in internal:
        if r["shown"]:
            shown |= _forms(r["indicator"], r["value"])
    for district in layer.values():
        for v in district.values():
            if isinstance(v, float):
                shown |= {de(v, 1) + " %", de(v, 2), de(v, 1)}
    wanted = {}
    for r in secret:
        if abs(r["value"]) >= 10 or r["indicator"] not in ("SGB2", "EW"):
            for form in _forms(r["indicator"], r["value"]) - shown:
                # not a row number: the series table's fid runs to 195 (a count of 105 is then no proof)
                if len(form.replace(",", "").replace(".", "").replace(" %", "")) >= 3 and not (
                        form.isdigit() and int(form) <= len(internal)):
                    wanted[form] = (r["key"], r["indicator"], r["year"])
    hidden_dq = 150 / 250 * 100 - 81 / 4308 * 100
    wanted[de(hidden_dq, 1)] = ("STGT13", "DQ", None)
    assert {"60,0 %", "4.308", "4.499", "1,88"} <= set(wanted)
    scanned = 0
    for path in published_files(hidden):
        texts = published_texts(path)
        if texts is None:
            continue  # PNG: pixels only (the locator map), no text
        scanned += 1
        for text in texts:
            for form, cell in wanted.items():
                assert not token_in(text, form), f"{path.name}: {form} {cell}"
    assert scanned >= 8
