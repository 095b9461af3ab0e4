"""Kept for imports from before the move: the small-number tools live in core/publish/disclosure.py."""
from .publish.disclosure import (  # noqa: F401
    DEFAULT_MIN_POPULATION,
    DEFAULT_THRESHOLD,
    SUPPRESSED_SYMBOL,
    display_values,
    empirical_bayes,
    minimum_population,
    primary_suppression,
    suppression_mask,
    wilson_interval,
)
