"""The benchmark floor (``benchmarks/floor.py``) must compute what the release publishes: a
yardstick that computed other numbers would make the floor ratio meaningless. Not timed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR_SCRIPT = ROOT / "benchmarks" / "floor.py"
SEEDS = ROOT / "dbt_project" / "seeds"
COUNTS = (
    "total_events",
    "harassment_violence_events",
    "restrictive_legislation_events",
    "state_legal_case_events",
    "events_outside_window",
    "acted_on_share_pct",
    "direct_charge_share_pct",
)


@pytest.fixture(scope="module")
def floor_kazakhstan(published_warehouse) -> dict:
    spec = importlib.util.spec_from_file_location("floor", FLOOR_SCRIPT)
    floor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(floor)
    con, _ = floor.run(published_warehouse.landing_dir)
    return floor.headlines(con, "KAZ")


def test_floor_restriction_counts_equal_the_release(published_warehouse, floor_kazakhstan):
    (published,) = published_warehouse.query(
        f"SELECT {', '.join(COUNTS)} FROM marts.restriction_headlines WHERE geography_id = 'KAZ'"
    )
    assert floor_kazakhstan["restriction_counts"] == dict(zip(COUNTS, published, strict=True))
    assert floor_kazakhstan["restriction_counts"]["total_events"] > 0


def test_floor_weighted_shares_equal_the_release(published_warehouse, floor_kazakhstan):
    """Every item share the release publishes for Kazakhstan (the indices are not in the floor)."""
    items = pd.read_csv(SEEDS / "surveys" / "survey_items.csv")["item_id"].tolist()
    published = dict(
        published_warehouse.query(
            f"""SELECT wave_group || '/' || item_id || '/' || outcome, share_pct / 100
                FROM marts.attitude_indicators WHERE geography_id = 'KAZ'
                AND item_id IN ({", ".join("?" for _ in items)})""",
            items,
        )
    )
    shares = floor_kazakhstan["weighted_shares"]
    assert len(published) > 50, "the release publishes Kazakhstan's attitude indicators"
    assert set(published) == set(shares)
    assert {key: shares[key] for key in published} == pytest.approx(published, rel=1e-9)
