"""Reader for a report's printed figures (landing/reports/): one row per figure to reconcile.

A researcher lands a CSV with the columns of the seed ``report_printed_figures`` (report id,
figure id, geography, measure, the dimension values, the printed text, value and precision, unit
and a note) and the warehouse compares every row with its published value in
``marts.report_reconciliation``. The reader checks what the comparison needs: the geography
resolves, the measure is one of ``report_measure_definitions``, the printed value is a number (or
empty when the printed text is unreadable) and the precision a whole number of decimals; every
problem names file, row and column. Dimension values are not checked: a figure the warehouse does
not publish is reconciled as ``not_computed``, which is an answer, not an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ingestion import coding, errors, reference, sheets, textfiles
from ingestion.coding import Problem, UniqueKeys, geography, require, row_problems
from ingestion.errors import IssueLog, visible
from ingestion.landing import LandingSource
from ingestion.reference import SEEDS_DIR, ReferenceData, read_seed
from ingestion.sheets import read_sheet

MEASURES_SEED = "report_measure_definitions"
KEY_COLUMNS = ("report_id", "figure_id", "geography_id", "measure", "dimension_1", "dimension_2")
REQUIRED_COLUMNS = (
    *KEY_COLUMNS,
    "printed_text",
    "printed_value",
    "printed_precision",
    "unit",
    "note",
)
REQUIRED_VALUES = ("report_id", "figure_id", "geography_id", "measure", "printed_text", "unit")
UNITS = ("count", "pct", "points")

FIGURE_COLUMNS = {
    "report_id": "VARCHAR NOT NULL",
    "figure_id": "VARCHAR NOT NULL",
    "geography_id": "VARCHAR NOT NULL",
    "geography_as_coded": "VARCHAR NOT NULL",
    "measure": "VARCHAR NOT NULL",
    "dimension_1": "VARCHAR NOT NULL",
    "dimension_2": "VARCHAR NOT NULL",
    "printed_text": "VARCHAR NOT NULL",
    "printed_value": "DOUBLE",
    "printed_precision": "INTEGER",
    "unit": "VARCHAR NOT NULL",
    "note": "VARCHAR",
    "source_row": "INTEGER NOT NULL",
}


@dataclass(frozen=True)
class FigureReference:
    """What a printed-figures sheet is checked against: geographies and the measure ids."""

    seeds: ReferenceData
    measures: frozenset[str]

    @classmethod
    def from_seeds(cls, seeds_dir: Path = SEEDS_DIR) -> FigureReference:
        measures = frozenset(row["measure"] for row in read_seed(MEASURES_SEED, seeds_dir))
        return cls(ReferenceData.from_seeds(seeds_dir), measures)

    @classmethod
    def from_raw(cls, con: duckdb.DuckDBPyConnection) -> FigureReference:
        return cls.from_seeds()


def read_printed_figures(path: Path, ref: FigureReference) -> dict[str, pd.DataFrame]:
    """Validate a printed-figures sheet; return one row per figure."""
    sheet = read_sheet(path, required=REQUIRED_COLUMNS)
    log = IssueLog(sheet.file, per_check=20)
    keys = UniqueKeys(*KEY_COLUMNS)
    figures: list[dict[str, object]] = []
    for row, cells in sheet.records:
        problem = row_problems(log, row)
        figure = _figure(row, cells, ref, problem)
        keys.check(row, cells, problem, key=_key(figure))
        figures.append(figure)
    log.raise_if_any()
    return {"printed_figures": pd.DataFrame.from_records(figures, columns=list(FIGURE_COLUMNS))}


def _key(figure: dict[str, object]) -> tuple[str, ...]:
    # Dimensions may be empty: mark them so UniqueKeys (which skips incomplete keys) checks all.
    return tuple(
        str(figure[c] or "-") if c.startswith("dimension") else str(figure[c] or "")
        for c in KEY_COLUMNS
    )


def _figure(
    row: int, cells: dict[str, str], ref: FigureReference, problem: Problem
) -> dict[str, object]:
    require(cells, REQUIRED_VALUES, problem)

    def geography_problem(column: str, message: str) -> None:
        problem("geography_id", message)  # coding.geography reads a ``country`` cell

    geography_id = geography(
        {"country": cells.get("geography_id", "")}, ref.seeds, geography_problem
    )
    measure = cells.get("measure", "")
    if measure and measure not in ref.measures:
        problem(
            "measure",
            f"'{visible(measure)}' is not a measure of the seed {MEASURES_SEED} "
            "(see docs/reconciliation.md)",
        )
    unit = cells.get("unit", "")
    if unit and unit not in UNITS:
        problem("unit", f"'{visible(unit)}' is not one of {', '.join(UNITS)}")
    return {
        "report_id": cells.get("report_id", ""),
        "figure_id": cells.get("figure_id", ""),
        "geography_id": geography_id,
        "geography_as_coded": cells.get("geography_id", ""),
        "measure": measure,
        "dimension_1": cells.get("dimension_1", ""),
        "dimension_2": cells.get("dimension_2", ""),
        "printed_text": cells.get("printed_text", ""),
        "printed_value": _printed_value(cells.get("printed_value", ""), problem),
        "printed_precision": _precision(cells.get("printed_precision", ""), problem),
        "unit": unit,
        "note": cells.get("note") or None,
        "source_row": row,
    }


def _printed_value(text: str, problem: Problem) -> float | None:
    """The printed figure as a number; empty when the printed text cannot be read as one."""
    if not text:
        return None
    try:
        value = float(text.replace("\u2212", "-"))
    except ValueError:
        problem(
            "printed_value",
            f"'{visible(text)}' is not a number (leave it empty when the printed text is "
            "unreadable, and keep the text in printed_text)",
        )
        return None
    if not math.isfinite(value):
        problem("printed_value", f"'{visible(text)}' is not a finite number")
        return None
    return value


def _precision(text: str, problem: Problem) -> int | None:
    """Decimals printed: 0 for '33%', 1 for '32.5'."""
    if not text:
        return None
    if not text.isdigit():
        message = f"'{visible(text)}' is not a whole number of decimals (0 or more)"
        problem("printed_precision", message)
        return None
    return int(text)


PRINTED_FIGURES = LandingSource(
    name="printed_figures",
    directory="reports",
    suffixes=(".csv",),
    tables={"printed_figures": FIGURE_COLUMNS},
    key_columns=KEY_COLUMNS,
    load_reference=FigureReference.from_raw,
    read=read_printed_figures,
    signature_paths=(
        Path(__file__),
        Path(coding.__file__),
        Path(errors.__file__),
        Path(sheets.__file__),
        Path(textfiles.__file__),
        Path(reference.__file__),
        SEEDS_DIR / "reference",
        SEEDS_DIR / "reconciliation",
    ),
)
