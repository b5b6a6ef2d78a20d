"""One country profile: every report query run for one geography, drawn as HTML beside its CSVs.

The profile computes nothing: each table and chart shows one query file's result
(`docs/queries/<name>.sql`, run by `orchestration.report_queries.run_report_query`) and the same
result is written to `<name>.csv` next to `index.html`. Sections follow the report: Table 1 and the
coverage notes, restrictions, citizen attitudes, Russian state-backed projects, Russian state media,
then the annex (folded "Other" groups with their members) and the data-quality notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

import duckdb
import pandas as pd

from ingestion.database import table_exists
from orchestration import report_queries as rq
from orchestration.profiles import charts, runtime
from orchestration.profiles.tables import definition_list, html_table

BAROMETERS = [
    ("coverage", "Barometers and coverage", ("table_1",)),
    ("restrictions", "Restrictions on civic space", ("restrictions_",)),
    ("attitudes", "Citizen attitudes", ("attitudes_", "surveys_")),
    ("projects", "Russian state-backed projects", ("projects_",)),
    ("media", "Russian state media", ("media_",)),
    ("other", "Other report queries", ("",)),
]
EXCLUDED = ("behind_a", "channel_cooccurrence", "region_comparison", "reconciliation", "analysts_")
"""Query files that are not per-geography profile content: drill-down examples with a hard-coded
entity, analysts' everyday questions (`analysts_*.sql`, run with `civic query`), the whole-region
page's own query and the reconciliation (its own section)."""
RECONCILIATION = "report_reconciliation"
"""Query and mart comparing a report's printed figures with the marts (its own section)."""


@dataclass
class Item:
    """One query's result in a profile."""

    name: str
    frame: pd.DataFrame
    spec: dict | None = None
    """The chart's Vega-Lite spec (data inline), drawn by the browser; None: no chart."""
    error: str | None = None

    @property
    def kind(self) -> str:
        if "data_quality" in self.name:
            return "quality"
        if "annex" in self.name or "folded" in self.name:
            return "annex"
        if "coverage" in self.name and not self.name.startswith("table_1"):
            return "coverage"
        return "figure" if "figure" in self.name else "table"

    @property
    def csv_name(self) -> str:
        return f"{self.name}.csv"


@dataclass
class Profile:
    """Everything one geography's page shows, before rendering."""

    geography_id: str
    geography_name: str
    geography_kind: str
    release: dict
    items: dict[str, Item] = field(default_factory=dict)
    reconciliation: Item | None = None


def profile_queries() -> list[str]:
    return [n for n in rq.query_names() if not any(part in n for part in EXCLUDED)]


def barometer_of(name: str) -> str:
    for key, _title, prefixes in BAROMETERS:
        if any(name.startswith(prefix) for prefix in prefixes):
            return key
    return "other"


def _number(name: str) -> tuple[int, int, str]:
    match = re.search(r"(tables?|figures?)_(\d+)", name)
    if "headlines" in name:
        return (0, 0, name)
    return (1, int(match[2]), name) if match else (2, 0, name)


def heading(name: str) -> str:
    """The query's title cut to its first sentence, without the parenthesised example figures
    (those quote Kazakhstan's values; the full comment is shown under the table)."""
    title = rq.query_title(name) or name
    first = re.split(r"(?<=[a-z)\]])\.\s", title, maxsplit=1)[0].rstrip(".")
    first = re.sub(r"\s*\([^()]*\d[^()]*\)", "", first)
    return first.split(" Kazakhstan:")[0].strip()


def has_data(frame: pd.DataFrame) -> bool:
    """Any non-null, non-zero number (or any row without numbers) in this geography's rows."""
    if frame.empty:
        return False
    if any(re.match(r"(is|includes)_selected", str(c)) for c in frame.columns):
        return False  # a regional table has rows for every geography
    numbers = frame.select_dtypes("number")
    if numbers.empty:
        return True
    return bool((numbers.fillna(0) != 0).to_numpy().any())


def collect(con: duckdb.DuckDBPyConnection, geography: dict, release: dict) -> Profile:
    """Run every profile query for one geography on the published database (read-only)."""
    profile = Profile(
        geography["geography_id"], geography["geography_name"], geography["geography_kind"], release
    )
    for name in profile_queries():
        try:
            frame = rq.run_report_query(con, name, profile.geography_id)
            item = Item(name, frame)
        except duckdb.Error as error:  # one broken query file must not hide the other 40
            item = Item(name, pd.DataFrame(), error=str(error).splitlines()[0])
        if item.kind == "figure" or "intervals" in name:
            item.spec = charts.figure_spec(name, frame, heading(name))
        profile.items[name] = item
    if RECONCILIATION in rq.query_names() and table_exists(con, RECONCILIATION):
        frame = rq.run_report_query(con, RECONCILIATION, profile.geography_id)
        if not frame.empty:  # printed figures exist only for reports in the seed (Kazakhstan)
            profile.reconciliation = Item(RECONCILIATION, frame)
    return profile


def _source(item: Item) -> str:
    rows = len(item.frame)
    return (
        f'<p class="source">Data: <a href="{escape(item.csv_name)}">{escape(item.csv_name)}</a>'
        f" ({rows} row{'s' if rows != 1 else ''}; query <code>docs/queries/{escape(item.name)}"
        f".sql</code>)</p>"
    )


def render_item(item: Item, geography_name: str) -> str:
    title = heading(item.name)
    parts = [f'<section class="item" id="{escape(item.name)}"><h3>{escape(title)}</h3>']
    parts.append(_source(item))
    if item.error:
        parts.append(f'<p class="error">The query failed on this release: {escape(item.error)}</p>')
    elif item.frame.empty:
        parts.append(f'<p class="empty">No rows for {escape(geography_name)} in this release.</p>')
    else:
        if item.spec:
            parts.append(runtime.chart_html(item.name, item.spec, item.csv_name))
        if len(item.frame) == 1 and item.kind != "figure" and len(item.frame.columns) > 3:
            body = definition_list(item.frame)
        else:
            body = html_table(item.frame, caption=title)
        if item.spec:
            body = f"<details><summary>The data behind this chart</summary>{body}</details>"
        parts.append(body)
    description = rq.query_description(item.name)
    if description and description != rq.query_title(item.name):
        parts.append(
            f'<p class="about">About the query (examples quote Kazakhstan): '
            f"{escape(description)}</p>"
        )
    parts.append("</section>")
    return "".join(parts)


def _no_data_sentence(profile: Profile, key: str, title: str) -> str:
    name = escape(profile.geography_name)
    if key == "attitudes":
        text = (
            f"{name} has no survey coverage: no wave of the citizen attitudes barometer's surveys "
            f"covers it in this release (Table 1), so no survey table or chart is shown."
        )
    else:
        text = (
            f"{name} has no data in the {escape(title)} barometer of this release, so this "
            f"section shows no table or chart."
        )
    return f'<p class="no-data">{text} The CSVs beside this page hold the empty results.</p>'


def render_sections(profile: Profile) -> tuple[str, list[tuple[str, str]]]:
    """The body HTML and the table of contents (anchor, title)."""
    body, toc = [], []
    side: dict[str, list[Item]] = {"coverage": [], "annex": [], "quality": []}
    for key, title, _prefixes in BAROMETERS:
        items = [
            i
            for n, i in sorted(profile.items.items(), key=lambda kv: _number(kv[0]))
            if barometer_of(n) == key
        ]
        main = []
        for item in items:
            side.get(item.kind, main).append(item)
        if not main:
            continue
        toc.append((key, title))
        body.append(f'<section class="barometer" id="{key}"><h2>{escape(title)}</h2>')
        if key not in ("coverage", "other") and not any(has_data(i.frame) for i in main):
            body.append(_no_data_sentence(profile, key, title))
        else:
            body.extend(render_item(i, profile.geography_name) for i in main)
        body.append("</section>")
    for key, title in (
        ("coverage", "Coverage notes"),
        ("annex", "Annex: folded “Other” groups and their members"),
        ("quality", "Data-quality notes"),
    ):
        if side[key]:
            toc.append((f"{key}-notes", title))
            body.append(f'<section class="barometer" id="{key}-notes"><h2>{title}</h2>')
            body.extend(render_item(i, profile.geography_name) for i in side[key])
            body.append("</section>")
    if profile.reconciliation is not None:
        toc.append(("reconciliation", "Report reconciliation"))
        body.append(render_reconciliation(profile))
    return "".join(body), toc


def render_reconciliation(profile: Profile) -> str:
    """The printed figures that differ from the warehouse (verdict `differs`), with their notes;
    the CSV holds every verdict."""
    item = profile.reconciliation
    frame = item.frame
    differing = frame[frame["verdict"] == "differs"] if "verdict" in frame.columns else frame
    return (
        '<section class="barometer" id="reconciliation"><h2>Report reconciliation</h2>'
        f'<section class="item" id="{RECONCILIATION}"><h3>{escape(heading(RECONCILIATION))}</h3>'
        f"{_source(item)}<p>The figures printed in the report that differ from the published "
        f"release ({len(differing)} of {len(frame)} printed figures; the CSV lists every "
        f"verdict: exact, within the printed rounding, differs, not computed).</p>"
        f"{html_table(differing, caption='Printed figures that differ')}</section></section>"
    )


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1200px;
margin:0 auto;padding:1rem 2rem;color:#222;line-height:1.4}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #4c78a8;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin:1.6rem 0 .3rem;font-size:1.05rem}
table.data{border-collapse:collapse;font-size:.85rem;margin:.4rem 0 1rem}
table.data caption{text-align:left;font-size:.8rem;color:#555;padding-bottom:.2rem}
table.data th,table.data td{border-bottom:1px solid #ddd;padding:.2rem .5rem;vertical-align:top}
table.data th{background:#f3f5f8;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.null{color:#999;text-align:center}td.flag{text-align:center}td.date{white-space:nowrap}
dl.figures{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;font-size:.85rem}
dl.figures dt{color:#555}dl.figures dd{margin:0;font-variant-numeric:tabular-nums}
p.source,p.about,p.note,.meta{font-size:.8rem;color:#555}p.no-data,p.empty{font-style:italic}
figure.chart{margin:.5rem 0;overflow-x:auto}.chart-error{font-style:italic;color:#a33}
div.scroll{overflow-x:auto;max-width:100%}
nav ol{columns:2;font-size:.9rem}
"""


def render_html(profile: Profile) -> str:
    body, toc = render_sections(profile)
    release = profile.release
    scripts = runtime.scripts() if any(i.spec for i in profile.items.values()) else ""
    nav = "".join(f'<li><a href="#{a}">{escape(t)}</a></li>' for a, t in toc)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
        f"{escape(profile.geography_name)} — civic space profile</title><style>{CSS}</style>"
        f'</head><body><p class="meta"><a href="../index.html">All geographies</a></p>'
        f"<h1>{escape(profile.geography_name)} ({escape(profile.geography_id)})</h1>"
        f'<p class="meta">{escape(profile.geography_kind)} · release '
        f"<code>{escape(str(release.get('release_id')))}</code> · code version "
        f"<code>{escape(str(release.get('code_version')))}</code> · generated "
        f"{escape(str(release.get('generated_at')))} · "
        f'<a href="manifest.json">manifest.json</a></p><nav><ol>{nav}</ol></nav>{body}'
        f"{scripts}</body></html>"
    )
