"""Build the country profiles from the published release: `build_profiles(paths, geographies)`.

Layout under the warehouse directory::

    profiles/index.html              the whole region: links to every profile, comparison table
    profiles/region_comparison.csv   the data of that table
    profiles/<GEO>/index.html        one geography's tables and charts (self-contained, offline)
    profiles/<GEO>/<query>.csv       the result of docs/queries/<query>.sql for that geography
    profiles/<GEO>/manifest.json     release, code version, generation time, rows and query per CSV

Only the published database is read, read-only; a profile is rewritten whole on every build.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from ingestion.database import connect
from ingestion.reference import read_seed
from orchestration import report_queries as rq
from orchestration.paths import WarehousePaths
from orchestration.profiles import runtime, site
from orchestration.profiles.render import Item, Profile, collect, render_html
from orchestration.profiles.tables import csv_ready

MAX_WORKERS = 4


def profiles_dir(paths: WarehousePaths) -> Path:
    return paths.warehouse_dir / "profiles"


def geographies() -> list[dict[str, str]]:
    """The 24 geographies of the reference seed, in seed order."""
    return read_seed("geographies")


def geography_ids() -> list[str]:
    return [row["geography_id"] for row in geographies()]


def latest_release(con) -> dict:
    row = con.execute(
        "SELECT release_id, code_version, published_at FROM metadata.releases "
        "ORDER BY published_at DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise RuntimeError("the published database has no release in metadata.releases")
    return {"release_id": row[0], "code_version": row[1], "published_at": str(row[2])}


def _manifest_entry(item: Item, query_text: str, query_file: str) -> dict:
    return {
        "file": item.csv_name,
        "rows": len(item.frame),
        "columns": list(item.frame.columns),
        "query_file": query_file,
        "title": rq.query_title(item.name),
        "query": query_text,
        "error": item.error,
    }


def write_profile(profile: Profile, directory: Path) -> Path:
    """index.html, one CSV per item and manifest.json into a fresh `directory`."""
    staging = directory.with_name(f".{directory.name}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    files = []
    items = list(profile.items.values())
    for item in items:
        csv_ready(item.frame).to_csv(staging / item.csv_name, index=False)
        files.append(
            _manifest_entry(item, rq.query_text(item.name), f"docs/queries/{item.name}.sql")
        )
    if profile.reconciliation is not None:
        csv_ready(profile.reconciliation.frame).to_csv(
            staging / profile.reconciliation.csv_name, index=False
        )
        name = profile.reconciliation.name
        files.append(
            _manifest_entry(profile.reconciliation, rq.query_text(name), f"docs/queries/{name}.sql")
        )
    (staging / "index.html").write_text(render_html(profile), encoding="utf-8")
    manifest = {
        "geography_id": profile.geography_id,
        "geography_name": profile.geography_name,
        **profile.release,
        "geography_variable": rq.GEOGRAPHY_VARIABLE,
        "files": files,
        "row_counts": {entry["file"]: entry["rows"] for entry in files},
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n")
    shutil.rmtree(directory, ignore_errors=True)
    staging.rename(directory)
    return directory / "index.html"


def _build_chunk(published_db: Path, out: Path, rows: list[dict], release: dict) -> list[Path]:
    """Build some profiles in this process: run the queries, write page, CSVs and manifest."""
    with connect(published_db, read_only=True) as con:
        profiles = [collect(con, row, release) for row in rows]
    return [write_profile(profile, out / profile.geography_id) for profile in profiles]


def _workers(count: int) -> int:
    return max(1, min(count, os.cpu_count() or 1, MAX_WORKERS))


def build_profiles(
    paths: WarehousePaths, geographies: list[str] | None = None, *, with_index: bool = True
) -> list[Path]:
    """Build the profiles of `geographies` (default: all 24) from the published release and the
    whole-region page; returns the paths of the profiles' index.html files, in seed order.

    Several profiles are built by worker processes (one per core, at most MAX_WORKERS), each
    reading the published file read-only, while this process writes the charts' browser runtime
    (`runtime.write_runtime`, once per library version; a full build drops older ones)."""
    rows = {row["geography_id"]: row for row in read_seed("geographies")}
    wanted = list(rows) if geographies is None else [g.upper() for g in geographies]
    unknown = [g for g in wanted if g not in rows]
    if unknown:
        raise KeyError(f"unknown geography {', '.join(unknown)} (known: {', '.join(rows)})")
    out = profiles_dir(paths)
    out.mkdir(parents=True, exist_ok=True)
    with connect(paths.published_db, read_only=True) as con:
        release = {
            **latest_release(con),
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        comparison = site.region_comparison(con) if with_index else None
    workers = _workers(len(wanted))
    chunks = [[rows[g] for g in wanted[i::workers]] for i in range(workers)]
    if workers == 1:
        runtime.write_runtime(out, drop_others=geographies is None)
        results = [_build_chunk(paths.published_db, out, chunks[0], release)]
    else:
        spawn = multiprocessing.get_context("spawn")  # workers start clean (no forked threads)
        with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
            futures = [
                pool.submit(_build_chunk, paths.published_db, out, chunk, release)
                for chunk in chunks
            ]
            runtime.write_runtime(out, drop_others=geographies is None)
            results = [future.result() for future in futures]
    by_geo = {path.parent.name: path for written in results for path in written}
    if comparison is not None:
        site.write_index(out, list(rows.values()), comparison, release)
    return [by_geo[g] for g in wanted]


def profile_summary(index_html: Path) -> dict:
    """Path and row counts of one written profile (the asset's materialization metadata)."""
    manifest = json.loads((index_html.parent / "manifest.json").read_text())
    return {"path": str(index_html), "row_counts": manifest["row_counts"]}
