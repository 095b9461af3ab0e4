"""Plugin settings as a dataclass over QgsSettings (one place for keys and defaults)."""
from __future__ import annotations

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

PREFIX = "sozialraum/"


@dataclass
class PluginSettings:
    min_population: int = 300
    suppression_threshold: int = 3
    dpi: int = 300
    source_text: str = ""
    last_folder: str = ""

    @classmethod
    def load(cls) -> "PluginSettings":
        store = QgsSettings()
        values = {}
        for f in fields(cls):
            default = f.default
            values[f.name] = store.value(PREFIX + f.name, default, type=type(default))
        return cls(**values)

    def save(self) -> None:
        store = QgsSettings()
        for f in fields(self):
            store.setValue(PREFIX + f.name, getattr(self, f.name))
