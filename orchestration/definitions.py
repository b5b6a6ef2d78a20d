"""The code location: every definition found in the domain folders of ``orchestration.defs``.

Adding an asset, a check (a new suite file is one) or a schedule needs no edit here.
"""

from __future__ import annotations

import warnings

import dagster as dg
from dagster_dbt import DbtCliResource

import orchestration.defs
from orchestration.dbt_project import DBT_PROJECT, dbt_executable, project_owners
from orchestration.resources import WarehouseResource

with warnings.catch_warnings():
    # The loader and the spec mapping are marked "preview" in Dagster 1.13; the pinned version and
    # tests/test_lineage.py keep them honest, and the warning would otherwise open every `civic`
    # run's output.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    defs = dg.load_definitions_from_package_module(
        orchestration.defs,
        resources={
            "dbt": DbtCliResource(project_dir=DBT_PROJECT, dbt_executable=dbt_executable()),
            "warehouse": WarehouseResource.from_env(),
        },
        executor=dg.in_process_executor,
    )
    # The dbt models name their owners in dbt_project.yml; the Python assets answer to the same.
    defs = defs.map_asset_specs(
        func=lambda spec: spec if spec.owners else spec.replace_attributes(owners=project_owners())
    )
