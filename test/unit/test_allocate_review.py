"""Review of sozialraum:allocate (issue 17.2): amounts as a German finance department writes
them, budgets with fractions of a cent, and the definition's budget given as text."""
from __future__ import annotations

import pytest

from sozialraum_plugin.core.errors import SozialraumError
from sozialraum_plugin.core.supply.allocate import allocate, budget_cents, cents, parse_factors
from sozialraum_plugin.core.supply.allocation_spec import allocation_from_json

RULE = parse_factors("hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5")


@pytest.mark.parametrize("text, expected", [("1.000.000,00", 100_000_000), ("1.000.000", 100_000_000),
                                            ("1,000,000.00", 100_000_000), ("1.234.567,89 €", 123_456_789),
                                            ("1000000,50", 100_000_050), ("2.500,5", 250_050),
                                            ("1 000 000", 100_000_000), (1234567.89, 123_456_789)])
def test_amounts_as_written_in_german_or_english(text, expected):
    assert cents(text, "BUDGET") == expected == budget_cents(text)


@pytest.mark.parametrize("text", ["250.000", "1.000", "5,000"])
def test_a_single_thousands_mark_is_not_read_as_a_decimal(text):
    # '250.000' was 250,00 €: a thousandth of the budget a German writer meant, without a word
    with pytest.raises(SozialraumError) as error:
        cents(text, "FLOOR")
    assert error.value.code == "allocate_amount_ambiguous"
    message = str(error.value)
    assert "FLOOR" in message and text in message and text.replace(".", "").replace(",", "") in message


def test_a_budget_with_fractions_of_a_cent_is_refused_not_rounded_up():
    # 100.005 € rounded half up gave allocations adding up to 100,01 €: more than the money there is
    with pytest.raises(SozialraumError) as error:
        budget_cents(100.005)
    assert error.value.code == "allocate_budget_fraction" and "100.005" in str(error.value)
    assert budget_cents(0.1 + 0.2) == 30  # a float's binary noise is no fraction of a cent
    result = allocate(["a", "b", "c"], [1, 1, 1], ["1", "2", "3"], RULE, budget_cents("0,01"))
    assert sum(result.allocation) == 1 == sum(result.base)


def test_the_definition_takes_a_german_budget_and_names_an_ambiguous_floor():
    spec = allocation_from_json({"budget": "1.000.000,00", "population": "unter6"}, "b.json")
    assert budget_cents(spec.budget) == 100_000_000
    for bad, word in (({"budget": "1.000", "population": "u6"}, "1000"),
                      ({"budget": 100.005, "population": "u6"}, "100.005"),
                      ({"budget": 5, "population": "u6", "floor": "5.000"}, "5000")):
        with pytest.raises(SozialraumError) as error:
            allocation_from_json(bad, "b.json")
        assert "b.json" in str(error.value) and word in str(error.value)
    assert allocation_from_json({"budget": 5, "population": "u6", "floor": "mindest"}, "b.json").floor == "mindest"


@pytest.mark.parametrize("text", ["slope:1:0.2", "slope:1:0.2:0.5:", "slope:1:0.2:0.5:2", "slope:1:0.2::3",
                                  "linear:0.5:1.5", "hoch=0.8;mittel=1,0"])
def test_the_factors_text_reads_back_as_the_same_rule(text):
    # the report hands factors_text() to sozialraum:allocate: "slope:1:0.2" came out as
    # "slope:1:0.2:0", which FACTORS refuses, so a report with a slope rule without MAX failed
    rule = parse_factors(text)
    again = parse_factors(rule.text())
    assert (again.kind, again.table, again.params) == (rule.kind, rule.table, rule.params)
    spec = allocation_from_json({"budget": 5, "population": "u6", "factors": text})
    assert parse_factors(spec.factors_text()).params == rule.params


def test_a_negative_floor_is_refused_not_a_negative_allocation():
    # floors [-1000, 600, 600] of a 1000 € budget passed the check (sum 200 €) and gave district a
    # −200,00 €: the sum was exact, one allocation was negative
    with pytest.raises(SozialraumError) as error:
        allocate(["a", "b", "c"], [10, 10, 10], ["1", "1", "1"], RULE, 100_000, floors=[-100_000, 60_000, 60_000])
    assert error.value.code == "allocate_floor_negative" and "a" in str(error.value) and "-1000.00" in str(error.value)


def test_a_continuous_rules_sensitivity_names_its_parameters_as_factors_does():
    # the sheet said "low +10 %" / "a −10 %", English words in a German table; now the parameter
    # names of FACTORS (linear:LOW:HIGH, German linear:UNTEN:OBEN; slope:A:B), through the words
    from sozialraum_plugin.core.supply.allocate import sensitivity
    from sozialraum_plugin.core.supply.allocate_table import AllocationInput, sensitivity_sheet

    keys, pops, index = ["a", "b", "c"], [10, 20, 30], [-1.0, 0.0, 2.0]
    for text, names in (("linear:0.5:1.5", ("LOW", "HIGH")), ("slope:1:0.2", ("A", "B"))):
        rule = parse_factors(text)
        alloc = allocate(keys, pops, index, rule, 100_000)
        sens = sensitivity(keys, pops, index, rule, 100_000, base=alloc)
        data = AllocationInput(keys, keys, pops, index, "status_index", "u6")
        headers = [c.header for c in sensitivity_sheet(data, alloc, sens, None, "en").columns]
        for name in names:
            assert f"{name} +10 %: allocation (€)" in headers and f"{name} −10 %: change (€)" in headers
        assert not [h for h in headers if h.split(" ")[0] in ("low", "high", "a", "b")]
