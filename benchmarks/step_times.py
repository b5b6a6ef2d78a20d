"""Where a refresh spent its time, per step: ingestion per source, dbt per model group, the gate
(Great Expectations and landing checks) and publishing, so the next bottleneck shows without a
profiler. Read after the run from the Dagster event log and dbt's ``run_results.json``."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ingestion.sources import SOURCES

INGESTION_STEP = "landing_ingestion"
DBT_STEP = "warehouse_models"


def _latest_run_records(dagster_home: Path, event_types: set) -> list:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        runs = [r for r in instance.get_runs(limit=5) if "profile" not in r.job_name]
        return instance.get_records_for_run(runs[0].run_id, of_type=event_types).records


def _latest_run_start(dagster_home: Path) -> float:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        runs = [r for r in instance.get_runs(limit=5) if "profile" not in r.job_name]
        return instance.get_run_record_by_id(runs[0].run_id).start_time or 0.0


def step_seconds(dagster_home: Path) -> dict[str, float]:
    """Seconds per step of the latest refresh run (its profiles run aside)."""
    from dagster import DagsterEventType

    records = _latest_run_records(
        dagster_home, {DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS}
    )
    started, seconds = {}, {}
    for record in records:
        entry = record.event_log_entry
        if entry.dagster_event.event_type == DagsterEventType.STEP_START:
            started[entry.step_key] = entry.timestamp
        elif entry.step_key in started:
            seconds[entry.step_key] = round(entry.timestamp - started[entry.step_key], 2)
    return seconds


def ingestion_by_source(dagster_home: Path) -> dict[str, float]:
    """Seconds per landing source: the ingestion step yields each source's raw tables right after
    syncing it, so the gap between consecutive sources' first materialization is its sync."""
    from dagster import DagsterEventType

    records = _latest_run_records(
        dagster_home, {DagsterEventType.STEP_START, DagsterEventType.ASSET_MATERIALIZATION}
    )
    source_of = {table: s.name for s in SOURCES for table in s.tables}
    previous, seconds = None, {}
    for record in records:
        entry = record.event_log_entry
        if entry.step_key != INGESTION_STEP:
            continue
        if entry.dagster_event.event_type == DagsterEventType.STEP_START:
            previous = entry.timestamp
            continue
        table = entry.dagster_event.asset_key.path[-1]
        source = source_of.get(table)
        if source is None or source in seconds or previous is None:
            continue
        seconds[source] = round(entry.timestamp - previous, 2)
        previous = entry.timestamp
    return seconds


def dbt_by_group(dbt_target_dir: Path, since: float = 0.0) -> dict[str, float]:
    """Seconds of dbt node execution per resource type and model folder (layer/domain), from
    the latest build's ``run_results.json`` (summed over nodes run on 2 threads: they can
    exceed the step's wall time); empty when dbt did not run after ``since`` (a skipped build
    leaves the previous build's results)."""
    results_path = dbt_target_dir / "run_results.json"
    manifest_path = dbt_target_dir / "manifest.json"
    if not results_path.exists() or not manifest_path.exists():
        return {}
    if results_path.stat().st_mtime < since:
        return {}
    nodes = json.loads(manifest_path.read_text())["nodes"]
    seconds: dict[str, float] = defaultdict(float)
    for result in json.loads(results_path.read_text())["results"]:
        node = nodes.get(result["unique_id"], {})
        kind = node.get("resource_type", result["unique_id"].split(".")[0])
        folder = "/".join(node.get("fqn", [])[1:-1][:2]) if kind in ("model", "test") else ""
        seconds[f"{kind} {folder}".strip()] += result["execution_time"]
    return {group: round(s, 2) for group, s in sorted(seconds.items(), key=lambda x: -x[1])}


def _is_check(step: str) -> bool:
    """Great Expectations suites (``..._gx_<suite>``) and the landing checks on raw tables; the
    other steps after dbt publish (``metadata__releases``)."""
    return "_gx_" in step or step.startswith("raw__")


def breakdown(dagster_home: Path, dbt_target_dir: Path) -> dict:
    """The run's time per step group and the detail of ingestion and dbt."""
    steps = step_seconds(dagster_home)
    other = {k: v for k, v in steps.items() if k not in (INGESTION_STEP, DBT_STEP)}
    gate = {k: v for k, v in other.items() if _is_check(k)}
    return {
        "ingestion": steps.get(INGESTION_STEP, 0.0),
        "dbt": steps.get(DBT_STEP, 0.0),
        "gate": round(sum(gate.values()), 2),
        "publish": round(sum(v for k, v in other.items() if k not in gate), 2),
        "ingestion_by_source": ingestion_by_source(dagster_home),
        "dbt_by_group": dbt_by_group(dbt_target_dir, since=_latest_run_start(dagster_home)),
        "slowest_steps": [
            f"{k}: {v:.1f}s" for k, v in sorted(steps.items(), key=lambda x: -x[1])[:5]
        ],
    }


def summary(times: dict, limit: int = 4) -> str:
    """One table cell: the step groups, then the largest sources and dbt groups."""
    if not times:
        return ""
    head = ", ".join(f"{k} {times[k]:.1f}" for k in ("ingestion", "dbt", "gate", "publish"))
    sources = ", ".join(
        f"{k} {v:.1f}"
        for k, v in sorted(times["ingestion_by_source"].items(), key=lambda x: -x[1])[:limit]
    )
    groups = ", ".join(f"{k} {v:.1f}" for k, v in list(times["dbt_by_group"].items())[:limit])
    return f"{head}; ingest: {sources}" + (f"; dbt: {groups}" if groups else "")
