"""The Factiva snapshot reader alone: streamed chunks, typed rows, rejections naming
file, row and field."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from ingestion.errors import ContractViolation
from ingestion.factiva import TABLE, read_factiva_file

AN1 = "SKRANE0020180913ee9d0002t"
AN2 = "TASS000020190101ef1a0003x"
MS = 1536796800000  # 2018-09-13 00:00:00 UTC
MOD = 1536800400000  # 2018-09-13 01:00:00 UTC


def _record(**overrides) -> dict:
    record = {
        "an": AN1,
        "action": "add",
        "title": "Russia opens a cultural centre",
        "snippet": "Lead paragraph",
        "body": "First paragraph.\nSecond paragraph.",
        "source_code": "TASS",
        "source_name": "TASS",
        "language_code": "en",
        "word_count": "295",
        "publication_datetime": str(MS),
        "modification_datetime": MOD,
        "subject_codes": ",nanl,ncat,nanl,",
        "region_of_origin": "EEURZ RUSS",
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not None}


def _jsonl(path: Path, records: list) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _read(path: Path, **kwargs) -> pd.DataFrame:
    chunks = list(read_factiva_file(path, **kwargs))
    assert all(table == TABLE for table, _ in chunks)
    return pd.concat([frame for _, frame in chunks], ignore_index=True)


def _issues(path: Path) -> list[str]:
    with pytest.raises(ContractViolation) as raised:
        list(read_factiva_file(path))
    return [str(issue) for issue in raised.value.issues]


def test_jsonl_records_are_typed(tmp_path):
    frame = _read(_jsonl(tmp_path / "snap.jsonl", [_record(), _record(an=AN2, action="del")]))
    first = frame.iloc[0]
    assert first["an"] == AN1 and first["source_row"] == 1
    assert first["publication_datetime"] == datetime(2018, 9, 13)
    assert first["modification_datetime"] == datetime(2018, 9, 13, 1)
    assert first["word_count"] == 295
    assert first["subject_codes"] == ["nanl", "ncat"]
    assert first["region_of_origin"] == ["EEURZ", "RUSS"]
    assert first["body"] == "First paragraph.\nSecond paragraph."
    assert frame.iloc[1]["action"] == "del" and frame.iloc[1]["source_row"] == 2


def test_epoch_numbers_and_strings_agree(tmp_path):
    records = [
        _record(publication_datetime=MS, modification_datetime=str(MOD)),
        _record(publication_datetime=str(MS), modification_datetime=float(MOD)),
    ]
    frame = _read(_jsonl(tmp_path / "snap.jsonl", records))
    assert set(frame["publication_datetime"]) == {pd.Timestamp(2018, 9, 13)}
    assert set(frame["modification_datetime"]) == {pd.Timestamp(2018, 9, 13, 1)}


def test_deprecated_twins_are_used_when_the_field_is_absent(tmp_path):
    record = _record(publication_datetime=None, modification_datetime=None)
    record |= {"publication_date": MS, "modification_date": str(MOD), "unknown_field": 1}
    frame = _read(_jsonl(tmp_path / "snap.jsonl", [record]))
    assert frame.iloc[0]["publication_datetime"] == datetime(2018, 9, 13)
    assert frame.iloc[0]["modification_datetime"] == datetime(2018, 9, 13, 1)


def test_json_array_and_data_object(tmp_path):
    array = tmp_path / "array.json"
    array.write_text(json.dumps([_record(), _record(an=AN2)]), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    document = {"meta": {"n": 2}, "data": [_record()]}
    wrapped.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    assert list(_read(array)["an"]) == [AN1, AN2]
    assert list(_read(array)["source_row"]) == [1, 2]
    assert list(_read(wrapped)["an"]) == [AN1]


def test_csv_with_bom_and_multiline_bodies(tmp_path):
    path = tmp_path / "snap.csv"
    fields = list(_record())
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerow(_record())
        writer.writerow(_record(an=AN2, language_code="", word_count=""))
    frame = _read(path)
    assert list(frame["an"]) == [AN1, AN2]
    assert list(frame["source_row"]) == [2, 3]  # spreadsheet rows, not physical lines
    assert frame.iloc[0]["body"] == "First paragraph.\nSecond paragraph."
    assert frame.iloc[0]["subject_codes"] == ["nanl", "ncat"]
    assert pd.isna(frame.iloc[1]["language_code"]) and pd.isna(frame.iloc[1]["word_count"])


def test_large_file_is_yielded_in_several_chunks(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(5000):
            handle.write(json.dumps(_record(an=f"TASS{i:021d}")) + "\n")
    sizes = [len(frame) for _, frame in read_factiva_file(path)]
    assert len(sizes) == 3 and sum(sizes) == 5000 and max(sizes) == 2000


def test_rejections_name_file_row_and_field(tmp_path):
    records = [
        _record(an="SHORT1"),
        _record(action="ADD"),
        _record(modification_datetime=None),
        _record(title="", source_code=None),
        _record(language_code="EN", word_count="many"),
        _record(publication_datetime="13 Sep 2018"),
    ]
    path = _jsonl(tmp_path / "bad.jsonl", records)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"an": "broken\n')
    assert _issues(path) == [
        "bad.jsonl, row 1, column 'an': 'SHORT1' is not an accession number "
        "(25 letters and digits)",
        "bad.jsonl, row 2, column 'action': 'ADD' is not an action (add, rep, del)",
        "bad.jsonl, row 3, column 'modification_datetime': required value is missing",
        "bad.jsonl, row 4, column 'title': required for action 'add'",
        "bad.jsonl, row 4, column 'source_code': required for action 'add'",
        "bad.jsonl, row 5, column 'language_code': 'EN' is not ISO 639-1 (two lower-case letters)",
        "bad.jsonl, row 5, column 'word_count': 'many' is not a whole number",
        "bad.jsonl, row 6, column 'publication_datetime': '13 Sep 2018' is not epoch milliseconds",
        "bad.jsonl, row 7: the line is not valid JSON, character 8: "
        "Unterminated string starting at",
    ]


def test_deleted_records_need_no_title_but_a_modification_time(tmp_path):
    path = _jsonl(
        tmp_path / "del.jsonl",
        [{"an": AN1, "action": "del", "modification_date": "bad"}, {"an": AN2, "action": "del"}],
    )
    assert _issues(path) == [
        "del.jsonl, row 1, column 'modification_date': 'bad' is not epoch milliseconds",
        "del.jsonl, row 2, column 'modification_datetime': required value is missing",
    ]


def test_csv_rejection_names_the_spreadsheet_row(tmp_path):
    path = tmp_path / "snap.csv"
    path.write_text(
        "an,action,title,source_code,source_name,publication_datetime,modification_datetime\n"
        f'{AN1},add,"Two\nlines",TASS,TASS,{MS},{MOD}\n'
        f"{AN2},upd,T,TASS,TASS,{MS},{MOD}\n",
        encoding="utf-8",
    )
    assert _issues(path) == [
        "snap.csv, row 3, column 'action': 'upd' is not an action (add, rep, del)"
    ]


def test_empty_files_are_rejected(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    (tmp_path / "empty.json").write_text('{"data": []}', encoding="utf-8")
    (tmp_path / "empty.csv").write_text("an,action,modification_date\n", encoding="utf-8")
    for name in ("empty.jsonl", "empty.json", "empty.csv"):
        assert _issues(tmp_path / name) == [f"{name}: the file holds no records"]


def test_many_bad_rows_are_capped_per_check(tmp_path):
    path = _jsonl(tmp_path / "bad.jsonl", [_record(action="upd") for _ in range(25)])
    issues = _issues(path)
    assert len(issues) == 21
    assert issues[-1] == (
        "bad.jsonl, column 'action': ... and 5 more rows: 'upd' is not an action (add, rep, del)"
    )


def test_truncated_json_array_names_the_record(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps([_record(), _record()])[:-40], encoding="utf-8")
    issues = _issues(path)
    assert len(issues) == 1 and issues[0].startswith("cut.json, row 2: invalid JSON after record 1")


def test_csv_without_the_key_columns_is_rejected_once(tmp_path):
    path = tmp_path / "snap.csv"
    path.write_text(f"accession,action,title\n{AN1},add,T\n", encoding="utf-8")
    assert _issues(path) == [
        "snap.csv, row 1: the header row lacks the column(s) an, modification_datetime"
    ]


def test_json_items_that_are_not_objects_are_named(tmp_path):
    path = tmp_path / "snap.json"
    path.write_text(json.dumps({"data": [_record(), "oops"]}), encoding="utf-8")
    assert _issues(path) == ["snap.json, row 2: is not a record: expected a JSON object"]
