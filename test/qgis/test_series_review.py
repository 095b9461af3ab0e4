"""Review of years as data in the report (issue 15, parts 1–2): what a planner hits with real
yearly tables — a year one indicator lacks, a column named in no table, no direction in the index."""
from __future__ import annotations

import json
import shutil

from qgis.core import QgsProcessingFeedback

DEFINITION = "sozialmonitoring_flensburg.json"


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append("WARN " + warning)


def _definition(sample_dir, tmp_path, change) -> str:
    """A copy of the sample (tables included, to be changed), without maps and pages."""
    folder = tmp_path / "flensburg"
    shutil.copytree(sample_dir / "flensburg", folder)
    data = json.loads((folder / DEFINITION).read_text(encoding="utf-8"))
    data.pop("maps"), data.pop("profiles")
    change(data, folder)
    path = folder / "definition.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(definition, out, log=None, **extra):
    import processing

    return processing.run("sozialraum:report", {"DEFINITION": definition, "OUTPUT_FOLDER": str(out), **extra},
                          feedback=log or Log())


def test_a_year_one_indicator_lacks_is_said_naming_table_column_and_years(provider, sample_dir, tmp_path):
    """The 2020 table calls NEF_Anteil 'NEF_Quote' (the definition takes all its columns): K went on with
    2019 and 2021 only, and nothing said so."""
    def rename(data, folder):
        path = folder / "jahre" / "sgb2_2020.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(";NEF_Anteil;", ";NEF_Quote;"), encoding="utf-8")
        data["tables"][1].pop("fields")

    log = Log()
    _run(_definition(sample_dir, tmp_path, rename), tmp_path / "out", log)
    warnings = [line for line in log.lines if line.startswith("WARN ") and "K has no values for 2020" in line]
    assert warnings == ["WARN The indicator K has no values for 2020: no table of that year (sgb2_2020.csv) "
                        "has its column NEF_Anteil. Its years: 2019, 2021."]
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(tmp_path / "out" / "sozialraum.gpkg")) as db:
        years = [r[0] for r in db.execute("SELECT DISTINCT year FROM series WHERE indicator = 'K' ORDER BY year")]
    assert years == [2019, 2021]
    assert not [line for line in log.lines if line.startswith("WARN ") and "has no values for" in line
                and "indicator K " not in line]


def test_of_naming_a_column_in_no_table_lists_only_columns_that_exist(provider, sample_dir, tmp_path):
    from qgis.core import QgsProcessingException

    def misspell(data, folder):
        next(i for i in data["indicators"] if i["id"] == "K")["of"] = "NEF_Quote"

    out = tmp_path / "out"
    try:
        _run(_definition(sample_dir, tmp_path, misspell), out)
        raise AssertionError("not refused")
    except QgsProcessingException as error:
        text = str(error)
    assert text.startswith("The indicator K reads the column NEF_Quote, which no table has, in no year "
                           "(2019, 2020, 2021)")
    listed = text.split("Columns: ")[1].rstrip(".").split(", ")
    assert "NEF_Anteil_2020" in listed and not [c for c in listed if c.startswith("tbl_")], listed
    assert not (out / "sozialraum.gpkg").exists()


def test_no_direction_in_the_index_is_said_and_not_flipped(provider, sample_dir, tmp_path):
    """K marked "no direction" (0) in the index's status list: it enters as +1, and the log says so
    (before, nothing told the planner how the index read it)."""
    import sqlite3
    from contextlib import closing

    import numpy as np

    def no_direction(data, folder):
        next(i for i in data["indicators"] if i["id"] == "K")["direction"] = 0

    log = Log()
    out = tmp_path / "out"
    _run(_definition(sample_dir, tmp_path, no_direction), out, log)
    warned = [line for line in log.lines if line.startswith("WARN No direction (0) given for K:")]
    assert warned and "taken as +1 (higher value = more need)" in warned[0]
    with closing(sqlite3.connect(out / "sozialraum_intern.gpkg")) as db:
        rows = list(db.execute("SELECT K, z_K, valid FROM sozialraum_intern"))
    k = np.array([r[0] for r in rows if r[2]], dtype=float)
    z = np.array([r[1] for r in rows if r[2]], dtype=float)
    assert np.corrcoef(k, z)[0, 1] > 0.99  # +1: higher K, higher need (not turned round)


def test_a_report_year_before_the_last_year_keeps_each_years_city_value(provider, sample_dir, tmp_path):
    """"report_year": 2020 with tables up to 2021: the years table printed the report year's city
    value (14,3) under 2021, whose city value is 14,2 (the page's year was taken to be the last)."""
    import sqlite3
    from contextlib import closing

    from disclosure_support import de, pdf_pages

    def report_2020(data, folder):
        data.update(report_year=2020, period=1, profiles={"fields": ["Q", "K"], "title": "Stadtteilprofil",
                                                          "separate_files": False})

    out = tmp_path / "out"
    _run(_definition(sample_dir, tmp_path, report_2020), out)
    with closing(sqlite3.connect(out / "sozialraum_intern.gpkg")) as db:
        rows = list(db.execute("SELECT year, SUM(numerator), SUM(denominator) FROM series WHERE indicator = 'Q' "
                               "GROUP BY year ORDER BY year"))
        q, q2020 = db.execute("SELECT Q, Q_2020 FROM sozialraum_intern WHERE AREA_ID = 'STGT01'").fetchone()
    assert q == q2020  # the page's value is the report year's
    city = [de(n / d * 100, 1) for _y, n, d in rows]
    assert city[1:] == ["14,3", "14,2"]
    page = next(p for p in pdf_pages(out / "Sozialraumprofile.pdf") if p.strip().startswith("01 Altstadt"))
    assert " ".join(page.split()).count("Stadt " + " ".join(city)) == 1, page


def test_two_tables_of_one_year_giving_the_same_column_are_refused(provider, sample_dir, tmp_path):
    """The 2020 file entered as "year": 2021 (a copied entry): its values were printed as 2021's."""
    from qgis.core import QgsProcessingException

    def copied(data, folder):
        data["tables"][1]["year"] = 2021

    out = tmp_path / "out"
    try:
        _run(_definition(sample_dir, tmp_path, copied), out)
        raise AssertionError("not refused")
    except QgsProcessingException as error:
        text = str(error)
    assert text.startswith("The tables sgb2_2020.csv and sgb2_2021.csv both give Regelleistungsberechtigte for the "
                           "year 2021: is one of them another year's table?"), text
    assert not (out / "sozialraum.gpkg").exists()


def test_a_year_a_district_lacks_gives_no_city_value_for_that_year(provider, sample_dir, tmp_path):
    """A long table without Tarup's row of 2020: the city's 2020 rate was pooled over the 12 others
    (15,1 % instead of 14,3 %), so the city line rose and fell on every page for no reason."""
    from disclosure_support import pdf_pages

    def long_without_tarup_2020(data, folder):
        path = folder / "jahre" / "sgb2_2019_bis_2021_lang.csv"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("13;2020;")]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        data.update(report_year=2021, profiles={"fields": ["Q", "K"], "title": "Stadtteilprofil",
                                                "separate_files": False},
                    tables=[{"path": "jahre/sgb2_2019_bis_2021_lang.csv", "key": "Stadtteil_ID",
                             "year_column": "Jahr"}])

    out = tmp_path / "out"
    _run(_definition(sample_dir, tmp_path, long_without_tarup_2020), out)
    pages = pdf_pages(out / "Sozialraumprofile.pdf")
    altstadt = " ".join(next(p for p in pages if p.strip().startswith("01 Altstadt")).split())
    assert "Gebiet 15,8 15,1 13,8" in altstadt and "Stadt 14,6 keine Daten 14,2" in altstadt
    tarup = " ".join(next(p for p in pages if p.strip().startswith("13 Tarup")).split())
    assert "Gebiet 1,9 keine Daten 3,2" in tarup
