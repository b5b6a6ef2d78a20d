"""Reference data the readers validate against, read from the dbt seeds.

The seeds are the single source of truth for vocabularies, country codes and aliases: the readers
and the dbt models see the same rules, and changing a rule is a data change, not a code change.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingestion.names import name_key

SEEDS_DIR = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"


def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> list[dict[str, str]]:
    """Rows of the seed ``name`` (searched in every seed sub-folder) as dicts of strings."""
    matches = sorted(seeds_dir.rglob(f"{name}.csv"))
    if len(matches) != 1:
        raise FileNotFoundError(f"expected exactly one seed {name}.csv under {seeds_dir}")
    with matches[0].open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Vocabulary:
    """Allowed values of one coded column; each value may be limited to some restriction types."""

    column: str
    applies_to: dict[str, frozenset[str]]  # value -> restriction types (empty: every type)

    @property
    def values(self) -> frozenset[str]:
        return frozenset(self.applies_to)

    def applies(self, restriction_type: str) -> bool:
        """Whether the column is coded at all for records of ``restriction_type``."""
        return any(self.allows(value, restriction_type) for value in self.applies_to)

    def allows(self, value: str, restriction_type: str) -> bool:
        types = self.applies_to.get(value)
        return types is not None and (not types or restriction_type in types)


@dataclass(frozen=True)
class ReferenceData:
    geography_ids: frozenset[str]
    # Matched as every registry name is (names.name_key); survey codes use
    # surveys.countries.norm_code instead (398.0 -> '398'), so the two rules differ.
    aliases: dict[str, str]  # name_key of an alias or id -> geography_id
    vocabularies: dict[str, Vocabulary]
    windows: dict[str, tuple[date, date]]

    @classmethod
    def from_seeds(cls, seeds_dir: Path = SEEDS_DIR) -> ReferenceData:
        geographies = read_seed("geographies", seeds_dir)
        ids = frozenset(row["geography_id"] for row in geographies)
        aliases = {name_key(gid): gid for gid in ids}
        for row in read_seed("geography_aliases", seeds_dir):
            aliases[name_key(row["alias"])] = row["geography_id"]

        applies: dict[str, dict[str, set[str]]] = {}
        for row in read_seed("coding_vocabularies", seeds_dir):
            types = applies.setdefault(row["column_name"], {}).setdefault(row["value"], set())
            if row["applies_to_restriction_type"]:
                types.add(row["applies_to_restriction_type"])
        vocabularies = {
            column: Vocabulary(column, {v: frozenset(t) for v, t in by_value.items()})
            for column, by_value in applies.items()
        }
        windows = {
            row["barometer"]: (
                date.fromisoformat(row["window_start"]),
                date.fromisoformat(row["window_end"]),
            )
            for row in read_seed("barometer_windows", seeds_dir)
        }
        return cls(ids, aliases, vocabularies, windows)

    @property
    def programme_years(self) -> tuple[int, int]:
        """First and last calendar year any barometer window covers (2010-2021)."""
        return (
            min(start.year for start, _ in self.windows.values()),
            max(end.year for _, end in self.windows.values()),
        )

    def resolve_geography(self, value: str) -> str | None:
        """The geography id for a code, English name or alias; None when unknown."""
        return self.aliases.get(name_key(value))
