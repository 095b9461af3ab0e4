"""Small helpers shared by the QGIS-facing layers: paths, translation, settings, log."""
