"""End-to-end fixtures: the packaged zip installed into throw-away QGIS profiles."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_support import ROOT, ZIP


@pytest.fixture(scope="session")
def plugin_zip() -> Path:
    """Build the zip exactly as `make package` does (cheap, and never a stale one)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py")], check=True,
                   capture_output=True)
    return ZIP


@pytest.fixture
def qgis_env(tmp_path) -> dict:
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), PYTHONDONTWRITEBYTECODE="1")
    return env
