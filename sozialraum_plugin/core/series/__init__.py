"""Years as data: the long series of a report's indicators, their changes, trends, aggregation, regridding."""
