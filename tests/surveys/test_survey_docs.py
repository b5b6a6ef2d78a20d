"""Analysts query core and marts: every column of the survey models is described."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models"
DOCUMENTED = {
    "core": MODELS / "core" / "surveys" / "_surveys__models.yml",
    "marts": MODELS / "marts" / "surveys" / "_surveys__models.yml",
}


def _described(path: Path) -> dict[str, dict[str, str]]:
    models = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    return {
        model["name"]: {c["name"]: (c.get("description") or "").strip() for c in model["columns"]}
        for model in models
    }


@pytest.mark.parametrize("schema", sorted(DOCUMENTED))
def test_every_published_survey_column_is_described(published_warehouse, schema):
    described = _described(DOCUMENTED[schema])
    published = published_warehouse.query(
        "SELECT table_name, list(column_name ORDER BY ordinal_position) "
        "FROM information_schema.columns WHERE table_schema = ? AND table_name IN "
        f"({', '.join('?' * len(described))}) GROUP BY table_name",
        [schema, *described],
    )
    assert {table for table, _ in published} == set(described)
    for table, columns in published:
        undescribed = [c for c in columns if not described[table].get(c)]
        assert not undescribed, f"{schema}.{table}: no description for {undescribed}"
        assert set(described[table]) <= set(columns), f"{schema}.{table}: stale column docs"
