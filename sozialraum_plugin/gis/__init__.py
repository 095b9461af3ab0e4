"""QGIS-facing adapters without widgets: layers <-> DataFrames, GeoPackage output, styles, layouts."""

# Core code that is handed a language code ('de') rather than a words object translates through the
# plugin's .qm once this is imported; every QGIS-side path (algorithms, layouts, dialogs) passes here.
from ..toolbelt import i18n as _i18n  # noqa: E402,F401
