"""The dbt project as Dagster sees it: manifest preparation and the asset-key translator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
import yaml
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliInvocation,
    DbtProject,
)
from dagster_dbt.core.dbt_event_iterator import DbtEventIterator

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
    ``reference/geographies``). Groups are ``<folder>_<layer>`` from ``models/<layer>/<folder>/``
    (``restrictions_marts``), owners come from ``config.meta.dagster.owners`` in the dbt YAML, and
    the table named is the one an analyst opens: the published database for published layers.
    """

    def __init__(self) -> None:
        super().__init__(DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            if not _dagster_meta(dbt_resource_props).get("asset_key"):
                raise ValueError(
                    f"dbt source {dbt_resource_props['source_name']}.{dbt_resource_props['name']} "
                    "does not say which ingestion asset fills it: add config.meta.dagster.asset_key"
                )
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([_schema(dbt_resource_props), dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "landing"
        if group := _dagster_meta(dbt_resource_props).get("group"):
            return group
        # fqn: [project, <folder>..., name]; seeds' first folder is their barometer, not a layer.
        folders = dbt_resource_props["fqn"][1:-1]
        if dbt_resource_props["resource_type"] != "seed":
            folders = folders[1:]
        layer = _schema(dbt_resource_props)
        return "_".join(dict.fromkeys([*folders[:1], layer]))  # metadata, reference: no repeat

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> Sequence[str] | None:
        return _dagster_meta(dbt_resource_props).get("owners") or super().get_owners(
            dbt_resource_props
        )

    def get_tags(self, dbt_resource_props: Mapping[str, Any]) -> Mapping[str, str]:
        """dbt's tags, the layer (``tag:warehouse/layer=marts`` selects), and the Great
        Expectations kind on the audit views whose rows the gate's suites validate."""
        tags = dict(super().get_tags(dbt_resource_props))
        if dbt_resource_props["resource_type"] != "source":
            tags["warehouse/layer"] = _schema(dbt_resource_props)
        if _schema(dbt_resource_props) == "audit":
            tags["dagster/kind/great_expectations"] = ""
        return tags

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        """The YAML description and where the table lives, without dagster-dbt's raw SQL."""
        description = (dbt_resource_props.get("description") or "").strip() or (
            f"dbt {dbt_resource_props['resource_type']} `{dbt_resource_props['name']}` "
            "(no description in its YAML)."
        )
        if dbt_resource_props["resource_type"] == "source":
            return description
        if _published(dbt_resource_props):
            table = _published_table(dbt_resource_props)
            where = f"Published as `{table}` in the analysts' database."
        else:
            where = (
                "Build-only: lives in the build database and is dropped before the release is "
                "published; analysts never see it."
            )
        return f"{description}\n\n{where}"

    def get_metadata(self, dbt_resource_props: Mapping[str, Any]) -> Mapping[str, Any]:
        metadata = dict(super().get_metadata(dbt_resource_props))
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            # dagster-dbt names the build database's relation; published layers are read elsewhere.
            published = _published(dbt_resource_props)
            if published:
                metadata["dagster/table_name"] = _published_table(dbt_resource_props)
            metadata["warehouse/published"] = dg.MetadataValue.bool(published)
        return metadata


def _dagster_meta(dbt_resource_props: Mapping[str, Any]) -> Mapping[str, Any]:
    """``config.meta.dagster`` (dbt 1.10+), else the older top-level ``meta.dagster``."""
    meta = dbt_resource_props.get("config", {}).get("meta") or dbt_resource_props.get("meta") or {}
    return meta.get("dagster") or {}


def _schema(dbt_resource_props: Mapping[str, Any]) -> str:
    return dbt_resource_props.get("config", {}).get("schema") or "main"


def _published(dbt_resource_props: Mapping[str, Any]) -> bool:
    """Whether the publish step keeps this schema (release.py owns the rule; imported here, not
    at the top, because release.py reads this module's project fingerprint)."""
    from orchestration.release import PUBLISHED_SCHEMAS

    return _schema(dbt_resource_props) in PUBLISHED_SCHEMAS


def _published_table(dbt_resource_props: Mapping[str, Any]) -> str:
    """``<catalog>.<schema>.<table>`` as an analyst's DuckDB session on the release names it."""
    catalog = WarehousePaths(Path(), Path()).published_db.stem  # DuckDB names it by its file
    alias = dbt_resource_props.get("alias") or dbt_resource_props["name"]
    return f"{catalog}.{_schema(dbt_resource_props)}.{alias}"


def project_owners() -> list[str]:
    """The owners ``dbt_project.yml`` gives every model; the Python assets (ingestion, publish,
    profiles) answer to the same people, so the names are kept in one place."""
    config = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    return list(config["models"]["civic_space"]["+meta"]["dagster"]["owners"])


def with_table_metadata(invocation: DbtCliInvocation) -> Iterator[Any]:
    """The build's events with each table's ``dagster/row_count`` and every model's column types
    (``dagster/column_schema``), read through dbt-duckdb from the build database once dbt exits.

    Views get types but no count (counting runs their query). Column lineage stays off: sqlglot
    cannot trace the marts' UNPIVOTs and more than doubled the step's time. Each fetcher is fed a
    finished list of events: fed the live stream, dagster-dbt's fetcher polls it without sleeping
    until dbt exits (it must, for DuckDB), which kept a core busy for the whole build (measured at
    scale 1: 100 of a refresh's 265 CPU s in this process). dbt-duckdb keeps its read-only
    connection to the build database open afterwards (one per process, kept open), and DuckDB
    then refuses the read-write one that records the build: it is closed here.
    """
    try:
        events, failure = _drained(invocation.stream())  # a failed build raises after its events
        counted = DbtEventIterator(iter(events), dbt_cli_invocation=invocation).fetch_row_counts()
        described = DbtEventIterator(iter(list(counted)), dbt_cli_invocation=invocation)
        yield from described.fetch_column_metadata(with_column_lineage=False)
        if failure is not None:
            raise failure
    finally:
        if invocation.adapter is not None:
            manager = type(invocation.adapter.connections)
            environment = getattr(manager, "_ENV", None)  # dbt-duckdb's shared connection
            manager.close_all_connections()  # forgets it without closing it
            if environment is not None:
                environment.close()


def _drained(events: Iterator[Any]) -> tuple[list[Any], Exception | None]:
    """Every event of a stream, and the error it ended with (if any), to re-raise after them."""
    drained: list[Any] = []
    try:
        drained.extend(events)
    except Exception as error:  # re-raised by the caller, after the events
        return drained, error
    return drained, None
