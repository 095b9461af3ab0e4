"""Property test: a table written in any CSV dialect (separator, decimal and thousands marks,
encoding, line ending, quoting) reads back to the same keys, names and numbers. Apart from
test_tables.py because it needs hypothesis (skipped without it) and generates its own tables."""

from __future__ import annotations

import math
import string

import pytest
from conftest import sha256

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # property tests need hypothesis (see .venv); everything else runs without it
    from conftest import HealthCheck, given, settings, st

from sozialraum_plugin.core.tables.read import DEFAULT_MISSING, DEFAULT_SUPPRESSED, read_table

# --- property: any dialect reads back to the same numbers and keys -------------------------------

SUPPRESS, MISSING = ["–", "*", "x"], ["", "NA", "-9999"]
MARKERS = DEFAULT_MISSING | DEFAULT_SUPPRESSED


def _fmt(x: float, decimals: int, decimal: str, thousands) -> str:
    text = f"{abs(x):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", thousands or "")
    return ("-" if x < 0 and float(f"{abs(x):.{decimals}f}") else "") + text


cell = st.one_of(
    st.tuples(st.just("v"), st.floats(-9000, 1e7)),
    st.tuples(st.just("m"), st.sampled_from(MISSING)),
    st.tuples(st.just("s"), st.sampled_from(SUPPRESS)),
)
dialect = st.fixed_dictionaries(
    {
        "sep": st.sampled_from([";", ",", "\t"]),
        "decimal": st.sampled_from([",", "."]),
        "thousands": st.sampled_from([None, ".", ",", " "]),
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
        "newline": st.sampled_from(["\r\n", "\n"]),
        "quote_all": st.booleans(),
    }
).filter(lambda d: d["thousands"] != d["decimal"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dialect=dialect, data=st.data())
def test_any_dialect_reads_back(tmp_path_factory, dialect, data):
    import csv

    n = data.draw(st.integers(1, 25))
    width = data.draw(st.integers(3, 8))
    keys = data.draw(st.lists(st.integers(0, 10**width - 1), min_size=n, max_size=n, unique=True))
    keys = [str(k).zfill(width) for k in keys]
    # Names may hold the separator (quoted then) and weaker separator candidates, never stronger ones.
    weaker = {"\t": ";,|", ";": ",|", ",": "|"}[dialect["sep"]]
    names = data.draw(
        st.lists(
            st.text(string.ascii_letters + 'äöüß "' + weaker + dialect["sep"], min_size=1, max_size=8)
            .map(str.strip)
            .filter(lambda s: any(c.isalpha() for c in s) and s not in MARKERS),
            min_size=n,
            max_size=n,
        )
    )
    reals = data.draw(st.lists(cell, min_size=n, max_size=n).filter(lambda c: any(k == "v" for k, _ in c)))
    ints = data.draw(st.lists(cell, min_size=n, max_size=n))
    d, t = dialect["decimal"], dialect["thousands"]

    def text(kind_value, decimals):
        kind, value = kind_value
        return _fmt(value, decimals, d, t) if kind == "v" else value

    rows = [["Schlüssel", "Name", "Wert", "Anzahl"]]
    rows += [[k, nm, text(r, 2), text(i, 0)] for k, nm, r, i in zip(keys, names, reals, ints)]
    path = tmp_path_factory.mktemp("dialect") / "t.csv"
    with open(path, "w", encoding=dialect["encoding"], newline="") as handle:
        csv.writer(
            handle,
            delimiter=dialect["sep"],
            lineterminator=dialect["newline"],
            quoting=csv.QUOTE_ALL if dialect["quote_all"] else csv.QUOTE_MINIMAL,
        ).writerows(rows)
    before = sha256(path)
    r = read_table(path, key_columns=["Schlüssel"])
    f = r.frame
    assert f["Schlüssel"].tolist() == keys and f["Name"].tolist() == names
    assert r.report.separator == dialect["sep"] and r.report.decimal == d
    for col, values, decimals in (("Wert", reals, 2), ("Anzahl", ints, 0)):
        got = f[col].astype(float).tolist()
        for (kind, value), g in zip(values, got):
            if kind == "v":
                assert g == pytest.approx(round(value, decimals), abs=1e-9), (col, value, g)
            else:
                assert math.isnan(g)
        assert r.suppressed[col].tolist() == [kind == "s" for kind, _ in values]
        assert r.report.column(col).n_missing == sum(kind == "m" for kind, _ in values)
    assert sha256(path) == before
