"""core/series/indicator_params.py: INDICATORS (JSON) and the older text parameters, read in one place
into the one Indicator model."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.report.definition import ReportDefinition
from sozialraum_plugin.core.series.indicator_params import (
    indicators_json,
    parse_directions,
    parse_indicators,
    parse_labels,
    parse_rate_pairs,
    parse_thresholds,
    resolve_indicators,
)
from sozialraum_plugin.core.series.indicators import Indicator

FULL = {"id": "S3", "label": "Transferbezug (SGB II)", "unit": "%", "direction": -1, "kind": "rate",
        "numerator": "sgb2", "denominator": "ew", "scale": 100.0, "decimals": 2, "city_method": "weighted",
        "threshold": 5, "context": True, "source": "Jobcenter 2021", "description": "Anteil"}


def test_older_parameters_read_as_before():
    assert parse_labels("S1=Arbeitslosigkeit|%;S3=Transferbezug|%|2\nX=Einwohner") == {
        "S1": {"label": "Arbeitslosigkeit", "unit": "%"},
        "S3": {"label": "Transferbezug", "unit": "%", "decimals": 2},
        "X": {"label": "Einwohner", "unit": ""},
    }
    assert parse_directions("S1=+1; D3=-1;K=0;A=−") == {"S1": 1, "D3": -1, "K": 0, "A": -1}
    assert parse_rate_pairs("anteil=ausl/ew") == {"anteil": ("ausl", "ew")}
    assert parse_thresholds("kinder=5;q=2,5") == {"kinder": 5.0, "q": 2.5}


@pytest.mark.parametrize("call, text, code", [
    (parse_labels, "S1 Arbeitslosigkeit", "profile_labels_invalid"),
    (parse_labels, "S1=A|%|x", "profile_labels_invalid"),
    (parse_directions, "S1=up", "profile_directions_invalid"),
    (parse_rate_pairs, "a=b", "indicator_entry_invalid"),
    (parse_thresholds, "a=viele", "profile_thresholds_invalid"),
])
def test_bad_older_text_is_an_error_naming_the_entry(call, text, code):
    with pytest.raises(SozialraumError) as info:
        call(text)
    assert info.value.code == code and text.split(";")[0] in info.value.english()


def test_older_parameters_make_the_indicators_the_pages_had():
    resolved = resolve_indicators(
        ["q", "kinder", "k"], labels="q=Quote|%;kinder=Kinder||0", directions="q=+1;k=0", rates="q=n/ew",
        counts=["kinder"], thresholds="kinder=5", alias=lambda name: {"k": "Kita-Plätze"}.get(name, name))
    q, kinder, k = resolved.indicators
    assert (q.label, q.unit, q.direction, q.kind, q.counts, q.decimals) == ("Quote", "%", 1, "value", ("n", "ew"), 1)
    assert (kinder.kind, kinder.decimals, kinder.threshold, kinder.direction, kinder.is_count) == \
        ("count", 0, 5.0, 0, True)
    assert (k.label, k.direction, k.decimals, k.counts) == ("Kita-Plätze", 0, 1, None)  # alias; no direction
    assert resolved.overridden == [] and resolved.unused == []


def test_an_older_parameter_naming_another_field_is_refused_where_strict():
    with pytest.raises(SozialraumError) as info:
        resolve_indicators(["q"], labels="x=X")
    assert info.value.code == "profile_unknown_indicator" and "LABELS" in info.value.english()
    assert resolve_indicators(["q"], directions="x=-1", strict=False, default_direction=1).indicators[0].direction == 1


def test_indicators_win_over_the_older_parameters_and_are_named():
    text = json.dumps([{"id": "q", "label": "Quote neu", "unit": "‰", "direction": -1}, {"id": "other"},
                       {"id": "n", "kind": "count"}])
    resolved = resolve_indicators(["q", "n", "z"], text, labels="q=Quote alt|%", directions="q=+1", counts=["n"],
                                  alias=lambda name: name.upper())
    q, n, z = resolved.indicators
    assert (q.label, q.unit, q.direction) == ("Quote neu", "‰", -1)
    assert (n.label, n.kind, n.decimals) == ("N", "count", 0)  # no label given: the layer's alias
    assert (z.label, z.direction) == ("Z", 0)  # not in INDICATORS: the older parameters' defaults
    assert resolved.overridden == ["q", "n"] and resolved.unused == ["other"]


def test_definition_to_indicators_and_back_keeps_every_page_field():
    definition = ReportDefinition.from_dict({"title": "T", "boundaries": "b.shp", "key": "ID", "indicators": [
        FULL, {"id": "kinder", "label": "Kinder", "kind": "count"}]})
    text = definition.indicators_json(["kinder", "S3", "not_declared"])
    back = parse_indicators(text)
    assert [i.id for i in back] == ["kinder", "S3"]  # in the order asked for; undeclared fields are left out
    assert back[1] == definition.indicator("S3")
    for key, value in FULL.items():
        assert getattr(back[1], key) == value, key
    assert back[0].decimals == 0 and back[0].direction == 1
    # and the definition file keeps them too (a count's 0 decimals is its default: not written)
    saved = definition.to_dict()["indicators"]
    assert saved[0]["decimals"] == 2 and saved[0]["context"] is True and "decimals" not in saved[1]


def test_threshold_of_an_older_save_is_read_from_extra():
    ind = Indicator.from_dict({"id": "n", "kind": "count", "extra": {"threshold": 5, "colour": "red"}})
    assert ind.threshold == 5 and ind.extra == {"colour": "red"}
    assert Indicator.from_dict(ind.to_dict()) == ind


def test_a_whole_definition_is_read_for_its_indicators():
    assert [i.id for i in parse_indicators(json.dumps({"title": "T", "indicators": [{"id": "a"}]}))] == ["a"]
    assert parse_indicators("") == [] and parse_indicators(indicators_json([])) == []


@pytest.mark.parametrize("text, expected", [
    ('[{"id": "S1", "direction": "up"}]', ["INDICATORS[0] (S1)", "direction", "'up'"]),
    ('[{"id": "S1"}, {"id": "S3", "decimals": "zwei"}]', ["INDICATORS[1] (S3)", "decimals", "'zwei'"]),
    ('[{"id": "S1"}, {"id": "S3", "kind": "quote"}]', ["INDICATORS[1] (S3)", "kind", "'quote'"]),
    ('[{"id": "S1", "city_method": "sum"}]', ["INDICATORS[0] (S1)", "city_method", "'sum'"]),
    ('[{"id": "S1", "kind": "rate", "numerator": "n"}]', ["INDICATORS[0] (S1)", "denominator"]),
    ('[{"id": "S1", "change_between": 2021}]', ["INDICATORS[0] (S1)"]),
    ('[{"id": "S1"}, {"label": "ohne id"}]', ["INDICATORS[1]", '"id"']),
    ('[{"id": "S1"}, "S3"]', ["INDICATORS[1]", "not an object"]),
    ('[{"id": "S1"}, {"id": "S1"}]', ["INDICATORS[1] (S1)", "INDICATORS[0]"]),
    ('{"id": "S1"}', ["INDICATORS", "JSON list"]),
    ('[{"id": "S1",]', ["INDICATORS", "JSON", "line 1, column"]),
])
def test_bad_indicators_are_named_with_entry_and_field(text, expected):
    with pytest.raises(SozialraumError) as info:
        parse_indicators(text)
    message = info.value.english()
    for part in expected:
        assert part in message, (part, message)


def test_older_parameters_and_indicators_give_the_same_profiles():
    frame = pd.DataFrame({"name": list("ABCDEF"), "q": [10.0, 20.0, 5.0, 12.0, 30.0, 8.0],
                          "n": [30, 60, 10, 36, 90, 16], "ew": [300, 300, 200, 300, 300, 200],
                          "kinder": [40, 2, 55, 70, 12, 33], "k": [1.1, 0.8, 0.9, 1.4, 0.7, 1.0]})
    older = resolve_indicators(["q", "kinder", "k"], labels="q=Quote|%;kinder=Kinder||0;k=Kita|je Kind|2",
                               directions="q=+1;kinder=+1", rates="q=n/ew", counts=["kinder"],
                               thresholds="kinder=5").indicators
    given = [Indicator("q", "Quote", "%", 1, numerator="n", denominator="ew"),
             Indicator("kinder", "Kinder", direction=1, kind="count", threshold=5),
             Indicator("k", "Kita", "je Kind", direction=0, decimals=2)]
    structured = resolve_indicators(["q", "kinder", "k"], indicators_json(given)).indicators
    assert structured == older
    options = ProfileOptions(name="name", population="ew", min_population=0)
    a, b = compute_profiles(frame, older, options), compute_profiles(frame, structured, options)
    for ind in older:
        assert a.value_text(ind).tolist() == b.value_text(ind).tolist()
        assert a.city_text(ind) == b.city_text(ind) and a.city[ind.id].method == b.city[ind.id].method
    assert a.districts["findings"].tolist() == b.districts["findings"].tolist()
    assert a.city["q"].method == "rate" and a.city_text(older[0]) == "15,1 %"  # Σ 242 / Σ 1.600
