"""The whole-region page: links to the 24 profiles and a small comparison table.

The table is the result of `docs/queries/region_comparison.sql` (one row per geography; run for
Kazakhstan, whose row `is_selected_geography` marks), written beside the page as
`region_comparison.csv`; nothing is computed here.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import duckdb
import pandas as pd

from orchestration import report_queries as rq
from orchestration.profiles.render import CSS
from orchestration.profiles.tables import html_table

COMPARISON_QUERY = "region_comparison"
SELECTED = "KAZ"


def region_comparison(con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    """The comparison query's result, or None if the query file is missing."""
    if COMPARISON_QUERY not in rq.query_names():
        return None
    return rq.run_report_query(con, COMPARISON_QUERY, SELECTED)


def _linked(frame: pd.DataFrame, built: set[str]) -> str:
    """The comparison table with each geography's name linked to its profile."""
    table = html_table(frame, caption=rq.query_title(COMPARISON_QUERY))
    for geo in built:
        name_rows = frame.loc[frame["geography_id"] == geo] if "geography_id" in frame else None
        if name_rows is None or name_rows.empty:
            continue
        cell = f'<td class="text">{escape(geo)}</td>'
        table = table.replace(
            cell, f'<td class="text"><a href="{geo}/index.html">{geo}</a></td>', 1
        )
    return table


def write_index(
    out: Path, geographies: list[dict[str, str]], comparison: pd.DataFrame | None, release: dict
) -> Path:
    """profiles/index.html (and region_comparison.csv when the query exists)."""
    built = {g["geography_id"] for g in geographies if (out / g["geography_id"]).is_dir()}
    links = []
    for kind, title in (("country", "Countries"), ("territory", "Territories")):
        entries = "".join(
            f'<li><a href="{escape(g["geography_id"])}/index.html">{escape(g["geography_name"])}'
            f"</a> ({escape(g['geography_id'])})</li>"
            for g in geographies
            if g["geography_kind"] == kind and g["geography_id"] in built
        )
        if entries:
            links.append(f"<h2>{title}</h2><ul class='geos'>{entries}</ul>")
    if comparison is None:
        table = "<p class='note'>No comparison query (docs/queries/region_comparison.sql).</p>"
        entry = None
    else:
        comparison.to_csv(out / f"{COMPARISON_QUERY}.csv", index=False)
        table = (
            f"<p class='source'>Data: <a href='{COMPARISON_QUERY}.csv'>{COMPARISON_QUERY}.csv</a>"
            f" ({len(comparison)} rows; query <code>docs/queries/{COMPARISON_QUERY}.sql</code>)"
            f"</p>{_linked(comparison, built)}"
        )
        entry = {
            "file": f"{COMPARISON_QUERY}.csv",
            "rows": len(comparison),
            "query_file": f"docs/queries/{COMPARISON_QUERY}.sql",
            "query": rq.query_text(COMPARISON_QUERY),
        }
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Civic space profiles'
        f"</title><style>{CSS} ul.geos{{columns:3}}</style></head><body>"
        f"<h1>Civic space profiles: Eastern Europe and Eurasia</h1>"
        f"<p class='meta'>release <code>{escape(str(release.get('release_id')))}</code> · code "
        f"version <code>{escape(str(release.get('code_version')))}</code> · generated "
        f"{escape(str(release.get('generated_at')))}</p>{''.join(links)}"
        f"<h2>The region at a glance</h2>{table}</body></html>"
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    manifest = {**release, "files": [entry] if entry else [], "profiles": sorted(built)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n")
    return out / "index.html"
