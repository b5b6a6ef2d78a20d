"""The landing sources the warehouse loads, each a folder, a reader and its raw tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingestion import reference, restrictions, sheets, textfiles
from ingestion.landing import LandingSource
from ingestion.reference import SEEDS_DIR, ReferenceData
from ingestion.restrictions import RAW_COLUMNS, read_restriction_sheet
from ingestion.surveys import SURVEYS


def _read_restrictions(path: Path, reference: ReferenceData) -> dict[str, pd.DataFrame]:
    return {"restriction_events": read_restriction_sheet(path, reference)}


RESTRICTIONS = LandingSource(
    name="restrictions",
    directory="restrictions",
    suffixes=(".csv", ".xlsx"),
    tables={"restriction_events": RAW_COLUMNS},
    key_columns=("event_id",),
    load_reference=ReferenceData.from_seeds,
    read=_read_restrictions,
    signature_paths=(
        Path(restrictions.__file__),
        Path(sheets.__file__),
        Path(textfiles.__file__),
        Path(reference.__file__),
        SEEDS_DIR / "reference",
    ),
)

SOURCES: tuple[LandingSource, ...] = (RESTRICTIONS, SURVEYS)
