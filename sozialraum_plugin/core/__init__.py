"""Pure computation: no Qt, no QGIS. pandas/numpy (and scipy where present) only.

Everything here can be used and tested without a running QGIS.
"""
