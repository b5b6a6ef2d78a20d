"""Fault injection on private warehouse copies: an operator's bad day, and what must survive it.

Each test breaks something the way it breaks in production (a stale WAL, a sheet saved empty, an
unmounted share, an analyst's session, a full disk) and asserts the fixed behaviour: a release
that opens, nothing lost, one-line messages, the published file byte-identical where it must be.
"""

from __future__ import annotations

import grp
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import ingestion.database
from orchestration.summary import refresh_summary
from tests.landing_edits import RESTRICTION_HEADER, add_restriction_sheet


def _sheet(warehouse, name: str, *event_ids: str) -> Path:
    return add_restriction_sheet(warehouse.landing_dir, name, "KAZ", *event_ids)


def _kaz_events(warehouse) -> int:
    return warehouse.query(
        "SELECT total_events FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"
    )[0][0]


def _hold(database: Path, *, read_only: bool, write: bool = False) -> subprocess.Popen:
    """Another process with ``database`` open (an analyst's session); returns once it is open."""
    code = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(database)!r}, read_only={read_only})\n"
        + ("con.execute('CREATE TABLE main.analyst_scratch AS SELECT 42 AS x')\n" if write else "")
        + "print('open', flush=True)\ntime.sleep(600)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "open"
    return process


def _summary_lines(warehouse, result) -> list[str]:
    return refresh_summary(warehouse.paths, result, 0.0, "SELECT 1").splitlines()


def test_a_stale_wal_never_makes_a_release_unreadable(scratch_warehouse):
    """A read-write session on the release crashed (kill -9) and left its WAL behind."""
    crashed = _hold(scratch_warehouse.published_db, read_only=False, write=True)
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    wal = scratch_warehouse.published_db.with_name("civic_space.duckdb.wal")
    assert wal.exists()

    add_restriction_sheet(scratch_warehouse.landing_dir, "arm_extra.csv", "ARM", "ARM-2020-9001")
    assert scratch_warehouse.refresh().success  # a carry-over build, published over the WAL
    assert not wal.exists()
    kept = list(wal.parent.glob("civic_space.duckdb.wal.stale-*"))
    assert len(kept) == 1  # set aside for forensics, not deleted
    assert _kaz_events(scratch_warehouse) == 706

    # The same WAL turns up again with nothing to publish: the refresh republishes the release.
    shutil.copyfile(kept[0], wal)
    # A carry-over release grew from a copy of the old file: DuckDB reports the WAL's checkpoint
    # iteration as not matching (a release from a new file: "WAL does not match").
    with pytest.raises(duckdb.IOException, match=r"WAL .*does not match"):
        duckdb.connect(str(scratch_warehouse.published_db), read_only=True)
    assert scratch_warehouse.refresh().success
    assert _kaz_events(scratch_warehouse) == 706
    assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(3,)]


def test_an_event_moved_to_an_earlier_sheet_is_kept(scratch_warehouse):
    before = _kaz_events(scratch_warehouse)
    _sheet(scratch_warehouse, "zz_late.csv", "MOVE-1", "MOVE-2")
    assert scratch_warehouse.refresh().success
    assert _kaz_events(scratch_warehouse) == before + 2

    # The coder moves MOVE-1 to a sheet that sorts first, in the same refresh.
    _sheet(scratch_warehouse, "aa_early.csv", "MOVE-1")
    _sheet(scratch_warehouse, "zz_late.csv", "MOVE-2")
    result = scratch_warehouse.refresh()
    assert result.success
    assert _kaz_events(scratch_warehouse) == before + 2
    assert scratch_warehouse.query(
        "SELECT event_id, source_file FROM restriction_events WHERE event_id LIKE 'MOVE-%' "
        "ORDER BY 1",
        database=scratch_warehouse.raw_db,
    ) == [("MOVE-1", "restrictions/aa_early.csv"), ("MOVE-2", "restrictions/zz_late.csv")]
    assert scratch_warehouse.query(
        "SELECT count(*) FROM landing_files WHERE status = 'rejected'",
        database=scratch_warehouse.raw_db,
    ) == [(0,)]


def test_a_sheet_saved_empty_stops_the_publish_until_confirmed(scratch_warehouse):
    file, rows = scratch_warehouse.query(
        "SELECT source_file, count(*) FROM restriction_events WHERE source_file LIKE '%.csv' "
        "GROUP BY ALL HAVING bool_and(geography_id = 'KAZ') ORDER BY 2 DESC, 1 LIMIT 1",
        database=scratch_warehouse.raw_db,
    )[0]
    (scratch_warehouse.landing_dir / file).write_text(RESTRICTION_HEADER + "\n", encoding="utf-8")
    published_before = scratch_warehouse.published_sha256()

    result = scratch_warehouse.refresh()

    assert not result.success
    assert scratch_warehouse.published_sha256() == published_before
    lines = _summary_lines(scratch_warehouse, result)
    failed = [line for line in lines if line.strip().startswith("FAILED ")]
    assert len(failed) == 1
    assert f"{file} was emptied ({rows} rows -> 0)" in failed[0]
    assert "civic refresh --confirm-removals" in failed[0]

    assert scratch_warehouse.refresh(confirm_removals=True).success
    assert _kaz_events(scratch_warehouse) < 706


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_an_unmounted_landing_share_changes_nothing(scratch_warehouse, state):
    shutil.rmtree(scratch_warehouse.landing_dir)
    if state == "empty":
        scratch_warehouse.landing_dir.mkdir()
    raw_before = scratch_warehouse.raw_db.read_bytes()
    published_before = scratch_warehouse.published_sha256()

    result = scratch_warehouse.refresh()

    assert not result.success
    errors = [line for line in _summary_lines(scratch_warehouse, result) if "Error:" in line]
    expected = "does not exist" if state == "missing" else "holds no files"
    assert errors == [
        f"  Error: The landing directory {scratch_warehouse.landing_dir} {expected}, but "
        f"{len(list(_loaded_files(scratch_warehouse)))} files were loaded by earlier refreshes: "
        "is the share mounted and CIVIC_LANDING_DIR right? Nothing changed."
    ]
    assert scratch_warehouse.raw_db.read_bytes() == raw_before
    assert scratch_warehouse.published_sha256() == published_before


def _loaded_files(warehouse):
    return warehouse.query(
        "SELECT file FROM landing_files WHERE accepted_hash IS NOT NULL", database=warehouse.raw_db
    )


def test_a_session_on_raw_duckdb_delays_ingestion_then_names_its_holder(
    scratch_warehouse, monkeypatch
):
    monkeypatch.setattr(ingestion.database, "DEFAULT_WAIT_SECONDS", 2.0)
    _sheet(scratch_warehouse, "late.csv", "HOLD-1")
    holder = _hold(scratch_warehouse.raw_db, read_only=True)
    try:
        result = scratch_warehouse.refresh()
    finally:
        holder.kill()
        holder.wait()
    assert not result.success
    errors = [line for line in _summary_lines(scratch_warehouse, result) if "Error:" in line]
    assert len(errors) == 1
    assert f"raw.duckdb is held open by PID {holder.pid} (" in errors[0]
    assert "close that session and run again" in errors[0]

    assert scratch_warehouse.refresh().success  # the session closed: the next refresh goes on
    assert _kaz_events(scratch_warehouse) == 707


def test_an_analysts_read_write_session_does_not_stop_a_release(scratch_warehouse):
    session = _hold(scratch_warehouse.published_db, read_only=False, write=True)
    try:
        _sheet(scratch_warehouse, "late.csv", "RW-1")
        assert scratch_warehouse.refresh().success
        # A new reader opens the new release, while the analyst still has the old one open.
        assert _kaz_events(scratch_warehouse) == 707
        assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(2,)]
    finally:
        session.kill()
        session.wait()
    assert _kaz_events(scratch_warehouse) == 707


def test_publishing_keeps_the_release_files_mode_and_group(scratch_warehouse):
    published = scratch_warehouse.published_db
    group = grp.getgrnam("users").gr_gid if "users" in {g.gr_name for g in grp.getgrall()} else 100
    os.chown(published, -1, group)
    os.chmod(published, 0o640)
    add_restriction_sheet(scratch_warehouse.landing_dir, "arm_extra.csv", "ARM", "ARM-2020-9001")

    assert scratch_warehouse.refresh().success

    info = published.stat()
    assert (stat.S_IMODE(info.st_mode), info.st_gid) == (0o640, group)


def _on_own_filesystem(warehouse, tmp_path: Path, request, extra_bytes: int) -> Path:
    """Move the warehouse onto its own tmpfs with room for ``extra_bytes`` more; the Dagster
    instance stays outside it, as the run history of a real install survives a full data disk."""
    mount_point = tmp_path / "own_disk"
    mount_point.mkdir()
    used = sum(f.stat().st_size for f in warehouse.warehouse_dir.rglob("*") if f.is_file())
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={used + extra_bytes}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(mount_point)], check=False))
    shutil.move(warehouse.paths.dagster_home, tmp_path / "dagster_home")
    for item in warehouse.warehouse_dir.iterdir():
        shutil.move(item, mount_point / item.name)
    warehouse.warehouse_dir.rmdir()
    warehouse.warehouse_dir.symlink_to(mount_point)
    (mount_point / "dagster_home").symlink_to(tmp_path / "dagster_home")
    return mount_point


def _civic(warehouse, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "CIVIC_LANDING_DIR": str(warehouse.landing_dir),
        "CIVIC_WAREHOUSE_DIR": str(warehouse.warehouse_dir),
    }
    civic = Path(sys.executable).with_name("civic")
    return subprocess.run([str(civic), *args], env=env, capture_output=True, text=True, timeout=600)


def test_a_full_disk_fails_in_one_line_and_cleans_the_partial_build(
    scratch_warehouse, tmp_path, request
):
    small_disk = _on_own_filesystem(scratch_warehouse, tmp_path, request, 12 * 2**20)
    published_before = scratch_warehouse.published_sha256()

    result = scratch_warehouse.refresh(force_rebuild=True)

    assert not result.success
    errors = [line for line in _summary_lines(scratch_warehouse, result) if "Error:" in line]
    assert errors == [
        f"  Error: The dbt build stopped: the disk is full ({small_disk / 'build'}); the partial "
        "build was removed and the published release is unchanged"
    ] or errors == [
        f"  Error: Publishing stopped: the disk is full ({small_disk}); the partial build was "
        "removed and the published release is unchanged"
    ]
    assert scratch_warehouse.published_sha256() == published_before
    assert not scratch_warehouse.paths.build_db.exists()

    subprocess.run(["mount", "-o", "remount,size=400m", str(small_disk)], check=True)
    assert scratch_warehouse.refresh(force_rebuild=True).success
    assert scratch_warehouse.query("SELECT count(*) FROM metadata.releases") == [(2,)]


def test_a_read_only_filesystem_fails_in_one_line(scratch_warehouse, tmp_path, request):
    disk = _on_own_filesystem(scratch_warehouse, tmp_path, request, 256 * 2**20)
    _sheet(scratch_warehouse, "late.csv", "RO-1")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    published_before = scratch_warehouse.published_sha256()

    refresh = _civic(scratch_warehouse, "refresh", "--quiet")

    assert refresh.returncode == 1
    assert "Traceback" not in refresh.stdout + refresh.stderr
    assert refresh.stderr.startswith(
        f"civic refresh stopped: the filesystem is read-only ({disk}): "
    )
    assert len(refresh.stderr.strip().splitlines()) == 1
    assert scratch_warehouse.published_sha256() == published_before
    query = _civic(scratch_warehouse, "query", "SELECT count(*) FROM metadata.releases")
    assert query.returncode == 0 and "1" in query.stdout  # analysts still read the release

    subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert _civic(scratch_warehouse, "refresh", "--quiet").returncode == 0
    assert _kaz_events(scratch_warehouse) == 707
