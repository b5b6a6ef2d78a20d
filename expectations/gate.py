"""Run the Great Expectations suites kept as files in ``expectations/suites``.

Each suite file is a GX 1.x expectation suite whose ``meta`` says what it guards: ``model`` (the
dbt audit model whose rows are validated, ``audit.<name>``, from ``dbt_project/models/audit/``; its
Dagster asset key ``audit/<name>`` is where the check attaches), ``database`` (what the audit model
reads: ``raw`` for ingested landing data through the dbt sources, ``build`` for built models) and
``parameters`` (value sets read from dbt seeds, so vocabularies live in one place). The suites hold
no SQL. GX's SQL datasource does not work on DuckDB, so ``SELECT * FROM <model>`` runs over a
read-only DuckDB connection to the build database (with the raw database attached read-only as
``raw``, as in dbt's profile, for the audit views over dbt sources) and GX validates the DataFrame.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingestion.database import connect
from ingestion.reference import SEEDS_DIR, read_seed

SUITES_DIR = Path(__file__).resolve().parent / "suites"
AUDIT_MODEL = re.compile(r"^audit\.[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class SuiteSpec:
    """A suite file and what it guards."""

    name: str
    path: Path
    model: str
    database: str
    parameters: dict[str, dict[str, Any]]
    expectations: list[dict[str, Any]]
    description: str = ""

    @property
    def asset(self) -> tuple[str, ...]:
        """The audit model's Dagster asset key (``audit/<name>``), where the check attaches."""
        return tuple(self.model.split("."))

    @property
    def query(self) -> str:
        return f"SELECT * FROM {self.model}"


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
        missing = [key for key in ("model", "database") if key not in meta]
        if missing or meta.get("database") not in ("raw", "build") or "query" in meta:
            raise ValueError(f"{path.name}: meta needs model and database raw|build, and no query")
        if not AUDIT_MODEL.match(meta["model"]):
            raise ValueError(f"{path.name}: meta.model must name an audit model, audit.<name>")
        suites.append(
            SuiteSpec(
                name=document["name"],
                path=path,
                model=meta["model"],
                database=meta["database"],
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


def run_suite(
    spec: SuiteSpec,
    database: Path,
    seeds_dir: Path = SEEDS_DIR,
    *,
    raw_database: Path | None = None,
) -> GateResult:
    """Validate the rows of the suite's audit model, read over a read-only connection to the
    build ``database``; ``raw_database`` is attached read-only as ``raw`` for audit views that
    read the dbt sources."""
    with connect(database, read_only=True) as con:
        if raw_database is not None:
            con.execute("ATTACH ? AS raw (READ_ONLY)", [str(raw_database)])
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
