"""QGIS-facing adapters without widgets: layers <-> DataFrames, GeoPackage output, styles, layouts."""
