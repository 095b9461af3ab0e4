"""Fixtures for tests in a real, headless QGIS (pytest-qgis starts QgsApplication)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "sample"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def provider(qgis_app, qgis_processing):
    """The plugin's Processing provider, registered once for the session."""
    from qgis.core import QgsApplication

    from sozialraum_plugin.processing.provider import SozialraumProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sozialraum")
    if existing is not None:
        yield existing
        return
    prov = SozialraumProvider()
    assert registry.addProvider(prov)
    yield prov
    registry.removeProvider("sozialraum")  # by id: a test may have re-registered a fresh one
