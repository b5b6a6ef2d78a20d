"""Reader for Factiva Analytics snapshot files: one raw row per delivered article record.

Snapshots arrive as ``.jsonl`` (one object per line), ``.json`` (an array of objects, or an object
whose ``data`` member is that array) or ``.csv`` (header row, UTF-8 with or without BOM). A file is
read record by record and yielded in chunks, never held whole. Every record is kept with its
``action`` (``add``/``rep``/``del``): the current article set is derived in dbt
(``int_factiva_article_versions``), so files land append-only and an accession number may appear
in several files and several times in one file.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import Any

import ijson
import pandas as pd

from ingestion import errors, textfiles
from ingestion.errors import IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.textfiles import RESAVE

TABLE = "factiva_article_records"
CHUNK_RECORDS = 2000
ACTIONS = ("add", "rep", "del")
TEXT_FIELDS = (
    "document_type",
    "title",
    "snippet",
    "body",
    "byline",
    "source_code",
    "source_name",
    "publisher_name",
    "copyright",
    "section",
)
CODE_LISTS = ("subject_codes", "region_codes", "company_codes", "industry_codes", "person_codes")
REQUIRED_UNLESS_DELETED = ("title", "source_code", "source_name")
# the deprecated twin read when the *_datetime field is absent
TWINS = {"publication_datetime": "publication_date", "modification_datetime": "modification_date"}

RAW_COLUMNS = {
    "an": "VARCHAR NOT NULL",
    "action": "VARCHAR NOT NULL",
    "document_type": "VARCHAR",
    "title": "VARCHAR",
    "snippet": "VARCHAR",
    "body": "VARCHAR",
    "byline": "VARCHAR",
    "source_code": "VARCHAR",
    "source_name": "VARCHAR",
    "publisher_name": "VARCHAR",
    "language_code": "VARCHAR",
    "word_count": "INTEGER",
    "publication_datetime": "TIMESTAMP",
    "modification_datetime": "TIMESTAMP NOT NULL",
    "ingestion_datetime": "TIMESTAMP",
    "subject_codes": "VARCHAR[]",
    "region_codes": "VARCHAR[]",
    "company_codes": "VARCHAR[]",
    "industry_codes": "VARCHAR[]",
    "person_codes": "VARCHAR[]",
    "region_of_origin": "VARCHAR[]",
    "copyright": "VARCHAR",
    "section": "VARCHAR",
    "source_row": "BIGINT NOT NULL",
}
TIMESTAMPS = ("publication_datetime", "modification_datetime", "ingestion_datetime")

_AN = re.compile(r"^[A-Za-z0-9]{25}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_EPOCH_MS = re.compile(r"^-?\d+(\.0*)?$")
_EPOCH = datetime(1970, 1, 1)
_QUOTED = 60  # longest value quoted in a message
NOT_A_RECORD = "is not a record: expected a JSON object"


def read_factiva_file(path: Path, chunk_records: int = CHUNK_RECORDS) -> Iterator[tuple[str, Any]]:
    """Validate a snapshot file and yield ``(table, frame)`` chunks of its typed records.

    Every issue of the file is collected (at most 20 rows per check) before ContractViolation is
    raised; chunks stop once an issue is found (the loader discards what it staged).
    """
    log = IssueLog(path.name, per_check=20)
    records = {".jsonl": _jsonl_records, ".json": _json_records, ".csv": _csv_records}
    batch: list[dict[str, Any]] = []
    seen = 0
    for row, record in records[path.suffix.lower()](path, log):
        seen += 1
        parsed = _parse(row, record, log)
        if not log.issues:
            batch.append(parsed)
        if len(batch) >= chunk_records:
            yield TABLE, _frame(batch)
            batch = []
    if seen == 0 and not log.issues:
        log.add("the file holds no records")
    log.raise_if_any()
    if batch:
        yield TABLE, _frame(batch)


def _jsonl_records(path: Path, log: IssueLog) -> Iterator[tuple[int, Any]]:
    """One record per non-blank line; row = line number."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8").rstrip("\r\n"))
            except UnicodeDecodeError:
                log.add(f"the line is not UTF-8 text: {RESAVE}", row=number)
            except json.JSONDecodeError as error:
                log.add(
                    f"the line is not valid JSON, character {error.pos + 1}: {error.msg}",
                    row=number,
                )
            else:
                yield number, record


def _json_records(path: Path, log: IssueLog) -> Iterator[tuple[int, Any]]:
    """Items of the top-level array, or of the ``data`` array of a top-level object; row =
    index + 1. The shape is told by the first parse event."""
    with path.open("rb") as handle:
        if handle.read(3) != b"\xef\xbb\xbf":
            handle.seek(0)
        index = 0
        try:
            events = ijson.parse(handle, use_float=True)
            first = next(events, None)
            if first is None or first[1] not in ("start_array", "start_map"):
                log.add("expected a JSON array of records, or an object with a 'data' array")
                return
            prefix = "item" if first[1] == "start_array" else "data.item"
            for index, record in enumerate(ijson.items(chain([first], events), prefix), 1):
                yield index, record
        except (ijson.JSONError, UnicodeDecodeError) as error:
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            log.add(f"invalid JSON after record {index}: {message}", row=index + 1)


def _csv_records(path: Path, log: IssueLog) -> Iterator[tuple[int, Any]]:
    """One record per data row (quoted fields may span lines); row = spreadsheet row (header =
    1). Empty cells count as absent fields."""
    row = 1
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [name.strip() for name in next(reader, [])]
            missing = [name for name in ("an", "action") if name not in header]
            if header and not {"modification_datetime", "modification_date"} & set(header):
                missing.append("modification_datetime")
            if missing:
                log.add(f"the header row lacks the column(s) {', '.join(missing)}", row=1)
                return
            for row, cells in enumerate(reader, start=2):
                if any(cell.strip() for cell in cells):
                    yield row, {name: cell for name, cell in zip(header, cells, strict=False)}
    except UnicodeDecodeError:
        log.add(f"the file is not UTF-8 text (after row {row}): {RESAVE}")


def _quote(value: Any) -> str:
    text = visible(str(value))
    return f"'{text[:_QUOTED]}...'" if len(text) > _QUOTED else f"'{text}'"


def _present(record: dict[str, Any], field: str) -> Any:
    value = record.get(field)
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _parse(row: int, record: Any, log: IssueLog) -> dict[str, Any]:
    if not isinstance(record, dict):
        log.add(NOT_A_RECORD, row=row)
        return {}

    def problem(field: str, message: str) -> None:
        log.add(message, row=row, column=field)

    an, action = _present(record, "an"), _present(record, "action")
    if an is None:
        problem("an", "required value is missing")
    elif not isinstance(an, str) or not _AN.match(an):
        problem("an", f"{_quote(an)} is not an accession number (25 letters and digits)")
    if action is None:
        problem("action", "required value is missing")
    elif action not in ACTIONS:
        problem("action", f"{_quote(action)} is not an action ({', '.join(ACTIONS)})")

    parsed: dict[str, Any] = {"an": an, "action": action, "source_row": row}
    for field in TEXT_FIELDS:
        value = _present(record, field)
        parsed[field] = None if value is None else str(value)
    for field in TIMESTAMPS:
        used = TWINS[field] if field in TWINS and _present(record, field) is None else field
        parsed[field] = _timestamp(_present(record, used), used, problem)
    if parsed["modification_datetime"] is None and not _has_time(record, "modification_datetime"):
        problem("modification_datetime", "required value is missing")
    if action in ("add", "rep"):
        for field in REQUIRED_UNLESS_DELETED:
            if parsed[field] is None:
                problem(field, f"required for action '{action}'")
        if parsed["publication_datetime"] is None and not _has_time(record, "publication_datetime"):
            problem("publication_datetime", f"required for action '{action}'")

    language = _present(record, "language_code")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.match(language)):
        problem("language_code", f"{_quote(language)} is not ISO 639-1 (two lower-case letters)")
    parsed["language_code"] = language
    parsed["word_count"] = _whole_number(_present(record, "word_count"), problem)
    for field in CODE_LISTS:
        parsed[field] = _codes(_present(record, field), ",")
    parsed["region_of_origin"] = _codes(_present(record, "region_of_origin"), None)
    return parsed


def _has_time(record: dict[str, Any], field: str) -> bool:
    """Whether the field or its twin holds a value (then an invalid one was already named)."""
    return _present(record, field) is not None or _present(record, TWINS[field]) is not None


def _timestamp(value: Any, field: str, problem: Any) -> datetime | None:
    """Epoch milliseconds (UTC; a number or a string of digits) as a naive UTC timestamp."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, bool) or not (
        isinstance(text, int | float) or (isinstance(text, str) and _EPOCH_MS.match(text))
    ):
        problem(field, f"{_quote(value)} is not epoch milliseconds")
        return None
    try:
        return _EPOCH + timedelta(milliseconds=int(float(text)))
    except (OverflowError, ValueError):
        problem(field, f"{_quote(value)} is out of range for epoch milliseconds")
        return None


def _whole_number(value: Any, problem: Any) -> int | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    if isinstance(text, int) and not isinstance(text, bool) and 0 <= text < 2**31:
        return text
    if isinstance(text, str) and text.isdigit() and int(text) < 2**31:
        return int(text)
    problem("word_count", f"{_quote(value)} is not a whole number")
    return None


def _codes(value: Any, separator: str | None) -> list[str] | None:
    """Distinct codes in first-seen order (``",a,b,a,"`` -> ``[a, b]``); None when absent."""
    if value is None:
        return None
    parts = value if isinstance(value, list) else str(value).split(separator)
    return list(dict.fromkeys(code for part in parts if (code := str(part).strip())))


def _frame(batch: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(batch, columns=list(RAW_COLUMNS))
    for field in TIMESTAMPS:
        frame[field] = pd.to_datetime(frame[field])
    frame["word_count"] = frame["word_count"].astype("Int64")
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


def _read(path: Path, _reference: None) -> Iterator[tuple[str, pd.DataFrame]]:
    return read_factiva_file(path)


FACTIVA = LandingSource(
    name="factiva",
    directory="factiva",
    suffixes=(".jsonl", ".json", ".csv"),
    tables={TABLE: RAW_COLUMNS},
    key_columns=("an",),
    keys_across_files=False,
    load_reference=lambda _raw: None,
    read=_read,
    signature_paths=(Path(__file__), Path(errors.__file__), Path(textfiles.__file__)),
)
