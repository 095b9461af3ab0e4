"""Indicators and their years: the one Indicator model, derived indicators, series, dynamics, trends."""
