"""Fixtures for tests in a real, headless QGIS (pytest-qgis starts QgsApplication)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "sample"

if str(ROOT / "test") not in sys.path:
    sys.path.insert(0, str(ROOT / "test"))
from pg_support import postgis  # noqa: E402,F401  (the PostGIS test server, a session fixture)

_STATUS = {"exit": 0}


def pytest_sessionfinish(session, exitstatus):
    _STATUS["exit"] = int(exitstatus)


def pytest_unconfigure(config):
    """End the process without Python's own shutdown, after the summary is printed.

    QGIS 3.22 has exited by now (pytest-qgis calls exitQgis). A layer that a test's objects
    still reference is then freed by Python's final clean-up, GDAL is already gone, and the
    process dies with a segmentation fault (rc 139) although every test passed: seen after
    pytest.raises around a Processing run whose INPUT was a layer object. The tests' verdict is
    the exit status pytest computed.
    """
    import os
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_STATUS["exit"])


@pytest.fixture(scope="session", autouse=True)
def german_locale(qgis_app):
    """Outputs follow LANGUAGE, else the QGIS locale: the test profile runs QGIS in German, the
    language the sample reports and most checks are written for (tests of English outputs pass
    LANGUAGE=en). Set as the user would, in the profile's settings."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag", False, type=bool), settings.value("locale/userLocale", "", type=str))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    yield
    settings.setValue("locale/overrideFlag", old[0])
    settings.setValue("locale/userLocale", old[1])


@pytest.fixture(scope="session", autouse=True)
def clean_project_at_exit(qgis_app):
    """Leave an empty project before pytest-qgis calls exitQgis: QGIS 3.22 crashes on exit
    (segmentation fault after all tests passed) while layouts and layers are still loaded."""
    yield
    import gc

    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QgsApplication.taskManager().cancelAll()
    QgsProject.instance().layoutManager().clear()
    QgsProject.instance().clear()
    # Layers caught in reference cycles (e.g. by a pytest.raises traceback) must go now, not
    # at interpreter shutdown after exitQgis, where freeing them crashes GDAL.
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


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


# --- the dialog tests (test_gui_*.py) ------------------------------------------------------------
@pytest.fixture
def fresh_memory():
    """Last-used values of earlier runs must not leak into a test (the dialog tests use it)."""
    from sozialraum_plugin.toolbelt.settings import DialogMemory

    for name in ("join", "index", "clusters", "map", "profiles"):
        DialogMemory(name).clear()
    yield


@pytest.fixture
def berlin(sample_dir):
    """resources/sample/berlin (test_profiles.py and test_styles.py have a ``berlin`` of their own)."""
    return sample_dir / "berlin"


@pytest.fixture(scope="module")
def joined_gpkg(provider, sample_dir, tmp_path_factory):
    import processing

    berlin = sample_dir / "berlin"
    out = tmp_path_factory.mktemp("gui") / "berlin_joined.gpkg"
    processing.run("sozialraum:jointable", {
        "INPUT": str(berlin / "lor_planungsraeume_2021.shp"), "INPUT_KEY": "PLR_ID",
        "TABLE": str(berlin / "mss_2021_index_indikatoren.csv"), "TABLE_KEY": "PLR_ID", "OUTPUT": str(out)})
    return out


@pytest.fixture(scope="module")
def indexed_gpkg(joined_gpkg, tmp_path_factory):
    import processing
    from gui_support import OUTLIER

    out = tmp_path_factory.mktemp("gui") / "berlin_index.gpkg"
    result = processing.run("sozialraum:needindex", {
        "INPUT": str(joined_gpkg), "STATUS_FIELDS": ["S1", "S3", "S4"], "DYNAMIC_FIELDS": ["D1", "D3", "D4"],
        "PRESET": 1, "POPULATION_FIELD": "EW", "EXCLUDE_EXPRESSION": OUTLIER, "OUTPUT": str(out)})
    return result["OUTPUT"]


@pytest.fixture(scope="session")
def berlin_sheets(provider, tmp_path_factory):
    """All 542 Berlin profile sheets, made once for test_profiles.py and test_profile_layout.py."""
    from profile_support import BERLIN, BERLIN_LABELS, berlin_table, clean_project, run_sheets, write_joined

    folder = tmp_path_factory.mktemp("berlin")
    table = berlin_table()
    layer = write_joined(BERLIN / "lor_planungsraeume_2021.shp", table, "PLR_ID", folder / "berlin.gpkg")
    params = {"INPUT": layer, "NAME_FIELD": "PLR_NAME", "KEY_FIELD": "PLR_ID",
              "FIELDS": ["S1", "S3", "S4", "D1", "D3", "D4"], "LABELS": BERLIN_LABELS,
              "DIRECTIONS": "S1=+1;S3=+1;S4=+1;D1=+1;D3=+1;D4=+1", "POPULATION_FIELD": "EW",
              "CLASS_FIELD": "SI_V", "SOURCE_TEXT": "SenSBW, Monitoring Soziale Stadtentwicklung 2021",
              "LANGUAGE": "de", "OUTPUT": str(folder / "berlin.pdf")}
    result = run_sheets(params)
    data = {"result": result, "pdf": Path(result["OUTPUT"]), "params": params, "layer": layer,
            "table": table.sort_values("PLR_ID").reset_index(drop=True)}
    yield data
    clean_project(data)


@pytest.fixture(scope="session")
def disclosure_report(provider, tmp_path_factory):
    """The disclosure scan's report, run once for test_disclosure_scan.py and _pages.py."""
    from disclosure_support import run_report

    return run_report(tmp_path_factory)
