"""Years as data: indicators, long series, changes, trends."""
