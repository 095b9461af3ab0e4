"""The list of algorithms the provider offers."""
from __future__ import annotations


def all_algorithms():
    """Fresh instances of every algorithm (the provider owns them)."""
    from .join_table import JoinTableAlgorithm
    from .need_clusters import NeedClustersAlgorithm
    from .need_index import NeedIndexAlgorithm

    return [
        JoinTableAlgorithm(),
        NeedIndexAlgorithm(),
        NeedClustersAlgorithm(),
    ]
