"""The survey gate suites pass on the published release and catch a tampered mart."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from expectations.gate import load_suites, run_suite

SUITES = {spec.name: spec for spec in load_suites() if spec.name.startswith("surveys_")}


@pytest.fixture
def tampered_db(published_warehouse, tmp_path):
    """A private copy of the published database to break."""
    copy = tmp_path / "published.duckdb"
    shutil.copy(published_warehouse.published_db, copy)
    return copy


@pytest.mark.parametrize("name", ["surveys_marts_indicators", "surveys_marts_regional_means"])
def test_mart_suites_pass_on_the_published_release(published_warehouse, name):
    result = run_suite(SUITES[name], published_warehouse.published_db)
    assert result.success, result.failures


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
