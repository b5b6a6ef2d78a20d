"""The publish step."""
