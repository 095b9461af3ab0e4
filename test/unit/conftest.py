"""Fixtures for the pure unit tests (no QGIS): sample data inside the project, DBF reading."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """resources/sample of this checkout (never /work/shared)."""
    return ROOT / "resources" / "sample"


@pytest.fixture(scope="session")
def tables_dir() -> Path:
    """Small hand-made tables: test/data/tables."""
    return ROOT / "test" / "data" / "tables"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def read_dbf():
    """Attribute table of a shapefile as a DataFrame, read with OGR (skips if osgeo is absent)."""
    ogr = pytest.importorskip("osgeo.ogr")

    def read(path: Path) -> pd.DataFrame:
        ds = ogr.Open(str(path), 0)
        assert ds is not None, path
        layer = ds.GetLayer(0)
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        rows = [[f.GetField(i) for i in range(len(names))] for f in layer]
        return pd.DataFrame(rows, columns=names)

    return read


# --- stand-ins when hypothesis is not installed (Debian's python3 has no python3-hypothesis) ----
# The property tests are then skipped; every other test still runs under /usr/bin/python3.


class _Anything:
    """Accepts any strategy-building expression at import time (st.lists(...).filter(...))."""

    def __getattr__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        return self


st = HealthCheck = _Anything()


def settings(*args, **kwargs):
    return lambda fn: fn


def given(*args, **kwargs):
    def decorate(fn):
        def skipped():
            pytest.skip("hypothesis is not installed: property test skipped")

        skipped.__name__, skipped.__doc__ = fn.__name__, fn.__doc__
        return skipped

    return decorate
