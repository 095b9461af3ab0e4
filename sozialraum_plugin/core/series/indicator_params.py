"""Indicators as the algorithms take them: ``INDICATORS`` (JSON) and the older text parameters.

``INDICATORS`` is a JSON list of :meth:`~..indicators.Indicator.to_dict` objects, what a report
definition's ``"indicators"`` holds (a whole definition object is read for that list). The report
hands its indicators on so; nothing is re-parsed from "S1=Label|%" strings.

The older parameters keep working for users' models and scripts, read here and nowhere else into
the same Indicator objects: ``LABELS`` (``S1=Label|unit|decimals;…``), ``DIRECTIONS`` (``S1=+1``,
``-1``, ``0``), ``RATES`` (``S1=numerator/denominator``), ``COUNT_FIELDS``, ``THRESHOLDS``
(``S1=5``), and sozialraum:indicators' ``RATES`` / ``CHANGES`` (what to compute). Where INDICATORS
describes a field, its entry wins as a whole: the older parameters' entries for it are ignored
(:attr:`Resolved.overridden` names them for a warning).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from ..errors import MethodError, SozialraumError
from ..formatting import MINUS
from .change_direction import inherit_directions
from .indicators import Indicator

# --- INDICATORS ------------------------------------------------------------------------------------


def indicators_json(indicators: Iterable[Indicator]) -> str:
    """The INDICATORS text of ``indicators`` (one line of JSON)."""
    return json.dumps([ind.to_dict() for ind in indicators], ensure_ascii=False)


def parse_indicators(text: str, parameter: str = "INDICATORS") -> list[Indicator]:
    """The indicators of an INDICATORS text (empty: none). A message names the entry
    (``INDICATORS[1] (S3)``, counted from 0 as in a definition's ``indicators[1]``) and the field."""
    text = (text or "").strip()
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MethodError("indicators_json_syntax", parameter=parameter, row=error.lineno, column=error.colno,
                          reason=error.msg) from None
    if isinstance(data, dict) and "indicators" in data:
        data = data["indicators"]  # a whole report definition
    if not isinstance(data, list):
        raise MethodError("indicators_not_list", parameter=parameter)
    data = inherit_directions(data)
    found, seen = [], {}
    for n, item in enumerate(data):
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"{parameter}[{n}]" + (f" ({ident})" if isinstance(ident, str) and ident else "")

        def bad(reason: str) -> MethodError:
            return MethodError("indicators_entry_invalid", entry=where, reason=reason)  # noqa: B023

        if not isinstance(item, dict):
            raise bad("not an object {…}")
        if not isinstance(ident, str) or not ident.strip():
            raise bad('"id" (the field the indicator describes) is missing or not a text')
        if ident in seen:
            raise bad(f"the id {ident} is already used by {parameter}[{seen[ident]}]")
        seen[ident] = n
        try:
            found.append(Indicator.from_dict(item))
        except SozialraumError as error:
            raise bad(error.english()) from None
        except (TypeError, ValueError) as error:  # e.g. "change_between": 2021
            raise bad(str(error)) from None
    return found


# --- the older text parameters ---------------------------------------------------------------------

def _entries(text: str, error: Callable[[str], SozialraumError]):
    """``name``, the text after ``=`` and the entry, for each ``name=…`` of a ``;``/line list."""
    for raw in re.split(r"[;\n]", text or ""):
        entry = raw.strip()
        if not entry:
            continue
        name, sep, rest = entry.partition("=")
        if not sep or not name.strip():
            raise error(entry)
        yield name.strip(), rest.strip(), entry


def parse_labels(text: str) -> dict[str, dict]:
    """``S1=Arbeitslosigkeit|%|1;S3=Transferbezug|%`` → {field: {label, unit, decimals}}."""
    found = {}
    for name, rest, entry in _entries(text, lambda e: MethodError("profile_labels_invalid", entry=e)):
        parts = [p.strip() for p in rest.split("|")]
        spec = {"label": parts[0] or name, "unit": parts[1] if len(parts) > 1 else ""}
        if len(parts) > 2 and parts[2]:
            if not parts[2].isdigit():
                raise MethodError("profile_labels_invalid", entry=entry)
            spec["decimals"] = int(parts[2])
        found[name] = spec
    return found


# what users write in DIRECTIONS ('hoch'/'niedrig' too: input words, not output text)
_DIRECTION_WORDS = {"+1": 1, "+": 1, "1": 1, "higher": 1, "hoch": 1, "-1": -1, "-": -1, MINUS: -1,
                    "lower": -1, "niedrig": -1, "0": 0, "none": 0, "neutral": 0}


def parse_directions(text: str) -> dict[str, int]:
    """``S1=+1;D3=-1;KI_16=0``: +1 higher value = more need, −1 lower = more need, 0 none."""
    found = {}
    for name, rest, entry in _entries(text, lambda e: MethodError("profile_directions_invalid", entry=e)):
        if rest.lower() not in _DIRECTION_WORDS:
            raise MethodError("profile_directions_invalid", entry=entry)
        found[name] = _DIRECTION_WORDS[rest.lower()]
    return found


RATES_FORM = "name=numerator/denominator (optionally |unit), separated by ;"
CHANGES_FORM = "name=field:2019-2021 or name=numerator/denominator:2019-2021 (optionally |unit)"


def _specs(text: str, parameter: str, form: str):
    """``name``, spec and unit of ``name=spec|unit`` entries (sozialraum:indicators' RATES, CHANGES)."""
    def error(entry: str) -> MethodError:
        return MethodError("indicator_entry_invalid", entry=entry, parameter=parameter, form=form)

    for name, rest, entry in _entries(text, error):
        spec, _, unit = rest.partition("|")
        if not spec.strip():
            raise error(entry)
        yield name, spec.strip(), unit.strip(), entry


def _counts(spec: str):
    num, sep, den = spec.partition("/")
    return (num.strip(), den.strip()) if sep and num.strip() and den.strip() else None


def _rates(text: str):
    """``name``, (numerator, denominator) and unit of each RATES entry ``name=numerator/denominator|unit``."""
    for name, spec, unit, entry in _specs(text, "RATES", RATES_FORM):
        counts = _counts(spec)
        if counts is None:
            raise MethodError("indicator_entry_invalid", entry=entry, parameter="RATES", form=RATES_FORM)
        yield name, counts, unit


def parse_rate_pairs(text: str) -> dict[str, tuple[str, str]]:
    """``anteil=auslaender/einwohner`` → {field: (numerator, denominator)}: the counts of a field
    (the profile sheets' RATES: the city value is pooled from them)."""
    return {name: counts for name, counts, _unit in _rates(text)}


def parse_rates(text: str, unit: str = "%", shares: bool = True) -> list[Indicator]:
    """``quote=sgb2/ew;dichte=kitas/kinder|je 1.000`` → rate indicators to compute (scale from the unit)."""
    return [Indicator(name, unit=own_unit or unit, kind="rate", numerator=counts[0], denominator=counts[1],
                      share=None if shares else False) for name, counts, own_unit in _rates(text)]


def _points(unit: str) -> str:
    """The unit of a change of a rate in ``unit``: its points (the same scale), so it is not read
    as a relative change."""
    return {"%": "Pp.", "‰": "‰-Pkt."}.get(unit.strip(), unit)


def parse_changes(text: str, unit: str = "%", shares: bool = True) -> list[Indicator]:
    """``d_quote=quote:2019-2021`` (a change of a field's year columns ``quote_2019`` …) or
    ``d_quote=sgb2/ew:2019-2021`` (a change of a rate, in points)."""
    out = []
    for name, spec, own_unit, entry in _specs(text, "CHANGES", CHANGES_FORM):
        source, sep, years = spec.rpartition(":")
        start, dash, end = years.strip().partition("-")
        if not sep or not source.strip() or not dash or not start.strip().isdigit() or not end.strip().isdigit():
            raise MethodError("indicator_entry_invalid", entry=entry, parameter="CHANGES", form=CHANGES_FORM)
        between = (int(start), int(end))
        counts = _counts(source)
        if counts:
            out.append(Indicator(name, unit=own_unit or _points(unit), kind="rate", numerator=counts[0],
                                 denominator=counts[1], change_between=between, share=None if shares else False))
        else:
            out.append(Indicator(name, unit=own_unit, base=source.strip(), change_between=between))
    return out


def parse_thresholds(text: str) -> dict[str, float]:
    """``kinder=5;sgb2=10`` → {field: 5.0, …}: an indicator's own threshold."""
    found = {}
    for name, rest, entry in _entries(text, lambda e: MethodError("profile_thresholds_invalid", entry=e)):
        try:
            number = float(rest.replace(",", "."))
        except ValueError:
            number = -1.0
        if number < 0:
            raise MethodError("profile_thresholds_invalid", entry=entry)
        found[name] = number
    return found


# --- both together: the indicators of an algorithm's fields ------------------------------------------

@dataclass
class Resolved:
    indicators: list  # one Indicator per field, in the fields' order
    overridden: list = field(default_factory=list)  # fields the older parameters named, ignored for INDICATORS
    unused: list = field(default_factory=list)  # INDICATORS ids that are none of the fields


def resolve_indicators(fields: Sequence[str], indicators: str = "", *, labels: str = "", directions: str = "",
                       rates: str = "", counts: Iterable[str] = (), thresholds: str = "",
                       alias: Callable[[str], str] | None = None, default_direction: int = 0,
                       strict: bool = True) -> Resolved:
    """One Indicator per field: its INDICATORS entry where there is one (its label, when none is
    given, the field's ``alias``), else one made of the older parameters (label, unit, decimals
    from LABELS, default 1; direction from DIRECTIONS, else ``default_direction``; counts from
    RATES; a count when in ``counts``; THRESHOLDS). ``strict``: an older parameter naming a field
    that is not among ``fields`` is an error (the profile sheets' rule)."""
    fields = list(fields)
    given = {ind.id: ind for ind in parse_indicators(indicators)}
    older = {"LABELS": parse_labels(labels), "DIRECTIONS": parse_directions(directions),
             "RATES": parse_rate_pairs(rates), "THRESHOLDS": parse_thresholds(thresholds)}
    if strict:
        for parameter, names in older.items():
            unknown = [n for n in names if n not in fields]
            if unknown:
                raise MethodError("profile_unknown_indicator", parameter=parameter, field=unknown[0],
                                  fields=", ".join(fields))
    count_set = set(counts)
    alias = alias or (lambda name: name)
    out, overridden = [], []
    for name in fields:
        if name in given:
            ind = given[name]
            if ind.label == ind.id and alias(name) != name:
                ind.label = alias(name)  # no label given: the layer's alias, as for the older parameters
            out.append(ind)
            if name in count_set or any(name in names for names in older.values()):
                overridden.append(name)
            continue
        spec = older["LABELS"].get(name, {})
        numerator, denominator = older["RATES"].get(name, (None, None))
        out.append(Indicator(name, label=spec.get("label") or alias(name), unit=spec.get("unit", ""),
                             direction=older["DIRECTIONS"].get(name, default_direction),
                             kind="count" if name in count_set else "value", numerator=numerator,
                             denominator=denominator, decimals=spec.get("decimals", 1),
                             threshold=older["THRESHOLDS"].get(name)))
    return Resolved(out, overridden, [i for i in given if i not in fields])
