"""Parsing the small 'field=value' option strings of the algorithms (directions, weights)."""
from __future__ import annotations

from ...core.errors import SozialraumError

# core.profiles.profile (and with it pandas) is imported where it is used: this module is imported when
# QGIS loads the plugin, which must stay free of heavy imports (issue 8, P4).


def directions(text: str, fields: list[str]) -> dict[str, int]:
    """``S1=+1;K10=-1`` (unnamed fields: +1, higher = more need)."""
    from ...core.profiles.profile import parse_directions

    given = parse_directions(text or "")
    return {f: given.get(f, 1) or 1 for f in fields}


def weights(text: str, fields: list[str]) -> dict[str, float] | None:
    """``S1=2;S3=1`` (unnamed fields: 1); None when nothing is given (equal weights)."""
    if not (text or "").strip():
        return None
    found = {}
    for raw in text.replace("\n", ";").split(";"):
        entry = raw.strip()
        if not entry:
            continue
        name, sep, value = entry.partition("=")
        try:
            found[name.strip()] = float(value.replace(",", "."))
        except ValueError:
            raise SozialraumError("field_list_invalid", entry=entry) from None
        if not sep:
            raise SozialraumError("field_list_invalid", entry=entry)
    return {f: found.get(f, 1.0) for f in fields}


def labels(text: str) -> dict[str, str]:
    """``S3=Transferbezug|%;S4=Kinderarmut`` → {field: label} (units are ignored here)."""
    from ...core.profiles.profile import parse_labels

    return {name: spec["label"] for name, spec in parse_labels(text or "").items()}
