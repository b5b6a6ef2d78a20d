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
    assert "in_window" not in frame.columns  # the window is a derivation: dbt owns it
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
    context = " (header looked for in the first 10 non-blank rows; closest: row 1)"
    assert [(i.row, i.column, i.message) for i in raised.value.issues] == [
        (None, "targets", f"missing required column{context}"),
        (None, "harm", f"missing required column{context}"),
    ]


def test_undetectable_encoding_is_rejected_with_what_to_do(tmp_path, reference):
    sheet = tmp_path / "latin1.csv"
    sheet.write_bytes((",".join(HEADER) + "\n" + ",".join(_row(summary="Café"))).encode("latin-1"))
    with pytest.raises(ContractViolation) as raised:
        read_restriction_sheet(sheet, reference)
    assert [str(issue) for issue in raised.value.issues] == [
        "latin1.csv: text is not UTF-8 and its encoding cannot be told (cp1250 or cp1251?): "
        "re-save the file as UTF-8 (Excel: Save As > 'CSV UTF-8 (Comma delimited)')"
    ]


def test_russian_excel_csv_windows_1251_and_semicolons(tmp_path, reference):
    summaries = ["Полиция задержала журналистов; изъяты телефоны.", "Суд оштрафовал активиста."]
    rows = [_row(event_id=f"E{n}", summary=f'"{text}"') for n, text in enumerate(summaries)]
    sheet = tmp_path / "kaz_ru.csv"
    sheet.write_bytes("\r\n".join(";".join(row) for row in [HEADER, *rows]).encode("cp1251"))
    frame = read_restriction_sheet(sheet, reference)
    assert frame["summary"].tolist() == summaries
    assert frame["targets"].tolist() == ["political_opposition|media_journalist"] * 2
    assert frame["source_row"].tolist() == [2, 3]


def test_workbook_with_instructions_sheet_and_title_row_keeps_row_numbers(tmp_path, reference):
    workbook = Workbook()
    workbook.active.title = "Instructions"
    workbook.active.append(["One row per restriction; see the codebook."])
    data = workbook.create_sheet("Kazakhstan")
    data.append(["Restrictions, Kazakhstan, 2017-2018"])
    data.append(HEADER)
    data.append(_row())
    data.append(_row(event_id="E2", harm="harassment\u200b"))
    workbook.save(tmp_path / "kaz.xlsx")
    frame = read_restriction_sheet(tmp_path / "kaz.xlsx", reference)
    assert frame["source_row"].tolist() == [3, 4]
    assert frame["harm"].tolist() == ["violence", "harassment"]  # invisible edge stripped


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "harm",
            "harass\u200bment",
            "'harass<U+200B>ment' is not in the vocabulary for restriction_type "
            "'harassment_violence' (harassment, violence)",
        ),
        ("country", "K\u00a0AZ", "unknown country or territory 'K<U+00A0>AZ'"),
        ("event_date", "2019-06-1\u200e2", "'2019-06-1<U+200E>2' is not a date"),
    ],
)
def test_invisible_characters_inside_a_value_are_shown(tmp_path, reference, column, value, message):
    sheet = _write_csv(tmp_path / "hidden.csv", [_row(**{column: value})])
    with pytest.raises(ContractViolation) as raised:
        read_restriction_sheet(sheet, reference)
    issue = raised.value.issues[0]
    assert (issue.row, issue.column) == (2, column)
    assert issue.message.startswith(message)
