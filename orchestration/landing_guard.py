"""Guards against losing landing data by accident: an unmounted share, a sheet saved empty.

Landing files are the source of truth, so a refresh faithfully removes what disappeared from the
landing zone. That is right for one retired file and wrong for a share that failed to mount or a
coding sheet re-saved with only its header row. The first is refused before anything is touched;
the second stops the publish until an operator confirms it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.database import connect
from ingestion.landing_scan import skip_reason
from ingestion.sources import SOURCES

DEFAULT_MAX_REMOVED_SHARE = 0.2
MIN_ROWS_JUDGED = 20  # a geography with fewer rows may legitimately lose most of them


def landing_missing_reason(landing_dir: Path, raw_db: Path) -> str | None:
    """Why ingestion must not run at all (one line), or None.

    An empty or missing landing directory is never a legitimate change: it is an unmounted share
    or a wrong path, and reading it would remove every loaded file.
    """
    has_data = landing_dir.is_dir() and any(
        path.is_file() and skip_reason(path) is None for path in landing_dir.rglob("*")
    )
    if has_data:
        return None
    state = "does not exist" if not landing_dir.exists() else "holds no files"
    loaded = _loaded_file_count(raw_db)
    if loaded:
        return (
            f"The landing directory {landing_dir} {state}, but {loaded} files were loaded by "
            "earlier refreshes: is the share mounted and CIVIC_LANDING_DIR right? Nothing changed."
        )
    return (
        f"The landing directory {landing_dir} {state}: put coding sheets and survey files there "
        "(docs/landing-contract.md) or run `civic generate-sample`."
    )


def _loaded_file_count(raw_db: Path) -> int:
    if not raw_db.exists():
        return 0
    with connect(raw_db, read_only=True) as con:
        try:
            return con.execute(
                "SELECT count(*) FROM landing_files WHERE accepted_hash IS NOT NULL"
            ).fetchone()[0]
        except duckdb.CatalogException:
            return 0


def landing_profile(raw_db: Path) -> dict[str, dict]:
    """Accepted rows per source: in all, per geography and per file (recorded with each release
    so the next refresh can tell how much a change removes)."""
    profile: dict[str, dict] = {}
    if not raw_db.exists():
        return profile
    with connect(raw_db, read_only=True) as con:
        tables = {
            name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "landing_files" not in tables:
            return profile
        for source in SOURCES:
            if source.primary_table not in tables:
                continue
            files = dict(
                con.execute(
                    """SELECT file, rows FROM landing_files
                       WHERE source = ? AND accepted_hash IS NOT NULL ORDER BY file""",
                    [source.name],
                ).fetchall()
            )
            # Per geography where records have one (a Factiva record belongs to no geography).
            columns = source.tables[source.primary_table]
            by = "coalesce(geography_id, '')" if "geography_id" in columns else "''"
            counts = con.execute(
                f'SELECT {by}, count(*) FROM "{source.primary_table}" GROUP BY ALL ORDER BY 1'
            ).fetchall()
            profile[source.name] = {
                "rows": sum(count for _, count in counts),
                "geographies": {key: count for key, count in counts if key},
                "files": files,
            }
    return profile


def unconfirmed_removals(
    previous: dict[str, dict] | None,
    current: dict[str, dict],
    *,
    max_share: float = DEFAULT_MAX_REMOVED_SHARE,
) -> list[str]:
    """What this refresh would remove beyond the limit, one line each: a file emptied, or more
    than ``max_share`` of a source's or a geography's rows gone since the published release."""
    problems: list[str] = []
    for source, before in (previous or {}).items():
        after = current.get(source, {"rows": 0, "geographies": {}, "files": {}})
        for file, rows in before["files"].items():
            if rows and after["files"].get(file) == 0:
                problems.append(f"{file} was emptied ({rows} rows -> 0)")
        scopes = [(source, before["rows"], after["rows"])] + [
            (f"{source} {geography}", rows, after["geographies"].get(geography, 0))
            for geography, rows in before["geographies"].items()
        ]
        for scope, was, now in scopes:
            if was >= MIN_ROWS_JUDGED and (was - now) / was > max_share:
                problems.append(
                    f"{scope}: {was} rows -> {now} (-{(was - now) / was:.0%}, "
                    f"limit {max_share:.0%})"
                )
    return problems
