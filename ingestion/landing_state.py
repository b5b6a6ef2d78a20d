"""What the raw database remembers of the landing files: the accepted files of sources (part of
a dependent reader's signature) and the issues of the files whose latest version is rejected."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.database import connect, table_exists


def current_rejections(raw_db: Path, limit: int = 50) -> list[tuple[str, int | None, str, str]]:
    """Issues of the files whose latest version is rejected: (file, row, column, message)."""
    if not raw_db.exists():
        return []
    with connect(raw_db, read_only=True) as con:
        if not table_exists(con, "landing_files"):
            return []
        return con.execute(
            """SELECT l.file, l.row_number, l.column_name, l.message
               FROM landing_files f JOIN load_log l
                 ON l.source = f.source AND l.file = f.file AND l.file_hash = f.seen_hash
                AND l.outcome = 'rejected' AND l.batch_id = f.batch_id
               WHERE f.status = 'rejected'
               ORDER BY l.file, l.row_number NULLS FIRST LIMIT ?""",
            [limit],
        ).fetchall()


def accepted_files(con: duckdb.DuckDBPyConnection, sources: tuple[str, ...]) -> list[list[str]]:
    """(source, file, accepted hash) of the sources' loaded files, in a stable order."""
    if not table_exists(con, "landing_files"):
        return []
    rows = con.execute(
        """SELECT source, file, accepted_hash FROM landing_files
           WHERE source IN (SELECT unnest(?)) AND accepted_hash IS NOT NULL ORDER BY ALL""",
        [list(sources)],
    ).fetchall()
    return [list(row) for row in rows]
