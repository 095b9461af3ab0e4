"""The MSS class limits and labels (Berlin, Monitoring Soziale Stadtentwicklung).

Plain constants, no imports but the Qt-free marker: the map styles read them while QGIS loads the
plugin, which must not import numpy or pandas. A *low* status index is a *high* social status.

The class names are a published vocabulary, not UI words: German outputs must say exactly what
the Senate's MSS tables say (``hoch`` … ``sehr niedrig``), so both languages are fixed here
(``CLASS_WORDS``) instead of depending on a translation file being complete.
"""

STATUS_LABELS = ("hoch", "mittel", "niedrig", "sehr niedrig")
STATUS_CODES = (1, 2, 3, 4)
STATUS_THRESHOLDS = (-1.0, 1.0, 1.5)
DYNAMIC_LABELS = ("positiv", "stabil", "negativ")
DYNAMIC_CODES = (1, 3, 5)
DYNAMIC_THRESHOLDS = (-1.0, 1.0)
GROUP_LABEL = "Status {status}, Dynamik {dynamic}"

#: (status labels, dynamic labels, group label) per output language.
CLASS_WORDS = {
    "de": (STATUS_LABELS, DYNAMIC_LABELS, GROUP_LABEL),
    "en": (("high", "medium", "low", "very low"), ("positive", "stable", "negative"),
           "Status {status}, dynamics {dynamic}"),
}


def class_words(lang) -> tuple:
    """(status labels, dynamic labels, group label) of ``lang`` ('de'/'en' or a words object)."""
    code = getattr(lang, "lang", lang)
    return CLASS_WORDS.get(code if code in CLASS_WORDS else "de")
