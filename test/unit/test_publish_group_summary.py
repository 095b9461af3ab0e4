import pandas as pd

from sozialraum_plugin.core.publish.group_summary import mask_group_summary


def test_a_centre_over_a_hidden_cell_is_hidden_with_what_is_computed_from_it():
    summary = pd.DataFrame({"cluster": [1, 2], "size": [2, 1], "need_score": [0.5, -0.5], "within_ss": [1.0, 0.0],
                            "n": [6.0, 40.0], "z_n": [-0.7, 0.7], "m": [10.0, 20.0], "z_m": [-1.0, 1.0]})
    groups = pd.Series([1, 1, 2])
    mask = pd.DataFrame({"n": [True, False, False], "m": [False, False, False]})
    out = mask_group_summary(summary, groups, mask, ["n", "m"])
    # (2 × 6 − the shown 10) would give back the hidden 2
    assert out.loc[0, ["n", "z_n", "need_score", "within_ss"]].tolist() == ["·"] * 4
    assert out.loc[0, "m"] == 10.0 and out.loc[0, "z_m"] == -1.0
    assert out.loc[1].tolist() == summary.loc[1].tolist()
