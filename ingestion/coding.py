"""Checks every coding-sheet reader shares: required cells, countries, coded dates, vocabularies
and keys unique within a sheet, each reported as one issue naming row and column."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from ingestion.errors import IssueLog, visible
from ingestion.reference import ReferenceData
from ingestion.sheets import parse_coded_date

Problem = Callable[[str, str], None]  # (column, message) of the row being read


def row_problems(log: IssueLog, row: int) -> Problem:
    """Where a row's checks report: the sheet's issue log, at that row."""

    def problem(column: str, message: str) -> None:
        log.add(message, row=row, column=column)

    return problem


def require(cells: dict[str, str], columns: Collection[str], problem: Problem) -> None:
    for column in columns:
        if not cells.get(column):
            problem(column, "required value is empty")


def geography(cells: dict[str, str], ref: ReferenceData, problem: Problem) -> str | None:
    """The geography id of the ``country`` cell (a code, English name or alias)."""
    country = cells.get("country", "")
    geography_id = ref.resolve_geography(country) if country else None
    if country and geography_id is None:
        problem("country", f"unknown country or territory '{visible(country)}'")
    return geography_id


def coded_date(
    cells: dict[str, str], column: str, ref: ReferenceData, problem: Problem
) -> tuple[date | None, str | None]:
    """``YYYY-MM-DD`` or ``YYYY-MM`` inside the programme's years: (first day, precision)."""
    if not cells.get(column):
        return None, None
    try:
        day, precision = parse_coded_date(cells[column])
    except ValueError as error:
        problem(column, str(error))
        return None, None
    first, last = ref.programme_years
    if not first <= day.year <= last:
        problem(column, f"year {day.year} is outside {first}-{last}")
    return day, precision


def not_in_vocabulary(value: str, allowed: Collection[str], context: str = "") -> str:
    return f"'{visible(value)}' is not in the vocabulary{context} ({', '.join(sorted(allowed))})"


def check_vocabulary(column: str, value: str, ref: ReferenceData, problem: Problem) -> bool:
    """Whether ``value`` (if any) is in the column's vocabulary; reports it when not."""
    allowed = ref.vocabularies[column].values
    if value and value not in allowed:
        problem(column, not_in_vocabulary(value, allowed))
        return False
    return True


class UniqueKeys:
    """Key columns whose values must be unique within one sheet: a repeat names the first row.

    The key is read from the cells, or given (e.g. with the country already resolved, so
    'KAZ' and 'Kazakhstan' are one key); it is reported in ``report_column`` (the last column).
    """

    def __init__(self, *columns: str):
        self.columns = columns
        self.report_column = columns[-1]
        self._first: dict[tuple[str, ...], int] = {}

    def check(
        self,
        row: int,
        cells: dict[str, str],
        problem: Problem,
        key: tuple[str, ...] | None = None,
    ) -> None:
        key = key if key is not None else tuple(cells.get(c, "") for c in self.columns)
        if not all(key):
            return
        if key in self._first:
            problem(
                self.report_column,
                f"duplicate {'/'.join(self.columns)} '{visible('/'.join(key))}' "
                f"(first on row {self._first[key]})",
            )
        else:
            self._first[key] = row
