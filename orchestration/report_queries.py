"""The report queries: one SQL file per table or figure under `docs/queries/`, the single source of
every number the country profiles, the docs and the tests print.

Each file is a single statement that reads the geography with DuckDB's
`getvariable('geography_id')`; analysts run `SET VARIABLE geography_id = 'KAZ';` first, code calls
`run_report_query(con, name, geography_id)`, which sets the variable on that connection. The
comment lines at the top of each file are its title (first line) and description (the rest).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

QUERIES_DIR: Path = Path(__file__).resolve().parents[1] / "docs" / "queries"
"""Where the report query files live (`docs/queries/<name>.sql`)."""

_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?=\s+[A-Z(`\"]|$)")

GEOGRAPHY_VARIABLE = "geography_id"
"""The DuckDB variable every query file reads with `getvariable('geography_id')`."""


def query_names() -> list[str]:
    """The names (file stems) of every report query, sorted."""
    return sorted(path.stem for path in QUERIES_DIR.glob("*.sql"))


def query_path(name: str) -> Path:
    """The file of one report query; `name` is the stem, with or without `.sql`."""
    stem = name.removesuffix(".sql")
    path = QUERIES_DIR / f"{stem}.sql"
    if not path.is_file():
        known = ", ".join(query_names())
        raise KeyError(f"no report query {stem!r} in {QUERIES_DIR} (known: {known})")
    return path


def query_text(name: str) -> str:
    """The SQL of one report query, as written in its file (comments included)."""
    return query_path(name).read_text(encoding="utf-8")


def query_statement(name: str) -> str:
    """The SQL of one report query ready to execute: one statement, trailing `;` stripped."""
    return query_text(name).strip().rstrip(";").rstrip()


def query_comment(name: str) -> list[str]:
    """The leading `--` comment lines of a query file, without the `--` markers."""
    lines: list[str] = []
    for line in query_text(name).splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            break
        lines.append(stripped.removeprefix("--").strip())
    return lines


def query_title(name: str) -> str:
    """The title profiles print above the table: the first sentence of the file's leading comment
    (e.g. "Table 8: the five Western keywords by sentiment, with the total row.")."""
    text = query_description(name)
    match = _FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def query_description(name: str) -> str:
    """All leading comment lines of the file joined into one text (title included)."""
    return " ".join(line for line in query_comment(name) if line)


def set_geography(con: duckdb.DuckDBPyConnection, geography_id: str) -> None:
    """Set `geography_id` on this connection, as `SET VARIABLE geography_id = '...'` does."""
    con.execute(f"SET VARIABLE {GEOGRAPHY_VARIABLE} = ?", [geography_id])


def run_report_query(con: duckdb.DuckDBPyConnection, name: str, geography_id: str) -> pd.DataFrame:
    """Run one report query for one geography on `con` (e.g. the published database opened
    read-only) and return its result; sets the `geography_id` variable on that connection."""
    set_geography(con, geography_id)
    return con.execute(query_statement(name)).df()
