"""The case rows of SPSS and Stata files, written by numpy after pyreadstat writes the dictionary.

pyreadstat converts every cell through a Python object (about 13 MB/s), which took minutes for the
gigabytes of survey files at scale 100. Both formats store cases as fixed-width rows after
everything else: an uncompressed ``.sav`` ends with one 8-byte double per numeric variable and
space-padded strings per case; a Stata 119 ``.dta`` has a ``<data>`` section of typed fields,
followed by the (here empty) strLs and the value labels, which its ``<map>`` locates by offset.

So pyreadstat writes the file from a prototype — a few hundred rows holding every column's
extremes, missing values, distinct codes and longest text, which fix the storage types and widths —
and numpy writes every row in that layout, patching the case counts (and the Stata map). numpy's
encoding of the prototype rows must equal pyreadstat's bytes, or the write fails.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

CHUNK = 50_000  # rows encoded at a time
HEAD_ROWS = 200
MAX_CODES = 64  # columns with at most this many distinct values contribute one row per value
SAV_END_OF_DICTIONARY = struct.pack("<ii", 999, 0)
SAV_CASES_AT = 80
SAV_CASES_64 = struct.pack("<iiii", 7, 16, 8, 2)  # extension record: a 1, then the 64-bit count
SAV_SYSMIS = -np.finfo(np.float64).max
# Stata 119 storage types -> (numpy type, "." missing value, as the raw integer of the field)
DTA_NUMERIC = {
    65526: ("<f8", 0x7FE0000000000000, 1 << 40),
    65527: ("<f4", 0x7F000000, 1 << 11),
    65528: ("<i4", 2_147_483_621, 1),
    65529: ("<i2", 32_741, 1),
    65530: ("i1", 101, 1),
}  # the third item: the step from "." to ".a", ".a" to ".b", ...
DTA_RAW = {"<f8": "<u8", "<f4": "<u4"}


def write(
    path: Path, frame: pd.DataFrame, write_dictionary: Callable[[pd.DataFrame], None]
) -> None:
    """Write ``frame`` to ``path`` (.sav or .dta); ``write_dictionary(rows)`` calls pyreadstat."""
    sample = frame.iloc[_prototype_rows(frame)]
    write_dictionary(sample)
    raw = path.read_bytes()
    if path.suffix == ".sav":
        fields = [_sav_field(frame[name]) for name in frame.columns]
        data_at = len(raw) - len(sample) * sum(np.dtype(f[0]).itemsize for f in fields)
        if raw[data_at - len(SAV_END_OF_DICTIONARY) : data_at] != SAV_END_OF_DICTIONARY:
            raise ValueError(f"{path.name}: not an uncompressed .sav of the expected width")
        head = bytearray(raw[:data_at])
        struct.pack_into("<i", head, SAV_CASES_AT, len(frame))
        struct.pack_into("<q", head, head.index(SAV_CASES_64) + len(SAV_CASES_64) + 8, len(frame))
        tail = b""
    else:
        fields, data_at, data_end = _dta_layout(raw, frame)
        head = bytearray(raw[:data_at])
        tail = raw[data_end:]
        grown = (len(frame) - len(sample)) * (data_end - data_at) // len(sample)
        _dta_patch(head, len(frame), data_end, grown)
    if _encode(sample, fields) != raw[data_at : len(raw) - len(tail)]:
        raise ValueError(f"{path.name}: numpy's rows differ from pyreadstat's")
    with path.open("wb") as out:
        out.write(head)
        for start in range(0, len(frame), CHUNK):
            out.write(_encode(frame.iloc[start : start + CHUNK], fields))
        out.write(tail)


Field = tuple[str, Callable[[pd.Series], np.ndarray]]


def _encode(rows: pd.DataFrame, fields: list[Field]) -> bytes:
    out = np.empty(len(rows), dtype=[(f"f{i}", kind) for i, (kind, _) in enumerate(fields)])
    for i, (name, (_, encode)) in enumerate(zip(rows.columns, fields, strict=True)):
        out[f"f{i}"] = encode(rows[name])
    return out.tobytes()


def _prototype_rows(frame: pd.DataFrame) -> np.ndarray:
    """The first rows, each number column's extremes and first NaN, each text column's longest
    value and first occurrence of every value (Stata's extended-missing letters among them)."""
    rows = [np.arange(min(HEAD_ROWS, len(frame)))]
    for name in frame.columns:
        values = frame[name].to_numpy()
        if values.dtype.kind in "iuf":
            rows.append(np.array([values.argmin(), values.argmax()]))
            rows.append(np.flatnonzero(pd.isna(values))[:1])
            continue
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        rows.append(np.unique(codes, return_index=True)[1][:MAX_CODES])
        lengths = [len(str(value).encode()) for value in uniques]
        rows.append(np.flatnonzero(codes == int(np.argmax(lengths)))[:1])
    return np.unique(np.concatenate(rows))


def _text(width: int, pad: bytes) -> Callable[[pd.Series], np.ndarray]:
    def encode(column: pd.Series) -> np.ndarray:
        codes, uniques = pd.factorize(column)
        texts = [str(value).encode().ljust(width, pad) for value in uniques]
        if (codes < 0).any() or any(len(text) > width for text in texts):
            raise ValueError(f"{column.name}: missing or too long text")
        return np.array(texts, dtype=f"S{width}")[codes]

    return encode


def _sav_field(column: pd.Series) -> Field:
    if column.dtype.kind in "iuf":
        return "<f8", lambda c: np.nan_to_num(c.to_numpy(np.float64), nan=SAV_SYSMIS)
    longest = max(len(str(value).encode()) for value in pd.unique(column))
    if longest > 255:
        raise ValueError(f"{column.name}: very long strings are not supported")
    width = -(-longest // 8) * 8
    return f"S{width}", _text(width, b" ")


def _dta_layout(raw: bytes, frame: pd.DataFrame) -> tuple[list[Field], int, int]:
    """The fields from ``<variable_types>``, where ``<data>`` rows start and where they end."""
    if not raw.startswith(b"<stata_dta><header><release>119</release><byteorder>LSF</byteorder>"):
        raise ValueError("expected a little-endian Stata 119 file")
    at = raw.index(b"<variable_types>") + len(b"<variable_types>")
    types = struct.unpack_from(f"<{len(frame.columns)}H", raw, at)
    fields: list[Field] = []
    for code in types:
        if code in DTA_NUMERIC:
            fields.append((DTA_NUMERIC[code][0], _dta_number(*DTA_NUMERIC[code])))
        elif code <= 2045:
            fields.append((f"S{code}", _text(code, b"\0")))
        else:
            raise ValueError(f"Stata type {code} (strL) is not supported")
    data_at = raw.index(b"<data>") + len(b"<data>")
    return fields, data_at, raw.rindex(b"</data><strls>")


def _dta_number(kind: str, dot: int, step: int) -> Callable[[pd.Series], np.ndarray]:
    """Numbers, NaN as ".", and the letters "a"-"z" of extended missings as ".a"-".z"."""
    raw_kind = DTA_RAW.get(kind, kind)

    def encode(column: pd.Series) -> np.ndarray:
        if column.dtype.kind in "iu":
            return column.to_numpy().astype(kind)
        values = pd.to_numeric(column, errors="coerce").to_numpy(np.float64)
        missing = np.isnan(values)
        out = np.where(missing, 0, values).astype(kind).view(raw_kind)
        if missing.any():
            letters = column[missing].map(lambda v: 0 if pd.isna(v) else ord(v) - ord("a") + 1)
            out[missing] = dot + letters.to_numpy(np.int64) * step
        return out.view(kind)

    return encode


def _dta_patch(head: bytearray, cases: int, data_end: int, grown: int) -> None:
    """The header's case count, and the map's offsets of the sections after the rows."""
    at = head.index(b"<N>") + len(b"<N>")
    struct.pack_into("<Q", head, at, cases)
    at = head.index(b"<map>") + len(b"<map>")
    offsets = list(struct.unpack_from("<14Q", head, at))
    struct.pack_into("<14Q", head, at, *(o + grown if o >= data_end else o for o in offsets))
