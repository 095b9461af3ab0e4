"""Per-district profile facts and findings."""
