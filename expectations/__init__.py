"""Great Expectations suites (JSON files in ``suites/``) and the gate that runs them."""
