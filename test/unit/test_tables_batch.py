"""The reader's fast paths decide exactly as the slow ones (issue 15, P7: the reader does less work,
not fewer checks): all columns typed at once against column by column, the whole-text split
against the record split, on random tables full of the cells offices write."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.tables.column_batch import type_all_columns
from sozialraum_plugin.core.tables.column_types import DEFAULT_MISSING, DEFAULT_SUPPRESSED, type_columns
from sozialraum_plugin.core.tables.delimited import split_grid, split_records
from sozialraum_plugin.core.tables.numformat import NumberFormat
from sozialraum_plugin.core.tables.read import read_table
from sozialraum_plugin.core.tables.shape import code_column, code_grid

#: Cells that exercise every decision: markers, leading zeros, dates, thousands marks, spaces,
#: percent, typographic minus, exponents, malformed numbers, text, the join character itself.
CELLS = ["1", "12", "0", "007", "01100101", "1,5", "1.5", "1.234", "1.234,5", "1,234.5", "12 345", "1e5",
         "1E-3", "5%", "5 %", "%5", "5%%", "\u22123", "-3", "+4", "+", "-", "–", "x", ".", "·", "", "NA", "-9999",
         "1.2.3", "5-3", "abc", "Mitte", "01.02.2020", "1.2.20", "3'456", ".5", "5.", ",5", "1e999",
         "9007199254740993", "2021", "1 234,5", "12,3%", "0,0", "00", "-01", "1_000", "nan", "e5", "1e", "１２"]
FORMATS = [NumberFormat(",", None), NumberFormat(".", None), NumberFormat(",", "."), NumberFormat(".", ","),
           NumberFormat(",", " "), NumberFormat(".", "'")]
MISSING = frozenset(DEFAULT_MISSING)
SUPPRESSED = frozenset(DEFAULT_SUPPRESSED) - MISSING


def _same(slow: dict, fast: dict) -> None:
    assert list(slow) == list(fast)
    for name in slow:
        a, b = slow[name], fast[name]
        for attr in ("dtype", "n_missing", "n_suppressed", "unit", "is_key", "first_bad", "numeric_share"):
            assert getattr(a, attr) == getattr(b, attr), (name, attr)
        pd.testing.assert_series_equal(pd.Series(a.values), pd.Series(b.values))
        if a.suppressed is None:
            assert b.suppressed is None
        else:
            assert np.array_equal(a.suppressed, b.suppressed)


def _random_table(rng: random.Random, extra: list) -> tuple[dict, list]:
    n_rows, names = rng.randint(0, 25), []
    for j in range(rng.randint(1, 6)):
        names.append(rng.choice(["Wert", "EW", "Stadtteil_ID", "Nr", "Anteil", "Name"]) + f"_{j}")
    data = []
    for _ in names:
        pool = rng.sample(CELLS + extra, rng.randint(1, 6))
        if rng.random() < 0.4:  # mostly a clean numeric column with a stray cell or two
            pool = [str(rng.randint(0, 3000)) for _ in range(5)] + rng.sample(CELLS, 2)
        data.append([rng.choice(pool) if rng.random() > 0.1 else None for _ in range(n_rows)])
    if rng.random() < 0.5 and n_rows:  # the regular-CSV way: one coding for the whole table
        grid = np.array(data, dtype=object).T
        coded = dict(zip(names, code_grid(grid)))
    else:
        coded = {name: code_column(np.array(col, dtype=object)) for name, col in zip(names, data)}
    return coded, [n for n in names if rng.random() < 0.15]


@pytest.mark.parametrize("seed", [1, 2])
def test_all_columns_at_once_decide_as_column_by_column(seed):
    rng = random.Random(seed)
    for _ in range(100):
        coded, keys = _random_table(rng, [])
        for fmt in FORMATS:
            _same(type_columns(coded, fmt, MISSING, SUPPRESSED, keys),
                  type_all_columns(coded, fmt, MISSING, SUPPRESSED, keys))


def test_a_cell_holding_the_join_character_takes_the_column_by_column_path():
    rng = random.Random(7)
    for _ in range(40):
        coded, keys = _random_table(rng, ["7\x1f8", "a\x1fb"])
        for fmt in FORMATS[:2]:
            _same(type_columns(coded, fmt, MISSING, SUPPRESSED, keys),
                  type_all_columns(coded, fmt, MISSING, SUPPRESSED, keys))


@pytest.mark.parametrize("text", [
    "a;b\n1;2\n3;4\n", "a;b\r\n1;2\r\n3;4", "a,b,c\n1,,3\n,,\n", "x\ty\n01\t 2 \n",
])
def test_split_grid_gives_the_cells_of_split_records(text):
    grid = split_grid(text, text[1])
    records = split_records(text, text[1], "f.csv")
    assert grid is not None and grid.tolist() == records


@pytest.mark.parametrize("text", [
    "a;b\n1;2\n3\n",  # short row
    "a;b\n1;2;3\n4\n",  # the totals agree, the lines do not
    "a;b\n\n1;2\n",  # blank line
    'a;b\n"1;5";2\n',  # quoting
    "a\nb\n",  # one column
])
def test_split_grid_leaves_irregular_files_to_the_exact_path(text):
    assert split_grid(text, ";") is None


def test_irregular_file_reads_the_same_cells_as_before(tmp_path):
    """A ragged tail row (notes) goes the exact way; the result still types and names its cells."""
    path = tmp_path / "t.csv"
    path.write_text("Nr;EW;Anteil\n001;1.234;5,5\n002;–;x\n003;17;12,0\nQuelle: Amt\n", encoding="utf-8")
    result = read_table(path)
    assert result.frame["Nr"].tolist() == ["001", "002", "003"]
    assert result.frame["EW"].tolist()[0] == 1234 and pd.isna(result.frame["EW"].tolist()[1])
    assert result.suppressed["EW"].tolist() == [False, True, False]
    assert result.suppressed["Anteil"].tolist() == [False, True, False]
    assert result.frame["Anteil"].tolist()[2] == 12.0


def test_large_tables_count_column_by_column_with_the_same_result(monkeypatch):
    """Above DENSE_COUNTS the cell counts are made per column (no columns × cells array)."""
    import sozialraum_plugin.core.tables.column_batch as batch

    rng = random.Random(11)
    cases = [_random_table(rng, []) for _ in range(60)]
    monkeypatch.setattr(batch, "DENSE_COUNTS", 0)
    for coded, keys in cases:
        for fmt in FORMATS[:3]:
            _same(type_columns(coded, fmt, MISSING, SUPPRESSED, keys),
                  type_all_columns(coded, fmt, MISSING, SUPPRESSED, keys))
