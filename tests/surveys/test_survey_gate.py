"""The survey gate suites pass on the published release and catch a tampered mart."""

from __future__ import annotations

import os
import shutil
import subprocess

import duckdb
import pyreadstat
import pytest

from expectations.gate import load_suites, run_suite
from orchestration.dbt_project import dbt_executable
from orchestration.paths import DBT_PROJECT_DIR

SUITES = {spec.name: spec for spec in load_suites() if spec.name.startswith("surveys_")}
# dbt names relations by the database file's stem: copies of the audited file keep its name.
AUDITED = "audited.duckdb"


@pytest.fixture(scope="module")
def audited_db(published_warehouse, tmp_path_factory):
    """A copy of the published release with the dbt audit models built into it again (publishing
    drops the audit schema), as the gate finds them in a build database."""
    folder = tmp_path_factory.mktemp("audited")
    copy = folder / AUDITED
    shutil.copy(published_warehouse.published_db, copy)
    env = {
        **os.environ,
        "CIVIC_BUILD_DB": str(copy),
        "CIVIC_RAW_DB": str(published_warehouse.raw_db),
    }
    # The survey audits only: other barometers' audits may read build-only (intermediate) models.
    command = [dbt_executable(), "run", "--quiet", "--select", "path:models/audit/surveys"]
    paths = ["--target-path", str(folder / "target"), "--log-path", str(folder / "logs")]
    subprocess.run(
        [*command, "--profiles-dir", str(DBT_PROJECT_DIR), *paths],
        cwd=DBT_PROJECT_DIR,
        env=env,
        check=True,
    )
    return copy


@pytest.fixture
def tampered_db(audited_db, tmp_path):
    """A private copy of the audited release to break."""
    copy = tmp_path / AUDITED
    shutil.copy(audited_db, copy)
    return copy


def test_the_published_release_carries_no_audit_schema(published_warehouse):
    schemas = published_warehouse.query("SELECT DISTINCT schema_name FROM duckdb_schemas()")
    assert ("audit",) not in schemas


@pytest.mark.parametrize(
    "name",
    [
        "surveys_core_responses",
        "surveys_marts_indicators",
        "surveys_marts_regional_means",
        "surveys_marts_coverage",
    ],
)
def test_mart_suites_pass_on_the_published_release(audited_db, name):
    result = run_suite(SUITES[name], audited_db)
    assert result.success, result.failures
    assert result.rows_validated > 0


@pytest.mark.parametrize("name", ["surveys_raw_answers", "surveys_raw_respondents"])
def test_raw_suites_pass_on_the_published_inputs(published_warehouse, audited_db, name):
    result = run_suite(SUITES[name], audited_db, raw_database=published_warehouse.raw_db)
    assert result.success, result.failures
    assert result.rows_validated > 0


def test_regional_mean_not_built_from_the_coverage_countries_fails(tampered_db):
    with duckdb.connect(str(tampered_db)) as con:
        con.execute(
            "DELETE FROM marts.attitude_regional_coverage "
            "WHERE wave_group = 'wvs6' AND item_id = 'interest_politics' AND geography_id = 'KAZ'"
        )

    result = run_suite(SUITES["surveys_marts_regional_means"], tampered_db)

    assert not result.success
    assert any("wvs6/interest_politics/interested" in failure for failure in result.failures)


def test_three_way_answers_not_summing_to_100_fail(tampered_db):
    with duckdb.connect(str(tampered_db)) as con:
        con.execute(
            "UPDATE marts.attitude_indicators SET share_pct = share_pct + 3 "
            "WHERE geography_id = 'KAZ' AND item_id = 'action_strike' AND outcome = 'might_do'"
        )

    result = run_suite(SUITES["surveys_marts_indicators"], tampered_db)

    assert not result.success
    assert any("three_way_total" in failure for failure in result.failures)


def test_a_country_missing_from_or_added_to_a_regional_mean_fails_naming_it(tampered_db):
    with duckdb.connect(str(tampered_db)) as con:
        con.execute(  # Kazakhstan's Gallup 2015 estimates gone: the 2015 means would shrink to 16
            "DELETE FROM marts.attitude_regional_coverage "
            "WHERE wave_group = 'gwp_2015' AND geography_id = 'KAZ'"
        )
        con.execute(  # Turkmenistan was not surveyed in 2020: it must not enter the 2020 mean
            "INSERT INTO marts.attitude_regional_coverage "
            "SELECT * REPLACE ('gwp_2020' AS wave_group) FROM marts.attitude_regional_coverage "
            "WHERE wave_group = 'gwp_2019' AND geography_id = 'TKM' "
            "AND item_id = 'civic_engagement_index'"
        )
        con.execute(  # Serbia's EVS sample instead of its WVS sample
            "UPDATE marts.attitude_regional_coverage SET study = 'EVS' "
            "WHERE wave_group = 'evs_wvs_2017' AND geography_id = 'SRB' "
            "AND item_id = 'interest_politics'"
        )

    result = run_suite(SUITES["surveys_marts_coverage"], tampered_db)

    assert not result.success
    failures = {f.split("(column=")[1].split(")")[0]: f for f in result.failures}
    assert set(failures) == {
        "expected_country_missing",
        "country_not_expected",
        "sample_of_unexpected_study",
    }
    assert "4 unexpected" in failures["expected_country_missing"]  # the index and 3 components
    assert "gwp_2015/civic_engagement_index/KAZ" in failures["expected_country_missing"]
    assert "gwp_2020/civic_engagement_index/TKM" in failures["country_not_expected"]
    serbia = failures["sample_of_unexpected_study"]
    assert "evs_wvs_2017/interest_politics/SRB: EVS sample, expected WVS" in serbia


def test_a_country_dropped_from_a_delivery_blocks_the_release(scratch_warehouse):
    """Uzbekistan's rows removed from the Gallup 2016 file: every 2016 mean would silently average
    16 countries. The coverage gate fails, naming the country, and the release stays as it was."""
    published_before = scratch_warehouse.published_sha256()
    path = scratch_warehouse.landing_dir / "surveys" / "gwp" / "GWP_2016.dta"
    frame, meta = pyreadstat.read_dta(str(path))
    kept = frame[frame["COUNTRYNEW"] != "Uzbekistan"]
    assert 0 < len(kept) < len(frame)
    pyreadstat.write_dta(
        kept,
        str(path),
        variable_value_labels=meta.variable_value_labels,
        column_labels=meta.column_labels,
    )

    result = scratch_warehouse.refresh()

    assert not result.success
    failed = {
        e.asset_check_evaluation_data.check_name: e.asset_check_evaluation_data.description
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and not e.asset_check_evaluation_data.passed
    }
    assert set(failed) == {"gx_surveys_marts_coverage", "gx_surveys_marts_regional_means"}
    assert "gwp_2016/civic_engagement_index/UZB" in failed["gx_surveys_marts_coverage"]
    assert "16 countries, expected 17" in failed["gx_surveys_marts_regional_means"]
    assert scratch_warehouse.published_sha256() == published_before


def test_a_code_outside_its_scale_fails_including_on_a_scale_the_suite_never_names(tampered_db):
    with duckdb.connect(str(tampered_db)) as con:
        [(file, row)] = con.execute(
            "SELECT source_file, source_row FROM core.fct_survey_responses "
            "WHERE item_id = 'confidence_police' AND geography_id = 'KAZ' "
            "AND wave_group = 'wvs6' AND missing_kind IS NULL ORDER BY source_row LIMIT 1"
        ).fetchall()
        con.execute(
            "UPDATE core.fct_survey_responses SET answer_code = 7 "
            "WHERE source_file = ? AND source_row = ? AND item_id = 'confidence_police'",
            [file, row],
        )
        # A scale added to the seed after the suite was written is checked all the same.
        con.execute(
            "INSERT INTO reference.survey_answer_scales (scale_id, code, label, category) "
            "VALUES ('trust_5', 1, 'Trust', 'trusts'), ('trust_5', 2, 'Distrust', 'distrusts')"
        )
        con.execute(
            "UPDATE core.fct_survey_responses SET scale_id = 'trust_5' "
            "WHERE item_id = 'trust_radio' AND wave_group = 'cab_w2' AND missing_kind IS NULL"
        )

    result = run_suite(SUITES["surveys_core_responses"], tampered_db)

    assert not result.success
    [failure] = result.failures
    assert f"confidence_4 code 7 in V113 (1 answers, e.g. {file} row {row})" in failure
    assert "trust_5 code 3 in Q23C" in failure and "trust_5 code 4 in Q23C" in failure
    assert "trust_5 code 1 in" not in failure
