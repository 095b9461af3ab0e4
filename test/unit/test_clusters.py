"""core.clusters and core.kmeans: partitions, ordering by need, labels, summary, k suggestion."""
from __future__ import annotations

import builtins
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialraum_plugin.core.errors import MethodError
from sozialraum_plugin.core.needs.cluster_quality import calinski_harabasz, silhouette
from sozialraum_plugin.core.needs.clusters import (
    cluster_areas,
    pick_k,
    prepare,
    profile_label,
    suggest_k,
    ward,
)
from sozialraum_plugin.core.needs.kmeans import kmeans
from sozialraum_plugin.core.series.indicators import Indicator

BERLIN = Path(__file__).resolve().parents[2] / "resources" / "sample" / "berlin"
CONTEXT = ["KI_01", "KI_02", "KI_03", "KI_04", "KI_05", "KI_16", "KI_06", "KI_17", "KI_07", "KI_09", "KI_10",
           "KI_11", "KI_12", "KI_13"]


@pytest.fixture(scope="module")
def berlin() -> pd.DataFrame:
    index = pd.read_csv(BERLIN / "mss_2021_index_indikatoren.csv", dtype={"PLR_ID": str}, na_values=["-9999"])
    context = pd.read_csv(BERLIN / "mss_2021_kontext_indikatoren.csv", dtype={"PLR_ID": str},
                          na_values=["-9999"])
    status = index.set_index("PLR_ID")[["EW", "KOM", "S1", "S3", "S4"]]
    return status.join(context.set_index("PLR_ID")[CONTEXT])


def _z(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    data = frame[columns].dropna().to_numpy(dtype=float)
    return (data - data.mean(axis=0)) / data.std(axis=0, ddof=1)


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    table = pd.crosstab(a, b)
    return bool(((table > 0).sum(axis=1) == 1).all() and ((table > 0).sum(axis=0) == 1).all())


def _blobs(n_per: int = 50, seed: int = 0) -> pd.DataFrame:
    """Three clear groups: high need (high alq, high sgb), average, low need."""
    rng = np.random.default_rng(seed)
    centres = {"hoch": (12.0, 30.0), "mitte": (6.0, 15.0), "gering": (2.0, 4.0)}
    rows = [(name, rng.normal(c[0], 0.5), rng.normal(c[1], 1.0))
            for name, c in centres.items() for _ in range(n_per)]
    return pd.DataFrame(rows, columns=["truth", "alq", "sgb"])


# --- real data: Ward equals scipy, k-means as good as scikit-learn --------------------------------

@pytest.mark.parametrize("columns, k", [(["S1", "S3", "S4"], 4), (CONTEXT, 6)])
def test_ward_partition_equals_scipy(berlin, columns, k):
    hierarchy = pytest.importorskip("scipy.cluster.hierarchy")
    valid = berlin["KOM"] == "gültig"
    reference = hierarchy.fcluster(hierarchy.linkage(_z(berlin[valid], columns), "ward"), k, "maxclust")
    result = cluster_areas(berlin, columns, k, "ward", valid=valid)
    ours = result.assignments.loc[berlin[valid][columns].dropna().index, "cluster"].to_numpy()
    assert _same_partition(ours, reference)
    assert result.summary["size"].sum() == len(reference)


@pytest.mark.parametrize("columns, k", [(["S1", "S3", "S4"], 4), (["S1", "S3", "S4"], 6), (CONTEXT, 5),
                                        (CONTEXT, 8)])
def test_kmeans_inertia_not_worse_than_sklearn(berlin, columns, k):
    sklearn_cluster = pytest.importorskip("sklearn.cluster")
    z = _z(berlin[berlin["KOM"] == "gültig"], columns)
    reference = sklearn_cluster.KMeans(k, n_init=10, random_state=0).fit(z).inertia_
    ours = kmeans(z, k, n_init=10, seed=0)
    assert ours.inertia <= reference * 1.001
    assert ours.inertia == pytest.approx(((z - ours.centres[ours.labels]) ** 2).sum())


def test_quality_measures_equal_sklearn(berlin):
    metrics = pytest.importorskip("sklearn.metrics")
    z = _z(berlin[berlin["KOM"] == "gültig"], CONTEXT)
    labels = kmeans(z, 5, seed=1).labels
    expected = metrics.silhouette_score(z, labels)
    assert silhouette(z, labels, sample_size=None) == pytest.approx(expected, abs=1e-9)
    assert calinski_harabasz(z, labels) == pytest.approx(metrics.calinski_harabasz_score(z, labels))


# --- k-means engine -------------------------------------------------------------------------------

def test_kmeans_same_seed_same_labels(berlin):
    z = _z(berlin[berlin["KOM"] == "gültig"], CONTEXT)
    one, two = kmeans(z, 6, seed=42), kmeans(z, 6, seed=42)
    assert (one.labels == two.labels).all() and one.inertia == two.inertia
    a = cluster_areas(berlin, CONTEXT, 6, seed=7).assignments
    b = cluster_areas(berlin, CONTEXT, 6, seed=7).assignments
    assert a.equals(b)


def test_kmeans_duplicates_and_small_cases():
    x = np.array([[0.0, 0.0]] * 5 + [[1.0, 1.0]] * 5)
    result = kmeans(x, 3, seed=0)  # only two distinct points: ties everywhere, no crash
    assert result.inertia == pytest.approx(0.0) and len(np.unique(result.labels)) >= 2
    assert (kmeans(x, 1).labels == 0).all()
    big = np.random.default_rng(0).normal(size=(3000, 3))
    assert len(np.unique(kmeans(big, 7, n_init=3).labels)) == 7


def test_silhouette_subsample_is_seeded():
    x = np.random.default_rng(1).normal(size=(900, 4))
    labels = kmeans(x, 3).labels
    assert silhouette(x, labels, 300, seed=5) == silhouette(x, labels, 300, seed=5)
    assert abs(silhouette(x, labels, 300, seed=5) - silhouette(x, labels, None)) < 0.1


# --- ordering, labels, summary -------------------------------------------------------------------

@pytest.mark.parametrize("method", ["kmeans", "ward"])
def test_cluster_one_has_highest_need(method):
    frame = _blobs()
    inds = [Indicator("alq", "Arbeitslosenquote"), Indicator("sgb", "Transferquote")]
    result = cluster_areas(frame, inds, 3, method)
    by_truth = pd.crosstab(frame["truth"], result.assignments["cluster"])
    assert by_truth.loc["hoch", 1] == by_truth.loc["mitte", 2] == by_truth.loc["gering", 3] == 50
    summary = result.summary
    assert summary["cluster"].tolist() == [1, 2, 3]
    assert summary["need_score"].is_monotonic_decreasing
    words = set(summary.loc[0, "cluster_label"].split(", "))
    assert words == {"Transferquote high", "Arbeitslosenquote high"}
    assert summary.loc[2, "cluster_label"].endswith("low")


def test_reversed_direction_and_supplied_need_change_the_order():
    frame = _blobs()
    reverse = cluster_areas(frame, [Indicator("alq", direction=-1), Indicator("sgb", direction=-1)], 3)
    assert (reverse.assignments.loc[frame["truth"] == "gering", "cluster"] == 1).all()
    need = -frame["alq"]
    supplied = cluster_areas(frame, ["alq", "sgb"], 3, need=need)
    assert (supplied.assignments.loc[frame["truth"] == "gering", "cluster"] == 1).all()


def test_profile_label_average_and_top_two():
    inds = [Indicator("a", "Kinderarmut"), Indicator("b", "Transferquote"), Indicator("c", "Wohndauer")]
    assert profile_label(np.array([0.1, -0.2, 0.3]), inds) == "average"
    assert profile_label(np.array([1.2, -0.2, -1.5]), inds) == "Wohndauer low, Kinderarmut high"
    assert profile_label(np.array([0.6, 0.2, 0.1]), inds) == "Kinderarmut high"


def test_summary_sums_of_squares_and_centres(berlin):
    result = cluster_areas(berlin, ["S1", "S3", "S4"], 4, valid=berlin["KOM"] == "gültig")
    s, t = result.summary, result.totals
    assert s["size"].sum() == 536 and s["share"].sum() == pytest.approx(100.0)
    assert t["total_ss"] == pytest.approx(535 * 3)  # z with sample SD: Σz² = (n−1)·p
    assert t["within_ss"] == pytest.approx(s["within_ss"].sum())
    assert t["between_ss"] + t["within_ss"] == pytest.approx(t["total_ss"])
    assert 0 < t["between_total_ratio"] < 1
    members = result.assignments["cluster"] == 1
    assert s.loc[0, "S1"] == pytest.approx(berlin.loc[members.fillna(False).astype(bool), "S1"].mean())
    assert {"z_S1", "z_S3", "z_S4", "cluster_label", "need_score"} <= set(s.columns)


def test_missing_values_get_no_cluster_unless_imputed():
    frame = _blobs()
    frame.loc[[0, 70], "alq"] = np.nan
    plain = cluster_areas(frame, ["alq", "sgb"], 3).assignments
    assert plain["cluster"].isna().sum() == 2 and plain.loc[0, "cluster_label"] is None
    imputed = cluster_areas(frame, ["alq", "sgb"], 3, impute="median").assignments
    assert imputed["cluster"].notna().all()
    with pytest.raises(MethodError) as err:
        cluster_areas(frame, ["alq", "sgb"], 3, impute="mean")
    assert err.value.code == "method_unknown"


# --- k suggestion ----------------------------------------------------------------------------------

def test_suggest_k_table(berlin):
    table = suggest_k(berlin, ["S1", "S3", "S4"], valid=berlin["KOM"] == "gültig")
    assert table["k"].tolist() == list(range(2, 9))
    assert {"silhouette", "calinski_harabasz", "within_ss", "between_total_ratio", "best_silhouette",
            "best_calinski_harabasz"} <= set(table.columns)
    assert table["within_ss"].is_monotonic_decreasing
    assert table["best_silhouette"].sum() >= 1
    assert pick_k(table) == table.loc[table["silhouette"].idxmax(), "k"]
    assert pick_k(suggest_k(_blobs(), ["alq", "sgb"])) == 3


def test_suggest_k_small_n_and_ward():
    frame = _blobs(2)  # 6 areas → k = 2 … 5
    assert suggest_k(frame, ["alq", "sgb"])["k"].tolist() == [2, 3, 4, 5]
    assert len(suggest_k(frame, ["alq", "sgb"], method="ward")) == 4


# --- errors ----------------------------------------------------------------------------------------

def test_clear_errors():
    frame = _blobs(3)
    frame["konst"] = 1.0
    frame["leer"] = np.nan
    cases = [(dict(indicators=["alq", "konst"], k=2), "field_constant"),
             (dict(indicators=["alq", "leer"], k=2), "all_missing"),
             (dict(indicators=["alq", "sgb"], k=10), "k_too_large"),
             (dict(indicators=["alq", "sgb"], k=0), "k_invalid"),
             (dict(indicators=["alq", "sgb"], k=2, method="dbscan"), "method_unknown"),
             (dict(indicators=["alq", "fehlt"], k=2), "field_not_found")]
    for kwargs, code in cases:
        with pytest.raises(MethodError) as err:
            cluster_areas(frame, **kwargs)
        assert err.value.code == code, kwargs
        assert "{" not in str(err.value)  # the English template was filled
    with pytest.raises(MethodError) as err:
        cluster_areas(frame, ["alq", "sgb"], 2, valid=[False] * 8 + [True])
    assert err.value.code == "too_few_areas"


def test_ward_refuses_large_n_before_allocating():
    z = np.zeros((50, 2))
    with pytest.raises(MethodError) as err:
        ward(z, 3, max_rows=40)
    assert err.value.code == "ward_too_large" and "k-means" in str(err.value)


def test_ward_without_scipy_says_so(monkeypatch):
    real_import = builtins.__import__

    def no_scipy(name, *args, **kwargs):
        if name.startswith("scipy"):
            raise ImportError("no scipy")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_scipy)
    with pytest.raises(MethodError) as err:
        ward(np.random.default_rng(0).normal(size=(10, 2)), 2)
    assert err.value.code == "scipy_missing"


def test_prepare_standardises_with_sample_sd():
    prep = prepare(_blobs(), ["alq", "sgb"])
    assert prep.z.std(axis=0, ddof=1) == pytest.approx([1.0, 1.0])
    assert prep.z.mean(axis=0) == pytest.approx([0.0, 0.0], abs=1e-12)
