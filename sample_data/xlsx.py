"""Excel workbooks as openpyxl's write-only mode saves them, with the worksheets written as text.

openpyxl builds and serialises an element per cell, which was a third of the generation time. Here
openpyxl still writes the package (content types, styles, theme, workbook, properties) with empty
worksheets, and each worksheet's rows are joined as text in exactly the markup openpyxl writes:
inline strings (``xml:space="preserve"`` around padded text), numbers as ``%.16g``, booleans, and
``None`` cells left out. Values openpyxl would turn into formulas or error cells are refused.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

EMPTY_DATA = "<sheetData></sheetData>"
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
MAX_TEXT = 32_767

Sheet = tuple[str, Iterable[Sequence[Any]]]


def write_workbook(
    path: Path, sheets: Sequence[Sheet], *, saved: datetime, creator: str | None = None,
    title: str | None = None,
) -> Path:  # fmt: skip
    """Write ``(name, rows)`` worksheets; ``saved`` pins the document and zip timestamps."""
    book = Workbook(write_only=True)
    for name, _ in sheets:
        book.create_sheet(name)
    buffer = io.BytesIO()
    book.save(buffer)
    if creator is not None:
        book.properties.creator = creator
    if title is not None:
        book.properties.title = title
    book.properties.created = book.properties.modified = saved
    replaced = {"docProps/core.xml": tostring(book.properties.to_tree())}
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for number, (_, rows) in enumerate(sheets, start=1):
            empty = source.read(f"xl/worksheets/sheet{number}.xml").decode()
            head, tail = empty.split(EMPTY_DATA)
            replaced[f"xl/worksheets/sheet{number}.xml"] = (
                head + "<sheetData>" + "".join(_rows(rows)) + "</sheetData>" + tail
            ).encode()
        for info in source.infolist():
            data = replaced.get(info.filename) or source.read(info)
            entry = zipfile.ZipInfo(info.filename, date_time=saved.timetuple()[:6])
            target.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _rows(rows: Iterable[Sequence[Any]]) -> Iterable[str]:
    letters: list[str] = []
    texts: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        while len(letters) < len(row):
            letters.append(get_column_letter(len(letters) + 1))
        cells = []
        for letter, value in zip(letters, row, strict=False):
            kind = type(value)
            if value is None:
                continue
            if kind is str:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = _inline(value)
                cells.append(f'<c r="{letter}{number}" t="inlineStr"{text}')
            elif kind is int or (kind is float and math.isfinite(value)):
                cells.append(f'<c r="{letter}{number}" t="n"><v>{value:.16g}</v></c>')
            elif kind is bool:
                cells.append(f'<c r="{letter}{number}" t="b"><v>{value:d}</v></c>')
            else:
                raise TypeError(f"cell {letter}{number}: cannot write {value!r}")
        yield f'<row r="{number}">' + "".join(cells) + "</row>"


def _inline(value: str) -> str:
    """The rest of an inline-string cell after ``t="inlineStr"`` (an empty string has no text)."""
    if (len(value) > 1 and value.startswith("=")) or value in ERROR_CODES:
        raise ValueError(f"{value!r} would be written as a formula or an error cell")
    if len(value) > MAX_TEXT or ILLEGAL.search(value):
        raise ValueError(f"{value[:40]!r}... cannot be written to a worksheet")
    if not value:
        return " />"
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f"><is><t{space}>{text}</t></is></c>"
