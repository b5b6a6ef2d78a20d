"""Coding sheets (CSV or XLSX) read as text cells with their spreadsheet row numbers.

Sheets arrive as coders' spreadsheets save them: any encoding ``textfiles`` can tell, ``,``/``;``/
tab separated, a title line above the header, an instructions or blank worksheet first, invisible
characters around values. The header is found by the columns a reader needs, and row numbers
stay those the coder sees in the spreadsheet.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from openpyxl import load_workbook
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.xml.functions import iterparse

from ingestion.errors import ContractViolation, Issue, visible
from ingestion.textfiles import detect_csv_format

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MULTI_VALUE_SEPARATOR = "|"
HEADER_SEARCH_ROWS = 10  # non-blank rows looked at for the header, per worksheet
MAX_FORMULA_ISSUES = 20
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Whitespace (NBSP included) and format characters (zero-width space/joiners, BOM, bidi marks,
# soft hyphen): invisible in a spreadsheet, so never part of a value at its edges.
_EDGE = "".join(
    ch for ch in map(chr, range(0x10000)) if ch.isspace() or unicodedata.category(ch) == "Cf"
)
_FORMAT_CHARS = {ch for ch in _EDGE if not ch.isspace()}
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")  # <f>, <f t="shared" .../>, <x:f>

Rows = Iterator[tuple[int, list[str]]]  # (spreadsheet row number, cell texts)
Record = tuple[int, dict[str, str]]  # (spreadsheet row number, cell text per column)
# A sheet read lazily: first (columns, worksheet name or None), then its records.
SheetParts = Iterator[tuple[tuple[str, ...], str | None] | Record]


@dataclass(frozen=True)
class Sheet:
    """A sheet's header (normalised) and its non-blank records keyed by spreadsheet row.

    ``worksheet`` names the workbook sheet the records came from (None for a CSV).
    """

    file: str
    columns: tuple[str, ...]
    records: list[Record]
    worksheet: str | None = None


@dataclass(frozen=True)
class StreamedSheet:
    """A sheet whose header is read and whose records come one at a time (a large sheet is never
    held whole); problems further down the file raise while ``records`` is consumed."""

    file: str
    columns: tuple[str, ...]
    records: Iterator[Record]
    worksheet: str | None = None


def read_sheet(path: Path, required: Sequence[str] = ()) -> Sheet:
    """Read a CSV or an XLSX as text cells, the header being the first row with every
    ``required`` column (among the first HEADER_SEARCH_ROWS non-blank rows; in a workbook, of
    the first worksheet that has one). Without ``required`` the first non-blank row is the header.
    """
    sheet = stream_sheet(path, required)
    return Sheet(sheet.file, sheet.columns, list(sheet.records), sheet.worksheet)


def stream_sheet(path: Path, required: Sequence[str] = ()) -> StreamedSheet:
    """``read_sheet`` with the records read as they are consumed."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        parts = _csv_parts(path, tuple(required))
    elif suffix == ".xlsx":
        parts = _xlsx_parts(path, tuple(required))
    else:
        raise ContractViolation([Issue(path.name, f"unsupported file type '{suffix}'")])
    columns, worksheet = next(parts)
    return StreamedSheet(path.name, columns, parts, worksheet)


def strip_cell(text: str) -> str:
    """A cell without surrounding whitespace, NBSP or zero-width characters (inside ones stay)."""
    return text.strip(_EDGE)


def normalise_header(text: str) -> str:
    """A column name as the contract spells it: no invisible characters anywhere, lower case."""
    text = "".join(" " if ch.isspace() else ch for ch in text if ch not in _FORMAT_CHARS)
    return text.strip().lower()


def _csv_parts(path: Path, required: tuple[str, ...]) -> SheetParts:
    layout = detect_csv_format(path)
    search = _HeaderSearch(path.name, required)
    try:
        with path.open(encoding=layout.encoding, newline="") as handle:
            rows = enumerate(csv.reader(handle, delimiter=layout.delimiter), start=1)
            found = search.scan(None, rows)
            if found is None:
                raise search.failure()
            columns = found[1]
            yield columns, None
            yield from _records(path.name, columns, rows)
    except UnicodeDecodeError as error:
        problem = f"not valid {layout.encoding} text ({error.reason}): re-save the sheet as UTF-8"
        raise ContractViolation([Issue(path.name, problem)]) from None
    except csv.Error as error:
        raise ContractViolation([Issue(path.name, f"unreadable CSV: {error}")]) from None


def _xlsx_parts(path: Path, required: tuple[str, ...]) -> SheetParts:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise ContractViolation([Issue(path.name, f"unreadable workbook: {error}")]) from None
    try:
        search = _HeaderSearch(path.name, required)
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()  # some writers record a wrong size; read what is there
            values = worksheet.iter_rows(values_only=True)
            rows = enumerate(([_cell_text(v) for v in row] for row in values), start=1)
            found = search.scan(worksheet.title, rows)
            if found is None:
                continue
            header_row, columns = found
            yield columns, worksheet.title
            yield from _records(path.name, columns, rows)
            _reject_unsaved_formulas(path.name, worksheet, header_row, columns)
            return
        raise search.failure()
    finally:
        workbook.close()


@dataclass
class _HeaderSearch:
    """Finds the header row; remembers the closest candidate to explain a failure."""

    file: str
    required: tuple[str, ...]
    looked_at: list[str | None] = field(default_factory=list)
    closest: tuple[int, str | None, int, list[str]] | None = None  # found, sheet, row, missing

    def scan(self, worksheet: str | None, rows: Rows) -> tuple[int, tuple[str, ...]] | None:
        """(row, columns) of the header, leaving ``rows`` just after it; None if not found."""
        self.looked_at.append(worksheet)
        non_blank = 0
        for number, cells in rows:
            if not any(strip_cell(cell) for cell in cells):
                continue
            columns = tuple(normalise_header(cell) for cell in cells)
            missing = [column for column in self.required if column not in columns]
            if not missing:
                return number, columns
            found = len(self.required) - len(missing)
            if self.closest is None or found > self.closest[0]:
                self.closest = (found, worksheet, number, missing)
            non_blank += 1
            if non_blank == HEADER_SEARCH_ROWS:
                break
        return None

    def failure(self) -> ContractViolation:
        sheets = [name for name in self.looked_at if name is not None]
        of_sheets = f" of worksheet(s) {_quoted(sheets)}" if sheets else ""
        if self.closest is None:
            what = "file is empty (no header row)"
            if sheets:
                what = f"workbook has no non-blank row in worksheet(s) {_quoted(sheets)}"
            return ContractViolation([Issue(self.file, what)])
        found, worksheet, row, missing = self.closest
        if not found:
            message = (
                f"no header row: none of the first {HEADER_SEARCH_ROWS} non-blank rows{of_sheets} "
                f"names a required column ({', '.join(self.required)})"
            )
            return ContractViolation([Issue(self.file, message)])
        where = f"row {row}" + (f" of '{worksheet}'" if worksheet is not None else "")
        context = (
            f" (header looked for in the first {HEADER_SEARCH_ROWS} non-blank rows{of_sheets}; "
            f"closest: {where})"
        )
        return ContractViolation(
            [Issue(self.file, f"missing required column{context}", column=c) for c in missing]
        )


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _records(file: str, columns: tuple[str, ...], rows: Rows) -> Iterator[Record]:
    for row_number, cells in rows:
        if not any(strip_cell(cell) for cell in cells):
            continue
        if len(cells) > len(columns) and any(strip_cell(c) for c in cells[len(columns) :]):
            raise ContractViolation([Issue(file, "more cells than header columns", row=row_number)])
        padded = list(cells) + [""] * (len(columns) - len(cells))
        yield row_number, {c: strip_cell(v) for c, v in zip(columns, padded, strict=False)}


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reject_unsaved_formulas(
    file: str, worksheet: ReadOnlyWorksheet, header_row: int, columns: tuple[str, ...]
) -> None:
    """A formula never calculated (a workbook written by a program, not saved by a spreadsheet
    application) has no saved result: openpyxl reads it as empty, which must not become NULL."""
    unsaved = [
        (row, column, formula)
        for row, column, formula in _formulas_without_result(worksheet)
        if row > header_row and column <= len(columns)
    ]
    if not unsaved:
        return
    issues = [
        Issue(
            file,
            f"formula '{visible(formula)}' has no saved value: open the file in Excel or "
            "LibreOffice and save it, or paste values",
            row=row,
            column=columns[column - 1] or get_column_letter(column),
        )
        for row, column, formula in unsaved[:MAX_FORMULA_ISSUES]
    ]
    if len(unsaved) > MAX_FORMULA_ISSUES:
        more = len(unsaved) - MAX_FORMULA_ISSUES
        issues.append(Issue(file, f"... and {more} more formula cells without a saved value"))
    raise ContractViolation(issues)


def _formulas_without_result(worksheet: ReadOnlyWorksheet) -> Iterator[tuple[int, int, str]]:
    """(row, column, formula) of formula cells with no cached result, from the sheet's XML.

    A formula whose result is an empty string is saved as ``t="str"`` with an empty ``<v>``; a
    formula never calculated has no ``<v>`` text and no such type. openpyxl's values read both
    as None, so this looks at the XML itself (openpyxl has no public handle on it).
    """
    if not _has_formulas(worksheet):
        return
    shared: dict[str, tuple[str, str]] = {}  # shared formula id -> (formula, its cell)
    row = column = 0
    with worksheet._get_source() as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "row":
                    row, column = int(element.get("r") or row + 1), 0
                continue
            if tag != "c":
                if tag == "row":
                    element.clear()
                continue
            reference = element.get("r")
            row, column = coordinate_to_tuple(reference) if reference else (row, column + 1)
            formula = _child(element, "f")
            if formula is not None:
                text = _formula_text(formula, reference or "", shared)
                result = _child(element, "v")
                has_result = result is not None and (result.text or element.get("t") == "str")
                if not has_result:
                    yield row, column, text
            element.clear()


def _has_formulas(worksheet: ReadOnlyWorksheet) -> bool:
    """A cheap byte scan first: most sheets have no formula and need no XML parse."""
    tail = b""
    with worksheet._get_source() as source:
        while chunk := source.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if c.tag.rsplit("}", 1)[-1] == name), None)


def _formula_text(formula: Element, reference: str, shared: dict[str, tuple[str, str]]) -> str:
    """The formula as typed; a shared formula's followers are translated from its first cell."""
    text = "=" + (formula.text or "")
    if formula.get("t") != "shared":
        return text
    index = formula.get("si", "")
    if formula.text:
        shared[index] = (text, reference)
        return text
    if index in shared and reference:
        origin_text, origin = shared[index]
        return Translator(origin_text, origin=origin).translate_formula(reference)
    return "=…"


def parse_coded_date(text: str) -> tuple[date, str]:
    """``YYYY-MM-DD`` or ``YYYY-MM`` (day unknown) as (first possible day, precision)."""
    try:
        month = _MONTH.match(text)
        if month:
            return date(int(month[1]), int(month[2]), 1), "month"
        if _DAY.match(text):
            return date.fromisoformat(text), "day"
    except ValueError:
        pass
    raise ValueError(f"'{visible(text)}' is not a date in YYYY-MM-DD or YYYY-MM form")


def split_multi(text: str) -> list[str]:
    """The values of a multi-valued cell, in order, without blanks."""
    return [strip_cell(part) for part in text.split(MULTI_VALUE_SEPARATOR) if strip_cell(part)]
