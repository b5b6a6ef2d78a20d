"""The Dagster UI on the warehouse's instance shows the lineage and the CLI's runs."""

from __future__ import annotations

import json
import urllib.request

QUERY = """{
  runsOrError { ... on Runs { results { runId status jobName } } }
  assetNodes { assetKey { path } dependencyKeys { path } }
}"""


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


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
