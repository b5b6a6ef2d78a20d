"""Releases: kept on disk at publish, listed, compared, rolled back atomically, pruned.

Most tests publish tiny build databases through the real ``publish`` (seconds); the last one does
the real thing on a copy of the refreshed sample warehouse.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

import orchestration.release_archive
import orchestration.releases
from orchestration import cli, warehouse_lock
from orchestration.paths import WarehousePaths
from orchestration.release import (
    BuildPlan,
    current_release,
    plan_build,
    publish,
    record_build,
    release_history,
    reset_build_database,
)
from orchestration.release_archive import KEEP_ENV, kept_path, kept_release_ids, prune
from orchestration.releases import diff_lines, list_lines, rollback


def _civic(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    """Exit code and what ``civic`` printed on standard error (one line for an operator error)."""
    capsys.readouterr()
    code = cli.main(list(argv))
    return code, capsys.readouterr().err.strip()


FIGURE = ("KAZ", "restriction_events", "harassment_violence", "2017")  # Table 2's first cell
UNPRINTED = ("KGZ", "restriction_events", "all", "all")


def _publish(paths: WarehousePaths, number: int, values: dict[tuple, float]) -> dict:
    """Publish a tiny build holding report_measures ``values`` and the reconciliation of Table 2's
    first cell, as run ``0000000<number>`` (release ids sort in publication order)."""
    run_id = f"{number:08x}-run"
    reset_build_database(paths)
    with duckdb.connect(str(paths.build_db)) as con:
        con.execute("CREATE SCHEMA marts")
        con.execute(
            """CREATE TABLE marts.report_measures (geography_id VARCHAR, measure VARCHAR,
               dimension_1 VARCHAR, dimension_2 VARCHAR, value DOUBLE)"""
        )
        con.executemany(
            "INSERT INTO marts.report_measures VALUES (?, ?, ?, ?, ?)",
            [[*key, value] for key, value in values.items()],
        )
        con.execute(
            """CREATE TABLE marts.report_reconciliation AS SELECT 'kaz_2023' AS report_id,
               'table_2' AS figure_id, 'KAZ' AS geography_id, 'restriction_events' AS measure,
               'harassment_violence' AS dimension_1, '2017' AS dimension_2"""
        )
    plan = BuildPlan(f"inputs-{number}", "code", current_release(paths.published_db))
    record_build(paths, run_id, plan)
    checks = {
        f"marts/report_measures:check_{i}": {"passed": True, "severity": "ERROR"} for i in range(3)
    }
    return publish(paths, run_id, checks, {})


def _figure(database: Path) -> float:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(
            """SELECT value FROM marts.report_measures WHERE geography_id = ? AND measure = ?
               AND dimension_1 = ? AND dimension_2 = ?""",
            list(FIGURE),
        ).fetchone()[0]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WarehousePaths:
    monkeypatch.delenv(KEEP_ENV, raising=False)
    monkeypatch.setenv("CIVIC_LANDING_DIR", str(tmp_path / "landing"))
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    return WarehousePaths.from_env()


@pytest.fixture
def two_releases(paths: WarehousePaths) -> tuple[dict, dict]:
    first = _publish(paths, 1, {FIGURE: 43.0, UNPRINTED: 10.0})
    second = _publish(paths, 2, {FIGURE: 44.0, UNPRINTED: 10.0})
    return first, second


def test_rollback_publishes_the_first_release_again(paths, two_releases):
    first, second = two_releases
    assert kept_release_ids(paths.published_db) == [first["release_id"], second["release_id"]]
    assert _figure(paths.published_db) == 44.0

    [done, *notes] = rollback(paths)  # default: the release before the current one

    assert done.startswith(f"Rolled back: {paths.published_db} is release {first['release_id']}")
    assert notes[0].startswith("Refreshes hold (build nothing) while the landing files and code")
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        assert con.execute(
            "SELECT release_id FROM metadata.releases ORDER BY published_at"
        ).fetchall() == [(first["release_id"],)]
    assert _figure(paths.published_db) == 43.0
    assert current_release(paths.published_db).release_id == first["release_id"]
    # the history still knows the release rolled back from, and the rollback itself
    assert [r["release_id"] for r in release_history(paths.published_db)] == [
        first["release_id"],
        second["release_id"],
    ]
    copy = json.loads(paths.published_db.with_name("release_history.json").read_text())
    assert copy["current"] == first["release_id"]
    [event] = copy["rollbacks"]
    assert (event["from_release"], event["to_release"]) == (
        second["release_id"],
        first["release_id"],
    )
    listing = list_lines(paths)
    assert listing[1].split()[0] == second["release_id"] and listing[1].endswith("kept")
    assert listing[2].split()[0] == first["release_id"] and listing[2].endswith("current")
    assert "3 checks passed" in listing[2]
    assert listing[3].startswith(f"  rolled back {second['release_id']} -> {first['release_id']}")

    rollback(paths, second["release_id"])  # a rollback can be undone
    assert _figure(paths.published_db) == 44.0
    assert current_release(paths.published_db).release_id == second["release_id"]


def test_a_rollback_holds_until_the_inputs_change(paths, two_releases):
    first, second = two_releases
    rollback(paths)
    plan = BuildPlan("inputs-2", "code", current_release(paths.published_db))
    assert plan.needed  # without the rollback record the next refresh would republish release 2
    held = plan_build(paths)
    assert held.current.release_id == first["release_id"]
    held = BuildPlan("inputs-2", "code", held.current, None, held.withdrawn)
    assert not held.needed
    assert held.unchanged_reason.startswith(
        f"Inputs and code are those of release {second['release_id']}, rolled back from to "
        f"{first['release_id']}: held until"
    )
    assert BuildPlan("inputs-3", "code", held.current, None, held.withdrawn).needed
    third = _publish(paths, 3, {FIGURE: 45.0})  # a new publication ends the hold
    assert plan_build(paths).withdrawn == ()
    assert third["release_id"] in kept_release_ids(paths.published_db)


def test_diff_lists_rows_per_table_and_changed_report_figures(paths, two_releases):
    first, second = two_releases
    third = _publish(paths, 3, {FIGURE: 44.0, UNPRINTED: 12.5, ("KAZ", "new_measure", "", ""): 1})

    lines = diff_lines(paths, None, None)  # default: the previous release against the current

    assert lines[0].startswith(f"Release {second['release_id']} (")
    assert f"-> {third['release_id']} (" in lines[0]
    assert lines[1] == "Rows per published table: 2 changed, 1 same"
    assert lines[2].split() == ["marts.report_measures", "2", "->", "3", "(+1)"]
    assert lines[3].split() == ["metadata.releases", "2", "->", "3", "(+1)"]
    assert lines[4] == (
        "Report figures (marts.report_measures): 2 values changed, 0 of them printed in a report"
    )
    assert lines[5].split() == ["(not", "printed)", "KAZ", "new_measure", "-", "-", "->", "1"]
    assert lines[6].split() == [
        "(not", "printed)", "KGZ", "restriction_events", "all/all", "10", "->", "12.5"
    ]  # fmt: skip

    printed = diff_lines(paths, first["release_id"], third["release_id"], limit=1)
    assert printed[4] == (
        "Report figures (marts.report_measures): 3 values changed, 1 of them printed in a report "
        "(kaz_2023 table_2)"
    )
    assert printed[5].split() == [
        "kaz_2023", "table_2", "KAZ", "restriction_events", "harassment_violence/2017",
        "43", "->", "44",
    ]  # fmt: skip
    assert printed[6] == "  ... and 2 more (--limit N shows more)"


def test_retention_keeps_the_newest_past_releases_and_never_the_current(paths, monkeypatch, capsys):
    monkeypatch.setenv(KEEP_ENV, "2")
    records = [_publish(paths, n, {FIGURE: float(n)}) for n in range(1, 6)]
    ids = [r["release_id"] for r in records]
    assert kept_release_ids(paths.published_db) == ids[2:]
    assert records[-1]["pruned_releases"] == [ids[1]]

    rollback(paths, ids[2])  # the oldest kept one becomes current
    assert prune(paths.published_db, current_id=ids[2], keep=0) == ids[3:]
    assert kept_release_ids(paths.published_db) == [ids[2]]
    assert _figure(paths.published_db) == 3.0

    assert _civic(capsys, "releases", "rollback", ids[0]) == (
        2,
        f"civic releases rollback: Release {ids[0]} is not kept on disk; kept releases: {ids[2]}",
    )
    monkeypatch.setenv(KEEP_ENV, "five")
    record = _publish(paths, 6, {FIGURE: 6.0})
    assert record["archive_warnings"] == [
        f"Past releases not pruned: {KEEP_ENV} must be a whole number >= 0, not 'five'"
    ]
    assert current_release(paths.published_db).release_id == record["release_id"]


def test_archive_failures_never_fail_the_publish(paths, monkeypatch):
    first = _publish(paths, 1, {FIGURE: 43.0})

    def no_links(*_args):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(orchestration.release_archive.os, "link", no_links)
    second = _publish(paths, 2, {FIGURE: 44.0})  # no hard links: kept as a copy
    assert second["archive_warnings"] == []
    assert kept_path(paths.published_db, second["release_id"]).stat().st_ino != (
        paths.published_db.stat().st_ino
    )
    assert _figure(kept_path(paths.published_db, second["release_id"])) == 44.0

    monkeypatch.setattr(orchestration.release_archive.shutil, "copyfile", full_disk)
    third = _publish(paths, 3, {FIGURE: 45.0})
    assert third["archive_warnings"] == [
        f"Release {third['release_id']} is published but not kept for rollback "
        f"({paths.published_db.parent / 'releases'}): No space left on device"
    ]
    assert _figure(paths.published_db) == 45.0
    assert current_release(paths.published_db).release_id == third["release_id"]
    assert sorted(p.name for p in (paths.warehouse_dir / "releases").iterdir()) == [
        f"{first['release_id']}.duckdb",
        f"{second['release_id']}.duckdb",
    ]  # no half-written copy left behind


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from orchestration import warehouse_lock
    from orchestration.paths import WarehousePaths
    paths = WarehousePaths(Path(sys.argv[1]), Path(sys.argv[2]))
    warehouse_lock.acquire(paths, warehouse_lock.REFRESH, run_id="feedc0de-run")
    print("held", flush=True)
    time.sleep(60)
    """
)


def test_rollback_refuses_while_a_refresh_holds_the_lock(paths, two_releases, capsys):
    published = _sha256(paths.published_db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.landing_dir), str(paths.warehouse_dir)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, line = _civic(capsys, "releases", "rollback")
    finally:
        holder.kill()
        holder.wait()
    assert code == warehouse_lock.EXIT_BUSY
    assert line.startswith(
        f"civic releases rollback: Another refresh (pid {holder.pid}, run feedc0de, started "
    )
    assert line.endswith(f"is using the warehouse at {paths.warehouse_dir}; not started.")
    assert _sha256(paths.published_db) == published


def test_rollback_to_an_unknown_release_names_the_kept_ones(paths, two_releases, capsys):
    first, second = two_releases
    code, line = _civic(capsys, "releases", "rollback", "20200101T000000Z-deadbeef")
    assert (code, line) == (
        2,
        "civic releases rollback: Release 20200101T000000Z-deadbeef is not kept on disk; "
        f"kept releases: {second['release_id']}, {first['release_id']}",
    )
    code, line = _civic(capsys, "releases", "diff", "../../raw", second["release_id"])
    assert code == 2 and line.startswith("civic releases diff: Unknown release ../../raw; kept")
    code, line = _civic(capsys, "releases", "rollback", second["release_id"])
    assert (
        line
        == f"civic releases rollback: Release {second['release_id']} is already the published one"
    )


def test_a_rollback_that_fails_before_the_swap_leaves_the_published_file(
    paths, two_releases, monkeypatch
):
    first, _ = two_releases
    published = _sha256(paths.published_db)
    history = paths.published_db.with_name("release_history.json").read_text()

    def killed(*_args, **_kwargs):
        raise OSError(errno.EIO, "killed before the swap")

    with monkeypatch.context() as patch:
        patch.setattr(orchestration.releases, "set_aside_stale_wal", killed)
        with pytest.raises(OSError, match="killed before the swap"):
            rollback(paths, first["release_id"])

    assert _sha256(paths.published_db) == published
    assert _figure(paths.published_db) == 44.0
    assert paths.published_db.with_name("release_history.json").read_text() == history
    assert sorted(p.name for p in paths.warehouse_dir.iterdir() if "rollback" in p.name) == []
    assert not warehouse_lock.held_here(paths)
    rollback(paths, first["release_id"])  # and the next attempt works
    assert _figure(paths.published_db) == 43.0


def test_a_corrupt_kept_release_is_not_restored(paths, two_releases):
    first, _ = two_releases
    published = _sha256(paths.published_db)
    kept = kept_path(paths.published_db, first["release_id"])
    kept.unlink()  # a hard link: rewrite a new file, not the published one
    kept.write_bytes(b"not a database")
    with pytest.raises(duckdb.Error):
        rollback(paths, first["release_id"])
    assert _sha256(paths.published_db) == published
    assert not list(paths.warehouse_dir.glob("*.rollback*"))


def test_refresh_rollback_and_read_the_first_release(scratch_warehouse):
    """The real thing: refresh (the copy's release A), change a landing file, refresh (B), roll
    back, and read A's figures through a read-only connection; the next refresh holds."""
    paths = scratch_warehouse.paths
    measures = "SELECT * FROM marts.report_measures ORDER BY ALL"
    first_measures = scratch_warehouse.query(measures)
    [(first_id,)] = scratch_warehouse.query("SELECT max(release_id) FROM metadata.releases")
    first_sha = scratch_warehouse.published_sha256()
    sheet = scratch_warehouse.landing_dir / "restrictions" / "kaz_2019.csv"
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows.pop(5)
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    assert scratch_warehouse.refresh().success
    second_id = current_release(paths.published_db).release_id
    assert second_id != first_id
    second_measures = scratch_warehouse.query(measures)
    old = {tuple(row[:4]): row[4] for row in first_measures}
    new = {tuple(row[:4]): row[4] for row in second_measures}
    changed = {
        key: (old.get(key), new.get(key))
        for key in old.keys() | new.keys()
        if None in (old.get(key), new.get(key))
        or abs(old[key] - new[key]) > 1e-9 * max(1, abs(old[key]))
    }
    kaz_events = {k: v for k, v in changed.items() if k[:2] == ("KAZ", "restriction_events")}
    assert kaz_events  # one 2019 event fewer

    changes = diff_lines(paths, None, None, limit=len(changed))

    [figures] = [line for line in changes if line.startswith("Report figures")]
    assert figures.startswith(f"Report figures (marts.report_measures): {len(changed)} values")
    assert "kaz_2023" in figures, changes
    shown = {tuple(line.split()[-6:]) for line in changes if line.startswith("  ")}
    for (geography, measure, dim1, dim2), (before, after) in kaz_events.items():
        dimensions = "/".join(d for d in (dim1, dim2) if d) or "-"
        line = (geography, measure, dimensions, f"{before:,.6g}", "->", f"{after:,.6g}")
        assert line in shown, (line, changes)

    rollback(paths)

    assert scratch_warehouse.published_sha256() == first_sha
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        assert con.execute(measures).fetchall() == first_measures
        assert con.execute("SELECT max(release_id) FROM metadata.releases").fetchone() == (
            first_id,
        )
    assert scratch_warehouse.refresh().success  # landing still as in B: held, not republished
    assert scratch_warehouse.published_sha256() == first_sha
    assert current_release(paths.published_db).release_id == first_id


def test_history_comes_from_the_copy_when_the_published_file_does_not_open(paths, two_releases):
    """A copy written before rollbacks existed (a plain list) still names the current release."""
    first, second = two_releases
    copy = paths.published_db.with_name("release_history.json")
    copy.write_text(json.dumps(json.loads(copy.read_text())["releases"]))
    paths.published_db.unlink()  # the kept file is the same inode: write a new, broken one
    paths.published_db.write_bytes(b"not a database")

    assert current_release(paths.published_db).release_id == second["release_id"]
    assert [line.split()[0] for line in list_lines(paths)[1:]] == [
        second["release_id"],
        first["release_id"],
    ]
    rollback(paths)  # and the file can be put right from what is kept
    assert _figure(paths.published_db) == 43.0


def test_before_the_first_release_the_commands_say_so(paths, capsys):
    assert _civic(capsys, "releases", "diff") == (
        2,
        f"civic releases diff: No release published at {paths.published_db}",
    )
    assert _civic(capsys, "releases", "rollback") == (
        2,
        f"civic releases rollback: No release published at {paths.published_db}",
    )
    assert list_lines(paths) == ["No release published yet."]


def test_the_release_history_table_is_described_and_counted(paths, two_releases):
    """metadata.releases is written by the publish step, not dbt: it carries its own comments,
    and the release's recorded row count includes the row it adds."""
    _, second = two_releases
    assert second["row_counts"]["metadata.releases"] == 2
    with duckdb.connect(str(paths.published_db), read_only=True) as con:
        [(table_comment,)] = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE schema_name = 'metadata' "
            "AND table_name = 'releases'"
        ).fetchall()
        columns = dict(
            con.execute(
                "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = "
                "'metadata' AND table_name = 'releases'"
            ).fetchall()
        )
    assert table_comment.startswith("Every release published into this file's lineage")
    assert columns["inputs_fingerprint"] == (
        "Hash of the accepted landing files the release was built from."
    )
    assert all(columns.values()), [name for name, text in columns.items() if not text]
