"""The dbt project as Dagster sees it: manifest preparation and the asset-key translator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject

from ingestion.hashing import files_digest, tree_files
from orchestration.paths import DBT_PROJECT_DIR, WarehousePaths

DBT_PROJECT = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
PROJECT_FILE_SUFFIXES = {".sql", ".yml", ".csv", ".md"}
BUILD_OUTPUT = {"target", "logs"}


def dbt_executable() -> str:
    """The dbt next to this interpreter (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def dbt_vars(paths: WarehousePaths) -> list[str]:
    """The ``--vars`` naming the build database and the raw database (read by profiles.yml)."""
    databases = {"build_db": str(paths.build_db), "raw_db": str(paths.raw_db)}
    return ["--vars", json.dumps(databases)]


def project_fingerprint() -> str:
    """Fingerprint of every file dbt parses, so a changed, added or deleted model re-parses."""
    files = tree_files(DBT_PROJECT_DIR, PROJECT_FILE_SUFFIXES, skip=BUILD_OUTPUT)
    return files_digest(files, DBT_PROJECT_DIR)


def ensure_manifest() -> Path:
    """Run ``dbt parse`` when the manifest is missing or the dbt project changed since.

    Dagster loads definitions from the manifest; the CLI, tests and CI call this before loading
    them, so that no parse ever happens while Dagster imports the code location.
    """
    manifest = DBT_PROJECT.manifest_path
    stamp = manifest.with_name("manifest.sha256")
    current = project_fingerprint()
    if manifest.exists() and stamp.exists() and stamp.read_text() == current:
        return manifest
    subprocess.run(
        [dbt_executable(), "parse", "--quiet", "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR,
        check=True,
    )
    stamp.write_text(current)
    return manifest


class WarehouseTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse's schemas, so lineage reads like the database.

    A dbt source names the ingestion asset that fills it in its own YAML
    (``config.meta.dagster.asset_key``, e.g. ``[raw, restriction_events]``), so adding a source
    needs no edit here; models and seeds are ``<schema>/<name>`` (``marts/restrictions_by_period``,
    ``reference/geographies``).
    """

    def __init__(self) -> None:
        super().__init__(DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            meta = dbt_resource_props.get("config", {}).get("meta") or dbt_resource_props.get(
                "meta", {}
            )
            if not meta.get("dagster", {}).get("asset_key"):
                raise ValueError(
                    f"dbt source {dbt_resource_props['source_name']}.{dbt_resource_props['name']} "
                    "does not say which ingestion asset fills it: add config.meta.dagster.asset_key"
                )
            return super().get_asset_key(dbt_resource_props)
        schema = dbt_resource_props.get("config", {}).get("schema") or "main"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "landing"
        return dbt_resource_props.get("config", {}).get("schema") or "dbt"
