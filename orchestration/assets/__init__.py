"""Asset definitions: thin wrappers over the plain functions in ``ingestion`` and ``release``."""
