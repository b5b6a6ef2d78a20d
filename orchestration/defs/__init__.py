"""Every Dagster definition of the code location, one folder per domain.

``orchestration.definitions`` loads whatever the modules below define at module scope (assets,
asset checks, jobs, schedules, sensors; lists of them too), so a new asset or check needs no edit
there. Keep plain logic in plain modules (``orchestration.release``, ``landing_guard``, …): the
modules here are thin Dagster wrappers over it.

- ``landing/``: the ingestion multi-asset (every raw table) and the checks on the landing state
- ``warehouse/``: the dbt models (``dbt build``)
- ``gate/``: one blocking check per Great Expectations suite, on its dbt audit model
- ``publish/``: the release
- ``automation/``: the refresh job, its schedule and the landing sensor
"""
