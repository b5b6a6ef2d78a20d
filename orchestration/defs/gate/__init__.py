"""The Great Expectations gate, one blocking check per suite file."""
