"""Sozialraum – small-area social reporting for QGIS.

QGIS calls ``classFactory``; it must stay cheap and must not touch ``iface``
(``qgis_process`` loads plugins without one).
"""


def classFactory(iface):  # noqa: N802 (name fixed by QGIS)
    from .plugin import SozialraumPlugin

    return SozialraumPlugin(iface)
