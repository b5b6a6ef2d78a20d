"""Reader for restriction coding sheets: one row per restriction of a civic space actor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ingestion import coding, errors, names, reference, sheets, textfiles
from ingestion.coding import (
    Problem,
    UniqueKeys,
    check_vocabulary,
    coded_date,
    geography,
    not_in_vocabulary,
    require,
    row_problems,
)
from ingestion.errors import IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.reference import SEEDS_DIR, ReferenceData
from ingestion.sheets import split_multi, stream_sheet

REQUIRED_COLUMNS = (
    "event_id",
    "country",
    "event_date",
    "restriction_type",
    "targets",
    "initiators",
    "source_type",
    "source_ref",
)
CONDITIONAL_COLUMNS = ("harm", "status", "charge_link")
MULTI_VALUED = ("targets", "initiators")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")

RAW_COLUMNS = {
    "event_id": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "event_date": "DATE NOT NULL",
    "event_date_precision": "VARCHAR NOT NULL",
    "restriction_type": "VARCHAR NOT NULL",
    "harm": "VARCHAR",
    "status": "VARCHAR",
    "charge_link": "VARCHAR",
    "targets": "VARCHAR NOT NULL",
    "initiators": "VARCHAR NOT NULL",
    "initiator_country": "VARCHAR",
    "summary": "VARCHAR",
    "source_type": "VARCHAR NOT NULL",
    "source_ref": "VARCHAR NOT NULL",
    "source_row": "INTEGER NOT NULL",
}


CHUNK_ROWS = 50_000  # records per frame handed to the loader


def read_restriction_sheet(path: Path, reference: ReferenceData) -> pd.DataFrame:
    """``restriction_chunks`` gathered into one frame (for a look at one sheet)."""
    frames = list(restriction_chunks(path, reference))
    if not frames:
        return pd.DataFrame(columns=list(RAW_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def restriction_chunks(path: Path, reference: ReferenceData) -> Iterator[pd.DataFrame]:
    """Validate a restriction sheet against the contract and yield its typed records in chunks.

    Every problem in the file is collected before raising, so one round of fixes suffices (the
    loader drops the chunks of a rejected sheet); repeated event ids are listed after the other
    problems. Only the event ids are kept across chunks, so memory stays flat in the sheet's size.
    """
    sheet = stream_sheet(path, required=REQUIRED_COLUMNS + CONDITIONAL_COLUMNS)
    log = IssueLog(sheet.file)  # every issue listed, none capped
    repeats = IssueLog(sheet.file)
    event_ids = UniqueKeys("event_id")
    records: list[dict[str, object]] = []
    for row, cells in sheet.records:
        records.append(_record(row, cells, reference, log))
        event_ids.check(row, cells, row_problems(repeats, row))
        if len(records) == CHUNK_ROWS:
            if not log.issues and not repeats.issues:
                yield pd.DataFrame.from_records(records, columns=list(RAW_COLUMNS))
            records = []
    log.issues.extend(repeats.issues)
    log.raise_if_any()
    if records:
        yield pd.DataFrame.from_records(records, columns=list(RAW_COLUMNS))


def _record(
    row: int, cells: dict[str, str], ref: ReferenceData, log: IssueLog
) -> dict[str, object]:
    problem = row_problems(log, row)
    require(cells, REQUIRED_COLUMNS, problem)
    geography_id = geography(cells, ref, problem)
    event_date, precision = coded_date(cells, "event_date", ref, problem)

    restriction_type = cells["restriction_type"]
    if not check_vocabulary("restriction_type", restriction_type, ref, problem):
        restriction_type = ""

    for column in CONDITIONAL_COLUMNS:
        _check_conditional(column, cells[column], restriction_type, ref, problem)
    for column in ("source_type", *MULTI_VALUED):
        vocabulary = ref.vocabularies[column]
        values = split_multi(cells[column]) if column in MULTI_VALUED else [cells[column]]
        if cells[column] and not values:
            problem(column, f"no value between the '|' separators in '{visible(cells[column])}'")
        for value in values:
            if value and value not in vocabulary.values:
                problem(column, not_in_vocabulary(value, vocabulary.values))

    initiator_country = cells.get("initiator_country", "")
    if initiator_country and not _ALPHA3.match(initiator_country):
        problem("initiator_country", f"'{visible(initiator_country)}' is not an ISO alpha-3 code")

    return {
        "event_id": cells["event_id"],
        "geography_id": geography_id,
        "country_as_coded": cells["country"],
        "event_date": event_date,
        "event_date_precision": precision,
        "restriction_type": restriction_type,
        **{column: cells[column] or None for column in CONDITIONAL_COLUMNS},
        **{column: "|".join(split_multi(cells[column])) for column in MULTI_VALUED},
        "initiator_country": initiator_country or None,
        "summary": cells.get("summary") or None,
        "source_type": cells["source_type"],
        "source_ref": cells["source_ref"],
        "source_row": row,
    }


def _check_conditional(
    column: str,
    value: str,
    restriction_type: str,
    ref: ReferenceData,
    problem: Problem,
) -> None:
    """harm/status/charge_link are required exactly for the restriction types they describe."""
    if not restriction_type:
        return
    vocabulary = ref.vocabularies[column]
    if not vocabulary.applies(restriction_type):
        if value:
            problem(column, f"must be empty for restriction_type '{restriction_type}'")
        return
    allowed = {v for v in vocabulary.values if vocabulary.allows(v, restriction_type)}
    if not value:
        problem(column, f"required for restriction_type '{restriction_type}'")
    elif value not in allowed:
        context = f" for restriction_type '{restriction_type}'"
        problem(column, not_in_vocabulary(value, allowed, context))


def _read(path: Path, ref: ReferenceData) -> Iterator[tuple[str, pd.DataFrame]]:
    for frame in restriction_chunks(path, ref):
        yield "restriction_events", frame


RESTRICTIONS = LandingSource(
    name="restrictions",
    directory="restrictions",
    suffixes=(".csv", ".xlsx"),
    tables={"restriction_events": RAW_COLUMNS},
    key_columns=("event_id",),
    load_reference=lambda _raw: ReferenceData.from_seeds(),
    read=_read,
    signature_paths=(
        Path(__file__),
        Path(coding.__file__),
        Path(errors.__file__),
        Path(names.__file__),
        Path(sheets.__file__),
        Path(textfiles.__file__),
        Path(reference.__file__),
        SEEDS_DIR / "reference",
    ),
)
