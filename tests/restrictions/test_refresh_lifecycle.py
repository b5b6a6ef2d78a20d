"""Incremental loading, rejection of malformed sheets and the gate, on private warehouse copies."""

from __future__ import annotations

import csv

HEADER = (
    "event_id,country,event_date,restriction_type,harm,status,charge_link,targets,initiators,"
    "initiator_country,summary,source_type,source_ref"
)
GOOD_ROW = (
    "NEW-1,KAZ,2020-05-04,harassment_violence,harassment,acted_on,,media_journalist,government,,"
    "Journalist detained,civicus,https://monitor.civicus.org/newsfeed/2020/05/04/x/"
)


def _raw_counts(warehouse) -> tuple[int, int]:
    return warehouse.query(
        "SELECT (SELECT count(*) FROM restriction_events), (SELECT count(*) FROM load_log)",
        database=warehouse.raw_db,
    )[0]


def _release_count(warehouse) -> int:
    return warehouse.query("SELECT count(*) FROM metadata.releases")[0][0]


def test_refresh_without_new_files_adds_nothing_and_keeps_the_release(scratch_warehouse):
    raw_before, published_before = (
        _raw_counts(scratch_warehouse),
        scratch_warehouse.published_sha256(),
    )
    raw_mtime = scratch_warehouse.raw_db.stat().st_mtime_ns

    result = scratch_warehouse.refresh()

    assert result.success
    assert _raw_counts(scratch_warehouse) == raw_before
    assert scratch_warehouse.raw_db.stat().st_mtime_ns == raw_mtime  # not even opened for writing
    assert scratch_warehouse.published_sha256() == published_before
    assert _release_count(scratch_warehouse) == 1
    assert not scratch_warehouse.paths.build_db.exists()


def test_changed_file_replaces_only_its_own_rows(scratch_warehouse):
    sheet = scratch_warehouse.landing_dir / "restrictions" / "kaz_2019.csv"
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    dropped = rows.pop(5)  # one restriction withdrawn by the coder
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    other_files_before = scratch_warehouse.query(
        "SELECT source_file, count(*), max(file_hash) FROM restriction_events "
        "WHERE source_file <> 'restrictions/kaz_2019.csv' GROUP BY ALL ORDER BY 1",
        database=scratch_warehouse.raw_db,
    )

    result = scratch_warehouse.refresh()

    assert result.success
    assert scratch_warehouse.query(
        "SELECT count(*) FROM restriction_events WHERE event_id = ?",
        [dropped[0]],
        database=scratch_warehouse.raw_db,
    ) == [(0,)]
    assert scratch_warehouse.query(
        "SELECT count(*) FROM restriction_events WHERE source_file = 'restrictions/kaz_2019.csv'",
        database=scratch_warehouse.raw_db,
    ) == [(len(rows) - 1,)]
    assert (
        scratch_warehouse.query(
            "SELECT source_file, count(*), max(file_hash) FROM restriction_events "
            "WHERE source_file <> 'restrictions/kaz_2019.csv' GROUP BY ALL ORDER BY 1",
            database=scratch_warehouse.raw_db,
        )
        == other_files_before
    )
    assert scratch_warehouse.query(
        "SELECT outcome FROM metadata.load_log WHERE landing_file = 'restrictions/kaz_2019.csv' "
        "ORDER BY logged_at DESC LIMIT 1"
    ) == [("replaced",)]
    assert scratch_warehouse.query(
        "SELECT total_events FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"
    ) == [(705,)]
    assert _release_count(scratch_warehouse) == 2


MALFORMED = {
    "missing_column.csv": (
        HEADER.replace(",source_ref", ""),
        GOOD_ROW.rsplit(",", 1)[0],
        None,
        "source_ref",
        "missing required column",
    ),
    "unknown_vocabulary.csv": (
        HEADER,
        GOOD_ROW.replace("media_journalist", "bloggers"),
        2,
        "targets",
        "'bloggers' is not in the vocabulary",
    ),
    "unknown_country.csv": (
        HEADER,
        GOOD_ROW.replace("NEW-1,KAZ", "NEW-1,Atlantis"),
        2,
        "country",
        "unknown country or territory 'Atlantis'",
    ),
    "bad_date.csv": (
        HEADER,
        GOOD_ROW.replace("2020-05-04", "04/05/2020"),
        2,
        "event_date",
        "'04/05/2020' is not a date in YYYY-MM-DD or YYYY-MM form",
    ),
}


def test_malformed_sheets_are_rejected_and_the_release_is_untouched(scratch_warehouse):
    published_before = scratch_warehouse.published_sha256()
    for name, (header, row, *_expected) in MALFORMED.items():
        (scratch_warehouse.landing_dir / "restrictions" / name).write_text(
            f"{header}\n{row}\n", encoding="utf-8"
        )

    result = scratch_warehouse.refresh()

    assert result.success  # good data stays publishable; the bad files are left out
    assert scratch_warehouse.published_sha256() == published_before
    logged = scratch_warehouse.query(
        "SELECT file, row_number, column_name, message FROM load_log WHERE outcome = 'rejected'",
        database=scratch_warehouse.raw_db,
    )
    for name, (_, _, row, column, message) in MALFORMED.items():
        matches = [
            entry
            for entry in logged
            if entry[0] == f"restrictions/{name}" and entry[1] == row and entry[2] == column
        ]
        assert matches, f"no rejection logged for {name}"
        assert message in matches[0][3]
    rejected_files = scratch_warehouse.query(
        "SELECT file FROM landing_files WHERE status = 'rejected' ORDER BY 1",
        database=scratch_warehouse.raw_db,
    )
    assert rejected_files == [(f"restrictions/{n}",) for n in sorted(MALFORMED)]
    warnings = [
        e.asset_check_evaluation_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and e.asset_check_evaluation_data.check_name == "no_rejected_landing_files"
    ]
    assert [w.passed for w in warnings] == [False]


def test_rejected_new_version_keeps_the_previous_accepted_rows(scratch_warehouse):
    sheet = scratch_warehouse.landing_dir / "restrictions" / "kaz_2019.csv"
    text = sheet.read_text(encoding="utf-8-sig")
    sheet.write_text(text.replace(",KAZ,", ",Atlantis,", 1), encoding="utf-8")
    published_before = scratch_warehouse.published_sha256()

    assert scratch_warehouse.refresh().success

    assert scratch_warehouse.published_sha256() == published_before
    assert scratch_warehouse.query(
        "SELECT status, seen_hash <> accepted_hash FROM landing_files "
        "WHERE file = 'restrictions/kaz_2019.csv'",
        database=scratch_warehouse.raw_db,
    ) == [("rejected", True)]
    assert scratch_warehouse.query(
        "SELECT count(*) FROM restriction_events WHERE source_file = 'restrictions/kaz_2019.csv'",
        database=scratch_warehouse.raw_db,
    ) == [(197,)]


def test_duplicate_event_id_in_another_file_is_rejected(scratch_warehouse):
    existing = scratch_warehouse.query(
        "SELECT event_id, source_row FROM restriction_events "
        "WHERE source_file = 'restrictions/kaz_2019.csv' ORDER BY source_row LIMIT 1",
        database=scratch_warehouse.raw_db,
    )[0]
    (scratch_warehouse.landing_dir / "restrictions" / "late_additions.csv").write_text(
        f"{HEADER}\n{GOOD_ROW.replace('NEW-1', existing[0])}\n", encoding="utf-8"
    )

    scratch_warehouse.refresh()

    assert scratch_warehouse.query(
        "SELECT row_number, column_name, message FROM load_log "
        "WHERE file = 'restrictions/late_additions.csv'",
        database=scratch_warehouse.raw_db,
    ) == [
        (
            2,
            "event_id",
            f"event_id {existing[0]} already loaded from "
            f"restrictions/kaz_2019.csv row {existing[1]}",
        )
    ]


def test_gate_failure_blocks_publishing(scratch_warehouse):
    """Sheets that pass the row contract can still fail the gate: here most events are misdated."""
    published_before = scratch_warehouse.published_sha256()
    rows = [
        GOOD_ROW.replace("NEW-1", f"MISDATED-{i}").replace("2020-05-04", "2015-05-04")
        for i in range(800)
    ]
    (scratch_warehouse.landing_dir / "restrictions" / "misdated.csv").write_text(
        "\n".join([HEADER, *rows]) + "\n", encoding="utf-8"
    )

    result = scratch_warehouse.refresh()

    assert not result.success
    failed = [
        e.asset_check_evaluation_data.check_name
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and not e.asset_check_evaluation_data.passed
    ]
    assert failed == ["gx_restrictions_core_integrity"]  # the share in window, on the fact
    assert "metadata/releases" not in {
        e.asset_key.to_user_string()
        for e in result.all_events
        if e.event_type_value == "ASSET_MATERIALIZATION"
    }
    assert scratch_warehouse.published_sha256() == published_before
    assert _release_count(scratch_warehouse) == 1


def test_a_second_run_on_the_same_warehouse_is_refused(scratch_warehouse):
    import fcntl

    published_before = scratch_warehouse.published_sha256()
    with (scratch_warehouse.warehouse_dir / "refresh.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running refresh would
        result = scratch_warehouse.refresh(force_rebuild=True)
    assert not result.success
    errors = [
        str(event.event_specific_data.error)
        for event in result.all_events
        if getattr(event.event_specific_data, "error", None) is not None
    ]
    assert any("Another run is using the warehouse" in error for error in errors)
    assert scratch_warehouse.published_sha256() == published_before
