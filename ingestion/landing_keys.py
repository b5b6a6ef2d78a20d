"""Key uniqueness across a source's files, judged on the state a sync will leave behind."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from ingestion.errors import Issue

if TYPE_CHECKING:
    from ingestion.landing import LandingSource

ISSUES_PER_FILE = 50


def staging_table(table: str) -> str:
    """Where a sync stages the new rows of ``table`` (a scratch database attached as staging)."""
    return f'staging."{table}"'


def key_clashes(
    con: duckdb.DuckDBPyConnection, source: LandingSource, candidates: list[str], gone: list[str]
) -> dict[str, list[Issue]]:
    """Candidates (files whose new version is staged) that would hold a key another file holds.

    The state judged is: every kept file's rows (unchanged files, and the accepted version of
    files whose new version was rejected) plus the staged rows of the candidates, so a record
    moved from one file to another is no clash. A candidate whose key a kept file holds loses, and
    of two candidates the later in file order; a losing candidate keeps its old rows, so the check
    repeats until nothing more clashes.
    """
    keys = ", ".join(f'"{k}"' for k in source.key_columns)
    table = source.primary_table
    order = {file: position for position, file in enumerate(candidates)}
    clashes: dict[str, list[Issue]] = {}
    con.register("gone_files", pd.DataFrame({"file": gone}, dtype="object"))
    try:
        while candidates:
            con.register("candidate_files", pd.DataFrame({"file": candidates}, dtype="object"))
            rows = con.execute(
                f"""WITH final AS (
                      SELECT {keys}, source_file, source_row, false AS candidate FROM "{table}"
                      WHERE source_file NOT IN (SELECT file FROM candidate_files)
                        AND source_file NOT IN (SELECT file FROM gone_files)
                      UNION ALL
                      SELECT {keys}, source_file, source_row, true FROM {staging_table(table)}
                      WHERE source_file IN (SELECT file FROM candidate_files)),
                    shared AS (SELECT {keys} FROM final GROUP BY ALL
                               HAVING count(DISTINCT source_file) > 1)
                    SELECT {keys}, source_file, source_row, candidate
                    FROM final JOIN shared USING ({keys}) ORDER BY ALL"""
            ).fetchall()
            con.unregister("candidate_files")
            losers = _losers(rows, source.key_columns, order)
            if not losers:
                break
            clashes |= {file: issues[:ISSUES_PER_FILE] for file, issues in losers.items()}
            candidates = [f for f in candidates if f not in losers]
    finally:
        con.unregister("gone_files")
    return clashes


def _losers(
    rows: list[tuple], key_columns: tuple[str, ...], order: Mapping[str, int]
) -> dict[str, list[Issue]]:
    """Per shared key, the holder that stays (a kept file, else the first candidate) and the
    candidates that lose, each losing row named with the holder's file and row."""
    holders: dict[tuple, tuple] = {}
    for *key, file, row, candidate in rows:
        rank = (candidate, order.get(file, -1), row)
        if tuple(key) not in holders or rank < holders[tuple(key)][0]:
            holders[tuple(key)] = (rank, file, row)
    names = "/".join(key_columns)
    losers: dict[str, list[Issue]] = {}
    for *key, file, row, candidate in rows:
        _, holder_file, holder_row = holders[tuple(key)]
        if candidate and file != holder_file:
            losers.setdefault(file, []).append(
                Issue(
                    Path(file).name,
                    f"{names} {'/'.join(map(str, key))} already loaded from "
                    f"{holder_file} row {holder_row}",
                    row=row,
                    column=key_columns[0],
                )
            )
    return losers
