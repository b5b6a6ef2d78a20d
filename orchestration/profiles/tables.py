"""Tables of the country profiles: a report query's result as plain semantic HTML.

A `<table>` with a `<caption>`, a `<thead>` of the query's column names and one `<tbody>` row per
result row, exactly as the query returned it (numbers right-aligned, nulls shown as an en dash,
booleans as yes/no); nothing is summed or rounded here.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from html import escape

import numpy as np
import pandas as pd

MAX_ROWS = 400
"""Longer results are cut in the page (the CSV beside it always holds every row)."""
YEAR = re.compile(r"(^|_)year($|_)")
"""Columns holding a year, printed without a thousands separator (2016, not 2 016)."""


def _scalar(value: object) -> object:
    """A plain Python value: numpy scalars unwrapped, lists and arrays joined by "; "."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(v) for v in value)
    return value.item() if isinstance(value, np.generic) else value


def csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    """The result with list cells (e.g. Table 1's survey waves) joined by "; " as the page shows
    them, instead of numpy's bracketed repr in the CSV; other columns untouched."""
    lists = [
        c
        for c in df.columns
        if df[c].dtype == object and df[c].map(lambda v: isinstance(v, (list, np.ndarray))).any()
    ]
    if not lists:
        return df
    joined = {
        c: df[c].map(lambda v: _scalar(v) if isinstance(v, (list, np.ndarray)) else v)
        for c in lists
    }
    return df.assign(**joined)


def _cell(value: object, column: str = "") -> tuple[str, str]:
    """(css class, text) of one cell of `column`."""
    value = _scalar(value)
    if isinstance(value, datetime) and not isinstance(value, pd.Timestamp):
        value = pd.Timestamp(value)
    if value is None or value is pd.NA or value is pd.NaT:
        return "null", "\u2013"
    if isinstance(value, float) and math.isnan(value):
        return "null", "\u2013"
    if isinstance(value, (pd.Timestamp, datetime)):
        return "date", value.strftime(
            "%Y-%m-%d" if value == value.normalize() else "%Y-%m-%d %H:%M"
        )
    if isinstance(value, bool):
        return "flag", "yes" if value else "no"
    if isinstance(value, int) and YEAR.search(column):
        return "num", str(value)
    if isinstance(value, int):
        return "num", f"{value:,}".replace(",", "\u202f")
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() else f"{value:.6g}"
        return "num", text
    return "text", str(value)


def _td(value: object, column: str) -> str:
    css, text = _cell(value, column)
    return f'<td class="{css}">{escape(text)}</td>'


def html_table(df: pd.DataFrame, caption: str | None = None, table_id: str | None = None) -> str:
    """One result as a semantic HTML table."""
    attrs = f' id="{escape(table_id)}"' if table_id else ""
    parts = [f'<div class="scroll"><table class="data"{attrs}>']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<thead><tr>")
    parts.extend(
        f'<th scope="col">{escape(str(column)).replace("_", "_<wbr>")}</th>'
        for column in df.columns
    )
    parts.append("</tr></thead><tbody>")
    shown = df.head(MAX_ROWS)
    columns = [  # column by column: one conversion to Python values per column, not per cell
        [_td(value, str(column)) for value in shown[column].tolist()] for column in shown.columns
    ]
    parts.extend(f"<tr>{''.join(cells)}</tr>" for cells in zip(*columns, strict=True))
    parts.append("</tbody></table></div>")
    if len(df) > MAX_ROWS:
        parts.append(f'<p class="note">First {MAX_ROWS} of {len(df)} rows; the CSV has all.</p>')
    return "".join(parts)


def definition_list(df: pd.DataFrame) -> str:
    """A one-row result (headline figures, data-quality counts) as a `<dl>` of column: value."""
    if df.empty:
        return ""
    row = df.iloc[0]
    items = []
    for column in df.columns:
        value = row[column]
        _css, text = _cell(value, str(column))
        items.append(f"<dt>{escape(str(column))}</dt><dd>{escape(text)}</dd>")
    return f'<dl class="figures">{"".join(items)}</dl>'
