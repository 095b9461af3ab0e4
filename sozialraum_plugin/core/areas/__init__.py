"""Areas across levels and grids: aggregation to parents, regridding."""
