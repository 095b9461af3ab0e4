"""The list of algorithms the provider offers."""
from __future__ import annotations


def all_algorithms():
    """Fresh instances of every algorithm (the provider owns them)."""
    return []
