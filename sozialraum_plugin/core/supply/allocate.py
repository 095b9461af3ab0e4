"""Splitting a budget by need ("Ungleiches ungleich behandeln"), to the cent.

Berlin's Wertausgleich: each district's weight is its target population times a social factor
(by need class, or a rule over a continuous index); the budget is split in proportion to the
weights. Exact sums: amounts are integer cents, the proportional quotas are exact fractions
(``fractions.Fraction``) and the cents left after rounding down go by the largest remainder
(ties: the district key, ascending). A floor or cap per district is kept by water-filling: the
proportional split is computed on the free districts, those below their floor (or above their
cap) are fixed there, the rest is split again, until none is out of bounds.

Factor rules (``FACTORS``), one syntax:

* classes: ``hoch=0.8;mittel=1.0;niedrig=1.2;sehr niedrig=1.5`` or by code ``1=0.8;2=1;3=1.2;4=1.5``;
  MSS labels in German or English name the same class (``high`` = ``hoch`` = ``1``); a decimal
  comma is read too (``1,2``);
* ``linear:LOW:HIGH``: a continuous index mapped linearly from its smallest value (factor LOW)
  to its largest (factor HIGH) over the districts that get money;
* ``slope:A:B[:MIN:MAX]``: factor = A + B × index, clipped to [MIN, MAX] (default [0, ∞)).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from ..errors import SozialraumError
from ..needs.mss_classes import CLASS_WORDS

# --- factor rules -------------------------------------------------------------------------------

def class_key(value) -> str | None:
    """The key a class is looked up by: an MSS status label in German or English → its code
    ('sehr niedrig', 'very low' → '4'); a whole number → its digits ('4.0' → '4'); other text
    lower-case and trimmed. None for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    if not text or text.upper() == "NULL":
        return None
    lowered = text.lower()
    for labels, _dyn, _group in CLASS_WORDS.values():
        if lowered in labels:
            return str(labels.index(lowered) + 1)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return lowered
    return str(int(number)) if number.is_integer() else repr(number)


def _number(text: str, what: str) -> float:
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise SozialraumError("allocate_factors_invalid", value=what) from None
    if not math.isfinite(value):
        raise SozialraumError("allocate_factors_invalid", value=what)
    return value


@dataclass
class FactorRule:
    """``kind`` classes | linear | slope. ``table``: class key → factor (``labels``: as written);
    ``params``: linear (low, high), slope (a, b, min, max)."""

    kind: str
    table: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)  # class key → the class as the user wrote it
    params: tuple = ()

    def text(self) -> str:
        if self.kind == "classes":
            return ";".join(f"{self.labels[k]}={_short(v)}" for k, v in self.table.items())
        params = list(self.params)
        if self.kind == "slope" and params[3] is None:  # no MAX: "slope:A:B" or "slope:A:B:MIN:"
            params = params[:2] if params[2] == 0 else params[:3] + [""]  # ("slope:A:B:MIN" is unreadable)
        return ":".join([self.kind] + [_short(p) for p in params])

    def factors(self, values, reference=None) -> list:
        """The factor of each need value (None: no factor, the district gets nothing); a linear
        rule spans the range of ``reference`` (default: ``values``)."""
        if self.kind == "classes":
            return [self.table.get(class_key(v)) for v in values]
        numbers = [_as_float(v) for v in values]
        if self.kind == "linear":
            low, high = self.params
            known = [x for x in (numbers if reference is None else [_as_float(v) for v in reference])
                     if x is not None]
            if not known:
                return [None] * len(numbers)
            lo, hi = min(known), max(known)
            span = hi - lo
            return [None if x is None else (low + high) / 2 if span == 0 else low + (x - lo) / span * (high - low)
                    for x in numbers]
        a, b, lo, hi = self.params
        return [None if x is None else min(max(a + b * x, lo), hi if hi is not None else math.inf)
                for x in numbers]

    def variants(self, share: float = 0.10) -> list:
        """(what changed, sign, rule) for each factor (class) or parameter changed by ±``share``."""
        out = []
        for sign in (+1, -1):
            scale = 1 + sign * share
            if self.kind == "classes":
                for key in self.table:
                    table = {**self.table, key: self.table[key] * scale}
                    out.append((self.labels[key], sign, replace(self, table=table)))
            else:
                names = ("LOW", "HIGH") if self.kind == "linear" else ("A", "B")  # as FACTORS names them
                for i, name in enumerate(names):
                    params = list(self.params)
                    params[i] = params[i] * scale
                    out.append((name, sign, replace(self, params=tuple(params))))
        return out


def _short(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _as_float(value) -> float | None:
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def parse_factors(text) -> FactorRule:
    """A FACTORS text or a definition's dict (``{"hoch": 0.8, …}``) as a :class:`FactorRule`."""
    if isinstance(text, dict):
        text = ";".join(f"{k}={v}" for k, v in text.items())
    source = str(text or "").strip()
    if not source:
        raise SozialraumError("allocate_factors_invalid", value="(empty)")
    head = source.split(":", 1)[0].strip().lower()
    if head in ("linear", "slope") and "=" not in source:
        parts = [p for p in source.split(":")[1:]]
        numbers = [_number(p, source) if p.strip() else None for p in parts]
        if head == "linear":
            if len(numbers) != 2 or None in numbers:
                raise SozialraumError("allocate_factors_invalid", value=source)
            params = tuple(numbers)
            if min(params) < 0:
                raise SozialraumError("allocate_factor_negative", value=source)
            return FactorRule("linear", params=params)
        if len(numbers) not in (2, 4) or None in numbers[:2]:
            raise SozialraumError("allocate_factors_invalid", value=source)
        lo, hi = (numbers[2], numbers[3]) if len(numbers) == 4 else (0.0, None)
        lo = 0.0 if lo is None else lo
        if lo < 0 or (hi is not None and hi < lo):
            raise SozialraumError("allocate_factors_invalid", value=source)
        return FactorRule("slope", params=(numbers[0], numbers[1], lo, hi))
    table, labels = {}, {}
    for part in [p for p in source.split(";") if p.strip()]:
        name, sep, value = part.partition("=")
        key = class_key(name)
        if not sep or key is None:
            raise SozialraumError("allocate_factors_invalid", value=part.strip())
        factor = _number(value, part.strip())
        if factor < 0:
            raise SozialraumError("allocate_factor_negative", value=part.strip())
        if key in table:
            raise SozialraumError("allocate_factor_twice", value=name.strip())
        table[key], labels[key] = factor, name.strip()
    return FactorRule("classes", table=table, labels=labels)


# --- money --------------------------------------------------------------------------------------

def amount(value, what: str) -> Decimal:
    """Euros as a Decimal: a number, or text as people write it: '1000000,50', '1.000.000,00',
    '1,000,000.00', '1 000 000'. A single mark followed by three digits ('250.000', '1,000') is
    refused: read as a decimal it would silently be a thousandth of what a German writer meant."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(value)  # (a float's shortest repr: 1234567.89, never 1234567.8899999)
    else:
        text = _amount_text(str(value), what, value)
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise SozialraumError("allocate_amount_invalid", what=what, value=value) from None
    if not result.is_finite():
        raise SozialraumError("allocate_amount_invalid", what=what, value=value)
    return result


def _amount_text(text: str, what: str, value) -> str:
    import re

    for space in " \u00a0\u202f€":
        text = text.replace(space, "")
    text = text.replace("\u2212", "-")
    if "," in text and "." in text:  # both: the last one is the decimal mark
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        group = "." if decimal == "," else ","
        if not re.fullmatch(r"[+-]?\d{1,3}(?:" + re.escape(group) + r"\d{3})+" + re.escape(decimal) + r"\d+", text):
            raise SozialraumError("allocate_amount_invalid", what=what, value=value)
        return text.replace(group, "").replace(decimal, ".")
    for mark in ".,":
        if text.count(mark) > 1:  # 1.000.000: thousands marks only
            if not re.fullmatch(r"[+-]?\d{1,3}(?:" + re.escape(mark) + r"\d{3})+", text):
                raise SozialraumError("allocate_amount_invalid", what=what, value=value)
            return text.replace(mark, "")
    if re.fullmatch(r"[+-]?[1-9]\d{0,2}[.,]\d{3}", text):
        raise SozialraumError("allocate_amount_ambiguous", what=what, value=value,
                              small=f"{Decimal(text.replace(',', '.')).normalize():f}", large=re.sub(r"[.,]", "", text))
    return text.replace(",", ".")


def cents(value, what: str, rounding=ROUND_HALF_UP) -> int:
    """Euros (a number or text, see :func:`amount`) as whole cents."""
    return int((amount(value, what) * 100).quantize(Decimal(1), rounding=rounding))


def budget_cents(value, what: str = "BUDGET") -> int:
    """A budget in whole cents. A budget with fractions of a cent (100.005) is refused: rounded,
    the allocations would add up to more (or less) than the money there is. (A float's binary
    noise, 0.30000000000000004, is no fraction of a cent.)"""
    exact = amount(value, what) * 100
    whole = exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if abs(exact - whole) > Decimal("0.000001"):
        raise SozialraumError("allocate_budget_fraction", what=what, value=value)
    return int(whole)


def euros(amount_cents: int) -> float:
    return amount_cents / 100


def _said(amount_cents: int) -> str:
    """An amount as a message names it: two decimals, no thousands mark ('2680000.00')."""
    return f"{amount_cents / 100:.2f}"


def largest_remainder(total: int, quotas: list, keys: list, caps: list | None = None) -> list:
    """Whole numbers summing to ``total``: each quota (an exact Fraction) rounded down, the rest
    one by one to the largest remainders (ties: the smaller key first). ``caps``: a district at
    its cap gets no extra unit (water-filling leaves it a quota ≤ its cap)."""
    base = [math.floor(q) for q in quotas]
    rest = total - sum(base)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - base[i]), str(keys[i])))
    i = 0
    while rest > 0 and order:
        at = order[i % len(order)]
        if caps is None or caps[at] is None or base[at] + 1 <= caps[at]:
            base[at] += 1
            rest -= 1
        i += 1
        if i > 10 * len(order) + rest:  # every district at its cap: cannot happen after the checks
            raise SozialraumError("allocate_caps_below_budget", caps="…", budget=_said(total))
    return base


@dataclass
class Allocation:
    """Per district (in the input's order): cents, the base (pure per-capita) cents, the factor,
    why it was left out ('' if not), and whether a floor or cap fixed it."""

    budget: int
    allocation: list
    base: list
    factor: list
    excluded: list
    bound: list  # '' | 'floor' | 'cap'


def allocate(keys: list, population: list, need: list, rule: FactorRule, budget: int,
             floors: list | None = None, caps: list | None = None) -> Allocation:
    """Split ``budget`` cents over the districts. ``population`` and ``need`` per district;
    ``floors``/``caps`` in cents (None: none). A district without a population (or ≤ 0 with no
    floor) or without a factor gets nothing and is named in ``excluded``."""
    n = len(keys)
    floors = floors or [None] * n
    caps = caps or [None] * n
    pops = [_as_float(p) for p in population]
    # a linear rule spans the index range of the districts with a population (those that get money)
    factors = rule.factors(list(need), [v for v, p in zip(need, pops) if p is not None and p >= 0])
    excluded = ["population" if p is None or p < 0 else "need" if f is None else "" for p, f in zip(pops, factors)]
    inside = [i for i in range(n) if not excluded[i]]
    weights = {i: Fraction(pops[i]) * Fraction(factors[i]) for i in inside}
    low = {i: (floors[i] or 0) for i in inside}
    high = {i: caps[i] for i in inside}
    _check_bounds(keys, inside, low, high, budget)
    amounts = _water_fill(keys, inside, weights, low, high, budget)
    result = [0] * n
    bound = [""] * n
    for i, (amount, fixed) in amounts.items():
        result[i], bound[i] = amount, fixed
    pop_total = sum(Fraction(pops[i]) for i in inside)
    if pop_total > 0:
        base_quota = [budget * Fraction(pops[i]) / pop_total for i in inside]
        base_cents = largest_remainder(budget, base_quota, [keys[i] for i in inside])
    else:
        base_cents = [0] * len(inside)
    base = [0] * n
    for i, amount in zip(inside, base_cents):
        base[i] = amount
    return Allocation(budget, result, base, [f if not excluded[i] else None for i, f in enumerate(factors)],
                      excluded, bound)


def _check_bounds(keys, inside, low, high, budget) -> None:
    if not inside:
        raise SozialraumError("allocate_nothing_to_split")
    for i in inside:
        if low[i] < 0:  # it never binds, but counted in the floors' sum it hid floors above the budget
            raise SozialraumError("allocate_floor_negative", key=keys[i], floor=_said(low[i]))
        if high[i] is not None and high[i] < low[i]:
            raise SozialraumError("allocate_floor_above_cap", key=keys[i], floor=_said(low[i]), cap=_said(high[i]))
    floor_sum = sum(low.values())
    if floor_sum > budget:
        raise SozialraumError("allocate_floors_above_budget", floors=_said(floor_sum), budget=_said(budget))
    if all(high[i] is not None for i in inside) and sum(high.values()) < budget:
        raise SozialraumError("allocate_caps_below_budget", caps=_said(sum(high.values())), budget=_said(budget))


def _water_fill(keys, inside, weights, low, high, budget) -> dict:
    """{district: (cents, '' | 'floor' | 'cap')}: proportional within the bounds, to the cent."""
    fixed: dict = {}
    while True:
        free = [i for i in inside if i not in fixed]
        rest = budget - sum(a for a, _ in fixed.values())
        total = sum(weights[i] for i in free)
        if not free:
            break
        # only districts of weight 0 left (no children, factor 0): their floors, and money left over
        # has nothing to follow
        quota = {i: (rest * weights[i] / total if total else Fraction(0)) for i in free}
        under = {i: low[i] - q for i, q in quota.items() if q < low[i]}
        over = {i: q - high[i] for i, q in quota.items() if high[i] is not None and q > high[i]}
        if not under and not over:
            if total == 0 and rest:
                raise SozialraumError("allocate_nothing_to_split")
            whole = largest_remainder(rest, [quota[i] for i in free], [keys[i] for i in free],
                                      [high[i] for i in free])
            fixed.update({i: (a, "") for i, a in zip(free, whole)})
            break
        if sum(under.values()) >= sum(over.values()):
            fixed.update({i: (low[i], "floor") for i in under})
        else:
            fixed.update({i: (high[i], "cap") for i in over})
    return fixed


# --- sensitivity --------------------------------------------------------------------------------

@dataclass
class Sensitivity:
    """Per variant (what changed, +1/−1, allocations in cents) and the largest change."""

    variants: list
    largest: int  # cents
    largest_at: tuple = ()  # (variant name, sign, district key)
    kind: str = "classes"  # the rule's: a continuous rule's variants are its parameters (LOW, HIGH, A, B)


def sensitivity(keys, population, need, rule: FactorRule, budget: int, floors=None, caps=None,
                share: float = 0.10, base: Allocation | None = None) -> Sensitivity:
    """Each factor (class) or rule parameter changed by +``share`` and −``share``: the allocations."""
    base = base or allocate(keys, population, need, rule, budget, floors, caps)
    out, largest, where = [], 0, ()
    for name, sign, variant in rule.variants(share):
        other = allocate(keys, population, need, variant, budget, floors, caps)
        out.append((name, sign, other.allocation))
        for key, a, b in zip(keys, base.allocation, other.allocation):
            if abs(b - a) > largest:
                largest, where = abs(b - a), (name, sign, key)
    return Sensitivity(out, largest, where, rule.kind)
