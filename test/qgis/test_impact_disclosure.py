"""sozialraum:impact under the publication rule: the Flensburg monitoring on a copy whose 2021 table
gives Tarup 250 residents under 65 (below the index's 300: hidden in every year) and Friesischer
Berg 2 recipients in 2020 (a small count: that year's rate hidden). The impact runs on the
INTERNAL series (every raw value there, with `shown`), Tarup among the funded (an example set),
and the written table (CSV, XLSX) and chart (PDF) are read back: no hidden value, and no group
mean or difference that a hidden value would have made, is in them."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from disclosure_support import pdf_pages, token_in, xlsx_text
from sample_support import flensburg_with_hidden_cells

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "flensburg"
FUNDED = ("STGT13", "STGT02", "STGT10", "STGT03")  # Tarup, Neustadt, Fruerlund, Nordstadt: an example


@pytest.fixture(scope="module")
def hidden(provider, tmp_path_factory):
    import processing

    definition = flensburg_with_hidden_cells(tmp_path_factory, "impact_hidden_src")
    out = tmp_path_factory.mktemp("impact_hidden")
    processing.run("sozialraum:report", {"DEFINITION": str(definition), "OUTPUT_FOLDER": str(out)})
    return out


def _series(path) -> pd.DataFrame:
    with closing(sqlite3.connect(path)) as db:
        return pd.read_sql("SELECT key, indicator, year, value, shown FROM series", db)


def _forms(value: float) -> set:
    """How a number could be printed: 1–3 decimals, German and English marks, with a sign."""
    out = set()
    for d in (1, 2, 3):
        text = f"{abs(value):.{d}f}"
        for t in (text, text.replace(".", ",")):
            out |= {t, ("\u2212" if value < 0 else "+") + t, ("-" if value < 0 else "+") + t}
    return out


def test_hidden_cells_are_not_recoverable_from_table_or_chart(hidden, tmp_path):
    import processing

    series = _series(hidden / "sozialraum_intern.gpkg")
    q = series[series["indicator"] == "Q"]
    tarup = q[q["key"] == "STGT13"]
    assert not tarup["shown"].astype(bool).any() and len(tarup) == 3  # the rule hid Tarup in every year
    berg_2020 = q[(q["key"] == "STGT05") & (q["year"] == 2020)]
    assert not bool(berg_2020["shown"].iloc[0])
    common = {"INPUT": str(hidden / "sozialraum.gpkg"), "KEY_FIELD": "AREA_ID", "INDICATORS": "Q",
              "SERIES": f"{hidden / 'sozialraum_intern.gpkg'}|layername=series",
              "FUNDED_EXPRESSION": f"\"AREA_ID\" IN {tuple(FUNDED)}", "LANGUAGE": "de"}
    processing.run("sozialraum:impact", {**common, "OUTPUT": str(tmp_path / "Wirkung.xlsx"),
                                         "CHART": str(tmp_path / "Wirkung.pdf")})
    processing.run("sozialraum:impact", {**common, "OUTPUT": str(tmp_path / "Wirkung.csv")})
    texts = {"csv": (tmp_path / "Wirkung.csv").read_text(encoding="utf-8-sig"),
             "xlsx": xlsx_text(tmp_path / "Wirkung.xlsx"),
             "pdf": " ".join(pdf_pages(tmp_path / "Wirkung.pdf"))}

    # what a hidden value would have given: the hidden values themselves, the group means over them,
    # the changes and the difference of the changes with Tarup in
    wide = q.pivot(index="key", columns="year", values="value")
    shown = q.pivot(index="key", columns="year", values="shown").astype(bool)
    funded = wide.index.isin(FUNDED)
    secrets = set(tarup["value"]) | set(berg_2020["value"])
    for year in wide.columns:
        for group in (funded, ~funded):
            if (group & ~shown[year]).any():  # a mean over a hidden member (Tarup; Friesischer Berg 2020)
                secrets.add(wide.loc[group, year].mean())
    change = wide[2021] - wide[2019]
    secrets |= {change[funded].mean(), change[funded].mean() - change[~funded].mean(), change["STGT13"]}
    # and what the published figures are: the means of the shown cells only
    published = {year: wide.loc[funded & shown[year], year].mean() for year in wide.columns}
    assert all(abs(published[y] - wide.loc[funded, y].mean()) > 0.05 for y in wide.columns)  # Tarup would move them
    for name, text in texts.items():
        for secret in secrets:
            leaked = [form for form in _forms(secret) if token_in(text, form)]
            assert not leaked, (name, secret, leaked)
    # the published means are there (the scan looks at the right text)
    assert any(token_in(texts["csv"] + texts["xlsx"], f) for f in _forms(published[2021]) | _forms(
        change[funded & shown[2019] & shown[2021]].mean()))
    assert "3" in texts["csv"].splitlines()[1].split(";")[4]  # n funded: Tarup left out
