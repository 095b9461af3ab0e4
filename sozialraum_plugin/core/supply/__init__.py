"""Facilities against need: counts per district, the 2SFCA access score, need × supply categories."""
