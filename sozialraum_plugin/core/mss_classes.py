"""The MSS class limits and labels (Berlin, Monitoring Soziale Stadtentwicklung).

Plain constants, no imports: the map styles read them while QGIS loads the plugin, which must
not import numpy or pandas. A *low* status index is a *high* social status.
"""

STATUS_LABELS = ("hoch", "mittel", "niedrig", "sehr niedrig")
STATUS_CODES = (1, 2, 3, 4)
STATUS_THRESHOLDS = (-1.0, 1.0, 1.5)
DYNAMIC_LABELS = ("positiv", "stabil", "negativ")
DYNAMIC_CODES = (1, 3, 5)
DYNAMIC_THRESHOLDS = (-1.0, 1.0)
GROUP_LABEL = "Status {status}, Dynamik {dynamic}"
