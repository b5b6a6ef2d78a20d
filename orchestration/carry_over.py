"""Rebuild only what changed: carry the current release's unchanged tables into the next build.

A refresh after one landing source changed (a restriction sheet re-coded) does not need to
rebuild the other barometers: their inputs and the code are those the current release was built
from. The publish step keeps a private copy of every release it publishes (``release_cache``,
beside the build database: analysts never open it, so it holds exactly what was published). A
carry-over build starts from that copy instead of an empty file and runs ``dbt build`` on:

- every node downstream of a raw table whose landing source changed (``source:<table>+``, its
  tests and unit tests included), and of the ingestion log tables, which change with any load;
- every view (staging, intermediate, audit: build plumbing the publish step drops), without
  their tests, so that the gate validates the complete build as it does after a full build.

Everything else (seeds, and the core, mart and metadata tables of unchanged lineages) is the
release's own table, audited with it; its dbt tests report the release's recorded results. The
gate, the removal guard and the publish step are the same as for a full build, so a release is
still one consistent, audited file.

A full build runs instead whenever the carried tables might not be what a full build would
make: the code changed (any file: Python readers, dbt models, seeds, suites), the copy is not the
current release's (a rollback, a failed or killed publish, a copy never made), the operator
forced a rebuild, or every source changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ingestion.database import DatabaseBusy, connect
from ingestion.landing import LOG_TABLES
from ingestion.landing_state import accepted_files
from ingestion.sources import SOURCES
from orchestration.release_archive import fsync


def release_cache(build_db: Path) -> Path:
    """The publish step's private copy of the current release, beside the build database."""
    return build_db.with_name("release_cache.duckdb")


def keep_release_cache(build_db: Path) -> str | None:
    """Copy the sealed build (about to become the release) to the cache; a warning if it fails.

    The cache only saves time: a failed copy (a full disk) removes it and the next refresh
    builds in full, and the release is published either way.
    """
    cache = release_cache(build_db)
    partial = cache.with_name(cache.name + ".partial")
    try:
        shutil.copyfile(build_db, partial)
        fsync(partial)
        os.replace(partial, cache)
    except OSError as error:
        partial.unlink(missing_ok=True)
        cache.unlink(missing_ok=True)
        return (
            f"No copy of the release kept for carry-over builds ({error}): the next refresh "
            "builds in full."
        )
    return None


@dataclass(frozen=True)
class CarryOver:
    """A carry-over build: from which release, and which landing sources changed since."""

    release_id: str
    changed_sources: tuple[str, ...]
    rebuilt_tables: tuple[str, ...]

    def summary(self) -> str:
        return (
            f"Carry-over build from release {self.release_id}: landing source(s) "
            f"{', '.join(self.changed_sources)} changed; rebuilding what reads raw "
            f"{', '.join(self.rebuilt_tables)} and every view, carrying the other tables over."
        )

    def dbt_selection(self, manifest: dict) -> list[str]:
        """``--select`` arguments: the changed raw tables' descendants (with their tests) and
        every view; ``--indirect-selection empty`` keeps the views' own tests out."""
        by_table = {
            source.get("identifier") or source["name"]: f"{source['source_name']}.{source['name']}"
            for source in manifest["sources"].values()
        }
        missing = sorted(set(self.rebuilt_tables) - set(by_table))
        if missing:
            raise ValueError(
                f"no dbt source reads raw table(s) {missing}: add them to a sources YAML"
            )
        lineages = [f"source:{by_table[table]}+" for table in self.rebuilt_tables]
        selection = " ".join([*lineages, "config.materialized:view"])
        return ["--select", selection, "--indirect-selection", "empty"]


def plan_carry_over(
    build_db: Path, raw_db: Path, *, release_id: str | None, code_fingerprint: str
) -> CarryOver | str:
    """The carry-over build for these inputs, or why the build must be full (one line)."""
    cache = release_cache(build_db)
    if release_id is None:
        return "no release is published"
    if not cache.exists():
        return "no copy of the current release is kept (first build, or it could not be made)"
    try:
        with connect(cache, read_only=True, wait_seconds=0) as con:
            cached = con.execute(
                """SELECT release_id, code_fingerprint FROM metadata.releases
                   ORDER BY published_at DESC LIMIT 1"""
            ).fetchone()
            release_files = con.execute(
                """SELECT landing_source, landing_file, accepted_hash FROM metadata.landing_files
                   WHERE accepted_hash IS NOT NULL ORDER BY ALL"""
            ).fetchall()
    except (duckdb.Error, DatabaseBusy) as error:  # any copy that does not open: full build
        return f"the kept copy of the release does not open ({str(error).splitlines()[0]})"
    if cached is None or cached[0] != release_id:
        kept = cached[0] if cached else "?"
        return f"the kept copy is release {kept}, not the current one ({release_id})"
    if cached[1] != code_fingerprint:
        return "the code changed since the release was built"
    with connect(raw_db, read_only=True) as con:
        loaded = accepted_files(con, tuple(source.name for source in SOURCES))
    changed = _with_readers(_differing_sources(release_files, loaded))
    if not changed:
        return "no landing source's accepted files differ from the release's"
    if len(changed) == len(SOURCES):
        return "every landing source changed"
    tables = [t for source in SOURCES if source.name in changed for t in source.tables]
    # The log tables change with any load: always rebuilt.
    return CarryOver(release_id, tuple(sorted(changed)), (*LOG_TABLES, *tables))


def take_release_cache(build_db: Path) -> None:
    """Make the kept copy the build database (moved, not copied: a failed carry-over build is
    followed by a full one, which needs no copy)."""
    os.replace(release_cache(build_db), build_db)


def _differing_sources(release: Iterable[tuple], loaded: Iterable[list]) -> set[str]:
    before = {tuple(row) for row in release}
    after = {tuple(row) for row in loaded}
    return {row[0] for row in before ^ after}


def _with_readers(changed: set[str]) -> set[str]:
    """The changed sources and every source whose reader reads one of them (transitively): its
    raw rows may change although its own files did not (project sheets cite Factiva articles)."""
    closure = set(changed)
    while True:
        readers = {s.name for s in SOURCES if closure & set(s.reads_sources)} - closure
        if not readers:
            return closure
        closure |= readers
