"""Review of sozialraum:aggregate's core (issue 15 part 5): output names, counts as offices write
them, the parent figure on a district's profile page against the city value."""
from __future__ import annotations

import pandas as pd
import pytest

from sozialraum_plugin.core.areas.aggregate import CHILDREN, aggregate
from sozialraum_plugin.core.errors import MethodError


def _children(**columns) -> pd.DataFrame:
    return pd.DataFrame({"k": ["a", "b", "c"], "p": ["P", "P", "Q"], **columns})


@pytest.mark.parametrize("count, clash", [(CHILDREN, CHILDREN), ("p", "p"), ("suppressed_fields", "suppressed_fields")])
def test_a_count_with_the_name_of_an_output_column_is_refused(count, clash):
    """A count named n_children (the BZR layer aggregated again to Bezirke) overwrote the number
    of districts with its sum: 'P' came out with n_children 30 for 2 districts, and one column."""
    children = _children(**{count: [10, 20, 5]}) if count != "p" else _children()
    with pytest.raises(MethodError) as error:
        aggregate(children, children["p"], [count], keys=children["k"], parent_column="p", name_column="name")
    assert error.value.code == "aggregate_count_name_taken" and clash in str(error.value)
