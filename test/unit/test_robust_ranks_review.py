"""Review of robust ranks (issue 17.3) on Berlin's MSS 2021 data: leave-one-out with an indicator
weighted 0, and the report's rule for a table's own column named like a rank column."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from sozialraum_plugin.core.needs.index import custom_index
from sozialraum_plugin.core.needs.robust import RobustOptions, robust_ranks
from sozialraum_plugin.core.publish.report_rule import report_publication
from sozialraum_plugin.core.report.definition import ReportDefinition

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
STATUS = ["S1", "S3", "S4"]


def _berlin() -> pd.DataFrame:
    frame = pd.read_csv(BERLIN / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    return frame.set_index("PLR_ID")


def test_leaving_out_the_only_weighted_indicator_is_no_variant():
    """S1 weighted 1, S3 and S4 weighted 0: every draw is a monotone scaling of S1 alone, so every
    draw ranks as the nominal index does. Leaving S1 out would leave no weight at all: such a draw
    scored every area alike and put all 536 at rank 1 (rank_low was 1 everywhere)."""
    frame = _berlin()
    weights = {"S1": 1.0, "S3": 0.0, "S4": 0.0}
    excluded = frame["KOM"] == "ungültig (Ausreißer)"
    index = custom_index(frame, STATUS, weights=weights, population="EW", excluded=excluded)
    out = robust_ranks(frame, STATUS, index["status_index"], index["valid"], [1.0, 0.0, 0.0],
                       RobustOptions(draws=400, seed=1))
    valid = index["valid"].to_numpy(dtype=bool)
    assert valid.sum() == 536
    ranked = out[valid]
    assert (ranked["rank"] == index["status_rank"][valid]).all()
    assert (ranked["rank_low"] == ranked["rank"]).all() and (ranked["rank_high"] == ranked["rank"]).all()
    assert int((ranked["rank_low"] == 1).sum()) == 1
    assert ranked["p_top"][index["status_index"][valid] < 1.0].max() == 0  # (p_top varies with the scaling)
    assert out.attrs["dropped"][1] == 0 and out.attrs["dropped"].sum() == 400  # S1 never left out


def test_positive_weights_draw_as_before():
    """All weights above 0: the same draws (and numbers) as the seed gave before the change."""
    frame = _berlin()
    index = custom_index(frame, STATUS, population="EW")
    out = robust_ranks(frame, STATUS, index["status_index"], index["valid"], None, RobustOptions(draws=400, seed=1))
    dropped = out.attrs["dropped"]
    assert len(dropped) == 4 and all(80 <= d <= 120 for d in dropped)  # k + 1 = 4 variants, ~100 each


def _definition(uncertainty=None) -> ReportDefinition:
    data = json.loads((BERLIN / "sozialbericht_berlin_2021.json").read_text(encoding="utf-8"))
    data["index"].pop("uncertainty", None)  # (Berlin's sample has robust ranks: None = a report without)
    if uncertainty is not None:
        data["index"]["uncertainty"] = uncertainty
    return ReportDefinition.from_dict(data, str(BERLIN))


def test_a_table_column_named_rank_is_a_count_without_robust_ranks():
    """Before the robust ranks a table's whole-number column 'rank' was taken as a count (small ones
    hidden); COMPUTED took every rank name out of that rule, even for a report without ranks."""
    frame = _berlin().reset_index()
    frame["rank"] = np.where(np.arange(len(frame)) % 5 == 0, 2, 40)  # a count of the table: 2 is small
    frame["p_top"] = np.where(np.arange(len(frame)) % 7 == 0, 1, 25)
    frame["plain"], frame["plain2"] = frame["rank"], frame["p_top"]  # the same counts under other names
    columns = [c for c in frame.columns if c != "PLR_ID"]
    publication = report_publication(frame, _definition(), columns)
    assert publication.hidden("rank")[frame["rank"] == 2].all()
    assert publication.hidden("p_top")[frame["p_top"] == 1].all()
    assert publication.hidden("rank").tolist() == publication.hidden("plain").tolist()
    assert publication.hidden("p_top").tolist() == publication.hidden("plain2").tolist()
    with_ranks = report_publication(frame, _definition({"draws": 10}), columns)
    assert "rank" not in with_ranks.hidden_fields()  # the index step's rank: hidden with the index only
