"""The cluster summary (Clusteruebersicht.csv) is published beside the report: a cluster's centre
is the mean of its members, its size is printed and every member's cluster and shown value are in
the appendix, so centre × size − the shown members gives back a hidden member exactly.

The attack is run on the written files, as a reader would: for every cluster and field whose
centre is printed, the hidden members' sum is recomputed and must not pin down a hidden cell.
"""
from __future__ import annotations

import csv
import json

import pytest
from disclosure_support import DEFINITION, IDS, _write_tables, tables

FIELDS = ["sgb2_2021", "kinder_sgb2_2021", "kinderarmut"]


@pytest.fixture(scope="module")
def report(provider, tmp_path_factory):
    import processing

    source = tmp_path_factory.mktemp("tables")
    _write_tables(source)
    definition = dict(DEFINITION, maps=[], profiles=None,
                      clusters={"fields": FIELDS, "k": 3, "method": "kmeans", "seed": 1})
    path = source / "probe.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    out = tmp_path_factory.mktemp("report")
    processing.run("sozialraum:report", {"DEFINITION": str(path), "OUTPUT_FOLDER": str(out)})
    return out


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _number(text):
    if text in ("", "·", None):
        return None
    return float(text.replace(",", "."))


def test_cluster_centres_do_not_give_back_a_hidden_cell(report):
    out = report
    appendix = {r["AREA_ID"]: r for r in _read(out / "Tabellenanhang.csv")}
    summary = _read(out / "Clusteruebersicht.csv")
    raw = tables()
    assert summary and all("cluster" in row for row in summary)
    recovered = []
    for row in summary:
        members = [a for a, r in appendix.items() if r["cluster"] == row["cluster"]]
        assert len(members) == int(row["size"])
        for field in FIELDS:
            centre = _number(row[field])
            if centre is None:
                continue
            hidden = [a for a in members if appendix[a][field] == "·"]
            shown = sum(_number(appendix[a][field]) for a in members if a not in hidden)
            if len(hidden) == 1:  # the one hidden member = size × centre − the shown ones
                value = raw[field][IDS.index(hidden[0])]
                guess = centre * len(members) - shown
                if value is not None and abs(guess - value) < 0.01:
                    recovered.append((row["cluster"], field, hidden[0], round(guess, 3)))
    assert not recovered, recovered


def test_cluster_summary_keeps_the_centres_of_clusters_without_hidden_members(report):
    out = report
    appendix = {r["AREA_ID"]: r for r in _read(out / "Tabellenanhang.csv")}
    summary = _read(out / "Clusteruebersicht.csv")
    printed = 0
    for row in summary:
        members = [a for a, r in appendix.items() if r["cluster"] == row["cluster"]]
        for field in FIELDS:
            if all(appendix[a][field] not in ("·", "") for a in members):
                assert _number(row[field]) is not None, (row["cluster"], field)
                printed += 1
    assert printed  # the summary is not emptied wholesale
