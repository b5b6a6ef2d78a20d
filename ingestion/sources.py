"""The landing sources the warehouse loads: each barometer's reader module declares its own."""

from __future__ import annotations

from ingestion.landing import LandingSource
from ingestion.restrictions import RESTRICTIONS
from ingestion.surveys import SURVEYS

SOURCES: tuple[LandingSource, ...] = (RESTRICTIONS, SURVEYS)
