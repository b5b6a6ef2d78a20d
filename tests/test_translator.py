"""The dbt translator: sources name the ingestion asset that fills them, in their own YAML;
models carry their YAML description, a barometer-and-layer group, owners and the table an analyst
opens."""

from __future__ import annotations

import json

import pytest

from orchestration.dbt_project import WarehouseTranslator, ensure_manifest, project_owners
from orchestration.defs.landing.assets import raw_key


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(ensure_manifest().read_text(encoding="utf-8"))


def _node(manifest: dict, unique_id: str) -> dict:
    return manifest["nodes"][unique_id]


def test_every_source_takes_its_asset_key_from_its_yaml(manifest):
    translator = WarehouseTranslator()
    keys = {
        props["name"]: translator.get_asset_key(props).to_user_string()
        for props in manifest["sources"].values()
    }
    assert keys == {name: raw_key(name).to_user_string() for name in keys}
    assert keys["restriction_events"] == "raw/restriction_events"
    assert keys["load_log"] == "raw/ingestion_load_log"  # metadata/load_log is the release's


def test_a_source_without_an_ingestion_asset_is_refused():
    props = {"resource_type": "source", "source_name": "factiva", "name": "articles", "meta": {}}
    with pytest.raises(ValueError, match=r"factiva\.articles does not say which ingestion asset"):
        WarehouseTranslator().get_asset_key(props)


def test_models_follow_their_schema():
    props = {"resource_type": "model", "name": "headlines", "config": {"schema": "marts"}}
    assert WarehouseTranslator().get_asset_key(props).to_user_string() == "marts/headlines"


def test_descriptions_are_the_yaml_text_without_raw_sql(manifest):
    translator = WarehouseTranslator()
    mart = _node(manifest, "model.civic_space.restrictions_by_period")
    description = translator.get_description(mart)
    assert description.startswith("Report Table 2 and Figure 1. Restrictions of civic space")
    assert description.endswith(
        "Published as `civic_space.marts.restrictions_by_period` in the analysts' database."
    )
    for props in manifest["nodes"].values():
        if props["resource_type"] in ("model", "seed"):
            text = translator.get_description(props)
            assert "Raw SQL" not in text and "select" not in text.lower().split(), props["name"]


def test_an_undescribed_model_says_so_and_that_it_is_build_only():
    props = {
        "resource_type": "model",
        "name": "stg_new_source__rows",
        "description": "",
        "config": {"schema": "staging"},
        "raw_code": "select 1",
    }
    assert WarehouseTranslator().get_description(props) == (
        "dbt model `stg_new_source__rows` (no description in its YAML).\n\nBuild-only: lives in "
        "the build database and is dropped before the release is published; analysts never see it."
    )


@pytest.mark.parametrize(
    ("unique_id", "group"),
    [
        ("model.civic_space.restrictions_by_period", "restrictions_marts"),
        ("model.civic_space.stg_coding_sheets__restriction_events", "coding_sheets_staging"),
        ("model.civic_space.load_log", "metadata"),
        ("seed.civic_space.geographies", "reference"),
        ("seed.civic_space.survey_items", "surveys_reference"),
    ],
)
def test_groups_are_folder_and_layer(manifest, unique_id, group):
    assert WarehouseTranslator().get_group_name(_node(manifest, unique_id)) == group


def test_a_dagster_group_in_the_yaml_wins_over_the_folder(manifest):
    props = {**_node(manifest, "model.civic_space.restrictions_by_period")}
    props["config"] = {**props["config"], "meta": {"dagster": {"group": "report_tables"}}}
    assert WarehouseTranslator().get_group_name(props) == "report_tables"


def test_owners_come_from_the_dbt_yaml(manifest):
    translator = WarehouseTranslator()
    assert project_owners() == ["team:civic-data"]
    for props in manifest["nodes"].values():
        if props["resource_type"] in ("model", "seed"):
            assert translator.get_owners(props) == ["team:civic-data"], props["name"]
    props = {**_node(manifest, "model.civic_space.restrictions_by_period")}
    props["config"] = {**props["config"], "meta": {"dagster": {"owners": ["ana@example.org"]}}}
    assert translator.get_owners(props) == ["ana@example.org"]


def test_published_models_name_the_published_table_and_plumbing_the_build(manifest):
    translator = WarehouseTranslator()
    mart = translator.get_metadata(_node(manifest, "model.civic_space.restrictions_by_period"))
    assert mart["dagster/table_name"] == "civic_space.marts.restrictions_by_period"
    assert mart["warehouse/published"].value is True
    seed = translator.get_metadata(_node(manifest, "seed.civic_space.geographies"))
    assert seed["dagster/table_name"] == "civic_space.reference.geographies"
    staging = _node(manifest, "model.civic_space.stg_coding_sheets__restriction_events")
    metadata = translator.get_metadata(staging)
    assert metadata["dagster/table_name"] == (
        "civic_space_build.staging.stg_coding_sheets__restriction_events"
    )
    assert metadata["warehouse/published"].value is False
    assert "dropped before the release is published" in translator.get_description(staging)


def test_tags_name_the_layer_and_audit_views_are_great_expectations_kind(manifest):
    translator = WarehouseTranslator()
    audit = translator.get_tags(_node(manifest, "model.civic_space.audit_restriction_raw_events"))
    assert audit == {"warehouse/layer": "audit", "dagster/kind/great_expectations": ""}
    mart = translator.get_tags(_node(manifest, "model.civic_space.restrictions_by_period"))
    assert mart == {"warehouse/layer": "marts"}
