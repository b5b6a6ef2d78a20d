"""The schedule and the landing sensor start the refresh job, and only when they should."""

from __future__ import annotations

import dagster as dg
import pytest

from orchestration.automation import landing_files_sensor, refresh_schedule


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
