"""The Dagster UI on the warehouse's instance shows the lineage and the CLI's runs."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

QUERY = """{
  runsOrError { ... on Runs { results { runId status jobName } } }
  assetNodes { assetKey { path } dependencyKeys { path } }
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


@pytest.fixture(scope="module")
def webserver(published_warehouse):
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(published_warehouse.paths.dagster_home),
        "CIVIC_LANDING_DIR": str(published_warehouse.landing_dir),
        "CIVIC_WAREHOUSE_DIR": str(published_warehouse.warehouse_dir),
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dagster-webserver"),
            "-m",
            "orchestration.definitions",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("dagster-webserver did not start") from None
                time.sleep(1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_ui_shows_cli_runs_and_lineage_to_the_release(webserver):
    data = _graphql(webserver, QUERY)
    runs = data["runsOrError"]["results"]
    assert any(run["jobName"] == "refresh" and run["status"] == "SUCCESS" for run in runs)

    parents = {
        "/".join(node["assetKey"]["path"]): {"/".join(d["path"]) for d in node["dependencyKeys"]}
        for node in data["assetNodes"]
    }
    assert parents["staging/stg_coding_sheets__restriction_events"] == {"raw/restriction_events"}
    assert "marts/restrictions_by_period" in parents["metadata/releases"]
    assert "core/fct_restriction_events" in parents["marts/restrictions_by_period"]
