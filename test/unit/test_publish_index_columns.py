"""The need index's by-products (z_<id>, status_sum, classes, codes, group, attention) follow the
index through the publication rule.

A status index is hidden where one of its inputs is (core/publish/report_rule.index_inputs), but
the index step also writes ``z_<id>`` = (value − mean) / SD per input and ``status_sum`` = Σ z:
with mean and SD from two shown districts, a published z gives the hidden input back exactly, and
the sum gives the index back (and from it the input). Class, code, group and attention narrow
the hidden index to its class."""
from __future__ import annotations

import pandas as pd

from sozialraum_plugin.core.needs.index import mss_index
from sozialraum_plugin.core.publish.report_rule import report_publication
from sozialraum_plugin.core.report.definition import ReportDefinition
from sozialraum_plugin.core.series.indicators import Indicator


def _case():
    frame = pd.DataFrame({
        "key": [str(i) for i in range(1, 9)],
        "ew": [900, 1200, 800, 1500, 1100, 700, 1300, 1000],
        "alo": [2, 60, 30, 90, 45, 20, 70, 50],  # district 1: 2, a small count
        "q1": [0.2, 5.0, 3.75, 6.0, 4.1, 2.9, 5.4, 5.0],
        "q2": [12.0, 8.0, 15.0, 9.0, 11.0, 14.0, 7.0, 10.0],
    })
    frame["q1"] = frame["alo"] / frame["ew"] * 100
    inds = [Indicator("q1", unit="%", numerator="alo", denominator="ew"), Indicator("q2", unit="%")]
    index = mss_index(frame, inds, lang="en")
    frame = pd.concat([frame, index], axis=1)
    definition = ReportDefinition.from_dict({
        "title": "t", "boundaries": "b.shp", "key": "key",
        "indicators": [{"id": "q1", "unit": "%", "numerator": "alo", "denominator": "ew"},
                       {"id": "q2", "unit": "%"}],
        "index": {"preset": "mss", "status": ["q1", "q2"], "min_population": 0}})
    return frame, definition


def test_z_scores_sum_and_classes_are_hidden_with_the_index():
    frame, definition = _case()
    publication = report_publication(frame, definition, ["ew", "alo", "q1", "q2"])
    assert publication.hidden("alo").iloc[0] and publication.hidden("q1").iloc[0]
    assert publication.hidden("status_index").iloc[0]
    leaks = [c for c in ("z_q1", "status_sum", "status_class", "status_code", "attention")
             if c in frame.columns and not publication.hidden(c).iloc[0]]
    assert not leaks, f"published beside a hidden index: {leaks}"
    # what a reader would do: mean and SD of q1 from two shown districts, then q1 of district 1
    z = frame["z_q1"]
    sd = (frame["q1"][2] - frame["q1"][1]) / (z[2] - z[1])
    assert abs(frame["q1"][1] - z[1] * sd - (frame["q1"][0] - z[0] * sd)) < 1e-9  # (why it must be hidden)
    assert not publication.hidden("z_q2").iloc[0]  # the other input's z stays: it is shown
