"""A map entry of the report definition: one field, an indicator's years, or several fields."""
from __future__ import annotations

import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.report.definition import ReportDefinition

BASE = {"title": "T", "boundaries": "b.shp", "key": "id"}


def definition(*maps) -> ReportDefinition:
    return ReportDefinition.from_dict({**BASE, "maps": list(maps)})


def test_years_of_an_indicator_are_its_year_columns():
    spec = definition({"of": "S3", "years": [2019, 2020, 2021], "breaks": "pooled", "title": "Transfer"}).maps[0]
    assert spec.mapped_fields() == ["S3_2019", "S3_2020", "S3_2021"]
    assert spec.indicator_id() == "S3" and spec.pooled and spec.small_multiples
    placeholder = definition({"of": "{year}_Anteil", "years": [2020, 2021]}).maps[0]
    assert placeholder.mapped_fields() == ["2020_Anteil", "2021_Anteil"]


def test_one_field_is_neither_pooled_nor_small_multiples():
    spec = definition({"field": "D3", "title": "Dynamik"}).maps[0]
    assert spec.mapped_fields() == ["D3"] and not spec.pooled and not spec.small_multiples
    assert spec.method == ""  # automatic: diverging for a change, else jenks (report_maps.map_method)


def test_pages_and_own_breaks_can_be_asked_for():
    spec = definition({"fields": ["a_2019", "a_2021"], "breaks": "each", "layout": "pages"}).maps[0]
    assert not spec.pooled and not spec.small_multiples


def test_round_trip_keeps_old_entries_as_they_were():
    d = definition({"field": "S1", "method": "jenks"}, {"of": "S3", "years": [2019, 2021]})
    data = d.to_dict()["maps"]
    assert "of" not in data[0] and "years" not in data[0]
    assert data[1]["of"] == "S3" and data[1]["years"] == [2019, 2021]
    again = ReportDefinition.from_dict({**BASE, "maps": data})
    assert again.maps == d.maps


def test_referenced_ids_name_every_year():
    d = definition({"of": "S3", "years": [2019, 2021]})
    assert [ident for _section, ident in d.referenced_ids()] == ["S3_2019", "S3_2021"]
    with pytest.raises(SozialraumError, match="S3_2021"):
        d.check_ids({"S3_2019"})


@pytest.mark.parametrize("entry, words", [
    ({"title": "x"}, "exactly one of field"),
    ({"field": "a", "of": "b", "years": [2020]}, "field and of"),
    ({"of": "S3"}, "needs years"),
    ({"field": "S3", "years": [2019]}, "years need of"),
    ({"of": "S3", "years": ["2019", 2020]}, "whole numbers"),
    ({"of": "S3", "years": [2019, 2019]}, "twice"),
    ({"of": "S3", "years": [2019, 2020], "breaks": "gleich"}, "breaks"),
    ({"of": "S3", "years": [2019, 2020], "layout": "grid"}, "layout"),
    ({"field": "S3", "classes": 40}, "classes"),
])
def test_a_wrong_entry_names_the_map_and_what_is_wrong(entry, words):
    with pytest.raises(SozialraumError, match=r"maps\[1\]") as error:
        definition({"field": "ok"}, entry)
    assert words in str(error.value.english() if hasattr(error.value, "english") else error.value)


def test_more_years_than_a_page_of_small_multiples_holds_fail_on_reading():
    """13 years on one page of small multiples (at most 12 fit): the definition was accepted and the
    report stopped at the map step, after every table, index and layer had been made."""
    years = list(range(2009, 2022))
    with pytest.raises(SozialraumError, match=r"maps\[1\]") as info:
        definition({"field": "S1"}, {"of": "S3", "years": years})
    text = info.value.english() if hasattr(info.value, "english") else str(info.value)
    assert "12" in text and "13" in text and "pages" in text
    assert definition({"of": "S3", "years": years, "layout": "pages"}).maps[0].mapped_fields()[-1] == "S3_2021"
    assert len(definition({"of": "S3", "years": years[1:]}).maps[0].mapped_fields()) == 12
