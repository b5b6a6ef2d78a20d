"""The text worksheet writer saves the bytes openpyxl's write-only mode saves for the same rows."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.xml.functions import tostring

from sample_data import xlsx

SAVED = datetime(2021, 6, 30, 12, 0, 0)
ROWS = [
    ("title only",),
    (),
    ("event_id", "summary", "count", "share", "flag"),
    ("KAZ-2017-0001", "Police & <b>courts</b> > \"press\" 'fined'", 3, 0.125, True),
    ("  padded ", "   ", "", None, False),
    ("Казахстан «Қазақстан»", "line\nbreak\ttab", -0.0, 1e20, 123456789012345678),
    (None, None, 2.5, 12500.0, None, "column F", "G", "H", "I", "J", "K", "L", "M", "N", "O"),
]


def openpyxl_bytes(sheets: list[tuple[str, list[tuple]]]) -> bytes:
    """What the generators wrote before: openpyxl cells, then the pinned zip rewrite."""
    book = Workbook(write_only=True)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.creator = "civic space coders"
    book.properties.created = book.properties.modified = SAVED
    core = tostring(book.properties.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = core if info.filename == "docProps/core.xml" else source.read(info)
            entry = zipfile.ZipInfo(info.filename, date_time=SAVED.timetuple()[:6])
            target.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_same_bytes_as_openpyxl(tmp_path: Path) -> None:
    sheets = [("Instructions", ROWS[:2]), ("Sheet1", []), ("restrictions", ROWS)]
    path = xlsx.write_workbook(
        tmp_path / "book.xlsx", sheets, saved=SAVED, creator="civic space coders"
    )
    assert path.read_bytes() == openpyxl_bytes(sheets)
    book = load_workbook(path, read_only=True)
    values = list(book["restrictions"].iter_rows(values_only=True))
    assert values[3][:5] == ROWS[3]
    assert values[4][:2] == ("  padded ", "   ")


@pytest.mark.parametrize("value", ["=SUM(A1:A2)", "#N/A", "bell\x07", "x" * 32_768, 1.5j])
def test_values_openpyxl_would_change_are_refused(tmp_path: Path, value: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        xlsx.write_workbook(tmp_path / "bad.xlsx", [("data", [("ok", value)])], saved=SAVED)
