"""`civic releases`: list the releases, compare two, and roll the published file back to one.

Every release is kept under ``releases/`` when it is published (orchestration/release_archive.py),
so comparing opens two kept files read-only and a rollback swaps a kept file in the same way a
publish does (link or copy to a temporary name beside the published file, ``os.replace``): readers
see the old release or the restored one, never a mixture. See docs/operations.md, "Releases".
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingestion.database import DatabaseBusy, connect
from orchestration import release_archive, warehouse_lock
from orchestration.paths import WarehousePaths
from orchestration.release import match_permissions, set_aside_stale_wal
from orchestration.release_archive import fsync, kept_path, kept_release_ids
from orchestration.release_log import (
    current_release,
    read_history_copy,
    release_history,
    write_history_copy,
)

ROLLBACK = "rollback"  # the warehouse lock's purpose while a rollback swaps the file


class ReleaseError(Exception):
    """An operator's request that cannot be met; the message is one line saying what can."""


def list_lines(paths: WarehousePaths, limit: int | None = None) -> list[str]:
    """The releases, newest first: publication, code, rows in marts, checks, current and kept."""
    history = release_history(paths.published_db)
    if not history:
        return ["No release published yet."]
    current = current_release(paths.published_db)
    kept = set(kept_release_ids(paths.published_db))
    lines = []
    for record in reversed(history[-limit:] if limit else history):
        marts_rows = sum(n for t, n in record["row_counts"].items() if t.startswith("marts."))
        state = "current" if current and record["release_id"] == current.release_id else ""
        lines.append(
            f"  {record['release_id']}  {record['published_at']:%Y-%m-%d %H:%M:%S} UTC  "
            f"code {record['code_version']}  {marts_rows:>9,} mart rows  "
            f"{record['checks_passed']} checks passed  "
            f"{'kept' if record['release_id'] in kept else 'not kept':<8}  {state}".rstrip()
        )
    copy = read_history_copy(paths.published_db)
    lines += [
        f"  rolled back {r['from_release']} -> {r['to_release']} at {r['rolled_back_at'][:19]} UTC"
        for r in (copy.rollbacks[-3:] if copy else [])
    ]
    return ["Releases (newest first; kept = on disk for diff and rollback):", *lines]


def previous_release_id(paths: WarehousePaths) -> str:
    """The release published just before the current one."""
    history = release_history(paths.published_db)
    current = current_release(paths.published_db)
    ids = [record["release_id"] for record in history]
    if current is None:
        raise ReleaseError(f"No release published at {paths.published_db}")
    if ids.index(current.release_id) == 0:
        raise ReleaseError(f"No release before the current one; {_available(paths)}")
    return ids[ids.index(current.release_id) - 1]


def diff_lines(
    paths: WarehousePaths, old_id: str | None, new_id: str | None, limit: int = 20
) -> list[str]:
    """Rows per published table (as recorded at publication) and the report measures whose
    values differ, with the printed report figures they are checked against."""
    current = current_release(paths.published_db)
    new_id = new_id or (current.release_id if current else None)
    old_id = old_id or previous_release_id(paths)
    records = {r["release_id"]: r for r in release_history(paths.published_db)}
    for release_id in (old_id, new_id):
        if release_id not in records:
            raise ReleaseError(f"Unknown release {release_id}; {_available(paths)}")
    old, new = records[old_id], records[new_id]
    lines = [
        f"Release {old_id} ({old['published_at']:%Y-%m-%d %H:%M} UTC) -> "
        f"{new_id} ({new['published_at']:%Y-%m-%d %H:%M} UTC)"
    ]
    tables = sorted(set(old["row_counts"]) | set(new["row_counts"]))
    changed = [t for t in tables if old["row_counts"].get(t) != new["row_counts"].get(t)]
    lines.append(
        f"Rows per published table: {len(changed)} changed, {len(tables) - len(changed)} same"
    )
    for table in changed:
        before, after = old["row_counts"].get(table), new["row_counts"].get(table)
        delta = f"({after - before:+,})" if None not in (before, after) else ""
        lines.append(f"  {table:<48} {_count(before):>9} -> {_count(after):>9} {delta}".rstrip())
    return lines + _figure_lines(paths, old_id, new_id, limit)


def _count(rows: int | None) -> str:
    return "-" if rows is None else f"{rows:,}"


# Measures (geography, measure, dimensions) whose value differs between releases `a` and `b`,
# with the printed report figures checked against them (either release's reconciliation).
FIGURE_CHANGES = """
WITH changed AS (
    SELECT geography_id, measure, dimension_1, dimension_2, o.value AS old_value,
           n.value AS new_value
    FROM a.marts.report_measures o
    FULL JOIN b.marts.report_measures n USING (geography_id, measure, dimension_1, dimension_2)
    WHERE o.value IS NULL OR n.value IS NULL
       OR abs(o.value - n.value) > 1e-9 * greatest(1, abs(o.value))
),
figures AS (
    SELECT report_id || ' ' || figure_id AS figure, geography_id, measure, dimension_1,
           coalesce(dimension_2, '') AS dimension_2
    FROM a.marts.report_reconciliation
    UNION
    SELECT report_id || ' ' || figure_id, geography_id, measure, dimension_1,
           coalesce(dimension_2, '')
    FROM b.marts.report_reconciliation
)
SELECT string_agg(DISTINCT f.figure, ', ' ORDER BY f.figure) AS figures, c.*
FROM changed c
LEFT JOIN figures f USING (geography_id, measure, dimension_1, dimension_2)
GROUP BY ALL
ORDER BY figures IS NULL, figures, geography_id, measure, dimension_1, dimension_2
"""


def _figure_lines(paths: WarehousePaths, old_id: str, new_id: str, limit: int) -> list[str]:
    with duckdb.connect() as con:
        try:
            for alias, release_id in (("a", old_id), ("b", new_id)):
                path = _release_file(paths, release_id)
                quoted = str(path).replace("'", "''")
                con.execute(f"ATTACH '{quoted}' AS {alias} (READ_ONLY)")
            rows = con.execute(FIGURE_CHANGES).fetchall()
        except (duckdb.Error, ReleaseError) as error:
            return [f"Report figures not compared: {str(error).splitlines()[0]}"]
    printed = sorted({figure for row in rows if row[0] for figure in row[0].split(", ")})
    lines = [
        f"Report figures (marts.report_measures): {len(rows)} values changed, "
        f"{sum(1 for row in rows if row[0])} of them printed in a report"
        + (f" ({', '.join(printed[:10])}{', ...' if len(printed) > 10 else ''})" if printed else "")
    ]
    for figures, geography, measure, dim1, dim2, before, after in rows[:limit]:
        dimensions = "/".join(d for d in (dim1, dim2) if d) or "-"
        lines.append(
            f"  {figures or '(not printed)':<24} {geography:<4} {measure:<34} {dimensions:<36} "
            f"{_value(before)} -> {_value(after)}"
        )
    if len(rows) > limit:
        lines.append(f"  ... and {len(rows) - limit} more (--limit N shows more)")
    return lines


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:,.6g}"


def _release_file(paths: WarehousePaths, release_id: str) -> Path:
    """The kept file of a release; the published file if the current one is not kept."""
    path = kept_path(paths.published_db, release_id)
    if path.exists():
        return path
    current = current_release(paths.published_db)
    if current is not None and current.release_id == release_id:
        return paths.published_db
    raise ReleaseError(f"Release {release_id} is not kept on disk; {_available(paths)}")


def _available(paths: WarehousePaths) -> str:
    kept = kept_release_ids(paths.published_db)
    return f"kept releases: {', '.join(reversed(kept))}" if kept else "no release is kept on disk"


def rollback(paths: WarehousePaths, release_id: str | None = None) -> list[str]:
    """Make a kept release the published one again, atomically, and record it in the history.

    Refused while a refresh holds the warehouse lock (and a refresh waits for a rollback). The
    outgoing release is kept first, so a rollback can itself be undone. A failure before the swap
    leaves the published file as it was.
    """
    with warehouse_lock.hold(paths, ROLLBACK, wait=0):
        current = current_release(paths.published_db)
        if current is None:
            raise ReleaseError(f"No release published at {paths.published_db}")
        target_id = release_id or previous_release_id(paths)
        if target_id == current.release_id:
            raise ReleaseError(f"Release {target_id} is already the published one")
        if target_id not in kept_release_ids(paths.published_db):
            raise ReleaseError(f"Release {target_id} is not kept on disk; {_available(paths)}")
        history = release_history(paths.published_db)
        if not kept_path(paths.published_db, current.release_id).exists():
            release_archive.link_or_copy(
                paths.published_db, kept_path(paths.published_db, current.release_id)
            )
        _swap_in(paths.published_db, kept_path(paths.published_db, target_id), target_id)
        copy = read_history_copy(paths.published_db)
        rollbacks = [
            *(copy.rollbacks if copy else []),
            {
                "rolled_back_at": datetime.now(UTC).replace(tzinfo=None).isoformat(" "),
                "from_release": current.release_id,
                "to_release": target_id,
            },
        ]
        write_history_copy(paths.published_db, history, target_id, rollbacks)
    target = next(r for r in history if r["release_id"] == target_id)
    return [
        f"Rolled back: {paths.published_db} is release {target_id} again "
        f"(published {target['published_at']:%Y-%m-%d %H:%M:%S} UTC, code "
        f"{target['code_version']}); it was {current.release_id}, which stays kept.",
        *_after_rollback_notes(paths),
    ]


def _swap_in(published_db: Path, source: Path, release_id: str) -> None:
    """Put ``source`` under a temporary name beside the published file, check it is the release
    it should be, and rename it over the published file; remove the temporary name on failure."""
    temporary = published_db.with_name(published_db.name + ".rollback")
    try:
        release_archive.link_or_copy(source, temporary)
        with connect(temporary, read_only=True, wait_seconds=0) as con:
            [(found,)] = con.execute(
                "SELECT release_id FROM metadata.releases ORDER BY published_at DESC LIMIT 1"
            ).fetchall()
        if found != release_id:
            raise ReleaseError(f"{source} holds release {found}, not {release_id}: not restored")
        match_permissions(temporary, published_db)
        set_aside_stale_wal(published_db, f"rollback-{release_id}")
        temporary.replace(published_db)
        fsync(published_db.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _after_rollback_notes(paths: WarehousePaths) -> list[str]:
    from orchestration.refresh import profiles_stale

    notes = [
        "Refreshes hold (build nothing) while the landing files and code are those of the release "
        "rolled back from: fix or remove the landing files that made it wrong (the change starts "
        "a refresh), or `civic refresh --force-rebuild` publishes them again (docs/operations.md)."
    ]
    if profiles_stale(paths):
        notes.append(
            "Country profiles were built from another release: `civic profile` rebuilds them."
        )
    return notes


def main(paths: WarehousePaths, args) -> int:
    """The `civic releases` subcommands; operator errors are one line on standard error."""
    try:
        if args.releases_command == "list":
            lines = list_lines(paths, args.limit)
        elif args.releases_command == "diff":
            lines = diff_lines(paths, args.old, args.new, args.limit)
        else:
            lines = rollback(paths, args.release_id)
    except (ReleaseError, warehouse_lock.WarehouseBusy, DatabaseBusy) as error:
        print(f"civic releases {args.releases_command}: {error}", file=sys.stderr)
        return warehouse_lock.EXIT_BUSY if isinstance(error, warehouse_lock.WarehouseBusy) else 2
    print("\n".join(lines))
    return 0


def add_parser(commands) -> None:
    """The `releases` subcommand of `civic` (list, diff, rollback)."""
    releases = commands.add_parser("releases", help="list, compare and roll back releases")
    actions = releases.add_subparsers(dest="releases_command", required=True)
    listing = actions.add_parser("list", help="releases, newest first, and which are kept")
    listing.add_argument("--limit", type=int, default=None, help="newest N only")
    diff = actions.add_parser("diff", help="rows per table and changed report figures")
    diff.add_argument("old", nargs="?", help="release id (default: the one before the current)")
    diff.add_argument("new", nargs="?", help="release id (default: the current one)")
    diff.add_argument("--limit", type=int, default=20, help="changed figures to print")
    back = actions.add_parser(
        "rollback", help="publish a kept release again (default: the one before the current)"
    )
    back.add_argument("release_id", nargs="?")
