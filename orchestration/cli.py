"""`civic`: the operator's and analyst's command line (sample data, refresh, status, query, UI)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ingestion.database import connect, storage_fault
from orchestration import catalog, dagster_service, releases
from orchestration.paths import WarehousePaths
from orchestration.refresh import UnchangedRefresh, run_refresh

EXAMPLE_QUERY = """\
SELECT restriction_type, report_period, sum(event_count) AS restrictions
FROM marts.restrictions_by_period
WHERE geography_id = 'KAZ'
GROUP BY ALL
ORDER BY restriction_type, report_period"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="civic", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate-sample", help="write deterministic sample landing data"
    )
    generate.add_argument("--scale", type=int, default=1, help="multiply volumes (benchmarks)")
    generate.add_argument("--seed", type=int, default=None)

    refresh = commands.add_parser("refresh", help="ingest, build, gate and publish")
    refresh.add_argument(
        "--generate-if-empty", action="store_true", help="write sample data if landing is empty"
    )
    refresh.add_argument(
        "--force-rebuild", action="store_true", help="rebuild even if nothing changed"
    )
    refresh.add_argument(
        "--confirm-removals",
        action="store_true",
        help="publish even if the change removes a large share of a source's or geography's rows",
    )
    refresh.add_argument("--quiet", action="store_true", help="print the summary only")

    commands.add_parser("status", help="current release, landing files and rejections")
    query = commands.add_parser("query", help="run read-only SQL on the published database")
    query.add_argument(
        "sql", help="SQL text, @file.sql, or the name of a report query in docs/queries/"
    )
    query.add_argument(
        "--geography", help="set the variable geography_id the report queries read (e.g. KAZ)"
    )
    query.add_argument(
        "--format",
        choices=("table", "csv", "json", "parquet"),
        default="table",
        help="output format (csv, json and parquet go to --output, or stdout for csv/json)",
    )
    query.add_argument("--output", type=Path, help="file to write the result to")
    profile = commands.add_parser(
        "profile", help="build country profiles from the published release (default: all 24)"
    )
    profile.add_argument("geographies", nargs="*", metavar="GEO", help="e.g. KAZ KGZ")
    releases.add_parser(commands)
    catalog.add_parsers(commands)
    dagster_service.add_parsers(commands)

    args = parser.parse_args(argv)
    paths = WarehousePaths.from_env()
    handler = {
        "generate-sample": _generate,
        "refresh": _refresh,
        "status": _status,
        "query": _query,
        "profile": _profile,
        "releases": releases.main,
        **dict.fromkeys(catalog.COMMANDS, catalog.main),
        "ui": dagster_service.ui,
        "serve": dagster_service.serve,
    }[args.command]
    try:
        return handler(paths, args)
    except Exception as error:  # a full disk or read-only filesystem is one line, not a traceback
        fault = storage_fault(error)
        if fault is None:
            raise
        print(
            f"civic {args.command} stopped: {fault} ({paths.warehouse_dir}): "
            f"{str(error).splitlines()[0]}",
            file=sys.stderr,
        )
        return 1


def _generate(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from sample_data import DEFAULT_SEED, generate_all

    started = time.perf_counter()
    seed = DEFAULT_SEED if args.seed is None else args.seed
    files = generate_all(paths.landing_dir, scale=args.scale, seed=seed)
    print(
        f"Wrote {len(files)} sample files below {paths.landing_dir} "
        f"(scale {args.scale}) in {time.perf_counter() - started:.1f}s"
    )
    return 0


def _landing_is_empty(paths: WarehousePaths) -> bool:
    return not paths.landing_dir.exists() or not any(
        p.is_file() for p in paths.landing_dir.rglob("*")
    )


def _refresh(paths: WarehousePaths, args: argparse.Namespace) -> int:
    """Take the warehouse lock before anything else (the run's resource re-enters it), fail
    runs orphaned by a dead refresh, run, then prune the run history."""
    from orchestration import warehouse_lock

    try:
        warehouse_lock.acquire(paths, warehouse_lock.REFRESH)
    except warehouse_lock.WarehouseBusy as busy:
        print(busy, file=sys.stderr)
        return warehouse_lock.EXIT_BUSY
    try:
        return _refresh_holding_lock(paths, args)
    finally:
        warehouse_lock.release(paths)


def _refresh_holding_lock(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from orchestration.run_history import upkeep

    if args.generate_if_empty and _landing_is_empty(paths):
        _generate(paths, argparse.Namespace(scale=1, seed=None))
    for line in upkeep(paths, sweep_as="civic refresh", prune=False):
        print(line)
    started = time.perf_counter()
    result = run_refresh(
        paths,
        force_rebuild=args.force_rebuild,
        confirm_removals=args.confirm_removals,
        quiet=args.quiet,
    )
    elapsed = time.perf_counter() - started
    if isinstance(result, UnchangedRefresh):
        print(result.message)
        return 0
    from orchestration.summary import refresh_summary

    print(refresh_summary(paths, result, elapsed, EXAMPLE_QUERY))
    upkeep(paths, sweep_as=None, prune=True)
    return 0 if result.success else 1


def _status(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from orchestration.summary import status_report

    print(status_report(paths))
    return 0


# Analysts' connection: read-only, no file system access (COPY TO, ATTACH, read_csv of other
# files, extensions) and no SET, so a query can never damage the warehouse.
QUERY_CONFIG = catalog.ANALYST_SESSION_CONFIG


def _query(paths: WarehousePaths, args: argparse.Namespace) -> int:
    import duckdb

    from orchestration import report_queries

    if args.sql.startswith("@"):
        sql = Path(args.sql[1:]).read_text()
    elif args.sql.removesuffix(".sql") in report_queries.query_names():
        sql = report_queries.query_statement(args.sql)
    else:
        sql = args.sql
    if not paths.published_db.exists():
        print(f"No published database at {paths.published_db}: run `civic refresh` first.")
        return 1
    if args.format == "parquet" and args.output is None:
        print("--format parquet needs --output FILE", file=sys.stderr)
        return 2
    with connect(paths.published_db, read_only=True, wait_seconds=0, config=QUERY_CONFIG) as con:
        try:
            if args.geography:
                report_queries.set_geography(con, args.geography.upper())
            result = con.sql(sql)
            if args.format == "table":
                result.show(max_rows=200, max_width=200)
                return 0
            frame = result.df()
        except duckdb.Error as error:
            print(_query_error(error), file=sys.stderr)
            return 1
    _write_frame(frame, args.format, args.output)
    return 0


def _write_frame(frame, output_format: str, output: Path | None) -> None:
    """A query result as CSV, JSON (records) or Parquet, to a file or standard output."""
    if output_format == "parquet":
        frame.to_parquet(output, index=False)
    elif output_format == "csv":
        frame.to_csv(output if output else sys.stdout, index=False)
    else:
        text = frame.to_json(orient="records", date_format="iso", force_ascii=False)
        if output:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    if output:
        print(f"{len(frame)} rows written to {output}", file=sys.stderr)


def _profile(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from orchestration.profiles.build import build_profiles

    if not paths.published_db.exists():
        print(f"No published database at {paths.published_db}: run `civic refresh` first.")
        return 1
    try:
        written = build_profiles(paths, args.geographies or None)
    except KeyError as error:
        print(str(error).strip("'\""), file=sys.stderr)
        return 2
    for index in written:
        print(index)
    return 0


def _query_error(error: Exception) -> str:
    """DuckDB's message on one line; refusals say why the query was refused."""
    import duckdb

    lines = [line.strip() for line in str(error).splitlines()]
    text = " ".join(line for line in lines if line and not line.startswith(("LINE ", "^")))
    refused = isinstance(error, duckdb.PermissionException) or any(
        marker in text for marker in ("configuration has been locked", "read-only mode")
    )
    if refused:
        return (
            "civic query is read-only: it cannot write, touch other files or change settings "
            f"({text})"
        )
    return f"Query failed: {text}"


if __name__ == "__main__":
    sys.exit(main())
