"""Sheets as the region's researchers really save them: encodings, delimiters, layouts, formulas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ingestion.errors import ContractViolation, visible
from ingestion.sheets import normalise_header, read_sheet, strip_cell
from ingestion.textfiles import CsvFormat, detect_csv_format, sniff_delimiter

REQUIRED = ("event_id", "country", "summary")
RUSSIAN = (
    "Полиция задержала журналистов в Алматы, изъяты телефоны.",
    "Активисты избиты неизвестными возле здания акимата.",
    "Возбуждено уголовное дело против лидера оппозиции.",
)
RESAVE = "re-save the file as UTF-8 (Excel: Save As > 'CSV UTF-8 (Comma delimited)')"


def _text(rows: list[list[str]], delimiter: str) -> str:
    return "".join(delimiter.join(row) + "\r\n" for row in rows)


def _russian_rows() -> list[list[str]]:
    return [["event_id", "country", "summary"]] + [
        [f"KAZ-2020-{n:04d}", "KAZ", text] for n, text in enumerate(RUSSIAN, start=1)
    ]


def _messages(raised: pytest.ExceptionInfo[ContractViolation]) -> list[str]:
    return [str(issue) for issue in raised.value.issues]


# --- encodings ---------------------------------------------------------------------------------


def test_windows_1251_csv_with_cyrillic_text_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "kaz_2020.csv"
    path.write_bytes(
        _text([[f'"{c}"' for c in row] for row in _russian_rows()], ",").encode("cp1251")
    )
    assert detect_csv_format(path) == CsvFormat("cp1251", ",")
    sheet = read_sheet(path, required=REQUIRED)
    assert [cells["summary"] for _, cells in sheet.records] == list(RUSSIAN)
    assert [row for row, _ in sheet.records] == [2, 3, 4]


def test_utf8_with_and_without_bom_is_the_fast_path(tmp_path: Path) -> None:
    plain, bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    text = _text(_russian_rows(), ";")
    plain.write_text(text, encoding="utf-8")
    bom.write_text(text, encoding="utf-8-sig")
    assert detect_csv_format(plain) == CsvFormat("utf-8", ";")
    assert detect_csv_format(bom) == CsvFormat("utf-8-sig", ";")
    assert read_sheet(bom, required=REQUIRED).columns == REQUIRED  # no BOM glued to event_id


def test_excel_unicode_text_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode_text.csv"
    path.write_text(_text(_russian_rows(), "\t"), encoding="utf-16")
    assert detect_csv_format(path) == CsvFormat("utf-16", "\t")
    sheet = read_sheet(path, required=REQUIRED)
    assert sheet.records[0] == (
        2,
        {"event_id": "KAZ-2020-0001", "country": "KAZ", "summary": RUSSIAN[0]},
    )


def test_single_accent_in_a_western_code_page_is_read_when_all_readings_agree(
    tmp_path: Path,
) -> None:
    path = tmp_path / "albania.csv"
    rows = [list(REQUIRED), ["ALB-1", "ALB", "Policia shoqëroi gazetarët në Tiranë."]]
    path.write_bytes(_text(rows, ",").encode("cp1252"))
    assert read_sheet(path, required=REQUIRED).records[0][1]["summary"] == rows[1][2]


def test_ambiguous_code_page_is_rejected_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "bih.csv"
    rows = [list(REQUIRED), ["BIH-1", "BIH", "Novinar iz Sarajeva napadnut je ispred svoje kuće."]]
    path.write_bytes(_text(rows, ",").encode("cp1250"))
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    assert _messages(raised) == [
        "bih.csv: text is not UTF-8 and its encoding cannot be told (cp1250 or cp1252?): " + RESAVE
    ]


def test_binary_file_is_rejected_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "renamed.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ContractViolation) as raised:
        detect_csv_format(path)
    assert _messages(raised) == [
        "renamed.csv: text is not UTF-8 and no Windows code page reads it as text: " + RESAVE
    ]


def test_file_mixing_utf8_and_windows_1251_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    head = _text(_russian_rows()[:2], ",").encode("utf-8")
    path.write_bytes(head + _text(_russian_rows()[2:], ",").encode("cp1251"))
    with pytest.raises(ContractViolation) as raised:
        detect_csv_format(path)
    first_bad = len(head) + len("KAZ-2020-0002,KAZ,")
    assert _messages(raised) == [
        f"mixed.csv: text mixes UTF-8 with another encoding (byte {first_bad} is not "
        "UTF-8): " + RESAVE
    ]


# --- delimiters --------------------------------------------------------------------------------


def test_semicolon_csv_parses_every_column(tmp_path: Path) -> None:
    path = tmp_path / "srb.csv"
    rows = [
        ["event_id", "country", "event_date", "summary", "source_ref"],
        ["SRB-1", "SRB", "2020-07-08", "Police detained activists, journalists", "https://x/1"],
        ["SRB-2", "SRB", "2020-07-09", "Rally banned, organisers fined", "https://x/2"],
    ]
    path.write_text(_text(rows, ";"), encoding="utf-8-sig")
    sheet = read_sheet(path, required=REQUIRED)
    assert sheet.columns == tuple(rows[0])
    assert [list(cells.values()) for _, cells in sheet.records] == rows[1:]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ('a,b,c\n1,"x; y",3\n4,"p; q; r",6\n', ","),
        ("Restrictions, Kazakhstan 2020\na;b;c\n1;x, y;3\n4;p, q;6\n", ";"),
        ("a\tb\tc\n1\tx, y; z\t3\n", "\t"),
        ("event_id;country;summary\n", ";"),
        ("just one column\nvalue\n", ","),
    ],
)
def test_sniff_delimiter(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


# --- where the header is -----------------------------------------------------------------------


def test_title_row_above_the_header_keeps_real_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    rows = [["Restrictions Kazakhstan 2019 (coder: A.B.)"], list(REQUIRED), ["E1", "KAZ", "x"]]
    path.write_text(_text(rows, ","), encoding="utf-8")
    sheet = read_sheet(path, required=REQUIRED)
    assert sheet.records == [(3, {"event_id": "E1", "country": "KAZ", "summary": "x"})]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        worksheet = workbook.create_sheet(title)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)
    return path


def test_workbook_with_blank_and_instruction_sheets_first(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "kaz.xlsx",
        {
            "Sheet1": [],
            "Instructions": [["How to code"], ["event_id: unique"], ["country: alpha-3"]],
            "Data": [
                ["Kazakhstan 2017-2018"],
                [],
                [" Event_ID ", "country", "summary"],
                ["E1", "KAZ", "x"],
            ],
        },
    )
    sheet = read_sheet(path, required=REQUIRED)
    assert sheet.worksheet == "Data"
    assert sheet.records == [(4, {"event_id": "E1", "country": "KAZ", "summary": "x"})]


def test_no_header_in_any_worksheet_names_the_closest_row_and_the_sheets(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "bad.xlsx",
        {"Notes": [["Read me"]], "Data": [["Title"], ["event_id", "summary"], ["E1", "x"]]},
    )
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    assert _messages(raised) == [
        "bad.xlsx, column 'country': missing required column (header looked for in the first "
        "10 non-blank rows of worksheet(s) 'Notes', 'Data'; closest: row 2 of 'Data')"
    ]


def test_header_beyond_the_first_ten_non_blank_rows_is_not_searched_for(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    rows = [[f"note {n}"] for n in range(10)] + [list(REQUIRED), ["E1", "KAZ", "x"]]
    path.write_text(_text(rows, ","), encoding="utf-8")
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    assert _messages(raised) == [
        "late.csv: no header row: none of the first 10 non-blank rows names a required column "
        "(event_id, country, summary)"
    ]


def test_empty_workbook_names_its_sheets(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "empty.xlsx", {"Sheet1": [], "Sheet2": [[None, None]]})
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    assert _messages(raised) == [
        "empty.xlsx: workbook has no non-blank row in worksheet(s) 'Sheet1', 'Sheet2'"
    ]


# --- formulas ----------------------------------------------------------------------------------


def _patch_sheet_xml(path: Path, *replacements: tuple[str, str]) -> None:
    """Rewrite the first worksheet's XML, as another program would have written it."""
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    xml = entries["xl/worksheets/sheet1.xml"].decode()
    for old, new in replacements:
        assert old in xml
        xml = xml.replace(old, new)
    entries["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


def test_formula_without_saved_value_is_rejected_naming_row_and_column(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "generated.xlsx",
        {
            "Data": [
                ["Title"],
                list(REQUIRED),
                ["E1", "KAZ", "x"],
                ["E2", '=IF(A3="E1","KAZ","")', ""],
            ]
        },
    )
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    assert _messages(raised) == [
        'generated.xlsx, row 4, column \'country\': formula \'=IF(A3="E1","KAZ","")\' has no '
        "saved value: open the file in Excel or LibreOffice and save it, or paste values"
    ]


def test_formulas_with_saved_values_are_read(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "saved.xlsx",
        {"Data": [list(REQUIRED), ["E1", '=UPPER("kaz")', '=IF(1,"","y")']]},
    )
    _patch_sheet_xml(
        path,
        (
            '<c r="B2"><f>UPPER("kaz")</f><v /></c>',
            '<c r="B2" t="str"><f>UPPER("kaz")</f><v>KAZ</v></c>',
        ),
        (
            '<c r="C2"><f>IF(1,"","y")</f><v /></c>',
            '<c r="C2" t="str"><f>IF(1,"","y")</f><v></v></c>',
        ),
    )
    assert read_sheet(path, required=REQUIRED).records == [
        (2, {"event_id": "E1", "country": "KAZ", "summary": ""})
    ]


def test_shared_formulas_are_named_cell_by_cell_and_capped(tmp_path: Path) -> None:
    rows = [list(REQUIRED)] + [[f"E{n}", "KAZ", "x"] for n in range(2, 27)]
    path = _workbook(tmp_path / "shared.xlsx", {"Data": rows})
    _patch_sheet_xml(
        path,
        *(
            (f'<c r="C{n}" t="inlineStr"><is><t>x</t></is></c>', f'<c r="C{n}">{formula}</c>')
            for n, formula in [(2, '<f t="shared" ref="C2:C26" si="0">A2&amp;"!"</f>')]
            + [(n, '<f t="shared" si="0"/>') for n in range(3, 27)]
        ),
    )
    with pytest.raises(ContractViolation) as raised:
        read_sheet(path, required=REQUIRED)
    messages = _messages(raised)
    assert len(messages) == 21
    assert messages[1].startswith("shared.xlsx, row 3, column 'summary': formula '=A3&\"!\"' has")
    assert messages[-1] == "shared.xlsx: ... and 5 more formula cells without a saved value"


# --- invisible characters ----------------------------------------------------------------------


def test_invisible_characters_leave_headers_and_cell_edges(tmp_path: Path) -> None:
    path = tmp_path / "invisible.csv"
    rows = [
        ["\ufeffevent_id", "Country\u00a0", "sum\u200bmary"],
        ["\u200bE1\u00a0", "\u2060KAZ ", "a\u00a0b"],
    ]
    path.write_text(_text(rows, ","), encoding="utf-8")
    sheet = read_sheet(path, required=REQUIRED)
    assert sheet.records == [(2, {"event_id": "E1", "country": "KAZ", "summary": "a\u00a0b"})]


def test_helpers_for_invisible_characters() -> None:
    assert normalise_header("\u200b Event_ID\u00a0\ufeff") == "event_id"
    assert strip_cell("\u00a0harassment\u200b\u200e ") == "harassment"
    assert strip_cell("harass\u200bment") == "harass\u200bment"
    assert visible("harass\u200bment\u00a0\t") == "harass<U+200B>ment<U+00A0><U+0009>"
    assert visible("Казахстан, café") == "Казахстан, café"
