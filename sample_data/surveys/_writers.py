"""One writer per file format, shared by every survey.

Each survey describes its file as a list of `Column`s (data, variable label, value labels, declared
missing codes); the writer turns that into the format's own conventions: SPSS user-missing ranges,
Stata value labels and (optionally) extended missings, delimited text, or an Excel workbook with a
codebook sheet.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat

from sample_data import xlsx
from sample_data.surveys import _cases

# Stata extended missings used by the trend/IVS builds for the negative WVS/EVS codes.
STATA_EXTENDED = {-1: "a", -2: "b", -3: "c", -4: "d", -5: "e"}
SAVED = datetime(2020, 3, 2, 10, 0, 0)  # workbook and zip timestamps, for stable bytes


@dataclass(frozen=True)
class Column:
    """One variable as the producer ships it."""

    name: str
    label: str
    data: np.ndarray
    value_labels: Mapping[int, str] = field(default_factory=dict)
    missing: Mapping[int, str] = field(default_factory=dict)  # declared missing codes -> label


@dataclass(frozen=True)
class Format:
    """Per-file options that real deliveries vary on."""

    csv_sep: str = ","
    csv_bom: bool = False
    stata_extended: bool = False  # negative codes -> .a-.e instead of labelled negative numbers


def stack(parts: Sequence[Sequence[Column]]) -> list[Column]:
    """Append samples that share a layout (same columns, same order) into one file's columns."""
    return [
        replace(first, data=np.concatenate([part[i].data for part in parts]))
        for i, first in enumerate(parts[0])
    ]


def write_table(
    path: Path, columns: Sequence[Column], label: str, fmt: Format | None = None
) -> Path:
    """Write `columns` to `path` in the format its suffix names."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = {".sav": _sav, ".dta": _dta, ".csv": _csv, ".xlsx": _xlsx}[path.suffix]
    writer(path, columns, label, fmt or Format())
    return path


def _frame(columns: Sequence[Column]) -> pd.DataFrame:
    # Keep the numpy dtypes (object for strings): pyreadstat writes row by row, and pandas'
    # default Arrow-backed strings are several times slower to iterate.
    return pd.DataFrame({c.name: pd.Series(c.data, dtype=c.data.dtype) for c in columns})


def _labels(c: Column) -> dict[int, str]:
    return {**c.value_labels, **c.missing}


def _sav(path: Path, columns: Sequence[Column], label: str, fmt: Format) -> None:
    missing_ranges = {}
    for c in columns:
        if c.missing and max(c.missing) < 0:
            missing_ranges[c.name] = [{"lo": min(c.missing), "hi": max(c.missing)}]
        elif c.missing:
            missing_ranges[c.name] = sorted(c.missing)  # SPSS allows up to three discrete codes
    _cases.write(
        path,
        _frame(columns),
        lambda rows: pyreadstat.write_sav(
            rows,
            path,
            file_label=label,
            column_labels={c.name: c.label for c in columns},
            variable_value_labels={c.name: _labels(c) for c in columns if _labels(c)},
            missing_ranges=missing_ranges,
        ),
    )


def _dta(path: Path, columns: Sequence[Column], label: str, fmt: Format) -> None:
    frame = _frame(columns)
    for c in columns:  # Stata has no 64-bit integers: keep codes and ids as "long", not double
        if c.data.dtype.kind == "i" and np.abs(c.data).max() < 2**31:
            frame[c.name] = c.data.astype(np.int32)
    value_labels = {c.name: _labels(c) for c in columns if _labels(c)}
    user_missing: dict[str, list[str]] = {}
    if fmt.stata_extended:
        for c in columns:
            if not c.missing:
                continue
            letters = {code: STATA_EXTENDED[code] for code in c.missing}
            data = c.data.astype(object)
            for code, letter in letters.items():
                data[c.data == code] = letter
            frame[c.name] = data
            value_labels[c.name] = {
                **c.value_labels,
                **{letters[k]: v for k, v in c.missing.items()},
            }
            user_missing[c.name] = sorted(letters.values())
    _cases.write(
        path,
        frame,
        lambda rows: pyreadstat.write_dta(
            rows,
            path,
            file_label=label,
            column_labels={c.name: c.label for c in columns},
            variable_value_labels=value_labels,
            missing_user_values=user_missing or None,
        ),
    )


def _csv(path: Path, columns: Sequence[Column], label: str, fmt: Format) -> None:
    encoding = "utf-8-sig" if fmt.csv_bom else "utf-8"
    _frame(columns).to_csv(
        path, sep=fmt.csv_sep, index=False, encoding=encoding, lineterminator="\n"
    )


def _xlsx(path: Path, columns: Sequence[Column], label: str, fmt: Format) -> None:
    """Data on the first sheet, numeric codes only; labels on a second "Codebook" sheet."""
    data = itertools.chain(
        [[c.name for c in columns]], zip(*(c.data.tolist() for c in columns), strict=True)
    )
    codebook: list[list[object]] = [["variable", "variable_label", "value", "value_label"]]
    for c in columns:
        codebook.append([c.name, c.label, None, None])
        codebook += [[c.name, None, value, text] for value, text in sorted(_labels(c).items())]
    xlsx.write_workbook(path, [("Data", data), ("Codebook", codebook)], saved=SAVED, title=label)
