"""Analysts never see a half-built state: readers during a refresh, and a crash while publishing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import duckdb
import pytest

import orchestration.release
from tests.landing_edits import add_restriction_sheet

READER = textwrap.dedent(
    """
    import json, os, sys, time, duckdb
    published, stop = sys.argv[1], sys.argv[2]
    seen = []
    while True:
        finished = os.path.exists(stop)  # one more look after the refresh returned
        try:
            with duckdb.connect(published, read_only=True) as con:
                seen.append(con.execute(
                    "SELECT (SELECT max(release_id) FROM metadata.releases),"
                    " (SELECT sum(event_count) FROM marts.restrictions_by_period"
                    "  WHERE geography_id = 'KAZ')").fetchone())
        except Exception as error:
            seen.append(["error", repr(error)])
        if finished:
            break
        time.sleep(0.05)
    print(json.dumps(seen))
    """
)


def test_readers_see_a_whole_release_throughout_a_refresh(scratch_warehouse, tmp_path):
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(scratch_warehouse.published_db), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    add_restriction_sheet(scratch_warehouse.landing_dir, "arm_extra.csv", "ARM", "ARM-2020-9001")
    try:
        result = scratch_warehouse.refresh()  # a carry-over build: KAZ stays 706
    finally:
        stop.touch()
        output, _ = reader.communicate(timeout=60)
    assert result.success
    seen = json.loads(output)
    assert len(seen) > 10
    assert [s for s in seen if s[0] == "error"] == []
    assert {total for _, total in seen} == {706}  # never a partial mart
    assert len({release for release, _ in seen}) == 2  # the old release, then the new one


def test_crash_while_publishing_keeps_the_last_release(scratch_warehouse, monkeypatch):
    published_before = scratch_warehouse.published_sha256()

    def crash(*_args, **_kwargs):
        raise OSError("disk vanished mid-publish")

    monkeypatch.setattr(orchestration.release.os, "replace", crash)
    result = scratch_warehouse.refresh(force_rebuild=True)
    assert not result.success
    assert scratch_warehouse.published_sha256() == published_before
    assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(1,)]

    monkeypatch.undo()
    assert scratch_warehouse.refresh(force_rebuild=True).success
    assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(2,)]


def test_only_the_run_that_built_may_publish(scratch_warehouse):
    """A build left behind by another (e.g. crashed or subset) run is never published."""
    paths = scratch_warehouse.paths
    published_before = scratch_warehouse.published_sha256()
    paths.build_db.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.published_db, paths.build_db)
    with duckdb.connect(str(paths.build_db)) as con:
        con.execute(
            "CREATE TABLE metadata.build_info AS "
            "SELECT 'other-run' AS run_id, 'x' AS inputs_fingerprint, 'y' AS code_fingerprint"
        )
    with pytest.raises(RuntimeError, match="made by run other-run, not this run this-run"):
        orchestration.release.publish(paths, "this-run", {}, {})
    assert scratch_warehouse.published_sha256() == published_before
