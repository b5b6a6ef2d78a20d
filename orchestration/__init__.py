"""Dagster definitions, the refresh's publishing logic and the `civic` command line."""
