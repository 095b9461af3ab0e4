"""The report definition and its comparison from year to year."""
