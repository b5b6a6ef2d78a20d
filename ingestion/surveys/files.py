"""Survey file access: a file's layout (variables, value labels, declared missings) and its rows
in chunks, for SPSS (.sav), Stata (.dta), CSV and Excel (.xlsx with an optional Codebook sheet)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyreadstat

from ingestion import textfiles
from ingestion.errors import ContractViolation, Issue

CHUNK_ROWS = 20_000  # rows per chunk: one chunk's long-format answers bound the reader's memory
CODEBOOK_SHEET = "codebook"  # .xlsx value labels: variable, value, value_label (case-insensitive)
CODEBOOK_COLUMNS = ("variable", "value", "value_label")


@dataclass
class Layout:
    """A file's variables and the metadata the contract checks: value labels, declared missings."""

    variables: list[str]
    value_labels: dict[str, dict[object, str]] = field(default_factory=dict)
    declared_missing: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


def _pyreadstat_reader(path: Path):
    """pyreadstat's reader for an SPSS or Stata file, None for other formats."""
    return {".sav": pyreadstat.read_sav, ".dta": pyreadstat.read_dta}.get(path.suffix.lower())


def read_layout(path: Path) -> Layout:
    suffix = path.suffix.lower()
    reader = _pyreadstat_reader(path)
    if reader is not None:
        _, meta = reader(str(path), metadataonly=True)
        declared = {
            name: [(r["lo"], r["hi"]) for r in ranges if not isinstance(r["lo"], str)]
            for name, ranges in meta.missing_ranges.items()
        }
        return Layout(list(meta.column_names), dict(meta.variable_value_labels), declared)
    if suffix == ".csv":
        return Layout(list(pd.read_csv(path, nrows=0, **_csv_options(path)).columns))
    if suffix == ".xlsx":
        with pd.ExcelFile(path) as book:
            columns = [str(c) for c in book.parse(sheet_name=0, nrows=0).columns]
            codebook = next((s for s in book.sheet_names if s.casefold() == CODEBOOK_SHEET), None)
            labels = _codebook_labels(path, book.parse(codebook, dtype=object)) if codebook else {}
        return Layout(columns, labels)
    raise ContractViolation([Issue(path.name, f"unsupported file type '{suffix}'")])


def _codebook_labels(path: Path, sheet: pd.DataFrame) -> dict[str, dict[object, str]]:
    """Value labels from a workbook's Codebook sheet: one row per labelled value (rows without a
    value carry the variable's own label and are skipped), checked like .sav/.dta labels."""
    sheet = sheet.rename(columns=lambda c: str(c).strip().casefold())
    missing = [c for c in CODEBOOK_COLUMNS if c not in sheet.columns]
    if missing:
        raise ContractViolation(
            [
                Issue(
                    path.name,
                    f"Codebook sheet lacks column(s) {', '.join(missing)} "
                    f"(expected {', '.join(CODEBOOK_COLUMNS)})",
                )
            ]
        )
    labels: dict[str, dict[object, str]] = {}
    for variable, value, label in sheet[list(CODEBOOK_COLUMNS)].itertuples(index=False):
        if pd.isna(variable) or pd.isna(value):
            continue
        number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
        labels.setdefault(str(variable).strip(), {})[
            value if pd.isna(number) else float(number)
        ] = "" if pd.isna(label) else str(label)
    return labels


def _csv_options(path: Path) -> dict[str, object]:
    """pandas options for a survey CSV: encoding and delimiter detected as for coding sheets
    (WVS-6 ships ';' with a BOM, WVS-7 ','; a re-saved file may be Windows-1251 with ';').
    An encoding that cannot be told rejects the file, saying how to re-save it."""
    found = textfiles.detect_csv_format(path)
    return {"sep": found.delimiter, "encoding": found.encoding}


def read_chunks(path: Path, variables: list[str]) -> Iterator[pd.DataFrame]:
    """The file's rows in chunks, only the variables the contract needs, codes as shipped."""
    suffix = path.suffix.lower()
    reader = _pyreadstat_reader(path)
    if reader is not None:
        for chunk, _ in pyreadstat.read_file_in_chunks(
            reader, str(path), chunksize=CHUNK_ROWS, usecols=variables, user_missing=True
        ):
            yield chunk
    elif suffix == ".csv":
        yield from pd.read_csv(
            path,
            usecols=variables,
            dtype=str,
            keep_default_na=False,
            chunksize=CHUNK_ROWS,
            **_csv_options(path),
        )
    else:
        yield pd.read_excel(path, sheet_name=0, usecols=variables, dtype=object)
