"""The country profiles built from the sample release: all 24 pages, Kazakhstan's tables and
figures with the report's cells (read back from the HTML, the charts' embedded data and the CSVs),
the charts as headless Chromium draws them, the no-survey sentence of a geography without survey
coverage, the manifests and the Dagster asset."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from ingestion.reference import read_seed
from orchestration.profiles import build_profiles, profiles_dir
from orchestration.profiles.runtime import ASSETS, RUNTIME_FILE, RUNTIME_SRC
from orchestration.resources import WarehouseResource

GEOGRAPHIES = [row["geography_id"] for row in read_seed("geographies")]


class Sections(HTMLParser):
    """Per `<section class="item" id=...>`: its tables (rows of cell texts), its chart's Vega-Lite
    spec (the JSON the page draws, or None), its links; plus every sentence of `p.no-data` and the
    page's script sources."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.no_data: list[str] = []
        self._current: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_no_data = False
        self._in_spec = False
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "item" in (attrs.get("class") or ""):
            self._current = attrs["id"]
            self.sections[self._current] = {"tables": [], "chart": None, "links": []}
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        section = self.sections.get(self._current)
        if section is None:
            if tag == "p" and attrs.get("class") == "no-data":
                self._in_no_data = True
                self.no_data.append("")
            return
        if tag == "table":
            section["tables"].append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "script" and attrs.get("class") == "vega-spec":
            self._in_spec = True
            section["chart"] = ""
        elif tag == "a":
            section["links"].append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "script" and self._in_spec:
            self._in_spec = False
            chart = self.sections[self._current]
            chart["chart"] = json.loads(chart["chart"])
        elif tag == "section":
            self._current = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._current in self.sections:
            self.sections[self._current]["tables"][-1].append(self._row)
            self._row = None
        elif tag == "p":
            self._in_no_data = False

    def handle_data(self, data):
        if self._in_spec:
            self.sections[self._current]["chart"] += data
        if self._cell is not None:
            self._cell.append(data)
        if self._in_no_data:
            self.no_data[-1] += data


def parse(path: Path) -> Sections:
    parser = Sections()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def chart_rows(spec: dict | None) -> list[dict]:
    """Every data row a chart's spec carries inline (all its layers' datasets)."""
    if spec is None:
        return []
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def row_of(table: list[list[str]], first_cells: set[str]) -> list[str]:
    """The table row (as printed, thin spaces removed) whose cells include one of `first_cells`."""
    header = table[0]
    for row in table[1:]:
        if first_cells & set(row):
            return dict(zip(header, [cell.replace("\u202f", "") for cell in row], strict=True))
    raise AssertionError(f"no row with {first_cells} in {[r[:2] for r in table]}")


@pytest.fixture(scope="module")
def built(published_warehouse) -> dict[str, Path]:
    written = build_profiles(published_warehouse.paths)
    return {path.parent.name: path for path in written}


@pytest.fixture(scope="module")
def kaz(built) -> Path:
    return built["KAZ"].parent


def test_every_geography_has_a_profile_and_the_region_page_links_them(published_warehouse, built):
    assert sorted(built) == sorted(GEOGRAPHIES) and len(built) == 24
    assert all(path.is_file() and path.name == "index.html" for path in built.values())
    region = (profiles_dir(published_warehouse.paths) / "index.html").read_text(encoding="utf-8")
    for geo in GEOGRAPHIES:
        assert f'href="{geo}/index.html"' in region
    comparison = pd.read_csv(profiles_dir(published_warehouse.paths) / "region_comparison.csv")
    assert len(comparison) == 24
    assert comparison.set_index("geography_id").loc["KAZ", "russian_projects"] == 249


def test_kazakhstan_table_2_cells_in_html_and_csv(kaz):
    table = parse(kaz / "index.html").sections["restrictions_table_2_by_period"]["tables"][0]
    harassment = row_of(table, {"Harassment/Violence"})
    assert [harassment[p] for p in ("2017", "2018", "2019", "2020", "2021-Q1", "Total")] == [
        "43",
        "84",
        "129",
        "163",
        "12",
        "431",
    ]
    assert row_of(table, {"Total"})["Total"] == "706"
    csv = pd.read_csv(kaz / "restrictions_table_2_by_period.csv")
    total = csv.loc[csv["restriction"] == "Total"].iloc[0]
    assert int(total["Total"]) == 706


def test_kazakhstan_table_1_prints_years_dates_and_waves_plainly(kaz):
    """Table 1 as the page and the CSV print it: years without a thousands separator, dates
    without a time, no waves as a dash, the survey waves as one "; "-joined list."""
    table = parse(kaz / "index.html").sections["table_1_barometer_coverage"]["tables"][0]
    restrictions = dict(
        zip(table[0], next(r for r in table if r[0] == "restrictions"), strict=True)
    )
    assert (restrictions["first_year"], restrictions["window_start"]) == ("2016", "2017-01-01")
    assert restrictions["survey_waves"] == "\u2013"
    waves = row_of(table, {"citizen_attitudes"})["survey_waves"]
    csv = pd.read_csv(kaz / "table_1_barometer_coverage.csv").set_index("barometer")
    assert csv.loc["citizen_attitudes", "survey_waves"] == waves
    assert waves.split("; ")[:2] == ["cab_w2", "cab_w3"] and "wvs6" in waves.split("; ")


def test_kazakhstan_table_8_and_figure_13(kaz):
    sections = parse(kaz / "index.html").sections
    united_states = row_of(sections["media_table_8_keywords"]["tables"][0], {"United States"})
    assert [
        united_states[c]
        for c in (
            "extremely_negative",
            "somewhat_negative",
            "neutral",
            "somewhat_positive",
            "extremely_positive",
            "total",
        )
    ] == ["14", "25", "62", "8", "2", "111"]
    places = pd.read_csv(kaz / "projects_figure_13_places.csv").set_index("name")
    assert places.loc["Oral", "project_count"] == 81
    figure = sections["projects_figure_13_places"]
    assert figure["chart"]["projection"]["type"] == "mercator", "Figure 13 is drawn as a map"
    oral = [row for row in chart_rows(figure["chart"]) if row.get("name") == "Oral"]
    assert oral and {row["project_count"] for row in oral} == {81}
    assert "projects_figure_13_places.csv" in figure["links"]


def test_every_kazakhstan_table_and_figure_links_its_csv(kaz):
    sections = parse(kaz / "index.html").sections
    numbered = [name for name in sections if "table_" in name or "figure" in name]
    assert len(numbered) >= 20
    for name in numbered:
        assert f"{name}.csv" in sections[name]["links"], name
        assert (kaz / f"{name}.csv").is_file()
    charts = [name for name in numbered if "figure" in name and chart_rows(sections[name]["chart"])]
    assert len(charts) >= 12, charts


def test_kazakhstan_charts_carry_the_texts_figures(kaz):
    """The figures the report's text quotes, in the data each chart draws (not only the tables)."""
    sections = parse(kaz / "index.html").sections

    def rows(name: str, **match) -> list[dict]:
        found = [
            row
            for row in chart_rows(sections[name]["chart"])
            if all(row.get(k) == v for k, v in match.items())
        ]
        assert found, (name, match)
        return found

    assert (
        rows("restrictions_figure_3_initiators", initiator_label="Government")[0]["mentions"] == 380
    )
    opposition = rows("restrictions_figure_2_targets", target_group_label="Political Opposition")
    assert round(opposition[0]["pct_of_instances"]) == 44
    channel = rows("projects_figure_12_channels", channel_label="Rossotrudnichestvo")[0]
    assert (channel["project_count"], channel["recipient_org_count"]) == (167, 126)
    # a channel outside every group is labelled, not drawn as a "null" legend entry
    assert (
        rows("projects_figure_12_channels", channel_label="Other Russian Organizations")[0][
            "channel_group_label"
        ]
        == "(none)"
    )
    interest = rows("attitudes_figure_6_political_interest", wave_group="wvs6")[0]
    assert round(interest["interested_pct"]) == 44
    membership = rows("attitudes_table_4_figure_9_membership", item_label="Labor union")
    assert {(row["year"], row["pct"]) for row in membership} == {("2011", 9), ("2018", 16)}


def test_every_chart_has_data_and_the_runtime_beside_the_pages(published_warehouse, built):
    """Each chart's spec carries rows; every page loads the one offline runtime, which exists."""
    runtime = profiles_dir(published_warehouse.paths) / ASSETS / RUNTIME_FILE
    assert runtime.stat().st_size > 500_000 and "vegaEmbed" in runtime.read_text()[-2000:]
    for geo, page in built.items():
        parsed = parse(page)
        specs = {name: s["chart"] for name, s in parsed.sections.items() if s["chart"] is not None}
        for name, spec in specs.items():
            assert chart_rows(spec), (geo, name)
        assert parsed.scripts == ([RUNTIME_SRC] if specs else []), geo
    assert len([s for s in parse(built["KAZ"]).sections.values() if s["chart"]]) >= 13


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_headless_chromium_draws_every_kazakhstan_chart_offline(kaz, tmp_path):
    """The page as a browser draws it from disk: every chart becomes an SVG, none says it failed
    (the runtime missing, a spec rejected by Vega-Lite)."""
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            f"--user-data-dir={tmp_path}",
            "--virtual-time-budget=30000",
            "--dump-dom",
            (kaz / "index.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    specs = parse(kaz / "index.html").sections
    expected = sorted(f"{name}-chart" for name, s in specs.items() if s["chart"] is not None)
    drawn = re.findall(r'<div class="vega-chart[^"]*" id="([^"]+)"[^>]*data-rendered="yes"', dom)
    assert sorted(drawn) == expected
    assert not re.findall(r'class="[^"]*chart-error[^>]*>[^<]*', dom)
    assert dom.count("<svg") >= len(expected)


def test_a_geography_without_survey_coverage_says_so(built):
    uncovered = []
    for geo, page in built.items():
        coverage = pd.read_csv(page.parent / "table_1_barometer_coverage.csv")
        surveys = coverage.loc[coverage["barometer"] == "citizen_attitudes"].iloc[0]
        if surveys["records_in_window"] == 0:
            uncovered.append(geo)
    assert uncovered, "the sample has territories without survey data"
    for geo in uncovered:
        sentences = parse(built[geo]).no_data
        assert any("no survey coverage" in s for s in sentences), (geo, sentences)
    assert not any("no survey coverage" in s for s in parse(built["KAZ"]).no_data)


def test_manifest_lists_release_and_row_counts(published_warehouse, kaz):
    manifest = json.loads((kaz / "manifest.json").read_text())
    with duckdb.connect(str(published_warehouse.published_db), read_only=True) as con:
        release_id, code_version = con.execute(
            "SELECT release_id, code_version FROM metadata.releases ORDER BY published_at DESC"
        ).fetchone()
    assert manifest["release_id"] == release_id and manifest["code_version"] == code_version
    assert manifest["generated_at"]
    csvs = sorted(path.name for path in kaz.glob("*.csv"))
    assert sorted(manifest["row_counts"]) == csvs
    for entry in manifest["files"]:
        assert entry["rows"] == len(pd.read_csv(kaz / entry["file"])), entry["file"]
        assert entry["query"].strip(), entry["file"]


def test_asset_materializes_partitions_with_metadata(published_warehouse, built):
    # The asset module loads the dbt manifest (through the publish asset): after the refresh.
    from orchestration.defs.profiles.assets import GEOGRAPHY_PARTITIONS, country_profiles

    assert GEOGRAPHY_PARTITIONS.get_partition_keys() == GEOGRAPHIES
    warehouse = WarehouseResource(
        landing_dir=str(published_warehouse.landing_dir),
        warehouse_dir=str(published_warehouse.warehouse_dir),
    )
    result = dg.materialize(
        [country_profiles], partition_key="ABK", resources={"warehouse": warehouse}
    )
    assert result.success
    events = result.asset_materializations_for_node("profiles__country_profiles")
    assert [event.partition for event in events] == ["ABK"]
    assert events[0].metadata["path"].value.endswith("ABK/index.html")
    assert events[0].metadata["row_counts"].value["table_1_barometer_coverage.csv"] == 4


def test_kazakhstan_reconciliation_lists_the_differing_figures(published_warehouse, kaz):
    with duckdb.connect(str(published_warehouse.published_db), read_only=True) as con:
        mart = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'report_reconciliation'"
        ).fetchone()[0]
    if not mart:
        pytest.skip("no marts.report_reconciliation in this release")
    csv = pd.read_csv(kaz / "report_reconciliation.csv")
    differing = csv.loc[csv["verdict"] == "differs"]
    assert len(differing) > 0
    section = parse(kaz / "index.html").sections["report_reconciliation"]
    table = section["tables"][0]
    assert len(table) - 1 == len(differing)
    assert {row[table[0].index("verdict")] for row in table[1:]} == {"differs"}
    assert "report_reconciliation.csv" in section["links"]


def test_the_refresh_built_every_profile_through_the_profiles_job(published_warehouse):
    """The README's main command ends with the profiles of the release it published, recorded
    as the 24 partitions of the profiles asset (so the UI can tell when they are stale)."""
    (release,) = published_warehouse.query("SELECT max(release_id) FROM metadata.releases")[0]
    for geography in GEOGRAPHIES:
        manifest = published_warehouse.warehouse_dir / "profiles" / geography / "manifest.json"
        assert json.loads(manifest.read_text())["release_id"] == release
    with dg.DagsterInstance.from_config(str(published_warehouse.paths.dagster_home)) as instance:
        built = instance.get_materialized_partitions(dg.AssetKey(["profiles", "country_profiles"]))
    assert built == set(GEOGRAPHIES)


def test_kazakhstan_tables_3_to_7_in_the_profile_csvs(kaz):
    """The report's printed cells of Tables 3-7, read back from the CSVs beside the profile."""
    table_3 = pd.read_csv(kaz / "restrictions_table_3_legal_cases.csv")
    assert dict(zip(table_3.target_group, table_3.cases, strict=True)) == {
        "media_journalist": 36,
        "political_opposition": 89,
        "formal_cso_ngo": 25,
        "individual_activist": 67,
        "other_community_group": 21,
        "other": 27,
    }
    table_4 = pd.read_csv(kaz / "attitudes_table_4_figure_9_membership.csv").set_index("item_id")
    assert tuple(table_4.loc["member_labour_union", ["pct_2011", "pct_2018", "change_pp"]]) == (
        9,
        16,
        7.0,
    )
    table_5 = pd.read_csv(kaz / "attitudes_table_5_confidence.csv").set_index("item_id")
    assert tuple(table_5.loc["confidence_churches", ["pct_2011", "pct_2018", "change_pp"]]) == (
        62,
        79,
        17.1,
    )
    columns = ["extremely_negative", "somewhat_negative", "neutral", "somewhat_positive"]
    columns += ["extremely_positive", "total"]
    table_6 = pd.read_csv(kaz / "media_table_6_domestic_actors.csv")
    assert [tuple(row) for row in table_6[columns].head(4).itertuples(index=False)] == [
        (0, 0, 2, 0, 0, 2),
        (0, 0, 2, 0, 0, 2),
        (0, 0, 2, 0, 0, 2),
        (1, 0, 0, 1, 0, 2),
    ]
    assert list(table_6.actor_name.head(4)) == [
        "Kazinform International Agency",
        "Trade Union Federation",
        "Journalists",
        "Non-Governmental Organizations",
    ]
    table_7 = pd.read_csv(kaz / "media_table_7_external_actors.csv")
    assert list(zip(table_7.actor_name.head(3), table_7.total.head(3), strict=True)) == [
        ("OSCE ODIHR", 14),
        ("CIS", 9),
        ("SCO", 7),
    ]
