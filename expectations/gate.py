"""Run the Great Expectations suites kept as files in ``expectations/suites``.

Each suite file is a GX 1.x expectation suite whose ``meta`` says what it guards:
``asset`` (the Dagster asset key the check attaches to, e.g. ``marts/restriction_headlines``),
``database`` (``raw`` for ingested landing data, ``build`` for the dbt build), ``query`` (DuckDB SQL
whose result is validated) and ``parameters`` (value sets read from dbt seeds, so vocabularies live
in one place). GX's SQL datasource does not work on DuckDB, so the query runs over a read-only
DuckDB connection and GX validates the resulting DataFrame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ingestion.reference import SEEDS_DIR, read_seed

SUITES_DIR = Path(__file__).resolve().parent / "suites"


@dataclass(frozen=True)
class SuiteSpec:
    """A suite file and what it guards."""

    name: str
    path: Path
    asset: tuple[str, ...]
    database: str
    query: str
    parameters: dict[str, dict[str, Any]]
    expectations: list[dict[str, Any]]
    description: str = ""


@dataclass
class GateResult:
    """Outcome of one suite; failures name the expectation, the column and examples."""

    suite: str
    success: bool
    evaluated: int
    rows_validated: int
    failures: list[str] = field(default_factory=list)


def load_suites(directory: Path = SUITES_DIR) -> list[SuiteSpec]:
    """Every suite file, validated for the keys the gate needs."""
    suites = []
    for path in sorted(directory.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        meta = document.get("meta", {})
        missing = [key for key in ("asset", "database", "query") if key not in meta]
        if missing or meta.get("database") not in ("raw", "build"):
            raise ValueError(f"{path.name}: meta needs asset, query and database raw|build")
        suites.append(
            SuiteSpec(
                name=document["name"],
                path=path,
                asset=tuple(meta["asset"].split("/")),
                database=meta["database"],
                query=meta["query"],
                parameters=meta.get("parameters", {}),
                expectations=document["expectations"],
                description=meta.get("description", ""),
            )
        )
    return suites


def resolve_parameters(spec: SuiteSpec, seeds_dir: Path = SEEDS_DIR) -> dict[str, Any]:
    """Fill each ``$PARAMETER`` with the seed's distinct ``column`` values on rows matching
    ``where`` (a list), or with how many there are when ``"aggregate": "count"``."""
    resolved: dict[str, Any] = {}
    for name, source in spec.parameters.items():
        rows = read_seed(source["seed"], seeds_dir)
        where = source.get("where", {})
        values = sorted(
            {
                row[source["column"]]
                for row in rows
                if all(row[key] == value for key, value in where.items())
            }
        )
        resolved[name] = len(values) if source.get("aggregate") == "count" else values
    return resolved


def run_suite(spec: SuiteSpec, database: Path, seeds_dir: Path = SEEDS_DIR) -> GateResult:
    """Validate the suite's query result, read over a read-only connection to ``database``."""
    with duckdb.connect(str(database), read_only=True) as con:
        frame = con.execute(spec.query).df()
    return validate_frame(spec, frame, resolve_parameters(spec, seeds_dir))


def validate_frame(spec: SuiteSpec, frame, parameters: dict[str, Any]) -> GateResult:
    import great_expectations as gx  # slow to import: only when a gate actually runs
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    suite = gx.ExpectationSuite(name=spec.name)
    for expectation in spec.expectations:
        suite.add_expectation_configuration(
            ExpectationConfiguration(
                type=expectation["type"],
                kwargs=expectation["kwargs"],
                meta=expectation.get("meta", {}),
            )
        )
    batch = (
        context.data_sources.add_pandas(spec.name)
        .add_dataframe_asset(spec.name)
        .add_batch_definition_whole_dataframe(spec.name)
        .get_batch(batch_parameters={"dataframe": frame})
    )
    outcome = batch.validate(suite, expectation_parameters=parameters)
    failures = [_describe_failure(result) for result in outcome.results if not result.success]
    return GateResult(
        suite=spec.name,
        success=bool(outcome.success),
        evaluated=len(outcome.results),
        rows_validated=len(frame),
        failures=failures,
    )


def _describe_failure(result) -> str:
    config = result.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k in ("column", "column_A", "column_B")}
    target = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    details = result.result or {}
    if result.exception_info and result.exception_info.get("raised_exception"):
        return f"{config.type}({target}): error {result.exception_info['exception_message']}"
    parts = [f"{config.type}({target})"]
    if details.get("unexpected_count") is not None:
        parts.append(f"{details['unexpected_count']} unexpected")
        examples = details.get("partial_unexpected_list") or []
        if examples:
            parts.append(f"e.g. {examples[:5]}")
    elif "observed_value" in details:
        parts.append(f"observed {details['observed_value']}")
    why = (config.meta or {}).get("why")
    if why:
        parts.append(f"- {why}")
    return " ".join(parts)
