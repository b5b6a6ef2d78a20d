"""The country profiles, one partition per geography, built from the published release."""
