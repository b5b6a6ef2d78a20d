"""Time `build_profiles` (all 24 country profiles and the region page) on a refreshed warehouse.

Runs, on an already refreshed warehouse (default: the directories of CIVIC_LANDING_DIR /
CIVIC_WAREHOUSE_DIR), in fresh child processes so imports are counted as a refresh would pay them:
  cold   profiles/ removed first: every page, CSV and manifest written anew and the charts'
         browser runtime bundled by vl-convert into profiles/_assets (a new warehouse),
  warm   the same release again: pages, CSVs and manifests redone, the runtime already there
         (every refresh after the first),
  KAZ    one profile alone, as `civic profile KAZ` builds it.
Records wall seconds, CPU seconds of the process and its workers, the machine's load average
before each run (other work on the machine slows wall time), and appends a row to PROFILES.md.

Usage:
  CIVIC_LANDING_DIR=/tmp/p10/landing CIVIC_WAREHOUSE_DIR=/tmp/p10/warehouse \\
      .venv/bin/python benchmarks/profiles_benchmark.py [--runs 1] [--no-record]
(generate and refresh that warehouse first: `civic generate-sample` then `civic refresh`).
Target (issue 10): building all 24 profiles adds under 15 s to a refresh at scale 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "benchmarks" / "PROFILES.md"

CHILD = """
import json, os, resource, sys, time
from orchestration.paths import WarehousePaths
from orchestration.profiles import build, build_profiles
if __name__ == "__main__":
    build.MAX_WORKERS = int(os.environ.get("PROFILES_MAX_WORKERS", build.MAX_WORKERS))
    started = time.perf_counter()
    written = build_profiles(WarehousePaths.from_env(), sys.argv[1:] or None)
    wall = time.perf_counter() - started
    cpu = sum(getattr(resource.getrusage(who), f) for who in
              (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))
    print(json.dumps({"profiles": len(written), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}))
"""


def run(label: str, geographies: list[str], workers: int | None = None) -> dict:
    load = os.getloadavg()[0]
    script = ROOT / "benchmarks" / "work" / "profiles_child.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(CHILD)
    out = (
        subprocess.run(
            [sys.executable, str(script), *geographies],
            cwd=ROOT,
            env={**os.environ, **({"PROFILES_MAX_WORKERS": str(workers)} if workers else {})},
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    result = {"run": label, "load_before": round(load, 2), **json.loads(out)}
    print(result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="repeat each measurement")
    parser.add_argument("--no-record", action="store_true", help="do not append to PROFILES.md")
    args = parser.parse_args()
    warehouse = Path(os.environ.get("CIVIC_WAREHOUSE_DIR", ROOT / "data" / "warehouse"))
    if not (warehouse / "civic_space.duckdb").is_file():
        sys.exit(f"no published database under {warehouse}: generate and refresh first")
    results = []
    for _ in range(args.runs):
        shutil.rmtree(warehouse / "profiles", ignore_errors=True)
        results.append(run("cold (all 24, no profiles/, runtime bundled)", []))
        results.append(run("warm (all 24, same release)", []))
        results.append(run("KAZ alone (warm)", ["KAZ"]))
        # the same build in one process (no worker processes), to weigh the pool's start-up
        results.append(run("warm, one process (MAX_WORKERS=1)", [], workers=1))
    if args.no_record:
        return
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    lines = [
        f"| {stamp} | {machine} | {r['run']} | {r['profiles']} | {r['wall_s']} | {r['cpu_s']} | "
        f"{r['load_before']} |"
        for r in results
    ]
    with TABLE.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
