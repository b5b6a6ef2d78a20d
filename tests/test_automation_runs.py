"""Automation on a real warehouse: the UI's latest check results stay the current release's, a
failed gate is recovered from by the sensor's next run, and `civic serve` starts and stops."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.scheduler.instigation import TickStatus

from orchestration.defs.automation.failures import FAILED_CHECKS_TAG
from orchestration.defs.automation.sensors import landing_files_sensor
from orchestration.defs.landing.assets import raw_key
from orchestration.instance import prepare_dagster_home
from orchestration.refresh import UnchangedRefresh, refresh_run_config
from orchestration.refresh_state import FORCE_TAG, REJECTED_FILES_TAG
from tests.processes import free_port, group_alive
from tests.restrictions.test_refresh_lifecycle import GOOD_ROW, HEADER


@pytest.fixture
def warehouse(scratch_warehouse, monkeypatch):
    """A copy of the sample warehouse that the sensor (which reads the environment) looks at."""
    monkeypatch.setenv("CIVIC_LANDING_DIR", str(scratch_warehouse.landing_dir))
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(scratch_warehouse.warehouse_dir))
    prepare_dagster_home(scratch_warehouse.paths)
    return scratch_warehouse


def _refresh_checks() -> list[dg.AssetCheckKey]:
    from orchestration.definitions import defs

    graph = defs.resolve_job_def("refresh").asset_layer.asset_graph
    return sorted(graph.asset_check_keys, key=str)


def _latest_checks(instance) -> dict[str, tuple[str, str]]:
    """Each refresh check's latest execution: (status, run id); PLANNED means Skipped (or
    failed to execute) once its run has ended."""
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key(_refresh_checks())
    return {
        f"{key.asset_key.to_user_string()}:{key.name}": (record.status.value, record.run_id)
        for key, record in latest.items()
    }


def _unsynced(instance) -> list[str]:
    """Assets the UI shows Unsynced: materialized before an upstream asset's data version
    changed (Dagster's own stale-status resolver, as the webserver uses it)."""
    from dagster._core.definitions.data_version import StaleStatus
    from dagster._utils.test.data_versions import get_stale_status_resolver

    from orchestration.definitions import defs

    assets = [a for a in defs.assets if isinstance(a, dg.AssetsDefinition)]
    resolver = get_stale_status_resolver(instance, assets)
    return sorted(
        key.to_user_string()
        for asset in assets
        for key in asset.keys
        if resolver.get_status(key) == StaleStatus.STALE
    )


def _execute(warehouse, instance, request: dg.RunRequest):
    """Run what the sensor requested, as the daemon would (in this process)."""
    from orchestration.definitions import defs

    return defs.resolve_job_def("refresh").execute_in_process(
        run_config=refresh_run_config(warehouse.paths, quiet=True),
        instance=instance,
        tags=request.tags,
        raise_on_error=False,
    )


def _tick(instance, cursor):
    result = landing_files_sensor.evaluate_tick(
        dg.build_sensor_context(instance=instance, cursor=cursor)
    )
    return result.run_requests, result.cursor


def test_a_failed_gate_is_recovered_by_the_sensors_next_run(warehouse):
    """Bad rows fail the gate; the operator removes the file; the landing folder is back to the
    published release's state, yet the sensor requests a run under a new key, and that run
    rebuilds, re-runs every check and leaves them all passed, with the bad rows gone."""
    misdated = warehouse.landing_dir / "restrictions" / "misdated.csv"
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        requests, cursor = _tick(instance, None)
        assert requests == []  # opening the UI: the release is up to date, nothing starts

        rows = [
            GOOD_ROW.replace("NEW-1", f"MISDATED-{i}").replace("2020-05-04", "2015-05-04")
            for i in range(800)
        ]
        misdated.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
        (bad_request,), cursor = _tick(instance, cursor)
        failed = _execute(warehouse, instance, bad_request)
        assert not failed.success
        run = instance.get_run_by_id(failed.run_id)
        assert run.tags[FAILED_CHECKS_TAG] == "gx_restrictions_core_integrity"
        errors = [
            record.user_message
            for record in instance.all_logs(failed.run_id)
            if record.level >= 40 and record.user_message.startswith("Not published:")
        ]
        assert len(errors) == 1 and "\n" not in errors[0]
        assert errors[0].startswith(
            "Not published: check audit/audit_restriction_fact_integrity:"
            "gx_restrictions_core_integrity failed: "
        )
        assert errors[0].endswith("and the change starts a refresh.")
        gate = "audit/audit_restriction_fact_integrity:gx_restrictions_core_integrity"
        assert _latest_checks(instance)[gate] == ("FAILED", failed.run_id)

        misdated.unlink()
        (recovery,), cursor = _tick(instance, cursor)
        assert recovery.run_key != bad_request.run_key
        assert recovery.tags[FORCE_TAG] == "true"  # inputs are the release's again: rebuild
        recovered = _execute(warehouse, instance, recovery)
        assert recovered.success

        latest = _latest_checks(instance)
        assert {status for status, _ in latest.values()} == {"SUCCEEDED"}
        assert {run_id for _, run_id in latest.values()} == {recovered.run_id}
    assert warehouse.query(
        "SELECT count(*) FROM restriction_events WHERE event_id LIKE 'MISDATED-%'",
        database=warehouse.raw_db,
    ) == [(0,)]
    assert warehouse.query("SELECT count(*) FROM metadata.releases") == [(2,)]


def test_nothing_new_leaves_every_check_with_the_releases_result(warehouse):
    """A CLI refresh with nothing new starts no run; a run that finds nothing new (a touched
    landing file) reports the release's results: no check turns Skipped, no model turns
    Unsynced, and no message lists the checks the build did not run."""
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        before = _latest_checks(instance)
        assert _unsynced(instance) == []
    assert {status for status, _ in before.values()} == {"SUCCEEDED"}
    runs_before = _run_count(warehouse)

    unchanged = warehouse.refresh()
    assert isinstance(unchanged, UnchangedRefresh)
    assert unchanged.message.startswith("No changes since the latest refresh run: Inputs and code")
    assert _run_count(warehouse) == runs_before
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        assert _latest_checks(instance) == before

    sheet = warehouse.landing_dir / "restrictions" / "kaz_2019.csv"
    os.utime(sheet)  # saved again, unchanged
    touched = warehouse.refresh()
    assert touched.success
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        latest = _latest_checks(instance)
        messages = [record.user_message for record in instance.all_logs(touched.run_id)]
        assert _unsynced(instance) == []  # the raw tables' data versions did not change
    assert {status for status, _ in latest.values()} == {"SUCCEEDED"}
    assert {run_id for _, run_id in latest.values()} == {touched.run_id}
    assert not any("did not yield" in message for message in messages)
    assert max(len(message) for message in messages) < 2000

    sheet.write_text(  # a new version breaking the contract: rejected, the old one stays loaded
        sheet.read_text(encoding="utf-8-sig").replace(",KAZ,", ",Atlantis,", 1), encoding="utf-8"
    )
    rejected = warehouse.refresh()
    assert rejected.success
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        assert instance.get_run_by_id(rejected.run_id).tags[REJECTED_FILES_TAG] == "1"
        latest = _latest_checks(instance)
        warning = instance.event_log_storage.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(raw_key("landing_files"), "no_rejected_landing_files")]
        ).popitem()[1]
    assert latest.pop("raw/ingestion_landing_files:no_rejected_landing_files") == (
        "FAILED",
        rejected.run_id,
    )
    assert {status for status, _ in latest.values()} == {"SUCCEEDED"}
    description = warning.evaluation.description
    assert description.startswith(
        "1 landing file(s) rejected and left out: restrictions/kaz_2019.csv, row "
    )
    assert "column 'country'" in description and "Atlantis" in description


def _run_count(warehouse) -> int:
    with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
        return instance.get_runs_count()


def test_civic_serve_runs_the_daemon_starts_nothing_and_stops_on_sigterm(warehouse, tmp_path):
    """`civic serve` started from a background shell (SIGINT ignored): the webserver answers,
    the daemon evaluates the sensor (the release is up to date, so no run starts), and one
    SIGTERM stops both processes with exit status 0."""
    port = free_port()
    runs_before = _run_count(warehouse)
    log = tmp_path / "serve.log"
    with log.open("w") as output_file:
        serve = subprocess.Popen(
            [str(Path(sys.executable).parent / "civic"), "serve", "--port", str(port)],
            env=os.environ.copy(),
            stdout=output_file,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
            start_new_session=True,  # its process group: the webserver, daemon, code servers
        )
    try:
        (tick, *_) = _wait_for_sensor_tick(warehouse, serve, log, port)
        assert tick.status == TickStatus.SKIPPED
        assert "nothing to do" in tick.skip_reason
        assert _run_count(warehouse) == runs_before

        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=90)
        deadline = time.monotonic() + 30
        while group_alive(serve.pid) and time.monotonic() < deadline:
            time.sleep(1)
        left = group_alive(serve.pid)
    finally:
        if group_alive(serve.pid):
            os.killpg(serve.pid, signal.SIGKILL)
        serve.wait(timeout=30)
    output = log.read_text()
    assert serve.returncode == 0, output
    assert not left, "processes of civic serve outlived it"
    assert "SIGTERM, stopping the webserver and the daemon." in output


def _wait_for_sensor_tick(warehouse, serve: subprocess.Popen, log: Path, port: int):
    """The landing sensor's first tick, once the webserver answers and the daemon has run it."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            raise RuntimeError(f"civic serve exited: {log.read_text()}")
        with dg.DagsterInstance.from_config(str(warehouse.paths.dagster_home)) as instance:
            states = [
                state
                for state in instance.all_instigator_state()
                if state.name == "landing_files_sensor"
            ]
            ticks = [
                tick
                for state in states
                for tick in instance.get_ticks(state.instigator_origin_id, state.selector_id)
            ]
        if ticks and _answers(port):
            return ticks
        time.sleep(2)
    raise RuntimeError(f"the daemon evaluated no sensor tick in 240 s: {log.read_text()}")


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
    except OSError:
        return False
    return True
