"""Reader for Russian project coding sheets: one row per Russian state-backed project.

The sheet names Russian entities, recipient organisations and places as coders write them; the
reader resolves every name to exactly one registry entry (``registry_names``, loaded earlier in
the same refresh) and checks that every cited accession number was delivered in a loaded
Factiva file. Any name or citation that does not resolve rejects the sheet with file, row,
column and the name; registries and Factiva deliveries are part of this reader's signature, so
the sheet is read again as soon as either changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ingestion import coding, errors, names, reference, registry, sheets, textfiles
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
from ingestion.database import table_exists
from ingestion.errors import IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.names import Unresolved
from ingestion.reference import SEEDS_DIR, ReferenceData
from ingestion.registry import RegistryIndexes
from ingestion.sheets import read_sheet, split_multi

REQUIRED_COLUMNS = (
    "project_id",
    "country",
    "title",
    "start_date",
    "russian_entities",
    "recipients",
    "support_kind",
    "beneficiary_kind",
)
SOURCE_COLUMNS = ("source_ans", "source_urls")
# Multi-valued columns naming registry entries: column -> (registry, link kind)
NAMED_COLUMNS = {
    "russian_entities": ("russian_entities", "russian_entity"),
    "recipients": ("organisations", "recipient"),
    "places": ("places", "place"),
}
_ACCESSION = re.compile(r"^[A-Za-z0-9]{25}$")
_URL = re.compile(r"^https?://\S+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_FLAGS = {"true": True, "false": False, "1": True, "0": False}

RECORD_COLUMNS = {
    "project_id": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "country_as_coded": "VARCHAR NOT NULL",
    "title": "VARCHAR NOT NULL",
    "description": "VARCHAR",
    "start_date": "DATE NOT NULL",
    "start_date_precision": "VARCHAR NOT NULL",
    "date_estimated": "BOOLEAN NOT NULL",
    "support_kind": "VARCHAR NOT NULL",
    "amount": "DOUBLE",
    "currency": "VARCHAR",
    "amount_estimated": "BOOLEAN",
    "beneficiary_kind": "VARCHAR NOT NULL",
    "source_row": "INTEGER NOT NULL",
}
LINK_COLUMNS = {
    "project_id": "VARCHAR NOT NULL",
    "link_kind": "VARCHAR NOT NULL",
    "position": "INTEGER NOT NULL",
    "value": "VARCHAR NOT NULL",
    "name_as_coded": "VARCHAR",
    "source_row": "INTEGER NOT NULL",
}


@dataclass(frozen=True)
class ProjectReference:
    """What a project sheet is checked against: seeds, registries and delivered articles."""

    seeds: ReferenceData
    registries: RegistryIndexes
    delivered_ans: frozenset[str]

    @classmethod
    def from_raw(cls, con: duckdb.DuckDBPyConnection) -> ProjectReference:
        ans: set[str] = set()
        if table_exists(con, "factiva_article_records"):
            query = "SELECT DISTINCT an FROM factiva_article_records"
            ans = {an for (an,) in con.execute(query).fetchall()}
        return cls(ReferenceData.from_seeds(), RegistryIndexes.from_raw(con), frozenset(ans))


def read_project_sheet(path: Path, ref: ProjectReference) -> dict[str, pd.DataFrame]:
    """Validate a project sheet, resolve its names; return project records and their links."""
    sheet = read_sheet(path, required=REQUIRED_COLUMNS)
    log = IssueLog(sheet.file, per_check=20)
    records: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    project_ids = UniqueKeys("project_id")
    for row, cells in sheet.records:
        problem = row_problems(log, row)
        project_ids.check(row, cells, problem)
        record = _record(row, cells, ref.seeds, problem)
        records.append(record)
        links += _links(row, cells, record["geography_id"], ref, problem)
    log.raise_if_any()
    return {
        "project_records": pd.DataFrame.from_records(records, columns=list(RECORD_COLUMNS)),
        "project_links": pd.DataFrame.from_records(links, columns=list(LINK_COLUMNS)),
    }


def _record(
    row: int, cells: dict[str, str], ref: ReferenceData, problem: Problem
) -> dict[str, object]:
    require(cells, REQUIRED_COLUMNS, problem)
    geography_id = geography(cells, ref, problem)
    start_date, precision = coded_date(cells, "start_date", ref, problem)
    for column in ("support_kind", "beneficiary_kind"):
        check_vocabulary(column, cells[column], ref, problem)
    amount = _amount(cells.get("amount", ""), problem)
    currency = cells.get("currency", "")
    if currency and not _CURRENCY.match(currency):
        problem("currency", f"'{visible(currency)}' is not an ISO 4217 code (three capitals)")
    if amount is not None and not currency:
        problem("currency", "required when an amount is given")
    if not any(cells.get(column) for column in SOURCE_COLUMNS):
        problem("source_ans", "a project needs at least one source: source_ans or source_urls")
    return {
        "project_id": cells["project_id"],
        "geography_id": geography_id,
        "country_as_coded": cells["country"],
        "title": cells["title"],
        "description": cells.get("description") or None,
        "start_date": start_date,
        "start_date_precision": precision,
        "date_estimated": bool(_flag("date_estimated", cells, problem)),
        "support_kind": cells["support_kind"],
        "amount": amount,
        "currency": currency or None,
        "amount_estimated": _flag("amount_estimated", cells, problem),
        "beneficiary_kind": cells["beneficiary_kind"],
        "source_row": row,
    }


def _links(
    row: int,
    cells: dict[str, str],
    geography_id: object,
    ref: ProjectReference,
    problem: Problem,
) -> list[dict[str, object]]:
    """One row per value of the multi-valued columns, names resolved to registry ids."""
    links: list[dict[str, object]] = []

    def link(kind: str, position: int, value: str, name: str | None = None) -> None:
        links.append(
            {
                "project_id": cells["project_id"],
                "link_kind": kind,
                "position": position,
                "value": value,
                "name_as_coded": name,
                "source_row": row,
            }
        )

    for column, (registry_name, kind) in NAMED_COLUMNS.items():
        index = ref.registries.by_kind[registry_name]
        scope = None if registry_name == "russian_entities" else geography_id
        seen: dict[str, str] = {}
        for position, name in enumerate(split_multi(cells.get(column, "")), start=1):
            try:
                entry = index.resolve(name, scope)  # type: ignore[arg-type]
            except Unresolved as unresolved:
                problem(column, visible(str(unresolved)))
                continue
            if entry.entry_id in seen:
                problem(
                    column,
                    f"'{visible(name)}' and '{visible(seen[entry.entry_id])}' are "
                    f"the same {index.kind} ({entry.entry_id})",
                )
                continue
            seen[entry.entry_id] = name
            link(kind, position, entry.entry_id, name)
    themes = ref.seeds.vocabularies["themes"].values
    for position, theme in enumerate(split_multi(cells.get("themes", "")), start=1):
        if theme not in themes:
            problem("themes", not_in_vocabulary(theme, themes))
        link("theme", position, theme)
    for position, an in enumerate(split_multi(cells.get("source_ans", "")), start=1):
        if not _ACCESSION.match(an):
            problem(
                "source_ans",
                f"'{visible(an)}' is not a Factiva accession number (25 letters and digits)",
            )
        elif an not in ref.delivered_ans:
            problem(
                "source_ans", f"accession number {an} was never delivered in a loaded factiva/ file"
            )
        link("source_an", position, an)
    for position, url in enumerate(split_multi(cells.get("source_urls", "")), start=1):
        if not _URL.match(url):
            problem("source_urls", f"'{visible(url)}' is not an http(s) URL")
        link("source_url", position, url)
    return links


def _flag(column: str, cells: dict[str, str], problem: Problem) -> bool | None:
    text = cells.get(column, "")
    if not text:
        return None
    if text.casefold() not in _FLAGS:
        problem(column, f"'{visible(text)}' is not true or false")
        return None
    return _FLAGS[text.casefold()]


def _amount(text: str, problem: Problem) -> float | None:
    """A number as coders type it: spaces as thousands separators, a decimal comma allowed."""
    if not text:
        return None
    compact = re.sub(r"[\s\u00a0\u202f']", "", text)
    compact = compact.replace(",", "") if "." in compact else compact.replace(",", ".")
    try:
        value = float(compact)
    except ValueError:
        problem("amount", f"'{visible(text)}' is not a number")
        return None
    if value < 0:
        problem("amount", f"{value} is negative")
        return None
    return value


PROJECTS = LandingSource(
    name="projects",
    directory="projects",
    suffixes=(".csv", ".xlsx"),
    tables={"project_records": RECORD_COLUMNS, "project_links": LINK_COLUMNS},
    key_columns=("project_id",),
    load_reference=ProjectReference.from_raw,
    read=read_project_sheet,
    signature_paths=(
        Path(__file__),
        Path(coding.__file__),
        Path(errors.__file__),
        Path(names.__file__),
        Path(registry.__file__),
        Path(sheets.__file__),
        Path(textfiles.__file__),
        Path(reference.__file__),
        SEEDS_DIR / "reference",
    ),
    reads_sources=("registry", "factiva"),
)
