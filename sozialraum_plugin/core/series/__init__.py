"""Years as data: the long series, changes between years, trend tests."""
