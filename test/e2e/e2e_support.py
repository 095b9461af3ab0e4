"""Helpers for the end-to-end tests (imported by them; conftest holds the fixtures)."""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZIP = ROOT / "build" / "sozialraum_plugin.zip"


def install_zip(zip_path: Path, config_dir: Path) -> Path:
    """Unzip into <config>/profiles/default/python/plugins as 'Install from ZIP' does."""
    plugins = config_dir / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    return plugins


def qgis_process(env: dict, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    # Debian's /usr/bin/qgis_process wrapper is broken (qgis/QGIS#57683): call the binary.
    return subprocess.run(["qgis_process.bin", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
