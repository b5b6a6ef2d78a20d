"""The restriction sheet reader alone: typed rows; errors that name file, row and column."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from ingestion.errors import ContractViolation
from ingestion.reference import ReferenceData
from ingestion.restrictions import read_restriction_sheet

HEADER = [
    "event_id",
    "country",
    "event_date",
    "restriction_type",
    "harm",
    "status",
    "charge_link",
    "targets",
    "initiators",
    "initiator_country",
    "summary",
    "source_type",
    "source_ref",
]


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return ReferenceData.from_seeds()


def _row(**overrides: str) -> list[str]:
    values = {
        "event_id": "E1",
        "country": "KAZ",
        "event_date": "2019-06-12",
        "restriction_type": "harassment_violence",
        "harm": "violence",
        "status": "acted_on",
        "charge_link": "",
        "targets": "political_opposition | media_journalist",
        "initiators": "government",
        "initiator_country": "",
        "summary": "Protesters beaten",
        "source_type": "civicus",
        "source_ref": "https://monitor.civicus.org/newsfeed/2019/06/12/x/",
    }
    values.update(overrides)
    return [values[column] for column in HEADER]


def _write_csv(path, rows, header=HEADER, bom=False):
    lines = [",".join(header), *(",".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig" if bom else "utf-8")
    return path


def test_reads_typed_rows_with_aliases_month_dates_and_lineage(tmp_path, reference):
    sheet = _write_csv(
        tmp_path / "kaz.csv",
        [
            _row(),
            _row(
                event_id="E2",
                country="Kazakhstan",
                event_date="2016-12",
                restriction_type="state_legal_case",
                harm="",
                status="",
                charge_link="indirect",
            ),
        ],
        bom=True,
    )
    frame = read_restriction_sheet(sheet, reference)
    assert frame["geography_id"].tolist() == ["KAZ", "KAZ"]
    assert frame["event_date"].tolist() == [date(2019, 6, 12), date(2016, 12, 1)]
    assert frame["event_date_precision"].tolist() == ["day", "month"]
    assert frame["in_window"].tolist() == [True, False]
    assert frame["targets"].tolist()[0] == "political_opposition|media_journalist"
    assert frame["source_row"].tolist() == [2, 3]


def test_reads_xlsx_with_real_date_cells(tmp_path, reference):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    row = _row()
    row[2] = date(2020, 2, 22)
    sheet.append(row)
    workbook.save(tmp_path / "kaz.xlsx")
    frame = read_restriction_sheet(tmp_path / "kaz.xlsx", reference)
    assert frame["event_date"].tolist() == [date(2020, 2, 22)]


@pytest.mark.parametrize(
    ("overrides", "column", "message"),
    [
        ({"harm": ""}, "harm", "required for restriction_type 'harassment_violence'"),
        ({"status": "passed"}, "status", "'passed' is not in the vocabulary for restriction_type"),
        ({"charge_link": "direct"}, "charge_link", "must be empty for restriction_type"),
        ({"initiators": "government|aliens"}, "initiators", "'aliens' is not in the vocabulary"),
        ({"initiator_country": "Russia"}, "initiator_country", "'Russia' is not an ISO alpha-3"),
        ({"event_date": "2019-02-30"}, "event_date", "'2019-02-30' is not a date"),
        ({"source_ref": ""}, "source_ref", "required value is empty"),
        ({"targets": " | "}, "targets", "no value between the '|' separators"),
        ({"event_date": "2102-05-04"}, "event_date", "year 2102 is outside 2010-2021"),
        ({"event_date": "2020-W01-1"}, "event_date", "'2020-W01-1' is not a date"),
    ],
)
def test_row_errors_name_file_row_and_column(tmp_path, reference, overrides, column, message):
    sheet = _write_csv(tmp_path / "bad.csv", [_row(event_id="OK"), _row(**overrides)])
    with pytest.raises(ContractViolation) as raised:
        read_restriction_sheet(sheet, reference)
    issue = raised.value.issues[0]
    assert (issue.file, issue.row, issue.column) == ("bad.csv", 3, column)
    assert message in issue.message
    assert f"bad.csv, row 3, column '{column}'" in str(raised.value)


def test_duplicate_ids_within_a_sheet(tmp_path, reference):
    sheet = _write_csv(tmp_path / "dup.csv", [_row(), _row()])
    with pytest.raises(ContractViolation) as raised:
        read_restriction_sheet(sheet, reference)
    assert str(raised.value.issues[0]) == (
        "dup.csv, row 3, column 'event_id': duplicate event_id 'E1' (first on row 2)"
    )


def test_missing_columns_reject_the_whole_file(tmp_path, reference):
    header = [c for c in HEADER if c not in ("targets", "harm")]
    sheet = _write_csv(tmp_path / "short.csv", [], header=header)
    with pytest.raises(ContractViolation) as raised:
        read_restriction_sheet(sheet, reference)
    assert {(i.column, i.message) for i in raised.value.issues} == {
        ("targets", "missing required column"),
        ("harm", "missing required column"),
    }


def test_non_utf8_file_is_rejected_with_a_clear_message(tmp_path, reference):
    sheet = tmp_path / "latin1.csv"
    sheet.write_bytes((",".join(HEADER) + "\n" + ",".join(_row(summary="Café"))).encode("latin-1"))
    with pytest.raises(ContractViolation, match="not UTF-8 text"):
        read_restriction_sheet(sheet, reference)
