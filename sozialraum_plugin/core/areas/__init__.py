"""Areas: one level of districts onto another (a parent level of a hierarchy, a new grid)."""
