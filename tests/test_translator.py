"""The dbt translator: sources name the ingestion asset that fills them, in their own YAML."""

from __future__ import annotations

import json

import pytest

from orchestration.dbt_project import WarehouseTranslator, ensure_manifest


def test_every_source_takes_its_asset_key_from_its_yaml():
    manifest = json.loads(ensure_manifest().read_text(encoding="utf-8"))
    translator = WarehouseTranslator()
    keys = {
        props["name"]: translator.get_asset_key(props).to_user_string()
        for props in manifest["sources"].values()
    }
    assert keys == {name: f"raw/{name}" for name in keys}
    assert {"restriction_events", "survey_respondents", "load_log"} <= set(keys)


def test_a_source_without_an_ingestion_asset_is_refused():
    props = {"resource_type": "source", "source_name": "factiva", "name": "articles", "meta": {}}
    with pytest.raises(ValueError, match=r"factiva\.articles does not say which ingestion asset"):
        WarehouseTranslator().get_asset_key(props)


def test_models_follow_their_schema():
    props = {"resource_type": "model", "name": "headlines", "config": {"schema": "marts"}}
    assert WarehouseTranslator().get_asset_key(props).to_user_string() == "marts/headlines"
