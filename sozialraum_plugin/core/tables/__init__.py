"""Reading the tables offices send, district keys, and the join."""
