"""The article store end to end: loaded deliveries through dbt (precedence, status, history) and
the gate suite on current articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from expectations.gate import load_suites, validate_frame
from ingestion.factiva import FACTIVA
from ingestion.landing import sync_source

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"
A = "SKRANE0020180913ee9d0002t"
B = "TASS000020190101ef1a0003x"
C = "RUSTOD0020190101ef1a0004y"
MODELS = "+fct_factiva_article_records +dim_factiva_article +audit_factiva_current_articles"


def _record(an, action, modified, title=None, row_extra=None):
    record = {"an": an, "action": action, "modification_datetime": modified}
    if action != "del":
        record |= {
            "title": title,
            "source_code": "TASS",
            "source_name": "TASS",
            "publication_datetime": "1536796800000",
        }
    return record | (row_extra or {})


def _write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Three deliveries loaded by the loader and built by dbt (models, data and unit tests)."""
    root = tmp_path_factory.mktemp("factiva_build")
    landing = root / "landing" / "factiva"
    _write(
        landing / "2018-09-13.jsonl",
        [
            _record(A, "add", 1000, "A first"),
            _record(B, "rep", 1000, "B only rep"),  # a rep never added: an add
            _record(C, "add", 1000, "C row 3"),
            _record(C, "rep", 1000, "C row 4"),  # same time, same file: the later row wins
        ],
    )
    # B: a later file with an older modification time loses; A: replaced, then deleted
    _write(landing / "2018-09-14.jsonl", [_record(A, "rep", 3000, "A replaced")])
    _write(landing / "2018-09-15.jsonl", [_record(A, "del", 4000), _record(B, "rep", 500, "old")])
    result = sync_source(FACTIVA, root / "landing", root / "raw.duckdb", batch_id="t")
    assert not result.rejected
    build_db = root / "build.duckdb"
    databases = json.dumps({"build_db": str(build_db), "raw_db": str(root / "raw.duckdb")})
    dbt = Path(sys.executable).parent / "dbt"
    completed = subprocess.run(
        [
            str(dbt),
            "build",
            "--profiles-dir",
            ".",
            "--select",
            *MODELS.split(),
            "--indirect-selection",
            "cautious",  # not the project barometer's tests that also read these models
            "--vars",
            databases,
            "--target-path",
            str(root / "target"),
            "--log-path",
            str(root / "logs"),
        ],
        cwd=DBT_PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-4000:]
    return build_db


def test_dimension_applies_precedence_and_deletions(built):
    with duckdb.connect(str(built), read_only=True) as con:
        rows = con.execute(
            """SELECT an, article_status, title, first_delivered_in, deleted_in_file, versions
               FROM core.dim_factiva_article ORDER BY an"""
        ).fetchall()
    assert rows == [
        (C, "current", "C row 4", "factiva/2018-09-13.jsonl", None, 2),
        (A, "deleted", "A replaced", "factiva/2018-09-13.jsonl", "factiva/2018-09-15.jsonl", 3),
        (B, "current", "B only rep", "factiva/2018-09-13.jsonl", None, 2),
    ]


def test_history_keeps_every_record_with_its_successor(built):
    with duckdb.connect(str(built), read_only=True) as con:
        rows = con.execute(
            """SELECT record_id, effective_action, version_number, is_current_version,
                      superseded_by_file, superseded_by_row
               FROM core.fct_factiva_article_records WHERE an = ? ORDER BY version_number""",
            [B],
        ).fetchall()
    assert rows == [
        ("factiva/2018-09-15.jsonl:2", "add", 1, False, "factiva/2018-09-13.jsonl", 2),
        ("factiva/2018-09-13.jsonl:2", "rep", 2, True, None, None),
    ]


def test_gate_suite_passes_on_the_built_articles(built):
    (suite,) = [s for s in load_suites() if s.name == "factiva_core_articles"]
    with duckdb.connect(str(built), read_only=True) as con:
        frame = con.execute(suite.query).df()
    outcome = validate_frame(suite, frame, {})
    assert outcome.success, outcome.failures
    assert outcome.rows_validated == 3


def test_gate_suite_blocks_duplicates_and_incomplete_current_articles():
    (suite,) = [s for s in load_suites() if s.name == "factiva_core_articles"]
    frame = pd.DataFrame(
        {
            "an": [A, A, B],
            "article_status": ["current", "current", "withdrawn"],
            "current_an": [A, A, None],
            "current_article_incomplete": [None, "factiva/x.jsonl (A)", None],
        }
    )
    outcome = validate_frame(suite, frame, {})
    assert not outcome.success
    failed = "\n".join(outcome.failures)
    assert "current_an" in failed and "article_status" in failed
    assert "factiva/x.jsonl (A)" in failed
