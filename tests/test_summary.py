"""`civic status` names every current rejection by file, row and column, one line each."""

from __future__ import annotations

from ingestion.landing import sync_source
from orchestration.paths import WarehousePaths
from orchestration.summary import status_report
from tests.test_landing import toy  # noqa: F401 - the toy source fixture


def test_status_lists_rejections_one_line_each(toy, tmp_path):  # noqa: F811
    source, landing, _, _ = toy
    paths = WarehousePaths(landing, tmp_path / "warehouse")
    paths.warehouse_dir.mkdir()
    (landing / "toy" / "a.txt").write_text("ann,1\nbad")
    sync_source(source, landing, paths.raw_db, batch_id="b1")

    report = status_report(paths).splitlines()

    assert "Currently rejected:" in report
    assert "    toy/a.txt, row 3, column 'name': bad line" in report
