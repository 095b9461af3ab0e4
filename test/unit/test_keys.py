"""Key normalisation and key transforms: text end to end, transforms chosen by counted matches."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # property tests need hypothesis (see .venv); everything else runs without it
    from conftest import given, settings, st

from sozialraum_plugin.core.errors import MESSAGES
from sozialraum_plugin.core.tables.keys import (
    KeyTransform,
    describe_key_scheme,
    key_text,
    normalize_key,
    suggest_transform,
)
from sozialraum_plugin.core.tables.read import read_table


@pytest.mark.parametrize(
    "value, kwargs, expected",
    [
        (None, {}, None),
        (float("nan"), {}, None),
        (pd.NA, {}, None),
        ("", {}, None),
        ("  ", {}, None),
        (1.0, {}, "1"),
        (1.5, {}, "1.5"),
        (np.int64(7), {}, "7"),
        (" 01 ", {}, "01"),
        (" 01 ", {"strip": False}, " 01 "),
        ("STGT01", {"casefold": True}, "stgt01"),
        ("007", {"strip_zeros": True}, "7"),
        ("000", {"strip_zeros": True}, "0"),
        ("0a7", {"strip_zeros": True}, "0a7"),
    ],
)
def test_normalize_key(value, kwargs, expected):
    assert normalize_key(value, **kwargs) == expected


def test_key_text_by_dtype():
    assert key_text(pd.Series([1100101, None], dtype="Int64")).tolist() == ["1100101", None]
    assert key_text(pd.Series([1.0, np.nan, 12.0])).tolist() == ["1", None, "12"]
    assert key_text(pd.Series([" 01", "01", "", None, 5], index=[5, 6, 7, 8, 9])).tolist() == [
        "01",
        "01",
        None,
        None,
        "5",
    ]
    assert list(key_text(pd.Series(["a"], index=[42])).index) == [42]
    assert key_text(["001", "1"]).tolist() == ["001", "1"]


@pytest.mark.parametrize(
    "kind, params, keys, expected",
    [
        ("exact", {}, [" 01 ", "1"], ["01", "1"]),
        ("strip_zeros", {}, ["001", "1", "01a", "000", None], ["1", "1", "01a", "0", None]),
        ("pad_zeros", {"width": 3}, ["1", "12", "1234", "a1"], ["001", "012", "1234", "a1"]),
        (
            "prefix",
            {"prefix": "STGT"},
            ["STGT01", "stgt1", "STGT_03", "X01", "005"],
            ["1", "1", "3", "X01", "5"],
        ),
        ("leading_number", {}, ["01 Altstadt", "13 Tarup", "Altstadt", "07"], ["1", "13", "Altstadt", "7"]),
        (
            "name",
            {},
            ["04 Westliche Höhe", "Westliche_Höhe", "SÜDSTADT", "Suedstadt", "St.-Jürgen", "Île"],
            ["westliche hoehe", "westliche hoehe", "suedstadt", "suedstadt", "st juergen", "ile"],
        ),
    ],
)
def test_transforms_apply(kind, params, keys, expected):
    tr = KeyTransform(kind, params)
    out = tr.apply(pd.Series(keys, index=range(10, 10 + len(keys))))
    assert out.tolist() == expected and list(out.index) == list(range(10, 10 + len(keys)))
    code, message_params = tr.message()
    assert code in MESSAGES and tr.description == MESSAGES[code].format(**message_params)
    assert tr.to_dict()["kind"] == kind


def test_unknown_transform_or_missing_parameter():
    with pytest.raises(ValueError):
        KeyTransform("soundex")
    with pytest.raises(ValueError, match="width"):
        KeyTransform("pad_zeros")


def test_pad_description_shows_the_width():
    assert "'1' = '001'" in KeyTransform("pad_zeros", {"width": 3}).description


def test_suggest_koeln_bezirke(read_dbf, sample_dir):
    districts = read_dbf(sample_dir / "koeln" / "Stadtbezirk.shp")["STB_NR"]
    best = suggest_transform(districts, [f"00{i}" for i in range(1, 10)])[0]
    assert best.kind in ("pad_zeros", "strip_zeros") and best.matched == 9


def test_suggest_flensburg(read_dbf, sample_dir):
    areas = read_dbf(sample_dir / "flensburg" / "Stadtteile.shp")
    tab1 = read_table(sample_dir / "flensburg" / "tab_1_einwohner_in_stadtteilen_2011_bis_2021.csv").frame
    by_id = suggest_transform(areas["AREA_ID"], tab1["id"])
    assert (by_id[0].kind, by_id[0].params, by_id[0].matched) == ("prefix", {"prefix": "STGT"}, 13)
    by_name = suggest_transform(areas["AREA_NAME"], tab1["stadtteil"])
    assert (by_name[0].kind, by_name[0].matched) == ("name", 13)
    assert [t.matched for t in by_name] == sorted((t.matched for t in by_name), reverse=True)
    numbers = suggest_transform(areas["AREA_NAME"], tab1["id"])
    assert (numbers[0].kind, numbers[0].matched) == ("leading_number", 13)


def test_suggest_berlin_keys_read_as_numbers(read_dbf, sample_dir):
    plr = read_dbf(sample_dir / "berlin" / "lor_planungsraeume_2021.dbf")["PLR_ID"]
    as_numbers = pd.Series(plr.astype(int))  # what Excel or a naive reader does
    best = suggest_transform(plr, as_numbers)
    assert (best[0].kind, best[0].params, best[0].matched) == ("pad_zeros", {"width": 8}, 542)
    exact = [t for t in best if t.kind == "exact"]
    assert exact and exact[0].matched == 542 - sum(k.startswith("0") for k in plr)  # Bezirke 10-12 only


def test_suggest_refuses_transforms_that_merge_districts():
    districts = ["01 Schloßstraße", "02 Schloßstraße", "03 Mitte"]
    kinds = {t.kind for t in suggest_transform(districts, ["Schloßstraße", "Mitte"])}
    assert "name" not in kinds
    assert suggest_transform([], ["1"]) == [] and suggest_transform(["1"], [None]) == []


def test_describe_key_scheme():
    assert describe_key_scheme(["01100101", "12100101"]) == {"scheme": "8 digits", "example": "01100101"}
    assert describe_key_scheme(["1", "13"])["scheme"] == "1-2 digits"
    assert describe_key_scheme(["STGT01", "STGT02"])["scheme"] == "letters + digits"
    assert describe_key_scheme(["01 Altstadt", "02 Neustadt"])["scheme"] == "number + name"
    assert (
        describe_key_scheme(["Altstadt"])["scheme"] == "names"
        and describe_key_scheme([])["scheme"] == "empty"
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=30), st.integers(1, 9))
def test_zero_transforms_meet_padded_and_plain(numbers, width):
    plain = [str(n) for n in numbers]
    padded = [str(n).zfill(width) for n in numbers]
    strip = KeyTransform("strip_zeros")
    assert strip.apply(plain).tolist() == strip.apply(padded).tolist()
    pad = KeyTransform("pad_zeros", {"width": width})
    assert pad.apply(plain).tolist() == pad.apply(padded).tolist() == padded


@settings(max_examples=200, deadline=None)
@given(st.text("abcdeäöüßABC ", min_size=1, max_size=12).filter(lambda s: s.strip()), st.integers(1, 99))
def test_name_transform_ignores_case_separators_and_number_prefix(name, number):
    tr = KeyTransform("name")
    variants = [name, name.upper(), name.replace(" ", "_"), f"{number:02d} {name}"]
    if any(c.isalpha() for c in name.strip()[:1]):
        assert len(set(tr.apply(variants).tolist())) == 1
    once = tr.apply([name]).tolist()
    assert tr.apply(once).tolist() == once  # idempotent


def test_transforms_are_fast_on_100k_keys():
    import time

    keys = pd.Series(np.char.zfill(np.arange(100_000).astype(str), 8))
    start = time.perf_counter()
    for kind, params in (("strip_zeros", {}), ("pad_zeros", {"width": 9}), ("name", {})):
        KeyTransform(kind, params).apply(keys)
    assert time.perf_counter() - start < 10  # generous; about 0.3 s here


def test_keys_nfc_nbsp_and_point_zero_match():
    """Issue 13: 'Jürgensby' in NFD, '01\\u00a0Altstadt' and '1.0' are the same keys as their plain forms."""
    import unicodedata

    from sozialraum_plugin.core.tables.keys import key_text, normalize_key

    nfd = unicodedata.normalize("NFD", "Jürgensby")
    assert nfd != "Jürgensby"
    assert list(key_text(pd.Series([nfd, "01\u00a0Altstadt", "1.0", " 7.00 ", "1.05", "Jürgensby"]))) == \
        ["Jürgensby", "01 Altstadt", "1", "7", "1.05", "Jürgensby"]
    codes = key_text(pd.Series(["1.0", "1", "2"]))
    assert codes[0] == codes[1] == "1"
    assert normalize_key(nfd) == "Jürgensby" and normalize_key("3.0") == "3" and normalize_key("a\u202fb") == "a b"
