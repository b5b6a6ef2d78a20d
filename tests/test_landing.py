"""The incremental loader on a toy source: skip, replace, remove, reject, reload."""

from __future__ import annotations

import dataclasses

import duckdb
import pandas as pd
import pytest

from ingestion.errors import ContractViolation, Issue
from ingestion.landing import LandingSource, sync_source
from ingestion.landing_state import current_rejections


def _read(path, _reference):
    """Lines of `name,score`; a line `bad` breaks the contract, `null` breaks the table."""
    rows = []
    for number, line in enumerate(path.read_text().splitlines(), start=2):
        if line == "bad":
            raise ContractViolation([Issue(path.name, "bad line", row=number, column="name")])
        name, score = line.split(",") if line != "null" else (None, "0")
        rows.append({"name": name, "score": int(score), "source_row": number})
    return {"scores": pd.DataFrame(rows, columns=["name", "score", "source_row"])}


@pytest.fixture
def toy(tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text("v1")
    source = LandingSource(
        name="toy",
        directory="toy",
        suffixes=(".txt",),
        tables={
            "scores": {"name": "VARCHAR NOT NULL", "score": "INTEGER", "source_row": "INTEGER"}
        },
        key_columns=("name",),
        load_reference=lambda _raw: None,
        read=_read,
        signature_paths=(rules,),
    )
    (tmp_path / "landing" / "toy").mkdir(parents=True)
    return source, tmp_path / "landing", tmp_path / "raw.duckdb", rules


def _sync(toy, batch):
    source, landing, raw, _ = toy
    return sync_source(source, landing, raw, batch_id=batch)


def _rows(raw):
    with duckdb.connect(str(raw), read_only=True) as con:
        return con.execute("SELECT source_file, name, score FROM scores ORDER BY 1, 2").fetchall()


def test_loads_skips_replaces_and_removes(toy):
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1\nbob,2")
    (landing / "toy" / "b.txt").write_text("cy,3")
    first = _sync(toy, "b1")
    assert sorted(first.loaded) == ["toy/a.txt", "toy/b.txt"]

    mtime = raw.stat().st_mtime_ns
    again = _sync(toy, "b2")
    assert (again.changed, again.unchanged, raw.stat().st_mtime_ns) == (False, 2, mtime)

    (landing / "toy" / "a.txt").write_text("ann,10")
    (landing / "toy" / "b.txt").unlink()
    third = _sync(toy, "b3")
    assert (third.replaced, third.removed) == (["toy/a.txt"], ["toy/b.txt"])
    assert _rows(raw) == [("toy/a.txt", "ann", 10)]


def test_rejected_version_keeps_the_accepted_rows_and_is_reported(toy):
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    _sync(toy, "b1")
    (landing / "toy" / "a.txt").write_text("ann,1\nbad")
    result = _sync(toy, "b2")
    assert list(result.rejected) == ["toy/a.txt"]
    assert _rows(raw) == [("toy/a.txt", "ann", 1)]
    assert current_rejections(raw) == [("toy/a.txt", 3, "name", "bad line")]


def test_a_database_error_rolls_back_that_file_only(toy):
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    _sync(toy, "b1")
    (landing / "toy" / "a.txt").write_text("ann,5\nnull")  # violates NOT NULL on insert
    (landing / "toy" / "c.txt").write_text("dee,4")
    result = _sync(toy, "b2")
    assert result.loaded == ["toy/c.txt"]
    assert "could not be loaded" in result.rejected["toy/a.txt"][0].message
    assert _rows(raw) == [("toy/a.txt", "ann", 1), ("toy/c.txt", "dee", 4)]


def test_keys_clash_across_files(toy):
    _, landing, _, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "b.txt").write_text("bob,2\nann,9")
    result = _sync(toy, "b1")
    assert [str(i) for i in result.rejected["toy/b.txt"]] == [
        "b.txt, row 3, column 'name': name ann already loaded from toy/a.txt row 2"
    ]


def test_reader_or_reference_change_reloads_every_file(toy):
    _, landing, raw, rules = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "b.txt").write_text("bad")
    _sync(toy, "b1")
    assert _sync(toy, "b2").changed is False

    rules.write_text("v2")  # e.g. a new alias in a seed: the rejected file deserves another look
    result = _sync(toy, "b3")
    assert result.loaded == ["toy/a.txt"] and list(result.rejected) == ["toy/b.txt"]
    assert _rows(raw) == [("toy/a.txt", "ann", 1)]


def test_a_key_moved_to_an_earlier_file_is_not_a_clash(toy):
    """Uniqueness is judged on the landing state after every change of the sync."""
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "b.txt").write_text("bob,2\ncy,3")
    _sync(toy, "b1")
    (landing / "toy" / "a.txt").write_text("ann,1\ncy,3")  # cy moves from b.txt to a.txt
    (landing / "toy" / "b.txt").write_text("bob,2")
    result = _sync(toy, "b2")
    assert result.rejected == {}
    assert _rows(raw) == [("toy/a.txt", "ann", 1), ("toy/a.txt", "cy", 3), ("toy/b.txt", "bob", 2)]


def test_a_clash_clears_when_the_other_file_lets_go_of_the_key(toy):
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "b.txt").write_text("bob,2\ncy,3")
    _sync(toy, "b1")
    (landing / "toy" / "a.txt").write_text("ann,1\ncy,3")  # cy copied, not yet removed from b
    assert list(_sync(toy, "b2").rejected) == ["toy/a.txt"]
    assert current_rejections(raw) == [
        ("toy/a.txt", 3, "name", "name cy already loaded from toy/b.txt row 3")
    ]
    (landing / "toy" / "b.txt").write_text("bob,2")  # only b changes: a is judged again
    result = _sync(toy, "b3")
    assert (result.replaced, result.rejected) == (["toy/a.txt", "toy/b.txt"], {})
    assert current_rejections(raw) == []
    assert _rows(raw) == [("toy/a.txt", "ann", 1), ("toy/a.txt", "cy", 3), ("toy/b.txt", "bob", 2)]


def test_a_rejected_new_version_keeps_its_keys_against_other_files(toy):
    """A file whose new version is rejected keeps its old rows, so their keys still count."""
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "b.txt").write_text("cy,3")
    _sync(toy, "b1")
    (landing / "toy" / "b.txt").write_text("bad")  # rejected: cy stays loaded from b.txt
    (landing / "toy" / "a.txt").write_text("ann,1\ncy,4")
    result = _sync(toy, "b2")
    assert sorted(result.rejected) == ["toy/a.txt", "toy/b.txt"]
    assert _rows(raw) == [("toy/a.txt", "ann", 1), ("toy/b.txt", "cy", 3)]


def test_office_lock_and_macos_files_are_skipped_with_a_note(toy):
    _, landing, raw, _ = toy
    (landing / "toy" / "a.txt").write_text("ann,1")
    (landing / "toy" / "~$a.txt").write_bytes(b"\x00owner")
    (landing / "toy" / "._a.txt").write_bytes(b"\x00\x05\x16\x07")
    result = _sync(toy, "b1")
    assert (result.loaded, result.rejected) == (["toy/a.txt"], {})
    assert sorted(result.skipped) == ["toy/._a.txt", "toy/~$a.txt"]
    with duckdb.connect(str(raw), read_only=True) as con:
        notes = con.execute(
            "SELECT file, message FROM load_log WHERE outcome = 'skipped' ORDER BY file"
        ).fetchall()
    assert [file for file, _ in notes] == ["toy/._a.txt", "toy/~$a.txt"]
    assert notes[1][1].startswith("Excel owner file")
    mtime = raw.stat().st_mtime_ns
    again = _sync(toy, "b2")  # noted once: a refresh with nothing new still writes nothing
    assert (again.changed, raw.stat().st_mtime_ns) == (False, mtime)


def test_an_append_only_source_keeps_every_files_version_of_a_record(toy):
    """Deliveries that update each other (Factiva snapshots) land keyed by (record, file)."""
    source, landing, raw, _ = toy
    snapshots = dataclasses.replace(source, keys_across_files=False)
    (landing / "toy" / "2020-01.txt").write_text("ann,1\nbob,2")
    (landing / "toy" / "2020-02.txt").write_text("ann,5")  # a later version of ann
    first = sync_source(snapshots, landing, raw, batch_id="b1")
    assert (first.loaded, first.rejected) == (["toy/2020-01.txt", "toy/2020-02.txt"], {})
    assert _rows(raw) == [
        ("toy/2020-01.txt", "ann", 1),
        ("toy/2020-01.txt", "bob", 2),
        ("toy/2020-02.txt", "ann", 5),
    ]
    (landing / "toy" / "2020-02.txt").write_text("ann,6")  # a corrected delivery replaces its own
    assert sync_source(snapshots, landing, raw, batch_id="b2").replaced == ["toy/2020-02.txt"]
    assert _rows(raw)[-1] == ("toy/2020-02.txt", "ann", 6)
