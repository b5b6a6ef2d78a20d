"""`civic ui` (Dagster's development server, for a look) and `civic serve` (the webserver and the
daemon that runs the schedule and the sensor, kept running as a service)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from orchestration.paths import WarehousePaths

CODE_LOCATION = ["-m", "orchestration.definitions"]
STOP_GRACE_SECONDS = 30.0


def add_parsers(commands) -> None:
    ui = commands.add_parser("ui", help="open the Dagster UI (dagster dev) on this warehouse")
    serve = commands.add_parser(
        "serve",
        help="run the Dagster webserver and daemon (schedule, sensor) until stopped (SIGTERM)",
    )
    for parser in (ui, serve):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=3000)


def _prepare(paths: WarehousePaths, command: str) -> None:
    """Fail orphaned runs, prune old ones, parse the dbt project, and give the Dagster processes
    (code servers, daemon, run workers) the resolved warehouse directories, whatever their
    working directory."""
    from orchestration.dbt_project import ensure_manifest
    from orchestration.run_history import upkeep

    for line in upkeep(paths, sweep_as=command, prune=True):
        print(line)
    ensure_manifest()
    paths.export()


def _executable(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def ui(paths: WarehousePaths, args: argparse.Namespace) -> int:
    _prepare(paths, "civic ui")
    # `dagster dev` stops on SIGTERM by mapping it to its SIGINT handler. A shell that starts us
    # in the background sets SIGINT to "ignore", exec keeps ignored signals ignored, and
    # SIGTERM would then be ignored too: give `dagster dev` default dispositions.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    sys.stdout.flush()
    dagster = _executable("dagster")
    os.execv(dagster, [dagster, "dev", *CODE_LOCATION, "-h", args.host, "-p", str(args.port)])
    return 0


class _Stop(Exception):
    """SIGTERM or SIGINT arrived."""


def _raise_stop(signum, frame) -> None:
    raise _Stop(signal.Signals(signum).name)


def serve(paths: WarehousePaths, args: argparse.Namespace) -> int:
    """Start `dagster-daemon run` and `dagster-webserver` on this warehouse's instance; stop both
    on SIGTERM/SIGINT (exit 0), or when either exits on its own (its exit code, so that a
    service manager restarts the pair)."""
    _prepare(paths, "civic serve")
    # Handlers (not "ignore", which a background shell may have set) are reset to the default
    # in the children at exec, so each stops on its own SIGTERM.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _raise_stop)
    processes: dict[str, subprocess.Popen] = {}
    try:
        processes["daemon"] = subprocess.Popen(
            [_executable("dagster-daemon"), "run", *CODE_LOCATION]
        )
        address = ["-h", args.host, "-p", str(args.port)]
        processes["webserver"] = subprocess.Popen(
            [_executable("dagster-webserver"), *CODE_LOCATION, *address]
        )
        print(
            f"civic serve: Dagster UI on http://{args.host}:{args.port}, daemon running the "
            f"schedule and the sensor (pids {processes['webserver'].pid}, "
            f"{processes['daemon'].pid}); stop with SIGTERM.",
            flush=True,
        )
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    print(f"civic serve: the {name} exited ({process.returncode}): stopping.")
                    return process.returncode or 1
            time.sleep(1)
    except _Stop as stop:
        print(f"civic serve: {stop}, stopping the webserver and the daemon.", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the stop
        _stop_all(list(processes.values()))


def _stop_all(processes: list[subprocess.Popen]) -> None:
    """SIGTERM every live process, then SIGKILL what is left after the grace period."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
