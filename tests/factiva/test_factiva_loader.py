"""The loader with the Factiva source: LIST columns stored, every delivery kept append-only."""

from __future__ import annotations

import json

import duckdb

from ingestion.factiva import FACTIVA
from ingestion.landing import sync_source

AN = "SKRANE0020180913ee9d0002t"


def _write(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def _record(action, modified, title="Title"):
    return {
        "an": AN,
        "action": action,
        "title": title,
        "source_code": "TASS",
        "source_name": "TASS",
        "publication_datetime": "1536796800000",
        "modification_datetime": modified,
        "subject_codes": ",nanl,ncat,nanl,",
        "region_of_origin": "EEURZ RUSS",
    }


def test_same_an_in_two_files_is_two_records_with_list_columns(tmp_path):
    landing, raw_db = tmp_path / "landing", tmp_path / "warehouse" / "raw.duckdb"
    _write(landing / "factiva" / "2018-09-13.jsonl", [_record("add", 1536800400000)])
    _write(landing / "factiva" / "2018-09-14.jsonl", [_record("rep", "1536886800000", "New")])
    result = sync_source(FACTIVA, landing, raw_db, batch_id="b1")
    assert sorted(result.loaded) == ["factiva/2018-09-13.jsonl", "factiva/2018-09-14.jsonl"]
    assert not result.rejected
    with duckdb.connect(str(raw_db), read_only=True) as con:
        types = dict(
            con.execute(
                """SELECT column_name, data_type FROM information_schema.columns
                   WHERE table_name = 'factiva_article_records'"""
            ).fetchall()
        )
        rows = con.execute(
            """SELECT source_file, source_row, action, title, subject_codes, region_of_origin,
                      typeof(subject_codes)
               FROM factiva_article_records ORDER BY source_file"""
        ).fetchall()
    assert types["subject_codes"] == "VARCHAR[]" and types["region_of_origin"] == "VARCHAR[]"
    assert types["modification_datetime"] == "TIMESTAMP" and types["word_count"] == "INTEGER"
    assert rows == [
        (
            "factiva/2018-09-13.jsonl",
            1,
            "add",
            "Title",
            ["nanl", "ncat"],
            ["EEURZ", "RUSS"],
            "VARCHAR[]",
        ),
        (
            "factiva/2018-09-14.jsonl",
            1,
            "rep",
            "New",
            ["nanl", "ncat"],
            ["EEURZ", "RUSS"],
            "VARCHAR[]",
        ),
    ]


def test_a_rejected_file_stages_nothing_and_is_logged(tmp_path):
    landing, raw_db = tmp_path / "landing", tmp_path / "warehouse" / "raw.duckdb"
    good = [_record("add", 1536800400000) | {"an": f"TASS{i:021d}"} for i in range(4500)]
    _write(landing / "factiva" / "big.jsonl", [*good, _record("upd", 1536800400000)])
    result = sync_source(FACTIVA, landing, raw_db, batch_id="b1")
    assert [str(issue) for issue in result.rejected["factiva/big.jsonl"]] == [
        "big.jsonl, row 4501, column 'action': 'upd' is not an action (add, rep, del)"
    ]
    with duckdb.connect(str(raw_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM factiva_article_records").fetchone() == (0,)
