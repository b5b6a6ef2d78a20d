"""`civic`: the operator's and analyst's command line (sample data, refresh, status, query, UI)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from orchestration.instance import prepare_dagster_home
from orchestration.paths import WarehousePaths
from orchestration.refresh import run_refresh

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
    refresh.add_argument("--quiet", action="store_true", help="print the summary only")

    commands.add_parser("status", help="current release, landing files and rejections")
    query = commands.add_parser("query", help="run read-only SQL on the published database")
    query.add_argument("sql", help="SQL text, or @file.sql")
    ui = commands.add_parser("ui", help="open the Dagster UI (dagster dev) on this warehouse")
    ui.add_argument("--host", default="127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)

    args = parser.parse_args(argv)
    paths = WarehousePaths.from_env()
    paths.export()
    handler = {
        "generate-sample": _generate,
        "refresh": _refresh,
        "status": _status,
        "query": _query,
        "ui": _ui,
    }[args.command]
    return handler(paths, args)


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
    if args.generate_if_empty and _landing_is_empty(paths):
        _generate(paths, argparse.Namespace(scale=1, seed=None))
    started = time.perf_counter()
    result = run_refresh(paths, force_rebuild=args.force_rebuild, quiet=args.quiet)
    elapsed = time.perf_counter() - started
    from orchestration.summary import refresh_summary

    print(refresh_summary(paths, result, elapsed, EXAMPLE_QUERY))
    return 0 if result.success else 1


def _status(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from orchestration.summary import status_report

    print(status_report(paths))
    return 0


def _query(paths: WarehousePaths, args: argparse.Namespace) -> int:
    import duckdb

    sql = Path(args.sql[1:]).read_text() if args.sql.startswith("@") else args.sql
    if not paths.published_db.exists():
        print(f"No published database at {paths.published_db}: run `civic refresh` first.")
        return 1
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        try:
            con.sql(sql).show(max_rows=200, max_width=200)
        except duckdb.Error as error:
            print(f"Query failed: {error}", file=sys.stderr)
            return 1
    return 0


def _ui(paths: WarehousePaths, args: argparse.Namespace) -> int:
    from orchestration.dbt_project import ensure_manifest

    prepare_dagster_home(paths)
    ensure_manifest()
    dagster = Path(sys.executable).parent / "dagster"
    command = [str(dagster), "dev", "-m", "orchestration.definitions"]
    os.execv(str(dagster), [*command, "-h", args.host, "-p", str(args.port)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
