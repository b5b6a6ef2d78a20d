"""The dbt project as Dagster sees it: manifest preparation and the asset-key translator."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject

from orchestration.paths import DBT_PROJECT_DIR

DBT_PROJECT = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
DBT_PROJECT.prepare_if_dev()


def dbt_executable() -> str:
    """The dbt next to this interpreter (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def ensure_manifest() -> Path:
    """Run ``dbt parse`` when the manifest is missing or older than any dbt project file.

    Dagster loads definitions from the manifest; tests, CI and the CLI call this before loading
    them, because ``prepare_if_dev`` only acts under ``dagster dev``.
    """
    manifest = DBT_PROJECT.manifest_path
    sources = [
        p
        for p in DBT_PROJECT_DIR.rglob("*")
        if p.is_file()
        and p.suffix in {".sql", ".yml", ".csv"}
        and not {"target", "logs"} & set(p.relative_to(DBT_PROJECT_DIR).parts[:1])
    ]
    newest = max((p.stat().st_mtime for p in sources), default=0)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--profiles-dir", str(DBT_PROJECT_DIR)],
            cwd=DBT_PROJECT_DIR,
            check=True,
        )
        manifest.touch()
    return manifest


class WarehouseTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse's schemas, so lineage reads like the database.

    dbt sources in the raw database map to the ingestion assets' keys (``raw/<table>``); models and
    seeds are ``<schema>/<name>`` (``marts/restrictions_by_period``, ``reference/geographies``).
    """

    def __init__(self) -> None:
        super().__init__(DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or "main"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "landing"
        return dbt_resource_props.get("config", {}).get("schema") or "dbt"
