"""Areas: aggregation over a hierarchy and regridding between grids (crosswalks)."""
