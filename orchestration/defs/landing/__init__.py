"""Landing files into the raw database, and the checks on what was loaded."""
