"""Plain-text summaries for operators: after a refresh, and on `civic status`."""

from __future__ import annotations

import json
from contextlib import contextmanager

import duckdb

from ingestion.database import connect
from ingestion.errors import Issue
from ingestion.landing_state import current_rejections
from orchestration.paths import WarehousePaths
from orchestration.release import current_release, plan_build
from orchestration.releases import list_lines


def _load_outcomes(paths: WarehousePaths, batch_id: str | None) -> tuple[dict, list[tuple]]:
    """Outcome counts and rejection issues of one batch, or of the current state if None."""
    if not paths.raw_db.exists():
        return {}, []
    if batch_id is None:
        with connect(paths.raw_db, read_only=True, wait_seconds=0) as con:
            counts = dict(
                con.execute("SELECT status, count(*) FROM landing_files GROUP BY status").fetchall()
            )
        return counts, current_rejections(paths.raw_db)
    with connect(paths.raw_db, read_only=True, wait_seconds=0) as con:
        counts = dict(
            con.execute(
                """SELECT outcome, count(DISTINCT file) FROM load_log WHERE batch_id = ?
                   GROUP BY outcome""",
                [batch_id],
            ).fetchall()
        )
        rejections = con.execute(
            """SELECT file, row_number, column_name, message FROM load_log
               WHERE batch_id = ? AND outcome = 'rejected'
               ORDER BY file, row_number NULLS FIRST LIMIT 50""",
            [batch_id],
        ).fetchall()
    return counts, rejections


def _landing_lines(counts, rejections, *, empty: str, rejected_title: str, indent: str):
    counts_text = ", ".join(f"{n} {state}" for state, n in sorted(counts.items())) or empty
    lines = [f"{indent}Landing files: {counts_text}"]
    if rejections:
        lines.append(indent + rejected_title)
        lines += [
            f"    {Issue(file, message, row=row, column=column or None)}"
            for file, row, column, message in rejections
        ]
    return lines


def _error_line(error) -> str:
    """One line per failure: a raised ``dg.Failure`` is the pipeline's own one-line message
    (without the exception's class path); any other error's last line names it."""
    message = error.message.strip()
    if error.cls_name == "Failure":
        return message.split(": ", 1)[-1].splitlines()[0]
    return message.splitlines()[-1]


def refresh_summary(paths: WarehousePaths, result, elapsed: float, example_query: str) -> str:
    run_id = result.run_id
    lines = [
        f"Refresh run {run_id}: {'succeeded' if result.success else 'FAILED'} in {elapsed:.1f}s"
    ]
    lines += _landing_lines(
        *_load_outcomes(paths, run_id),
        empty="no changes",
        rejected_title="Rejected (left out; the previous accepted version, if any, stays):",
        indent="  ",
    )

    checks = [
        e.asset_check_evaluation_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    failed = [c for c in checks if not c.passed]
    lines.append(f"  Checks: {len(checks) - len(failed)} passed, {len(failed)} failed")
    for check in failed:
        lines.append(
            f"    FAILED {check.asset_key.to_user_string()}:{check.check_name} "
            f"({check.severity.value}) {check.description or ''}"[:400]
        )
    if not result.success:  # step errors, beside any failed checks (a full disk fails both)
        errors = [
            _error_line(e.event_specific_data.error)
            for e in result.all_events
            if getattr(e.event_specific_data, "error", None) is not None
            and e.event_specific_data.error.cls_name != "DagsterAssetCheckFailedError"
        ]
        lines += [f"  Error: {error[:400]}" for error in dict.fromkeys(errors)][:3]
    published = any(
        e.event_type_value == "ASSET_MATERIALIZATION"
        and e.asset_key.to_user_string() == "metadata/releases"
        for e in result.all_events
    )
    release = current_release(paths.published_db)
    if published:
        lines.append(f"  Published release {release.release_id} -> {paths.published_db}")
    elif release is None:
        lines.append("  Nothing published yet.")
    else:
        state = "unchanged" if result.success else "kept (this refresh did not publish)"
        lines.append(f"  Published release {release.release_id} {state} -> {paths.published_db}")
        plan = plan_build(paths) if result.success else None
        if plan is not None and plan.basis not in (None, plan.current):  # held after a rollback
            lines.append(f"  {plan.unchanged_reason}")
    if release is not None:
        with connect(paths.published_db, read_only=True, wait_seconds=0) as con:
            [(row_counts,)] = con.execute(  # counted at publish time, in the release record
                "SELECT row_counts FROM metadata.releases WHERE release_id = ?",
                [release.release_id],
            ).fetchall()
            table = con.sql(example_query).fetchall()
        lines.append("  Rows per mart:")
        lines += [
            f"    {name:<48} {rows:>9,}"
            for name, rows in sorted(json.loads(row_counts).items())
            if name.startswith("marts.")
        ]
        region_page = paths.warehouse_dir / "profiles" / "index.html"
        if region_page.exists():
            lines.append(f"  Country profiles (offline HTML, civic profile GEO): {region_page}")
        lines.append('  Example query (civic query "...", or any SQL client, read-only):')
        lines += ["    " + line for line in example_query.splitlines()]
        lines += [f"      {' | '.join(str(v) for v in row)}" for row in table]
    return "\n".join(lines)


def status_report(paths: WarehousePaths) -> str:
    """Releases, runs and landing state, without ever getting in a refresh's way.

    `raw.duckdb` is read only while holding the warehouse lock (an instant: a refresh waits a few
    seconds for it), because a reader in another process blocks DuckDB's writer. While a refresh
    holds the lock, the landing state comes from the published release, which carries a copy.
    Orphaned runs are failed on the way (see orchestration/run_history.py).
    """
    from orchestration import warehouse_lock
    from orchestration.run_history import history_lines, sweep_orphaned_runs

    lines = [f"Landing:   {paths.landing_dir}", f"Warehouse: {paths.warehouse_dir}"]
    release = current_release(paths.published_db)
    lines += list_lines(paths, limit=5)
    orphans: list = []
    outcomes: tuple[dict, list[tuple]] = ({}, [])
    with _instance(paths) as instance:
        holder = warehouse_lock.lock_holder(paths)
        try:
            if holder is not None and holder.is_refresh:
                raise warehouse_lock.WarehouseBusy(paths.warehouse_dir, holder)
            if paths.warehouse_dir.exists():  # before the first refresh there is nothing to read
                with warehouse_lock.hold(paths, "civic status"):
                    if instance is not None:
                        orphans = sweep_orphaned_runs(instance, paths, found_by="civic status")
                    outcomes = _load_outcomes(paths, None)
        except warehouse_lock.WarehouseBusy as busy:
            lines.append(_busy_note(busy.holder, release))
            outcomes = _published_landing_state(paths) if release is not None else ({}, [])
        if instance is not None:
            lines += history_lines(instance, swept=orphans)
    lines += _landing_lines(
        *outcomes, empty="none loaded yet", rejected_title="Currently rejected:", indent=""
    )
    return "\n".join(lines)


@contextmanager
def _instance(paths: WarehousePaths):
    """The warehouse's Dagster instance, or None before the first refresh made one."""
    if not (paths.dagster_home / "dagster.yaml").exists():
        yield None
        return
    from dagster import DagsterInstance

    from orchestration.instance import prepare_dagster_home

    prepare_dagster_home(paths)
    with DagsterInstance.from_config(str(paths.dagster_home)) as instance:
        yield instance


def _busy_note(holder, release) -> str:
    who = "a refresh is running" if holder and holder.is_refresh else "the warehouse is busy"
    if holder is not None:
        who += f" ({holder.describe()})"
    if release is None:
        return f"Note: {who}: no release yet, so no landing state until it finishes."
    return f"Note: {who}: landing state as of release {release.release_id}."


def _published_landing_state(paths: WarehousePaths) -> tuple[dict, list[tuple]]:
    """Landing file states and current rejections as the published release recorded them."""
    try:
        with connect(paths.published_db, read_only=True, wait_seconds=0) as con:
            counts = dict(
                con.execute(
                    "SELECT status, count(*) FROM metadata.landing_files GROUP BY status"
                ).fetchall()
            )
            rejections = con.execute(
                """SELECT l.landing_file, l.file_row, l.file_column, l.message
                   FROM metadata.landing_files f JOIN metadata.load_log l
                     ON l.landing_source = f.landing_source AND l.landing_file = f.landing_file
                    AND l.file_hash = f.seen_hash AND l.outcome = 'rejected'
                   WHERE f.status = 'rejected'
                   ORDER BY l.landing_file, l.file_row NULLS FIRST LIMIT 50"""
            ).fetchall()
    except duckdb.CatalogException:  # a release from before the landing state was published
        return {}, []
    return counts, rejections
