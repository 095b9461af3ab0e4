"""The report's derive step wiring (report_derived): what it hands the profile sheets."""
from __future__ import annotations

import pandas as pd
import pytest


def _definition(indicators):
    from sozialraum_plugin.core.report_definition import ReportDefinition

    return ReportDefinition.from_dict({"title": "T", "boundaries": "b.shp", "key": "ID", "indicators": indicators})


def _profiles_as_the_report_builds_them(definition, frame, fields):
    """The profile indicators as sozialraum:profilesheets builds them from the report's LABELS and RATES."""
    from sozialraum_plugin.core.profile import (ProfileIndicator, ProfileOptions, compute_profiles, parse_labels,
                                                parse_rates)
    from sozialraum_plugin.processing.algorithms.report_derived import profile_rates

    labels = parse_labels(definition.labels_text(fields))
    rates = parse_rates(profile_rates(definition, fields))
    indicators = [ProfileIndicator(f, labels[f]["label"], labels[f]["unit"], 0, 1, *rates.get(f, (None, None)))
                  for f in fields]
    return compute_profiles(frame, indicators, ProfileOptions(name="name", suppress_below=0))


def test_profile_city_value_of_a_rate_is_on_the_scale_of_its_district_values():
    from sozialraum_plugin.core.derived import derive

    # A rate with an explicit scale its unit does not say: the districts hold 10, 5 and 20, but the
    # profile's pooled city value was taken on the unit's scale (1): 0.1 instead of about 10.
    definition = _definition([
        {"id": "q", "label": "Anteil SGB II", "unit": "Anteil", "scale": 100, "kind": "rate",
         "numerator": "n", "denominator": "ew"},
        {"id": "p", "label": "Anteil", "unit": "%", "kind": "rate", "numerator": "n", "denominator": "ew"},
    ])
    frame = pd.DataFrame({"name": ["A", "B", "C"], "n": [30, 2, 40], "ew": [300, 40, 200]})
    frame[["q", "p"]] = derive(frame, definition.indicators)
    profiles = _profiles_as_the_report_builds_them(definition, frame, ["q", "p"])
    for field in ("q", "p"):
        assert frame[field].min() <= profiles.city[field].value <= frame[field].max(), field
    assert profiles.city["p"].method == "rate"
    assert profiles.city["p"].value == pytest.approx(72 / 540 * 100)  # pooled where the scale is the unit's
