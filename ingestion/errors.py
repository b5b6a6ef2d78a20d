"""Contract violations that name the file, row and column, so a coder can fix the sheet."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}


def visible(text: str) -> str:
    """``text`` with invisible, control and unusual space characters spelled out (``<U+200B>``),
    so that a message quoting a cell shows why 'harassment\u200b' is not 'harassment'."""
    return "".join(
        f"<U+{ord(ch):04X}>"
        if (ch.isspace() and ch != " ") or unicodedata.category(ch) in _HIDDEN_CATEGORIES
        else ch
        for ch in text
    )


@dataclass(frozen=True)
class Issue:
    """One problem in a landing file; ``row`` is the spreadsheet row (header = 1), if any."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class ContractViolation(Exception):
    """A landing file breaks its contract; it is rejected as a whole, listing every issue."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        shown = "\n".join(f"  - {issue}" for issue in issues[:20])
        more = f"\n  ... and {len(issues) - 20} more" if len(issues) > 20 else ""
        super().__init__(f"{len(issues)} contract violation(s):\n{shown}{more}")


class IssueLog:
    """The issues of one file, collected before raising so one round of fixes suffices.

    With ``per_check`` set, at most that many rows are listed per (message, column); the rest are
    counted in one summary issue each (a column of a million bad codes is one readable rejection).
    """

    def __init__(self, file: str, per_check: int | None = None):
        self.file = file
        self.per_check = per_check
        self.issues: list[Issue] = []
        self._counts: dict[tuple[str, str | None], int] = {}

    def add(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.add_rows(message, [row] if row is not None else [None], column=column)

    def add_rows(self, message: str, rows: list[int | None], *, column: str | None) -> None:
        key = (message, column)
        seen = self._counts.get(key, 0)
        shown = rows if self.per_check is None else rows[: max(self.per_check - seen, 0)]
        for row in shown:
            self.issues.append(Issue(self.file, message, row=row, column=column))
        self._counts[key] = seen + len(rows)

    def raise_if_any(self) -> None:
        if self.per_check is not None:
            for (message, column), count in self._counts.items():
                if count > self.per_check:
                    extra = count - self.per_check
                    self.issues.append(
                        Issue(self.file, f"... and {extra} more rows: {message}", column=column)
                    )
        if self.issues:
            raise ContractViolation(self.issues)
