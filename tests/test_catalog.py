"""The published database explains itself: table and column comments from the dbt docs, `civic
describe`, the data dictionary site, the read-only shell and query commands, the mart columns that
give the report's figures without the notes, and the analysts' everyday queries."""

from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import pytest
from harlequin.exception import HarlequinQueryError
from harlequin_duckdb.adapter import DuckDbAdapter

from orchestration import catalog
from orchestration.cli import main
from orchestration.report_queries import run_report_query


@pytest.fixture
def analyst_env(published_warehouse, monkeypatch):
    """`civic` commands pointed at the published sample warehouse."""
    monkeypatch.setenv("CIVIC_LANDING_DIR", str(published_warehouse.landing_dir))
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(published_warehouse.warehouse_dir))
    return published_warehouse


def test_mart_tables_and_columns_carry_their_dbt_descriptions(published_warehouse):
    tables = dict(
        published_warehouse.query(
            "SELECT schema_name || '.' || table_name, comment FROM duckdb_tables() "
            "WHERE schema_name IN ('marts', 'core', 'metadata', 'reference')"
        )
    )
    assert "harassment_violence" in tables["marts.restriction_initiators"]
    assert "Figure 2" in tables["marts.restriction_targets"]
    assert tables["reference.survey_wave_groups"].startswith("Wave groups")
    undescribed = [
        name for name, comment in tables.items() if name.startswith("marts.") and not comment
    ]
    assert not undescribed, f"mart tables without a comment: {undescribed}"
    columns = published_warehouse.query(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts'"
    )
    no_comment = [f"{t}.{c}" for t, c, comment in columns if not comment]
    assert not no_comment, f"mart columns without a comment: {no_comment}"
    comment = {(t, c): text for t, c, text in columns}
    assert "Not additive" in comment[("restriction_targets", "type_event_count")]
    assert "not additive" in comment[("restriction_initiators", "foreign_initiator_country_count")]
    [(wave_comment,)] = published_warehouse.query(
        "SELECT comment FROM duckdb_columns() WHERE schema_name = 'reference' "
        "AND table_name = 'survey_wave_groups' AND column_name = 'report_wave_label'"
    )
    assert '"2011"' in wave_comment


def test_describe_lists_every_published_table_with_rows(analyst_env, capsys):
    assert main(["describe"]) == 0
    out = capsys.readouterr().out
    [(rows,)] = analyst_env.query("SELECT count(*) FROM marts.restriction_targets")
    line = next(line for line in out.splitlines() if line.startswith("marts.restriction_targets "))
    assert f"{rows:,} rows" in line and "Report Figure 2 and Table 3." in line
    assert "metadata.releases" in out and "reference.geographies" in out
    assert "staging." not in out and "audit." not in out


def test_describe_one_table_prints_types_and_comments(analyst_env, capsys):
    sha = analyst_env.published_sha256()
    assert main(["describe", "restriction_targets"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("marts.restriction_targets (")
    line = next(line for line in out.splitlines() if line.startswith("type_event_count "))
    assert "BIGINT" in line and "All restrictions of this type" in line
    assert main(["describe", "MARTS.Political_Interest"]) == 0
    assert "report_wave_label" in capsys.readouterr().out
    assert analyst_env.published_sha256() == sha


def test_describe_unknown_table_is_one_line_with_suggestions(analyst_env, capsys):
    assert main(["describe", "restriction_target"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("No published table 'restriction_target'; did you mean")
    assert "marts.restriction_targets" in err


def test_bare_name_in_two_schemas_asks_for_the_schema():
    tables = [
        catalog.PublishedTable("core", "dim_x", None, 1),
        catalog.PublishedTable("marts", "dim_x", None, 2),
    ]
    with pytest.raises(catalog.UnknownTable, match=r"several schemas: name one of core\.dim_x"):
        catalog.resolve_table(tables, "dim_x")
    assert catalog.resolve_table(tables, "marts.dim_x").row_count == 2


def test_describe_without_a_release_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(tmp_path / "empty"))
    assert main(["describe"]) == 1
    assert "No published database" in capsys.readouterr().err


def test_a_read_write_session_on_the_release_is_one_line_not_a_traceback(
    scratch_warehouse, monkeypatch, tmp_path, capsys
):
    """An analyst's client holding the published file read-write (no read-only flag): describe
    and docs say who holds it in one line each and write nothing."""
    monkeypatch.setenv("CIVIC_WAREHOUSE_DIR", str(scratch_warehouse.warehouse_dir))
    code = (
        "import duckdb, time\n"
        f"con = duckdb.connect({str(scratch_warehouse.published_db)!r})\n"
        "print('open', flush=True)\ntime.sleep(600)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for command in (["describe"], ["docs", "--output", str(tmp_path / "site")]):
            assert main(command) == 1
            err = capsys.readouterr().err.strip()
            assert len(err.splitlines()) == 1 and f"held open by PID {holder.pid}" in err
    finally:
        holder.kill()
        holder.wait()
    assert not (tmp_path / "site").exists()


def test_data_dictionary_site_is_offline_with_lineage(analyst_env, tmp_path, capsys):
    sha = analyst_env.published_sha256()
    assert main(["docs", "--output", str(tmp_path / "site")]) == 0
    site = tmp_path / "site" / "index.html"
    assert str(site) in capsys.readouterr().out
    html = site.read_text(encoding="utf-8")
    assert "denominator of `mention_count` for this period only" in html  # a mart column's doc
    assert '"child_map"' in html and '"parent_map"' in html  # the lineage graph's data
    assert '"model.civic_space.restriction_targets"' in html
    remote = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(?:https?:)?//", html)
    assert not remote, f"the site loads remote resources: {remote[:3]}"
    # dbt's only remote script (usage tracking) loads when the manifest allows it; ours does not
    assert '"send_anonymous_usage_stats": false' in html
    assert '"type": "BIGINT"' in html  # column types from the release's catalog
    assert analyst_env.published_sha256() == sha


def test_shell_opens_harlequin_read_only_and_refuses_writes(analyst_env, tmp_path):
    """The command civic shell runs, and Harlequin's DuckDB adapter opened with its options."""
    init = tmp_path / "analyst_session.sql"
    init.write_text(catalog.shell_init_sql(), encoding="utf-8")
    command = catalog.shell_command(analyst_env.paths, init)
    assert command[0].endswith("harlequin") and command[-1] == str(analyst_env.published_db)
    assert "--read-only" in command
    assert command[command.index("--adapter") + 1] == "duckdb"
    adapter = DuckDbAdapter(
        conn_str=(command[-1],),
        read_only="--read-only" in command,
        init_path=command[command.index("--init-path") + 1],
    )
    connection = adapter.connect()
    assert "Executed 2 commands" in connection.init_message
    assert connection.execute("SELECT count(*) FROM marts.restriction_targets") is not None
    refusals = {
        "CREATE TABLE x AS SELECT 1": "read-only mode",
        f"ATTACH '{analyst_env.raw_db}' AS raw": "disabled by configuration",
        "SET enable_external_access = true": "configuration has been locked",
    }
    for sql, message in refusals.items():
        with pytest.raises(HarlequinQueryError, match=message):
            connection.execute(sql)


def test_query_refuses_a_write_in_one_line(analyst_env, capsys):
    sha = analyst_env.published_sha256()
    assert main(["query", "CREATE TABLE x AS SELECT 1"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("civic query is read-only: it cannot write")
    assert "read-only mode" in err
    assert analyst_env.published_sha256() == sha


# The mart columns that give the report's figures without docs/report-notes.md (Kazakhstan).


def test_report_wave_label_names_the_reports_2011_and_2018(published_warehouse):
    rows = published_warehouse.query(
        "SELECT wave_group, report_wave_label, round(share_pct) FROM marts.political_interest "
        "WHERE geography_id = 'KAZ' AND series = 'values_surveys' ORDER BY wave_group DESC"
    )
    assert rows == [("wvs6", "2011", 44.0), ("evs_wvs_2017", "2018", 42.0)]
    labels = dict(
        published_warehouse.query(
            "SELECT DISTINCT wave_group, report_wave_label FROM marts.attitude_regional_means"
        )
    )
    assert labels["gwp_2014"] == "2014" and labels["cab_w2"] == "CAB wave 2"


def test_figure_2_shares_as_the_column_docs_say(published_warehouse):
    """The restriction_targets docs: a group's mentions over the window's harassment/violence
    instances give Figure 2; a sum of type_event_count misses the periods a group is not named
    in (Kazakhstan's formal CSOs: 29 of 431 = 6.7%, not 29 of 419 = 6.9%)."""
    figure = _everyday(published_warehouse, "restrictions_figure_2_targets")
    printed = dict(zip(figure.target_group, figure.pct_of_instances, strict=True))
    shares = published_warehouse.query(
        """SELECT t.target_group,
                  round(100.0 * sum(t.mention_count) / any_value(h.harassment_violence_events), 1),
                  round(100.0 * sum(t.mention_count) / sum(t.type_event_count), 1)
           FROM marts.restriction_targets t JOIN marts.restriction_headlines h USING (geography_id)
           WHERE geography_id = 'KAZ' AND restriction_type = 'harassment_violence'
           GROUP BY ALL"""
    )
    assert {group: documented for group, documented, _ in shares} == printed
    assert printed["political_opposition"] == 44.1
    summed = {group: naive for group, _, naive in shares}
    assert (printed["formal_cso_ngo"], summed["formal_cso_ngo"]) == (6.7, 6.9)


# The analysts' everyday queries (docs/queries/analysts_*.sql), Kazakhstan on the sample release.


def _everyday(published_warehouse, name: str):
    with duckdb.connect(str(published_warehouse.published_db), read_only=True) as con:
        return run_report_query(con, name, "KAZ")


def test_current_release_query(published_warehouse):
    [row] = _everyday(published_warehouse, "analysts_current_release").to_dict("records")
    [(latest, history)] = published_warehouse.query(
        "SELECT arg_max(release_id, published_at), count(*) FROM metadata.releases"
    )
    assert (row["release_id"], row["releases_in_history"]) == (latest, history)
    counts = (row["restriction_events"], row["russian_projects"], row["media_mentions"])
    assert counts == (706, 249, 85)
    assert str(row["latest_restriction_event"]) <= "2021-03-31"


def test_target_group_across_geographies_query(published_warehouse):
    frame = _everyday(published_warehouse, "analysts_target_group_across_geographies")
    kaz = frame[
        frame.is_selected_geography
        & (frame.target_group == "political_opposition")
        & (frame.restriction_type == "harassment_violence")
    ]
    assert round(kaz.share_of_type_pct.item()) == 44 and kaz.type_events.item() == 431
    assert frame.geography_id.nunique() > 1


def test_survey_coverage_query(published_warehouse):
    frame = _everyday(published_warehouse, "analysts_survey_coverage")
    assert len(frame) == 18
    labels = dict(zip(frame.wave_group, frame.report_wave_label, strict=True))
    assert labels["wvs6"] == "2011" and labels["evs_wvs_2017"] == "2018"
    assert frame.set_index("wave_group").countries_in_wave["wvs6"] == 7


def test_media_keywords_by_outlet_query(published_warehouse):
    frame = _everyday(published_warehouse, "analysts_media_keywords_by_outlet")
    assert frame.mentions.sum() == 188
    per_keyword = frame.groupby("keyword_label").mentions.sum()
    assert per_keyword.idxmax() == "United States" and per_keyword.max() == 111
    assert frame.groupby("keyword").share_of_keyword_pct.sum().round().eq(100).all()
