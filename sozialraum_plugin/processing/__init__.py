"""Processing provider ``sozialraum`` and its algorithms (thin wrappers over core and gis)."""
