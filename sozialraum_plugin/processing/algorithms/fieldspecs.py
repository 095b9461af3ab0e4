"""Parsing the small 'field=value' option strings of the algorithms that are no indicator property
(weights); directions and labels are read with the indicators (core/series/indicator_params.py)."""
from __future__ import annotations

from ...core.errors import SozialraumError


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

