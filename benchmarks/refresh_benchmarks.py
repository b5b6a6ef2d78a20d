"""Time whole `civic` processes: cold full refresh, no-change refresh, and scale-10 refresh.

Usage: .venv/bin/python benchmarks/refresh_benchmarks.py [--scales 1 10] [--keep]
Writes benchmarks/results/<timestamp>.json and regenerates benchmarks/RESULTS.md from all results.
Targets (issue 2): cold full refresh < 60 s on 2 cores; no-change refresh < 10 s, writing nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CIVIC = Path(sys.executable).parent / "civic"
WORK = ROOT / "benchmarks" / "work"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "host": platform.node(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "code_version": subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
    }


# Runs the command in a fresh interpreter so RUSAGE_CHILDREN covers this scenario only.
WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def timed(args: list[str], env: dict) -> dict:
    """Run one whole process: wall time and the peak resident memory of its process tree."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"{args} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    peak_kib = int(completed.stderr.strip().splitlines()[-1])
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(peak_kib / 1024),
        "stdout_head": completed.stdout.strip().splitlines()[:3],
    }


def slowest_steps(dagster_home: Path, limit: int = 5) -> list[str]:
    """Where the latest run spent its time, from the Dagster instance's event log."""
    from dagster import DagsterEventType, DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        run = instance.get_runs(limit=1)[0]
        records = instance.get_records_for_run(
            run.run_id, of_type={DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS}
        ).records
    started, durations = {}, []
    for record in records:
        entry = record.event_log_entry
        if entry.dagster_event.event_type == DagsterEventType.STEP_START:
            started[entry.step_key] = entry.timestamp
        elif entry.step_key in started:
            durations.append((entry.timestamp - started[entry.step_key], entry.step_key))
    return [f"{step}: {seconds:.1f}s" for seconds, step in sorted(durations, reverse=True)[:limit]]


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def scenario(scale: int) -> list[dict]:
    base = WORK / f"scale{scale}"
    shutil.rmtree(base, ignore_errors=True)
    env = {
        **os.environ,
        "CIVIC_LANDING_DIR": str(base / "landing"),
        "CIVIC_WAREHOUSE_DIR": str(base / "warehouse"),
    }
    results = []
    generate = timed([str(CIVIC), "generate-sample", "--scale", str(scale)], env)
    results.append({"scenario": f"generate sample, scale {scale}", **generate})
    dagster_home = base / "warehouse" / "dagster_home"
    cold = timed([str(CIVIC), "refresh", "--quiet"], env)
    results.append(
        {
            "scenario": f"cold full refresh, scale {scale}",
            **cold,
            "slowest_steps": slowest_steps(dagster_home),
        }
    )
    if scale == 1:
        published = base / "warehouse" / "civic_space.duckdb"
        raw = base / "warehouse" / "raw.duckdb"
        before = (digest(published), digest(raw))
        again = timed([str(CIVIC), "refresh", "--quiet"], env)
        after = (digest(published), digest(raw))
        results.append(
            {
                "scenario": "no-change refresh, scale 1",
                **again,
                "wrote_nothing": before == after,
                "slowest_steps": slowest_steps(dagster_home),
            }
        )
    return results


RESULTS_HEADER = """# Refresh benchmarks (generated by refresh_benchmarks.py from results/*.json)

Whole `civic` processes. Peak RSS is the largest resident set of the scenario's process tree.
Targets: cold full refresh < 60 s on 2 cores; no-change refresh < 10 s and writes nothing.
Analysis of what dominates: README.md in this folder.

| ran at (UTC) | code | scenario | seconds | peak RSS MiB | slowest steps | machine |
|---|---|---|---|---|---|---|
"""


def write_results_table(results_dir: Path) -> None:
    """Rewrite RESULTS.md from every recorded refresh run, oldest first (the results of the
    other benchmarks, ``<name>-<time>.json``, have tables of their own)."""
    rows = []
    for path in sorted(results_dir.glob("[0-9]*.json")):
        record = json.loads(path.read_text())
        machine_text = (
            f"{record['machine']['cores']} cores, {record['machine']['memory_gib']} GiB, "
            f"{record['machine']['cpu']}"
        )
        for r in record["results"]:
            scenario = r["scenario"]
            if "wrote_nothing" in r:
                scenario += f" (wrote nothing: {r['wrote_nothing']})"
            steps = "; ".join(r.get("slowest_steps", [])[:3])
            rows.append(
                f"| {record['ran_at']} | {record['machine'].get('code_version', '')} | {scenario} "
                f"| {r['seconds']} | {r['peak_rss_mib']} | {steps} | {machine_text} |"
            )
    (ROOT / "benchmarks" / "RESULTS.md").write_text(RESULTS_HEADER + "\n".join(rows) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--keep", action="store_true", help="keep benchmarks/work afterwards")
    args = parser.parse_args()
    results = [r for scale in args.scales for r in scenario(scale)]
    record = {
        "ran_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": results,
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{record['ran_at'].replace(':', '')}.json").write_text(json.dumps(record, indent=2))
    write_results_table(out)
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
