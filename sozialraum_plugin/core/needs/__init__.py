"""Need: composite indices (MSS), scaling, classes and clusters."""
