"""The publication rule as a standalone map applies it: which of the mapped fields are counts,
which are rates of counts, and the threshold the map's note prints.

No rule of its own: :func:`~.rule.publication_rule` decides; this only says what the map's
parameters declare (``COUNT_FIELDS``, "FIELD is a count", ``NUMERATOR_FIELD`` /
``DENOMINATOR_FIELD``, ``SUPPRESS_BELOW``).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from ..series.indicators import Indicator
from .disclosure import DEFAULT_THRESHOLD
from .rule import Publication, publication_rule


def map_publication(frame: pd.DataFrame, fields: Sequence[str], *, counts: Sequence[str] = (),
                    rates: Mapping[str, tuple] | None = None, threshold: float = DEFAULT_THRESHOLD,
                    hidden: pd.DataFrame | None = None) -> Publication:
    """The rule over the mapped ``fields`` of a district table (one row per area).

    ``counts``: fields that are counts (hidden from 1 to below ``threshold``; count columns that
    are not mapped, e.g. a numerator, are checked too). ``rates``: ``{field: (numerator,
    denominator)}``; a denominator may be None: the rate is hidden where its numerator is.
    ``hidden``: cells hidden already (the input's ``suppressed_fields``).
    """
    rates = dict(rates or {})
    indicators, derived = [], {}
    for name in dict.fromkeys(fields):
        numerator, denominator = rates.get(name, (None, None))
        if numerator and denominator:
            indicators.append(Indicator(name, numerator=numerator, denominator=denominator))
        elif numerator:
            derived[name] = [numerator]
        else:
            indicators.append(Indicator(name, kind="count" if name in counts else "value"))
    further = [c for c in counts if c not in fields]
    further += [sources[0] for sources in derived.values()]
    further = [c for c in dict.fromkeys(further) if c in frame.columns]
    return publication_rule(frame, indicators, counts=further, min_population=None,
                            threshold=float(threshold), hidden=hidden, derived=derived)


def threshold_of(publication: Publication, column: str) -> float:
    """The threshold used for a count column (its own, or the general one)."""
    return float(publication.thresholds.get(column, publication.threshold))

