"""numpy-written case rows give the files pyreadstat writes on its own, up to the save timestamp."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from sample_data.surveys import _cases
from sample_data.surveys._writers import Column, Format, write_table

ROWS = 120_000  # more than one chunk, far more than the prototype


def columns() -> list[Column]:
    rng = np.random.default_rng(7)
    weight = np.round(rng.lognormal(0, 0.3, ROWS), 6)
    weight[rng.choice(ROWS, 50, replace=False)] = np.nan
    codes = rng.choice([-5, -4, -2, -1, 1, 2, 3, 4], ROWS)
    names = np.array(["Kazakhstan", "Kyrgyzstan", "Côte d'Ivoire", "Türkiye"], dtype=object)
    return [
        Column("id", "Respondent ID", 100_000_000 + rng.permutation(ROWS)),
        Column("country", "Country name", names[rng.integers(0, 4, ROWS)]),
        Column("wgt", "Weight", weight),
        Column("q1", "Trust", codes, {1: "A lot", 4: "None"}, {-1: "Don't know", -5: "Missing"}),
        Column("small", "Small", rng.integers(0, 3, ROWS).astype(np.int8)),
    ]


def masked(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    if path.suffix == ".sav":
        data[92:109] = bytes(17)  # creation date and time
    else:
        stamp = re.search(rb"<timestamp>.*?</timestamp>", data)
        assert stamp
        data[stamp.start() : stamp.end()] = b""
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("f.sav", Format()), ("f.dta", Format()), ("f.dta", Format(stata_extended=True))],
)
def test_same_file_as_pyreadstat_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, fmt: Format
) -> None:
    fast = write_table(tmp_path / "fast" / name, columns(), "Test survey", fmt)
    monkeypatch.setattr(
        _cases, "write", lambda path, frame, write_dictionary: write_dictionary(frame)
    )
    slow = write_table(tmp_path / "slow" / name, columns(), "Test survey", fmt)
    assert masked(fast) == masked(slow)


def test_rows_that_do_not_match_pyreadstat_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cases, "SAV_SYSMIS", 0.0)  # a wrong encoding of system-missing
    with pytest.raises(ValueError, match="differ from pyreadstat"):
        write_table(tmp_path / "f.sav", columns(), "Test survey")
