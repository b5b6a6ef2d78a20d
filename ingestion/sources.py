"""The landing sources the warehouse loads: each barometer's reader module declares its own."""

from __future__ import annotations

from ingestion.factiva import FACTIVA
from ingestion.landing import LandingSource
from ingestion.media import KEYWORDS, MEDIA
from ingestion.printed_figures import PRINTED_FIGURES
from ingestion.projects import PROJECTS
from ingestion.registry import REGISTRY
from ingestion.restrictions import RESTRICTIONS
from ingestion.surveys import SURVEYS

# In sync order: a source is synced after the sources its reader reads (``reads_sources``).
SOURCES: tuple[LandingSource, ...] = (
    RESTRICTIONS,
    SURVEYS,
    FACTIVA,
    REGISTRY,
    PROJECTS,
    MEDIA,
    KEYWORDS,
    PRINTED_FIGURES,
)
