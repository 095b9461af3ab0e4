"""Profile facts on bad input (issue 13): constant indicators, districts without a name."""
from __future__ import annotations

import pandas as pd

from sozialraum_plugin.core.profiles.profile import ProfileOptions, compute_profiles
from sozialraum_plugin.core.series.indicators import Indicator


def test_constant_indicator_gives_no_findings():
    """Issue 13: a constant indicator gave 'Rang 1 von 17 (höchste 10 %)' on every page."""
    frame = pd.DataFrame({"name": list("ABCDEFGHIJ"), "x": [5.0] * 10,
                          "y": [31.4, 10, 11, 12, 13, 14, 15, 16, 17, 18]})
    inds = [Indicator("x", "Konstant", direction=0), Indicator("y", "Kinderarmut", "%", direction=1)]
    profiles = compute_profiles(frame, inds, ProfileOptions(name="name"))
    from sozialraum_plugin.core.profiles.findings import constant_indicators

    assert constant_indicators(profiles) == {"x"}
    assert not any("Konstant" in text for text in profiles.districts.findings_de)
    assert "Kinderarmut" in profiles.districts.findings_de[0]
    assert profiles.cells["x"]["value"].tolist() == [5.0] * 10  # still in the table


def test_district_without_a_name_shows_its_key():
    frame = pd.DataFrame({"name": ["Nord", None, "  "], "key": ["001", "002", "003"], "x": [1.0, 2.0, 3.0]})
    profiles = compute_profiles(frame, [Indicator("x", "X", direction=0)], ProfileOptions(name="name", key="key"))
    assert profiles.districts["name"].tolist() == ["Nord", "002", "003"]
