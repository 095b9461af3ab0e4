"""The list of algorithms the provider offers."""
from __future__ import annotations


def all_algorithms():
    """Fresh instances of every algorithm (the provider owns them)."""
    from .aggregate import AggregateAlgorithm
    from .allocate import AllocateAlgorithm
    from .derive_indicators import DeriveIndicatorsAlgorithm
    from .impact import ImpactAlgorithm
    from .join_table import JoinTableAlgorithm
    from .need_clusters import NeedClustersAlgorithm
    from .need_index import NeedIndexAlgorithm
    from .profile_sheets import ProfileSheetsAlgorithm
    from .regrid import RegridAlgorithm
    from .report import ReportAlgorithm
    from .supply import SupplyAlgorithm
    from .thematic_map import ThematicMapAlgorithm

    return [
        JoinTableAlgorithm(),
        DeriveIndicatorsAlgorithm(),
        NeedIndexAlgorithm(),
        NeedClustersAlgorithm(),
        ThematicMapAlgorithm(),
        ProfileSheetsAlgorithm(),
        ReportAlgorithm(),
        RegridAlgorithm(),
        AggregateAlgorithm(),
        SupplyAlgorithm(),
        AllocateAlgorithm(),
        ImpactAlgorithm(),
    ]
