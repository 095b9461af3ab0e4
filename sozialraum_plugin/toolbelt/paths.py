"""Where resources and translations live.

In the installed zip, resources/ and i18n/ sit inside the plugin folder; in a source checkout
they sit beside the package. One function each, so nothing else has to know.
"""
from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent


def _beside_or_inside(name: str) -> Path:
    inside = PLUGIN_DIR / name
    return inside if inside.is_dir() else PLUGIN_DIR.parent / name


def resources_dir() -> Path:
    return _beside_or_inside("resources")


def i18n_dir() -> Path:
    return _beside_or_inside("i18n")


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / name)


def sample_dir() -> Path:
    return resources_dir() / "sample"


def metadata_path() -> Path:
    inside = PLUGIN_DIR / "metadata.txt"
    return inside if inside.is_file() else PLUGIN_DIR.parent / "metadata.txt"


def plugin_version() -> str:
    """The version from metadata.txt (read without configparser's interpolation quirks)."""
    try:
        for line in metadata_path().read_text(encoding="utf-8").splitlines():
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "?"
