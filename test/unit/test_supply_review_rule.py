"""The need × supply category under the publication rule (review of issue 17.1).

The category is made from the need field too: 1/2 say "high need", 3/4 "lower need", so in an area
where the rule hides the MSS status class it told the class's half all the same. The Berlin sample
definition (status class as NEED_FIELD) with one area whose S4 the office marked "·": the status
index and class are hidden there, and the category must be too. Failed before the fix."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sozialraum_plugin.core.publish.report_rule import report_publication
from sozialraum_plugin.core.report.definition import ReportDefinition

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin" / "sozialbericht_berlin_2021.json"


def test_category_hidden_where_the_need_class_is():
    definition = ReportDefinition.from_dict(json.loads(SAMPLE.read_text(encoding="utf-8")), str(SAMPLE.parent))
    assert definition.supply.need_field == "status_class"
    frame = pd.DataFrame({  # four PLR of normal size: only the office's "·" in S4 of the first hides anything
        "EW": [4200, 3900, 5100, 2800], "unter6": [210, 180, 260, 150],
        "S1": [9.1, 4.2, 12.5, 3.3], "S3": [30.2, 12.1, 41.0, 8.8], "S4": [45.0, 15.2, 52.3, 10.1],
        "status_index": [0.9, -0.6, 1.4, -1.1], "status_class": ["niedrig", "mittel", "sehr niedrig", "hoch"],
        "supply_count": [3, 2, 4, 1], "supply_capacity": [150, 200, 180, 90],
        "supply_per_1000": [714.3, 1111.1, 692.3, 600.0], "supply_access": [801.0, 950.0, 700.0, 640.0],
        "supply_coverage": [0.80, 0.95, 0.70, 0.64], "supply_category": [1, 4, 1, 3],
        "supply_category_label": ["hoher Bedarf, knappe Versorgung", "x", "y", "z"],
    })
    hidden = pd.DataFrame({"S4": [True, False, False, False]})
    pub = report_publication(frame, definition, ["EW", "unter6", "S1", "S3", "S4"], hidden=hidden)
    assert pub.mask["status_class"].tolist() == [True, False, False, False]
    assert pub.mask["supply_per_1000"].tolist() == [False] * 4  # the supply itself may be shown
    assert pub.mask["supply_category"].tolist() == [True, False, False, False]
    assert pub.mask["supply_category_label"].tolist() == [True, False, False, False]
