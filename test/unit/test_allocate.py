"""sozialraum:allocate's core: exact cents, floors and caps, factor rules, sensitivity, the rule."""
from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.supply.allocate import allocate, cents, class_key, parse_factors, sensitivity
from sozialraum_plugin.core.supply.allocate_publish import hidden_rows
from sozialraum_plugin.core.supply.allocate_table import AllocationInput, csv_text, district_sheet, money

RULE = parse_factors("hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5")


def test_factors_by_label_in_either_language_and_by_code_are_the_same_rule():
    by_code = parse_factors("1=0.8;2=1;3=1,2;4=1.5")
    assert RULE.table == by_code.table == parse_factors({"high": 0.8, "medium": 1, "low": 1.2, "very low": 1.5}).table
    assert RULE.factors(["sehr niedrig", "very low", 4, "4", 4.0, "hoch", None, "x"]) == [1.5] * 5 + [0.8, None, None]
    assert class_key(" Sehr Niedrig ") == "4"


@pytest.mark.parametrize("text", ["", "hoch", "hoch=x", "linear:1", "slope:a:b", "hoch=1;hoch=2", "1=-1"])
def test_bad_factors_name_what_is_wrong(text):
    with pytest.raises(SozialraumError) as error:
        parse_factors(text)
    assert error.value.code.startswith("allocate_factor")


def test_continuous_rules():
    linear = parse_factors("linear:0.5:1.5")
    assert linear.factors([-2, 0, 2]) == [0.5, 1.0, 1.5]
    slope = parse_factors("slope:1:0.2:0.5:1.5")
    assert slope.factors([-10, 0, 1, 10]) == [0.5, 1.0, 1.2, 1.5]


def test_budget_in_cents():
    assert cents("1000000", "BUDGET") == 100_000_000
    assert cents("1234,565", "BUDGET") == 123457
    with pytest.raises(SozialraumError):
        cents("eine Million", "BUDGET")


def test_wertausgleich_example_by_hand():
    # 3 districts: 100 children (hoch, 0.8), 100 (mittel, 1.0), 50 (sehr niedrig, 1.5) → weights 80, 100, 75
    result = allocate(["a", "b", "c"], [100, 100, 50], ["hoch", "mittel", "sehr niedrig"], RULE, cents(255, "B"))
    assert result.allocation == [8000, 10000, 7500]
    assert result.base == [10200, 10200, 5100]
    assert sum(result.allocation) == sum(result.base) == 25500


def test_a_cent_that_cannot_be_split_goes_by_remainder_then_key():
    result = allocate(["b", "a", "c"], [1, 1, 1], ["2", "2", "2"], RULE, 100)
    assert sorted(result.allocation) == [33, 33, 34] and result.allocation[1] == 34  # key 'a' first


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from([1, 2, 3, 4])), min_size=1, max_size=7),
       st.integers(1, 100_000))
def test_sum_is_exact_and_proportional_within_a_cent(rows, budget):
    pops, classes = [p for p, _ in rows], [c for _, c in rows]
    keys = [f"k{i}" for i in range(len(rows))]
    if not any(pops):
        with pytest.raises(SozialraumError):
            allocate(keys, pops, classes, RULE, budget)
        return
    result = allocate(keys, pops, classes, RULE, budget)
    assert sum(result.allocation) == budget and sum(result.base) == budget
    weights = [Fraction(p) * Fraction(RULE.table[str(c)]) for p, c in zip(pops, classes)]
    for amount, weight in zip(result.allocation, weights):
        assert abs(amount - budget * weight / sum(weights)) < 1


def _bounds_cases():
    """Every combination of floors/caps (none, low, high) on 3 districts of 3 classes, two budgets."""
    choices = [None, 0, 500, 2000]
    for floors in itertools.product(choices, repeat=3):
        for caps in itertools.product([None, 300, 1500, 5000], repeat=3):
            for budget in (1000, 4001):
                yield list(floors), list(caps), budget


def test_floors_and_caps_hold_and_the_sum_is_exact_in_every_small_case():
    pops, classes, keys = [10, 30, 7], ["hoch", "mittel", "sehr niedrig"], ["x", "y", "z"]
    feasible = infeasible = 0
    for floors, caps, budget in _bounds_cases():
        low = [f or 0 for f in floors]
        if any(c is not None and c < f for f, c in zip(low, caps)) or sum(low) > budget \
                or (None not in caps and sum(caps) < budget):
            with pytest.raises(SozialraumError) as error:
                allocate(keys, pops, classes, RULE, budget, floors, caps)
            assert error.value.code in ("allocate_floor_above_cap", "allocate_floors_above_budget",
                                        "allocate_caps_below_budget")
            infeasible += 1
            continue
        result = allocate(keys, pops, classes, RULE, budget, floors, caps)
        feasible += 1
        assert sum(result.allocation) == budget
        for amount, f, c in zip(result.allocation, low, caps):
            assert amount >= f and (c is None or amount <= c)
        # water-filling: the free districts stay proportional to their weights (within a cent)
        free = [i for i in range(3) if not result.bound[i]]
        weights = [p * RULE.table[class_key(c)] for p, c in zip(pops, classes)]
        for i, j in itertools.combinations(free, 2):
            assert abs(result.allocation[i] * weights[j] - result.allocation[j] * weights[i]) <= weights[i] + weights[j]
    assert feasible > 500 and infeasible > 100


def test_infeasible_bounds_name_the_values():
    with pytest.raises(SozialraumError) as error:
        allocate(["a", "b"], [1, 1], [1, 1], RULE, 1000, floors=[600, 600])
    assert "12.0" in str(error.value) and "10.0" in str(error.value)


def test_districts_without_population_or_factor_get_nothing_and_are_named():
    result = allocate(["a", "b", "c", "d"], [10, None, 5, 5], ["1", "1", None, "2"], RULE, 1000)
    assert result.excluded == ["", "population", "need", ""] and result.allocation[1] == result.allocation[2] == 0
    assert sum(result.allocation) == 1000


def test_sensitivity_changes_each_class_both_ways():
    keys, pops, classes = ["a", "b", "c"], [100, 100, 50], ["1", "2", "4"]
    base = allocate(keys, pops, classes, RULE, 25500)
    sens = sensitivity(keys, pops, classes, RULE, 25500, base=base)
    assert len(sens.variants) == 8
    for _name, _sign, values in sens.variants:
        assert sum(values) == 25500
    assert sens.largest > 0 and sens.largest_at


def test_rule_pairs_a_hidden_district_with_one_of_its_class():
    alloc = [100, 200, 300, 400, 500, 600]
    factor = [1.0, 1.5, 1.0, 1.5, 1.0, 0.8]
    rule = hidden_rows(alloc, factor, {1}, classes=True)
    assert rule.hidden == {1, 3}  # the smallest shown of factor 1.5
    rule = hidden_rows(alloc, factor, {1, 5}, classes=True)  # 0.8: no other district has it
    assert {1, 3} <= rule.hidden and 5 in rule.factor_hidden
    # a district at its floor has a known amount: it is no partner (the other would be the budget's rest)
    rule = hidden_rows(alloc, factor, {1}, classes=True, bound={3})
    assert 3 not in rule.hidden and 1 in rule.factor_hidden and len(rule.hidden) >= 2
    continuous = hidden_rows(alloc, [0.5, 0.6, 0.7, 0.8, 0.9, 1.0], {0, 1}, classes=False)
    assert len(continuous.hidden) == 3


def test_published_sheet_hides_money_of_hidden_districts_and_prints_their_sum():
    keys, pops, classes = ["a", "b", "c", "d"], [2, 100, 120, 80], ["2", "2", "2", "1"]
    alloc = allocate(keys, pops, classes, RULE, 100_000_00)
    rule = hidden_rows(alloc.allocation, alloc.factor, {0}, classes=True)
    data = AllocationInput(keys, keys, pops, classes, "status_code", "unter6")
    sheet = district_sheet(data, alloc, rule, "en")
    text = csv_text(sheet, "en")
    hidden_amount = f"{alloc.allocation[0] / 100:.2f}"
    assert hidden_amount not in text and text.count("·") >= 8
    shown = sum(alloc.allocation[i] for i in range(4) if i not in rule.hidden)
    assert len(rule.hidden) >= 2 and 100_000_00 - shown != alloc.allocation[0]
    assert money(123456789, "de") == "1.234.567,89 €" and money(123456789, "en") == "1,234,567.89 €"


def test_definition_section_round_trips_and_names_what_is_wrong(sample_dir):
    from sozialraum_plugin.core.report.definition import ReportDefinition, load
    from sozialraum_plugin.core.supply.allocation_spec import allocation_from_json

    d = load(str(sample_dir / "berlin" / "sozialbericht_berlin_2021.json"))
    assert d.allocation.population == "unter6" and d.allocation.factors_text().startswith("hoch=0.8;")
    assert ReportDefinition.from_dict(d.to_dict(), d.base_dir).allocation == d.allocation
    assert {"allocation", "need_factor", "per_capita"} <= d.made_fields()
    assert ("allocation.need_field", "status_class") in d.referenced_ids()
    for bad, word in (({"budget": 0, "population": "u6"}, "budget"),
                      ({"budget": 5, "population": "u6", "factors": "x"}, "x"),
                      ({"budget": 5}, "population"), ({"budget": 5, "population": "u6", "cents": 1}, "cents")):
        with pytest.raises(SozialraumError) as error:
            allocation_from_json(bad, "b.json")
        assert "b.json" in str(error.value) and word in str(error.value)
    assert allocation_from_json(None) is None
