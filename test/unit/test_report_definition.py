"""The report definition: JSON round trip, relative paths, clear messages for broken files."""
from __future__ import annotations

import json

import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.report.definition import (
    ClusterSpec,
    IndexSpec,
    MapSpec,
    ProfileSpec,
    ReportDefinition,
    TableSpec,
    load,
    save,
)
from sozialraum_plugin.core.series.indicators import Indicator


def example() -> ReportDefinition:
    return ReportDefinition(
        title="Sozialbericht 2021", boundaries="daten/grenzen.shp", key="PLR_ID", name_field="PLR_NAME",
        tables=[TableSpec("daten/mss.csv", "PLR_ID", ["EW", "S1"], {"SEPARATOR": 1})],
        indicators=[Indicator(id="S1", label="Arbeitslosigkeit", unit="%"),
                    Indicator(id="K10", label="Wohndauer", unit="%", direction=-1)],
        index=IndexSpec(status=["S1"], population="EW", exclude="\"KOM\" <> 'gültig'"),
        clusters=ClusterSpec(fields=["S1", "K10"], k=4), maps=[MapSpec("status_index", "mss", title="Status")],
        profiles=ProfileSpec(fields=["S1"]), source_text="Quelle: Amt für Statistik",
    )


def test_round_trip_through_a_file_keeps_everything(tmp_path):
    path = tmp_path / "bericht.json"
    save(example(), str(path))
    again = load(str(path))
    assert again.to_dict() == example().to_dict()
    assert again.resolve("daten/mss.csv") == str(tmp_path / "daten" / "mss.csv")
    assert again.indicator("K10").direction == -1
    assert [i["label"] for i in json.loads(again.indicators_json(["K10", "S1"]))] == ["Wohndauer", "Arbeitslosigkeit"]
    text = path.read_text(encoding="utf-8")
    assert "Arbeitslosigkeit" in text and "\\u" not in text  # readable, umlauts as they are
    assert not list(tmp_path.glob(".definition.*"))


def test_missing_section_is_named(tmp_path):
    path = tmp_path / "kaputt.json"
    path.write_text(json.dumps({"title": "x", "boundaries": "a.shp"}), encoding="utf-8")
    with pytest.raises(SozialraumError) as info:
        load(str(path))
    assert "kaputt.json" in info.value.english() and "key" in info.value.english()


def test_unknown_entry_and_bad_json_are_named(tmp_path):
    path = tmp_path / "d.json"
    data = example().to_dict()
    data["maps"][0]["colour"] = "rot"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SozialraumError, match=r"maps\[0\].*colour"):
        load(str(path))
    path.write_text('{"title": "x",\n "key": }', encoding="utf-8")
    with pytest.raises(SozialraumError, match="line 2"):
        load(str(path))


def _with_indicators(indicators):
    return {"title": "T", "boundaries": "b.shp", "key": "ID", "indicators": indicators}


def test_rate_and_change_indicators_read_with_scale_years_and_base():
    from sozialraum_plugin.core.report.definition import ReportDefinition

    d = ReportDefinition.from_dict(_with_indicators([
        {"id": "q", "kind": "rate", "numerator": "n", "denominator": "ew", "unit": "je 1.000 EW"},
        {"id": "d_q", "base": "q", "change_between": [2019, 2021], "unit": "Pp."},
    ]))
    assert d.indicators[0].scale == 1000.0 and d.indicators[0].derived
    assert d.indicators[1].change_between == (2019, 2021) and d.indicators[1].base == "q"
    again = ReportDefinition.from_dict(json.loads(d.to_json()))
    assert again.indicators == d.indicators


@pytest.mark.parametrize("indicators, section, words", [
    ([{"id": "q", "kind": "rate", "numerator": "n"}], "indicators[0]", ["numerator", "denominator"]),
    ([{"id": "q"}, {"id": "Q", "kind": "count"}], "indicators[1]", ["id Q", "indicators[0]"]),
    ([{"id": "n", "kind": "rate", "numerator": "n", "denominator": "ew"}], "indicators[0]", ["replace", "n"]),
    ([{"id": "d", "change_between": [2021, 2021]}], "indicators[0]", ["two different years"]),
    ([{"id": "d", "kind": "rate", "numerator": "{year}_n", "denominator": "ew"}], "indicators[0]",
     ["{year}", "change_between"]),
    ({"id": "q"}, "indicators", ["list"]),
])
def test_bad_rate_and_change_indicators_name_their_entry(indicators, section, words):
    from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition

    with pytest.raises(DefinitionError) as err:
        ReportDefinition.from_dict(_with_indicators(indicators), file="bericht.json")
    assert err.value.params["section"] == section
    for word in ["bericht.json", *words]:
        assert word in str(err.value), str(err.value)


def test_a_scale_that_follows_the_unit_is_not_pinned_in_the_saved_definition():
    # Berichtsdefinition.json (kept to run the report next year) wrote "scale": 100.0 for every %
    # rate, so a unit changed there to "je 1.000 EW" kept multiplying by 100.
    from sozialraum_plugin.core.report.definition import ReportDefinition

    d = ReportDefinition.from_dict(_with_indicators([
        {"id": "q", "kind": "rate", "numerator": "n", "denominator": "ew", "unit": "%"},
        {"id": "r", "kind": "rate", "numerator": "n", "denominator": "ew", "unit": "Anteil", "scale": 100},
    ]))
    saved = json.loads(d.to_json())["indicators"]
    assert "scale" not in saved[0] and saved[1]["scale"] == 100  # an explicit scale stays
    saved[0]["unit"] = "je 1.000 EW"
    again = ReportDefinition.from_dict(_with_indicators(saved))
    assert again.indicators[0].scale == 1000.0 and again.indicators[1].scale == 100.0


def test_language_codes_of_outputs():
    from sozialraum_plugin.core.language import PlainWords, language_code

    assert [language_code(v) for v in ("de", "de_AT", "German", "en_GB", "fr", "", None)] == \
        ["de", "de", "de", "en", "en", "en", "en"]
    assert PlainWords("de").translate("Any", "City value") == "City value"


def test_language_and_style_round_trip_and_bad_language_is_named(tmp_path):
    from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition

    data = {"title": "T", "boundaries": "b.shp", "key": "K", "language": "EN",
            "style": {"colour": "#336699", "logo": "logo.png"}}
    definition = ReportDefinition.from_dict(data, str(tmp_path))
    assert definition.language == "en" and definition.style.colour == "#336699"
    again = ReportDefinition.from_dict(definition.to_dict(), str(tmp_path))
    assert again.style.logo == "logo.png" and again.language == "en"
    assert definition.with_absolute_paths().style.logo == str(tmp_path / "logo.png")
    with pytest.raises(DefinitionError) as error:
        ReportDefinition.from_dict({**data, "language": "fr"}, str(tmp_path))
    assert "language" in str(error.value.params)


def test_the_copy_passed_on_names_no_folder_of_the_author(tmp_path):
    """The QGIS project handed on with the outputs: paths inside the output folder relative to it,
    any other path only its file name (a home folder names a person)."""
    home = tmp_path / "home" / "anna.schmidt"
    out = home / "Berichte" / "Sozialbericht 2022"
    d = example()
    d.base_dir = str(home / "Definitionen")
    d.boundaries = str(home / "Geodaten" / "grenzen.shp")
    d.tables[0].path = "../Daten/mss.csv"  # relative to the definition's folder
    d.style.logo = str(out / "Logo" / "wappen.svg")
    d.style.map_template = "C:\\Users\\anna.schmidt\\Vorlagen\\karte.qpt"  # written on Windows
    passed = d.for_passing_on(str(out))
    assert passed.boundaries == "grenzen.shp"
    assert passed.tables[0].path == "mss.csv"
    assert passed.style.logo == "Logo/wappen.svg"
    assert passed.style.map_template == "karte.qpt"
    assert passed.style.profile_template == ""
    assert "anna" not in passed.to_json() and str(tmp_path) not in passed.to_json()
    assert d.tables[0].path == "../Daten/mss.csv"  # the planner's own definition is unchanged


def test_relative_paths_written_on_windows_are_read_elsewhere(tmp_path):
    """The builder on Windows writes "daten\\mss.csv"; a colleague on Linux runs the same file."""
    (tmp_path / "daten").mkdir()
    (tmp_path / "daten" / "mss.csv").write_text("PLR_ID;EW\n", encoding="utf-8")
    (tmp_path / "Logo").mkdir()
    d = example()
    d.base_dir = str(tmp_path / "defs")
    assert d.resolve("..\\daten\\mss.csv") == str(tmp_path / "daten" / "mss.csv")
    d.base_dir = str(tmp_path)
    assert d.resolve("daten\\mss.csv") == str(tmp_path / "daten" / "mss.csv")
    assert d.resolve("Logo\\wappen.svg") == str(tmp_path / "Logo" / "wappen.svg")  # missing: still the sense


def test_level_and_profile_parent_round_trip(tmp_path):
    from sozialraum_plugin.core.report.definition import DefinitionError, ReportDefinition

    data = {"title": "T", "boundaries": "plr.shp", "key": "PLR_ID",
            "level": {"lookup": "lor_2021_hierarchie.csv", "key": "Planungsraum (Nummer)",
                      "parent": "Bezirksregion (Nummer)", "name": "Bezirksregion (Name)"},
            "profiles": {"fields": ["aq"], "parent_field": "BEZ", "parent_title": "Bezirk"}}
    definition = ReportDefinition.from_dict(data, base_dir=str(tmp_path))
    assert definition.level.parent == "Bezirksregion (Nummer)" and definition.profiles.parent_title == "Bezirk"
    again = ReportDefinition.from_dict(definition.to_dict(), base_dir=str(tmp_path))
    assert again.level == definition.level and again.profiles == definition.profiles
    assert definition.with_absolute_paths().level.lookup == str(tmp_path / "lor_2021_hierarchie.csv")
    assert "level" not in ReportDefinition.from_dict({"title": "T", "boundaries": "b", "key": "k"}).to_dict()
    for bad in ({"lookup": "l.csv", "key": "PLR"}, {"parent_field": "BEZ", "lookup": "l.csv"},
                {"parent_field": "BEZ", "bezirk": 1}):
        with pytest.raises(DefinitionError) as error:
            ReportDefinition.from_dict({**data, "level": bad})
        assert "level" in str(error.value)
