"""Fault injection on runs and locks: killed refreshes, racing refreshes, readers during a
refresh, a query that tries to write, an ever-growing run history, and SIGTERM on the UI."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

from orchestration import cli, warehouse_lock
from orchestration.run_history import ORPHAN_TAG
from tests.processes import free_port, group_alive, wait_until_serving

CIVIC = str(Path(sys.executable).parent / "civic")
BUSY_LINE = re.compile(
    r"Another refresh \(pid (\d+), started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\) "
    r"is using the warehouse at (.+); not started\."
)


def _env(warehouse, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "CIVIC_LANDING_DIR": str(warehouse.landing_dir),
        "CIVIC_WAREHOUSE_DIR": str(warehouse.warehouse_dir),
        **extra,
    }


def _civic(warehouse, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CIVIC, *args], env=_env(warehouse, **extra), capture_output=True, text=True, timeout=600
    )


def _start_refresh(warehouse, *args: str, **extra: str) -> subprocess.Popen:
    """A refresh in its own process group, so a test can kill it with everything it started."""
    return subprocess.Popen(
        [CIVIC, "refresh", "--quiet", *args],
        env=_env(warehouse, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_until_run_holds_lock(warehouse, refresh: subprocess.Popen) -> warehouse_lock.LockHolder:
    """Wait until the refresh's Dagster run is underway (its resource has re-entered the lock)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        holder = warehouse_lock.lock_holder(warehouse.paths)
        if holder is not None and holder.run_id:
            return holder
        assert refresh.poll() is None, refresh.communicate()
        time.sleep(0.2)
    raise AssertionError("the refresh's run never took the warehouse lock")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _runs(warehouse, **filters):
    with DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        return list(instance.get_run_records(RunsFilter(**filters) if filters else None))


def test_killed_refresh_is_failed_as_orphan_and_the_next_refresh_runs(scratch_warehouse):
    published = scratch_warehouse.published_sha256()
    refresh = _start_refresh(scratch_warehouse, "--force-rebuild")
    try:
        holder = _wait_until_run_holds_lock(scratch_warehouse, refresh)
        assert holder.pid == refresh.pid and holder.is_refresh
    finally:
        os.killpg(refresh.pid, signal.SIGKILL)  # kill -9, with dbt if it had started
        refresh.wait(timeout=60)

    # The zombie: Dagster still believes the run is going, but the kernel freed the lock.
    [zombie] = _runs(scratch_warehouse, statuses=[DagsterRunStatus.STARTED])
    assert zombie.dagster_run.run_id == holder.run_id
    assert warehouse_lock.lock_holder(scratch_warehouse.paths) is None

    status = _civic(scratch_warehouse, "status", CIVIC_ORPHAN_GRACE_SECONDS="0")
    assert status.returncode == 0, status.stderr
    [line] = [line for line in status.stdout.splitlines() if line.startswith("Orphaned run")]
    assert line.startswith(f"Orphaned run {holder.run_id} (started ")
    assert "marked failed by civic status" in line and "no process held the warehouse lock" in line
    [record] = _runs(scratch_warehouse, run_ids=[holder.run_id])
    assert record.dagster_run.status == DagsterRunStatus.FAILURE
    assert record.dagster_run.tags[ORPHAN_TAG] == "civic status"

    again = _civic(scratch_warehouse, "refresh", "--quiet")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "succeeded" in again.stdout.splitlines()[0]
    assert _runs(scratch_warehouse, statuses=[DagsterRunStatus.STARTED]) == []
    # The latest run failed, so the next one rebuilds and checks in full (refresh_state.py) and
    # publishes the same data again as a new release.
    assert scratch_warehouse.published_sha256() != published
    assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(2,)]


def test_a_refresh_fails_orphans_before_it_runs(scratch_warehouse, monkeypatch):
    """No status in between: the next refresh itself unsticks the history (here an orphan is
    faked: a run recorded as STARTED whose process is gone)."""
    from dagster._core.test_utils import create_run_for_test

    with DagsterInstance.from_config(str(scratch_warehouse.paths.dagster_home)) as instance:
        orphan = create_run_for_test(instance, job_name="refresh", status=DagsterRunStatus.STARTED)
    result = _civic(scratch_warehouse, "refresh", "--quiet", CIVIC_ORPHAN_GRACE_SECONDS="0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Orphaned run {orphan.run_id} " in result.stdout.splitlines()[0]
    assert "marked failed by civic refresh" in result.stdout.splitlines()[0]
    [record] = _runs(scratch_warehouse, run_ids=[orphan.run_id])
    assert record.dagster_run.status == DagsterRunStatus.FAILURE


def _touch_a_landing_file(warehouse) -> None:
    """Save a sheet again unchanged: a refresh is due (a run starts) but finds nothing new."""
    sheet = warehouse.landing_dir / "restrictions" / "kaz_2019.csv"
    stat = sheet.stat()
    os.utime(sheet, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_two_refreshes_started_together_one_runs_the_other_is_refused(scratch_warehouse):
    _touch_a_landing_file(scratch_warehouse)
    first, second = (
        _start_refresh(scratch_warehouse, CIVIC_LOCK_WAIT_SECONDS="1") for _ in range(2)
    )
    outcomes = {}
    for refresh in (first, second):
        out, err = refresh.communicate(timeout=600)
        outcomes[refresh.pid] = (refresh.returncode, out, err)
    codes = sorted(code for code, _, _ in outcomes.values())
    assert codes == [0, warehouse_lock.EXIT_BUSY], outcomes
    [(winner, (_, won, _))] = [(p, o) for p, o in outcomes.items() if o[0] == 0]
    [(_, refused, refusal)] = [o for o in outcomes.values() if o[0] == warehouse_lock.EXIT_BUSY]
    assert "succeeded" in won.splitlines()[0]
    assert refused == ""
    [line] = refusal.splitlines()  # one line, no traceback
    match = BUSY_LINE.fullmatch(line)
    assert match, line
    assert int(match[1]) == winner and match[2] == str(scratch_warehouse.warehouse_dir)


def test_status_during_a_refresh_reads_the_release_and_breaks_nothing(scratch_warehouse):
    [(release_id,)] = scratch_warehouse.query("SELECT max(release_id) FROM metadata.releases")
    [(loaded,)] = scratch_warehouse.query(
        "SELECT count(*) FROM landing_files WHERE status = 'loaded'",
        database=scratch_warehouse.raw_db,
    )
    refresh = _start_refresh(scratch_warehouse, "--force-rebuild")
    try:
        holder = _wait_until_run_holds_lock(scratch_warehouse, refresh)
        statuses = []
        while refresh.poll() is None and len(statuses) < 3:
            statuses.append(_civic(scratch_warehouse, "status"))
        out, err = refresh.communicate(timeout=600)
    finally:
        if refresh.poll() is None:
            os.killpg(refresh.pid, signal.SIGKILL)
    assert refresh.returncode == 0, out + err
    assert "succeeded" in out.splitlines()[0]
    during = [s for s in statuses if "a refresh is running" in s.stdout]
    assert during, [s.stdout for s in statuses]
    for status in during:
        assert status.returncode == 0, status.stderr
        [note] = [line for line in status.stdout.splitlines() if "a refresh is running" in line]
        assert note == (
            f"Note: a refresh is running ({holder.describe()}): "
            f"landing state as of release {release_id}."
        )
        assert f"Landing files: {loaded} loaded" in status.stdout


def test_query_cannot_write_read_files_or_change_settings(scratch_warehouse, monkeypatch, capsys):
    for name, value in _env(scratch_warehouse).items():
        if name.startswith(("CIVIC_", "DAGSTER_HOME")):
            monkeypatch.setenv(name, value)
    raw = scratch_warehouse.raw_db
    before = _sha256(raw)
    attempts = [
        f"COPY (SELECT 1 AS x) TO '{raw}'",
        f"ATTACH '{raw}' AS raw_db",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SET enable_external_access = true",
    ]
    for sql in attempts:
        assert cli.main(["query", sql]) == 1
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith("civic query is read-only"), (sql, line)
    assert _sha256(raw) == before

    assert cli.main(["query", "SELECT count(*) AS n FROM marts.restrictions_by_period"]) == 0
    assert "1224" in capsys.readouterr().out.replace(",", "")


def _tree_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())


def test_run_history_keeps_the_newest_runs_and_stops_growing(
    scratch_warehouse, monkeypatch, capsys
):
    initial = len(_runs(scratch_warehouse))  # the sample's refresh and its profiles run
    keep = initial + 2
    for name, value in _env(scratch_warehouse, CIVIC_KEEP_RUNS=str(keep)).items():
        if name.startswith(("CIVIC_", "DAGSTER_HOME")):
            monkeypatch.setenv(name, value)
    home = scratch_warehouse.paths.dagster_home
    sizes = []
    for _ in range(keep + 3):
        _touch_a_landing_file(scratch_warehouse)  # else no run starts: nothing changed
        assert cli.main(["refresh", "--quiet"]) == 0, capsys.readouterr().out
        sizes.append(_tree_bytes(home))
    capsys.readouterr()
    runs = _runs(scratch_warehouse)
    assert len(runs) == keep
    kept = {run.dagster_run.run_id for run in runs}
    assert {p.stem for p in (home / "storage").iterdir()} <= kept  # compute logs of kept runs
    shards = {p.stem for p in (home / "history" / "runs").glob("*.db")} - {"index"}
    assert shards <= kept  # per-run event databases of kept runs only
    # Refreshes 1 and 2 add their runs (megabytes each); the next ones replace the copy's runs,
    # and once those are gone each refresh replaces one of its own. The index database (SQLite)
    # reuses the pages of deleted runs but never shrinks, so it first grows to the high-water mark
    # of `keep` runs like these; from then on dagster_home stops growing.
    one_run = sizes[1] - sizes[0]
    assert one_run > 300_000, sizes
    settled = sizes[initial + 2 :]
    assert len(settled) >= 3 and max(settled) - min(settled) < one_run / 5, sizes


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what a shell does to a background job


def test_ui_exits_on_sigterm_even_when_started_in_the_background(scratch_warehouse):
    port = free_port()
    # Hold the warehouse so the sensor's first-tick run fails at once instead of refreshing.
    with warehouse_lock.hold(scratch_warehouse.paths, "test holding the warehouse"):
        ui = subprocess.Popen(
            [CIVIC, "ui", "--port", str(port)],
            env=_env(scratch_warehouse, CIVIC_LOCK_WAIT_SECONDS="0"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_ignore_sigint,
            start_new_session=True,
        )
        try:
            wait_until_serving(port, ui, timeout=240)
            ui.send_signal(signal.SIGTERM)
            assert ui.wait(timeout=90) == 0
            deadline = time.monotonic() + 60  # webserver, daemon and code server stop with it
            while group_alive(ui.pid) and time.monotonic() < deadline:
                time.sleep(1)
            assert not group_alive(ui.pid)
        finally:
            if group_alive(ui.pid):
                os.killpg(ui.pid, signal.SIGKILL)
            ui.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
