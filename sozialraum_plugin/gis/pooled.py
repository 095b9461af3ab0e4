"""Pooled class breaks: one classification over several years' (fields') values together.

As mapclassify's ``Pooled`` does: the values of every year are put together, classified once with
the chosen method (QGIS's own Jenks, quantiles, equal intervals, pretty breaks; the plugin's own
methods, the symmetric classes of a change map), and the same breaks are applied to every year, so
that a colour means the same value on each map. Only the values a map shows enter the pool: areas
not assessed, without a value, or hidden by the publication rule (``hidden_of(field)`` is true)
stay out, as they stay out of a single map's classes.
"""
from __future__ import annotations

import re

from .classify import Classification, MapError, classify, default_words
from .styles import _numbers, read_values

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def field_year(name: str) -> int | None:
    """The year in a field's name (``S3_2019``, ``2021_Anteil``, ``Anteil_in_%_2018``), the last one."""
    found = _YEAR.findall(name or "")
    return int(found[-1]) if found else None


def year_twin(name: str | None, field: str, other: str) -> str | None:
    """``name`` (a column of ``field``'s year) for the year of ``other``: the numerator of
    ``Anteil_2020`` given ``Anzahl_2019`` for ``Anteil_2019`` is ``Anzahl_2020``. None where
    ``name`` does not carry ``field``'s year."""
    year, wanted = field_year(field), field_year(other)
    if not name or year is None or wanted is None or str(year) not in name:
        return None
    head, _, tail = name.rpartition(str(year))
    return f"{head}{wanted}{tail}"


def span_text(fields: list[str]) -> str:
    """'2018–2021' for year fields, else the field names joined."""
    years = [field_year(f) for f in fields]
    if years and all(y is not None for y in years):
        return f"{min(years)}\u2013{max(years)}"
    return ", ".join(fields)


def pooled_classification(layer, fields: list[str], method: str, classes: int = 5, *, valid_field=None,
                          hidden_of=None, unit: str = "", interval=None, multiples=None,
                          words=None) -> Classification:
    """The classes of all ``fields`` of ``layer`` pooled; the note says they are shared."""
    words = default_words(words)
    if valid_field and layer.fields().indexFromName(valid_field) < 0:
        valid_field = None
    pool: list[float] = []
    for name in fields:
        if layer.fields().indexFromName(name) < 0:
            raise MapError("column_not_found", column=name, file=layer.name(),
                           columns=", ".join(layer.fields().names()))
        raw, *_counts = read_values(layer, name, valid_field, hidden_of(name) if hidden_of else "false")
        pool += _numbers(raw, name)
    if not pool:
        raise MapError("all_missing", column=", ".join(fields))
    result = classify(pool, method, classes, unit=unit, interval=interval, multiples=multiples,
                      column=", ".join(fields), words=words)
    result.note = words.translate("MapText", "{note}; the same classes for {span} (pooled over all values)").format(
        note=result.note, span=span_text(fields))
    return result
