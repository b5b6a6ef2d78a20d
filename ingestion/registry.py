"""Reader for the registries: organisations, Russian entities and places, each with aliases.

A registry file's kind is told by its name (``organisations*``, ``russian_entities*``,
``places*``), so a list may be split per country. The reader owns each file's contract (ids,
types, countries, coordinates) and writes every name and alias with its matching key to
``registry_names``: the project reader resolves sheet names against those rows, so adding an
alias to a registry is all it takes for a rejected sheet to load on the next refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ingestion import coding, errors, names, reference, sheets, textfiles
from ingestion.coding import Problem, UniqueKeys, check_vocabulary, geography, require, row_problems
from ingestion.database import table_exists
from ingestion.errors import ContractViolation, Issue, IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.names import Entry, NameIndex, name_key
from ingestion.reference import SEEDS_DIR, ReferenceData
from ingestion.sheets import read_sheet, split_multi


@dataclass(frozen=True)
class RegistryKind:
    """One kind of registry file: its id and type columns and what else it requires."""

    kind: str
    id_column: str
    type_column: str | None
    required: tuple[str, ...]
    scoped_by_country: bool
    label: str  # singular, for messages


KINDS = (
    RegistryKind(
        "organisations",
        "org_id",
        "org_type",
        ("country",),
        scoped_by_country=True,
        label="organisation",
    ),
    RegistryKind(
        "russian_entities",
        "entity_id",
        "entity_type",
        (),
        scoped_by_country=False,
        label="Russian entity",
    ),
    RegistryKind(
        "places",
        "place_id",
        None,
        ("country", "admin1", "latitude", "longitude"),
        scoped_by_country=True,
        label="place",
    ),
)

ENTRY_COLUMNS = {
    "registry": "VARCHAR NOT NULL",
    "entry_id": "VARCHAR NOT NULL",
    "name": "VARCHAR NOT NULL",
    "aliases": "VARCHAR",
    "entry_type": "VARCHAR",
    "geography_id": "VARCHAR",
    "country_as_coded": "VARCHAR",
    "parent_entry_id": "VARCHAR",
    "place_text": "VARCHAR",
    "admin1": "VARCHAR",
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
    "source_row": "INTEGER NOT NULL",
}
NAME_COLUMNS = {
    "registry": "VARCHAR NOT NULL",
    "entry_id": "VARCHAR NOT NULL",
    "name": "VARCHAR NOT NULL",
    "name_key": "VARCHAR NOT NULL",
    "is_primary": "BOOLEAN NOT NULL",
    "source_row": "INTEGER NOT NULL",
}


def registry_kind(path: Path) -> RegistryKind:
    """The kind a registry file holds, from the start of its name."""
    for kind in KINDS:
        if path.name.casefold().startswith(kind.kind):
            return kind
    expected = ", ".join(f"{kind.kind}*" for kind in KINDS)
    raise ContractViolation(
        [Issue(path.name, f"not a registry file name: name it {expected} (.csv or .xlsx)")]
    )


def read_registry_file(path: Path, ref: ReferenceData) -> dict[str, pd.DataFrame]:
    """Validate one registry file; return its entries and every name and alias to match on."""
    kind = registry_kind(path)
    columns = (kind.id_column, "name", *((kind.type_column,) if kind.type_column else ()))
    sheet = read_sheet(path, required=columns + kind.required)
    log = IssueLog(sheet.file)
    entries: list[dict[str, object]] = []
    name_rows: list[dict[str, object]] = []
    ids = UniqueKeys(kind.id_column)
    for row, cells in sheet.records:
        problem = row_problems(log, row)
        entry = _entry(kind, row, cells, ref, problem)
        ids.check(row, cells, problem)
        entry_id = str(entry["entry_id"])
        entries.append(entry)
        aliases = split_multi(cells.get("aliases", ""))
        for position, name in enumerate([cells["name"], *aliases]):
            if name:
                name_rows.append(
                    {
                        "registry": kind.kind,
                        "entry_id": entry_id,
                        "name": name,
                        "name_key": name_key(name),
                        "is_primary": position == 0,
                        "source_row": row,
                    }
                )
    log.raise_if_any()
    return {
        "registry_entries": pd.DataFrame.from_records(entries, columns=list(ENTRY_COLUMNS)),
        "registry_names": pd.DataFrame.from_records(name_rows, columns=list(NAME_COLUMNS)),
    }


def _entry(
    kind: RegistryKind,
    row: int,
    cells: dict[str, str],
    ref: ReferenceData,
    problem: Problem,
) -> dict[str, object]:
    require(cells, (kind.id_column, "name", *kind.required), problem)
    entry_type = cells.get(kind.type_column, "") if kind.type_column else ""
    if kind.type_column:
        require(cells, (kind.type_column,), problem)
        check_vocabulary(kind.type_column, entry_type, ref, problem)
    geography_id = geography(cells, ref, problem)
    latitude = _coordinate(cells.get("latitude", ""), 90, "latitude", problem)
    longitude = _coordinate(cells.get("longitude", ""), 180, "longitude", problem)
    return {
        "registry": kind.kind,
        "entry_id": cells[kind.id_column],
        "name": cells["name"],
        "aliases": "|".join(split_multi(cells.get("aliases", ""))) or None,
        "entry_type": entry_type or None,
        "geography_id": geography_id,
        "country_as_coded": cells.get("country") or None,
        "parent_entry_id": cells.get("parent") or None,
        "place_text": cells.get("place") or None,
        "admin1": cells.get("admin1") or None,
        "latitude": latitude,
        "longitude": longitude,
        "source_row": row,
    }


def _coordinate(text: str, limit: int, column: str, problem: Problem) -> float | None:
    """Decimal degrees; a decimal comma (a ';'-separated export of a European locale) is fine."""
    if not text:
        return None
    try:
        value = float(text.replace(",", ".") if "." not in text else text)
    except ValueError:
        problem(column, f"'{visible(text)}' is not a number of decimal degrees")
        return None
    if not -limit <= value <= limit:
        problem(column, f"{value} is outside -{limit}..{limit}")
        return None
    return value


@dataclass(frozen=True)
class RegistryIndexes:
    """Every loaded registry's names, for readers of sheets that name registry entries."""

    by_kind: dict[str, NameIndex]

    @classmethod
    def from_raw(cls, con: duckdb.DuckDBPyConnection) -> RegistryIndexes:
        indexes = {kind.kind: NameIndex(kind.label) for kind in KINDS}
        if not (table_exists(con, "registry_entries") and table_exists(con, "registry_names")):
            return cls(indexes)
        scoped = {kind.kind: kind.scoped_by_country for kind in KINDS}
        rows = con.execute(
            """SELECT e.registry, e.entry_id, e.name, e.geography_id, list(n.name ORDER BY n.name)
               FROM registry_entries e JOIN registry_names n USING (registry, entry_id)
               GROUP BY ALL"""
        ).fetchall()
        for registry, entry_id, name, geography_id, all_names in rows:
            scope = geography_id if scoped.get(registry) else None
            indexes[registry].add(Entry(entry_id, name, scope), all_names)
        return cls(indexes)


REGISTRY = LandingSource(
    name="registry",
    directory="registry",
    suffixes=(".csv", ".xlsx"),
    tables={"registry_entries": ENTRY_COLUMNS, "registry_names": NAME_COLUMNS},
    key_columns=("registry", "entry_id"),
    load_reference=lambda _raw: ReferenceData.from_seeds(),
    read=read_registry_file,
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
