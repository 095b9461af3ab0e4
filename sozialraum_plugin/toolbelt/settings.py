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
    def load(cls) -> PluginSettings:
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


class DialogMemory:
    """Last-used values of one dialog (``sozialraum/dialogs/<name>/<key>``), so that next year's
    run starts where this year's ended. Values are plain str/int/float/bool; lists go as JSON."""

    def __init__(self, name: str):
        self.prefix = f"{PREFIX}dialogs/{name}/"

    def value(self, key: str, default=""):
        return QgsSettings().value(self.prefix + key, default, type=type(default))

    def set_value(self, key: str, value) -> None:
        QgsSettings().setValue(self.prefix + key, value)

    def json(self, key: str, default=None):
        import json

        try:
            return json.loads(self.value(key, "")) if self.value(key, "") else default
        except ValueError:  # a hand-edited or older entry: start fresh rather than fail
            return default

    def set_json(self, key: str, value) -> None:
        import json

        self.set_value(key, json.dumps(value, ensure_ascii=False))

    def clear(self) -> None:
        store = QgsSettings()
        store.remove(self.prefix.rstrip("/"))
