"""Coding sheets (CSV or XLSX) read as text cells with their spreadsheet row numbers."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from ingestion.errors import ContractViolation, Issue

MULTI_VALUE_SEPARATOR = "|"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Sheet:
    """A sheet's header (lower-cased) and its non-blank records keyed by spreadsheet row."""

    file: str
    columns: tuple[str, ...]
    records: list[tuple[int, dict[str, str]]]


def read_sheet(path: Path) -> Sheet:
    """Read a CSV (UTF-8, BOM optional) or the first worksheet of an XLSX as text cells."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise ContractViolation([Issue(path.name, f"unsupported file type '{suffix}'")])
    try:
        header = next(rows)
    except StopIteration:
        raise ContractViolation([Issue(path.name, "file is empty (no header row)")]) from None
    columns = tuple(cell.strip().lower() for cell in header)
    records = []
    for row_number, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            raise ContractViolation(
                [Issue(path.name, "more cells than header columns", row=row_number)]
            )
        padded = list(cells) + [""] * (len(columns) - len(cells))
        records.append((row_number, {c: v.strip() for c, v in zip(columns, padded, strict=False)}))
    return Sheet(path.name, columns, records)


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
    except UnicodeDecodeError as error:
        raise ContractViolation(
            [Issue(path.name, f"not UTF-8 text (byte {error.start}): re-save the sheet as UTF-8")]
        ) from None


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise ContractViolation([Issue(path.name, f"unreadable workbook: {error}")]) from None
    try:
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


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
    raise ValueError(f"'{text}' is not a date in YYYY-MM-DD or YYYY-MM form")


def split_multi(text: str) -> list[str]:
    """The values of a multi-valued cell, in order, without blanks."""
    return [part.strip() for part in text.split(MULTI_VALUE_SEPARATOR) if part.strip()]
