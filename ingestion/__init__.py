"""Pure-Python readers from landing files to typed tables (no Dagster imports)."""
