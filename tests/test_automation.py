"""The schedule and the landing sensor start the refresh job, and only when they should."""

from __future__ import annotations

import json
import subprocess
import sys

import dagster as dg
import pytest
from dagster._core.test_utils import create_run_for_test

from orchestration.defs.automation.failures import failed_checks_line
from orchestration.defs.automation.schedules import refresh_schedule
from orchestration.defs.automation.sensors import landing_files_sensor
from orchestration.defs.landing.checks import rejected_files_line
from orchestration.paths import WarehousePaths
from orchestration.refresh_state import (
    CODE_FINGERPRINT_TAG,
    FORCE_TAG,
    LANDING_SIGNATURE_TAG,
    REJECTED_FILES_TAG,
    RefreshInputs,
    landing_signature,
)
from orchestration.run_history import ORPHAN_TAG

STARTED = dg.DagsterRunStatus.STARTED
SUCCESS = dg.DagsterRunStatus.SUCCESS


@pytest.fixture
def landing(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVIC_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    (tmp_path / "landing" / "restrictions").mkdir(parents=True)
    return tmp_path / "landing"


def _run(instance, status, inputs: RefreshInputs | None, **tags):
    """A refresh run as the sensor, schedule or CLI records it (or, without inputs, as the UI
    launches it)."""
    return create_run_for_test(
        instance,
        job_name="refresh",
        status=status,
        tags={**(inputs.tags() if inputs else {}), **tags},
    )


@pytest.fixture
def published(landing):
    """A landing file and a published database (its content is not read here)."""
    (landing / "restrictions" / "kaz.csv").write_text("event_id\n", encoding="utf-8")
    paths = WarehousePaths.from_env()
    paths.published_db.parent.mkdir(parents=True, exist_ok=True)
    paths.published_db.write_bytes(b"")
    return paths


def _tick(instance, cursor=None):
    result = landing_files_sensor.evaluate_tick(
        dg.build_sensor_context(instance=instance, cursor=cursor)
    )
    return result.run_requests, result.skip_message, result.cursor


def _nightly(instance):
    context = dg.build_schedule_context(instance=instance)
    data = refresh_schedule.evaluate_tick(context)
    return list(data.run_requests or []), data.skip_message


def test_schedule_runs_nightly_only_when_something_changed(published):
    assert refresh_schedule.cron_schedule == "0 2 * * *"
    assert refresh_schedule.job_name == "refresh"
    with dg.instance_for_test() as instance:
        (request,), _ = _nightly(instance)  # no refresh recorded yet
        inputs = RefreshInputs.now(published)
        assert inputs.tags().items() <= request.tags.items()

        _run(instance, SUCCESS, inputs)
        requests, skip = _nightly(instance)
        assert requests == [] and "unchanged since the latest refresh run" in skip

        (published.landing_dir / "restrictions" / "new.csv").write_text("x\n", encoding="utf-8")
        (request,), _ = _nightly(instance)
        assert request.tags[LANDING_SIGNATURE_TAG] != inputs.landing
        assert FORCE_TAG not in request.tags  # a plain change: the build decides what to do


def test_schedule_reruns_a_failed_refresh_in_full(published):
    with dg.instance_for_test() as instance:
        inputs = RefreshInputs.now(published)
        _run(instance, SUCCESS, inputs)
        _run(instance, dg.DagsterRunStatus.FAILURE, inputs)
        (request,), _ = _nightly(instance)
        assert request.tags[FORCE_TAG] == "true"


def test_opening_the_ui_starts_no_refresh_when_the_release_is_up_to_date(published):
    """The sensor's first evaluation (no cursor) only takes note of the landing state when the
    latest refresh run started from it; it requests a run once a file changes."""
    with dg.instance_for_test() as instance:
        inputs = RefreshInputs.now(published)
        _run(instance, SUCCESS, inputs)

        requests, skip, cursor = _tick(instance)
        assert requests == [] and "nothing to do" in skip
        assert json.loads(cursor) == {"signature": inputs.landing, "requests": 0}

        requests, skip, _ = _tick(instance, cursor)
        assert requests == [] and "No landing file changed" in skip

        (published.landing_dir / "restrictions" / "kaz.csv").write_text("e\n1\n", "utf-8")
        (request,), _, _ = _tick(instance, cursor)
        assert request.run_key == "landing-change-1"


def test_first_look_requests_a_refresh_when_nothing_matches(published):
    with dg.instance_for_test() as instance:
        (request,), _, _ = _tick(instance)  # no refresh recorded
        assert FORCE_TAG not in request.tags
        _run(instance, SUCCESS, None)  # launched from the UI: no landing state recorded
        (request,), _, _ = _tick(instance)
        assert request.tags[FORCE_TAG] == "true"
        published.published_db.unlink()
        _run(instance, SUCCESS, RefreshInputs.now(published))
        (request,), _, _ = _tick(instance)  # the published file is gone


def test_a_change_a_cli_refresh_already_took_in_starts_nothing(published):
    with dg.instance_for_test() as instance:
        _run(instance, SUCCESS, RefreshInputs.now(published))
        _, _, cursor = _tick(instance)
        (published.landing_dir / "restrictions" / "new.csv").write_text("x\n", encoding="utf-8")
        _run(instance, SUCCESS, RefreshInputs.now(published))  # `civic refresh` ran meanwhile
        requests, _, moved = _tick(instance, cursor)
        assert requests == [] and moved != cursor


def test_a_refresh_running_on_the_same_files_is_not_requested_again(published):
    with dg.instance_for_test() as instance:
        _run(instance, STARTED, RefreshInputs.now(published))
        assert _nightly(instance)[0] == []
        (published.landing_dir / "restrictions" / "new.csv").write_text("x\n", encoding="utf-8")
        assert len(_nightly(instance)[0]) == 1  # it queues behind the running one


def test_a_change_after_rejected_files_rebuilds_in_full(published):
    """Removing a rejected file leaves the accepted inputs as they were: the run must still
    evaluate every check again, so that the warning clears and nothing shows Skipped."""
    with dg.instance_for_test() as instance:
        _run(instance, SUCCESS, RefreshInputs.now(published), **{REJECTED_FILES_TAG: "1"})
        assert _nightly(instance)[0] == []  # still rejected: the warning is the truth
        (published.landing_dir / "restrictions" / "kaz.csv").unlink()
        (request,), _ = _nightly(instance)
        assert request.tags[FORCE_TAG] == "true"


def test_sensor_fires_on_new_changed_and_removed_files_only(landing):
    with dg.instance_for_test() as instance:
        requests, _, cursor = _tick(instance)
        assert len(requests) == 1  # first look, nothing refreshed yet: a refresh is due

        requests, skip, _ = _tick(instance, cursor)
        assert requests == [] and "No landing file changed" in skip

        sheet = landing / "restrictions" / "new.csv"
        sheet.write_text("event_id\n", encoding="utf-8")
        requests, _, cursor_after_add = _tick(instance, cursor)
        assert len(requests) == 1 and cursor_after_add != cursor

        (landing / "restrictions" / "notes.txt").write_text("ignored", encoding="utf-8")
        requests, _, _ = _tick(instance, cursor_after_add)
        assert requests == []  # not a landing file type

        sheet.unlink()
        requests, _, _ = _tick(instance, cursor_after_add)
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
            (request,), _, cursor = _tick(instance, cursor)
            keys.append(request.run_key)
            _run(instance, dg.DagsterRunStatus.FAILURE, RefreshInputs(**_inputs(request)))
        assert len(set(keys)) == 3
        assert keys[0] != keys[2]  # same landing state as the start, a new refresh
        assert json.loads(cursor)["requests"] == 3


def _inputs(request: dg.RunRequest) -> dict[str, str]:
    return {
        "landing": request.tags[LANDING_SIGNATURE_TAG],
        "code": request.tags[CODE_FINGERPRINT_TAG],
    }


def test_sensor_reads_a_cursor_of_the_older_plain_form(published):
    with dg.instance_for_test() as instance:
        _run(instance, SUCCESS, RefreshInputs.now(published))
        requests, _, cursor = _tick(instance, landing_signature(published))
        assert requests == [] and json.loads(cursor)["requests"] == 0


def test_a_rejected_file_is_named_with_its_row_and_column_in_one_line():
    by_file = {
        f"restrictions/bad_{i}.csv": [f"restrictions/bad_{i}.csv, row 3, column 'country': x"]
        for i in range(5)
    }
    line = rejected_files_line(by_file)
    assert "\n" not in line
    assert line.startswith(
        "5 landing file(s) rejected and left out: restrictions/bad_0.csv, row 3, column "
        "'country': x; restrictions/bad_1.csv"
    )
    assert "; and 2 more file(s). Fix or remove them" in line


def test_a_failed_gate_says_in_one_line_what_failed_where_and_what_to_do():
    line = failed_checks_line(
        [
            (
                "audit/audit_restriction_raw_events:gx_restrictions_raw_events",
                "expect_column_values_to_be_null(column=harm_miscoded_at) 2 unexpected\n"
                "e.g. ['restrictions/bad.csv row 2', 'restrictions/bad.csv row 7'] - miscoded.",
            ),
            ("audit/audit_restriction_fact_integrity:gx_restrictions_core_integrity", "x"),
        ]
    )
    assert line == (
        "Not published: check audit/audit_restriction_raw_events:gx_restrictions_raw_events "
        "failed (also failed: audit/audit_restriction_fact_integrity:"
        "gx_restrictions_core_integrity): expect_column_values_to_be_null(column="
        "harm_miscoded_at) 2 unexpected e.g. ['restrictions/bad.csv row 2', "
        "'restrictions/bad.csv row 7'] - miscoded. The published release is unchanged; fix what "
        "the check names (the landing file and row, where given) and the change starts a refresh."
    )


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
