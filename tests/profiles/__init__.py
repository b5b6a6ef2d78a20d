"""Tests of the country profiles (issue 10)."""
