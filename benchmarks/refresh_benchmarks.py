"""Time whole `civic` processes: sample generation, the floor, a cold full refresh, a no-change
refresh (scale 1) and a refresh after one restriction sheet changed (scale 10 and up).

Usage: .venv/bin/python benchmarks/refresh_benchmarks.py [--scales 1 10] [--work DIR] [--keep]
Writes benchmarks/results/<timestamp>.json and regenerates benchmarks/RESULTS.md from all results.
Each scenario records wall seconds, CPU seconds (user + system of its process tree), the load
average around it (the machine may be shared) and the peak RSS of its largest process; refreshes
add their time per step (``step_times``). Targets: README.md in this folder.
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
sys.path.insert(0, str(ROOT))
from benchmarks.step_times import breakdown, summary  # noqa: E402

CIVIC = Path(sys.executable).parent / "civic"
FLOOR = ROOT / "benchmarks" / "floor.py"


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
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr); sys.exit(code)"
)


def timed(args: list[str], env: dict) -> dict:
    """Run one whole process: wall and CPU seconds, the load around it, and the peak resident
    memory of the largest process of its tree."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"{args} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    peak_kib, cpu = completed.stderr.strip().splitlines()[-1].split()
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(float(cpu), 1),
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "peak_rss_mib": round(int(peak_kib) / 1024),
        "stdout_head": completed.stdout.strip().splitlines()[:3],
    }


def refreshed(name: str, env: dict, warehouse: Path) -> dict:
    run = timed([str(CIVIC), "refresh", "--quiet"], env)
    times = breakdown(warehouse / "dagster_home", warehouse / "build" / "dbt_target")
    return {"scenario": name, **run, "steps": times, "slowest_steps": times["slowest_steps"]}


def change_one_sheet(landing: Path) -> str:
    """Edit one restriction CSV the way a coder would (a corrected summary): still valid."""
    sheet = sorted((landing / "restrictions").glob("*.csv"))[0]
    text = sheet.read_text(encoding="utf-8-sig")
    header, first, rest = text.split("\n", 2)
    sheet.write_text(f"{header}\n{first.replace('.', '. ', 1)}\n{rest}", encoding="utf-8")
    return sheet.name


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def scenario(scale: int, work: Path) -> list[dict]:
    base = work / f"scale{scale}"
    shutil.rmtree(base, ignore_errors=True)
    landing, warehouse = base / "landing", base / "warehouse"
    env = {**os.environ, "CIVIC_LANDING_DIR": str(landing), "CIVIC_WAREHOUSE_DIR": str(warehouse)}
    results = []
    generate = timed([str(CIVIC), "generate-sample", "--scale", str(scale)], env)
    results.append({"scenario": f"generate sample, scale {scale}", **generate})
    floor = timed([sys.executable, str(FLOOR), str(landing)], env)
    results.append({"scenario": f"floor, scale {scale}", **floor})
    cold = refreshed(f"cold full refresh, scale {scale}", env, warehouse)
    cold["floor_ratio"] = {
        "wall": round(cold["seconds"] / floor["seconds"], 1),
        "cpu": round(cold["cpu_seconds"] / floor["cpu_seconds"], 1),
    }
    results.append(cold)
    if scale == 1:
        published, raw = warehouse / "civic_space.duckdb", warehouse / "raw.duckdb"
        before = (digest(published), digest(raw))
        again = refreshed("no-change refresh, scale 1", env, warehouse)
        results.append({**again, "wrote_nothing": before == (digest(published), digest(raw))})
    else:
        sheet = change_one_sheet(landing)
        changed = refreshed(
            f"one restriction sheet changed ({sheet}), scale {scale}", env, warehouse
        )
        changed["share_of_cold"] = {
            "wall": round(changed["seconds"] / cold["seconds"], 2),
            "cpu": round(changed["cpu_seconds"] / cold["cpu_seconds"], 2),
        }
        results.append(changed)
    return results


RESULTS_HEADER = """# Refresh benchmarks (generated by refresh_benchmarks.py from results/*.json)

Whole `civic` processes. *CPU s* is user + system time of the scenario's process tree (the
machine is shared: compare CPU seconds when the load average is high); *load* is the 1-minute
load average before/after; peak RSS is the largest resident set of one process of the tree.
*Steps* (seconds): ingestion, dbt, gate (checks) and publish, then the slowest sources and dbt
groups (dbt node seconds summed over its 2 threads). Targets and analysis: README.md.

| ran at (UTC) | code | scenario | wall s | CPU s | load | peak MiB | vs floor/cold | steps | host |
|---|---|---|---|---|---|---|---|---|---|
"""


def _ratio(result: dict) -> str:
    if "floor_ratio" in result:
        return f"{result['floor_ratio']['wall']}x wall, {result['floor_ratio']['cpu']}x CPU"
    if "share_of_cold" in result:
        share = result["share_of_cold"]
        return f"{share['wall']:.0%} of cold wall, {share['cpu']:.0%} CPU"
    return ""


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
            steps = (
                summary(r["steps"]) if "steps" in r else "; ".join(r.get("slowest_steps", [])[:3])
            )
            load = "/".join(str(x) for x in r.get("load_average", []))
            rows.append(
                f"| {record['ran_at']} | {record['machine'].get('code_version', '')} | {scenario} "
                f"| {r['seconds']} | {r.get('cpu_seconds', '')} | {load} | {r['peak_rss_mib']} "
                f"| {_ratio(r)} | {steps} | {machine_text} |"
            )
    (ROOT / "benchmarks" / "RESULTS.md").write_text(RESULTS_HEADER + "\n".join(rows) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    args = parser.parse_args()
    results = [r for scale in args.scales for r in scenario(scale, args.work)]
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
        for scale in args.scales:
            shutil.rmtree(args.work / f"scale{scale}", ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
