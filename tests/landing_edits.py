"""Edits an operator makes to the landing zone, for tests that need a refresh to have work."""

from __future__ import annotations

from pathlib import Path

RESTRICTION_HEADER = (
    "event_id,country,event_date,restriction_type,harm,status,charge_link,targets,initiators,"
    "initiator_country,summary,source_type,source_ref"
)


def add_restriction_sheet(landing_dir: Path, name: str, country: str, *event_ids: str) -> Path:
    """A new coding sheet of journalists detained in ``country`` (2020), one row per event id:
    a change of the restriction source alone, so the next refresh is a carry-over build."""
    rows = [
        f"{event_id},{country},2020-05-04,harassment_violence,harassment,acted_on,,"
        f"media_journalist,government,,Journalist detained,civicus,"
        f"https://monitor.civicus.org/newsfeed/{event_id}/"
        for event_id in event_ids
    ]
    path = landing_dir / "restrictions" / name
    path.write_text("\n".join([RESTRICTION_HEADER, *rows]) + "\n", encoding="utf-8")
    return path
