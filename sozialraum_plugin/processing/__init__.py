"""Processing provider ``sozialraum`` and its algorithms (thin wrappers over core and gis)."""

from ..toolbelt import i18n as _i18n  # noqa: E402,F401  (registers OutputWords for core; see gis/__init__)
