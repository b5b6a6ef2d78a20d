"""The schedule and the landing sensor start the refresh job, and only when they should."""

from __future__ import annotations

import json
import subprocess
import sys

import dagster as dg
import pytest
from dagster._core.test_utils import create_run_for_test

from orchestration.defs.automation.schedules import refresh_schedule
from orchestration.defs.automation.sensors import landing_files_sensor
from orchestration.paths import WarehousePaths
from orchestration.run_history import ORPHAN_TAG

STARTED = dg.DagsterRunStatus.STARTED


@pytest.fixture
def landing(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVIC_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    (tmp_path / "landing" / "restrictions").mkdir(parents=True)
    return tmp_path / "landing"


def test_schedule_requests_the_refresh_job_nightly():
    assert refresh_schedule.cron_schedule == "0 2 * * *"
    assert refresh_schedule.job_name == "refresh"
    context = dg.build_schedule_context()
    requests = list(refresh_schedule.evaluate_tick(context).run_requests)
    assert len(requests) == 1


def test_sensor_fires_on_new_changed_and_removed_files_only(landing):
    with dg.instance_for_test() as instance:

        def tick(cursor):
            context = dg.build_sensor_context(instance=instance, cursor=cursor)
            result = landing_files_sensor.evaluate_tick(context)
            return result.run_requests, result.skip_message, result.cursor

        requests, _, cursor = tick(None)
        assert len(requests) == 1  # first look: whatever is there needs a refresh

        requests, skip, _ = tick(cursor)
        assert requests == [] and "No landing file changed" in skip

        sheet = landing / "restrictions" / "new.csv"
        sheet.write_text("event_id\n", encoding="utf-8")
        requests, _, cursor_after_add = tick(cursor)
        assert len(requests) == 1 and cursor_after_add != cursor

        (landing / "restrictions" / "notes.txt").write_text("ignored", encoding="utf-8")
        requests, _, _ = tick(cursor_after_add)
        assert requests == []  # not a landing file type

        sheet.unlink()
        requests, _, _ = tick(cursor_after_add)
        assert len(requests) == 1


def test_a_return_to_an_earlier_landing_state_starts_a_refresh(landing):
    """Removing a bad file brings the landing zone back to a state that already ran: the
    recovery refresh must get a run key of its own, or Dagster drops it as already done."""
    sheet = landing / "restrictions" / "kaz.csv"
    sheet.write_text("event_id\n", encoding="utf-8")
    with dg.instance_for_test() as instance:
        cursor, keys = None, []
        for change in ("start", "bad file added", "bad file removed"):
            if change == "bad file added":
                (landing / "restrictions" / "bad.csv").write_text("x\n", encoding="utf-8")
            if change == "bad file removed":
                (landing / "restrictions" / "bad.csv").unlink()
            context = dg.build_sensor_context(instance=instance, cursor=cursor)
            result = landing_files_sensor.evaluate_tick(context)
            (request,) = result.run_requests
            keys.append(request.run_key)
            cursor = result.cursor
        assert len(set(keys)) == 3
        assert keys[0] != keys[2]  # same landing state as the start, a new refresh
        assert json.loads(cursor)["requests"] == 3


def test_sensor_reads_a_cursor_of_the_older_plain_form(landing):
    from orchestration.defs.automation.sensors import landing_signature

    with dg.instance_for_test() as instance:
        plain = landing_signature(WarehousePaths.from_env())
        context = dg.build_sensor_context(instance=instance, cursor=plain)
        result = landing_files_sensor.evaluate_tick(context)
        assert result.run_requests == [] and "No landing file changed" in result.skip_message


HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "a")
fcntl.flock(handle, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(120)
"""


def test_sensor_fails_runs_orphaned_by_a_dead_process_only(landing, monkeypatch):
    """A run left STARTED would hold the one run slot for good: each sensor tick fails it once
    no process holds the warehouse lock (while one does, the run is alive and left alone)."""
    monkeypatch.setenv("CIVIC_ORPHAN_GRACE_SECONDS", "0")
    lock = WarehousePaths.from_env().warehouse_dir / "refresh.lock"
    lock.parent.mkdir(parents=True)
    with dg.instance_for_test() as instance:
        stuck = create_run_for_test(instance, job_name="refresh", status=STARTED)

        def tick():
            landing_files_sensor.evaluate_tick(dg.build_sensor_context(instance=instance))
            return instance.get_run_by_id(stuck.run_id).status

        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(lock)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert holder.stdout.readline().strip() == "held"
            assert tick() == STARTED  # a live refresh holds the lock
        finally:
            holder.kill()
            holder.wait(timeout=30)
        assert tick() == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(stuck.run_id).tags[ORPHAN_TAG] == "landing sensor"


def test_sensor_prunes_the_run_history(landing, monkeypatch):
    monkeypatch.setenv("CIVIC_KEEP_RUNS", "2")
    with dg.instance_for_test() as instance:
        runs = [
            create_run_for_test(instance, job_name="refresh", status=dg.DagsterRunStatus.SUCCESS)
            for _ in range(4)
        ]
        landing_files_sensor.evaluate_tick(dg.build_sensor_context(instance=instance))
        assert {r.dagster_run.run_id for r in instance.get_run_records()} == {
            runs[2].run_id,
            runs[3].run_id,
        }
