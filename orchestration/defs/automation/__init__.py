"""The refresh job, its schedule and the landing sensor."""
