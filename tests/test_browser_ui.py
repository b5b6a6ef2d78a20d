"""The Dagster UI in a real browser: headless Debian chromium, driven by Playwright, on the
webserver of the refreshed sample warehouse. The lineage runs from the ingestion through dbt and
the gate's checked audit model to the release, the command-line refresh is in the run list, and
the release's checks show as passed.

Playwright never downloads a browser here: ``.ci/run`` installs Debian's ``chromium``.
"""

from __future__ import annotations

import re
import shutil
import urllib.parse
from collections.abc import Iterator

import dagster as dg
import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

# One asset per step of a refresh, on the restrictions barometer's path to the release, with the
# group the lineage shows it in.
LINEAGE = {
    "raw/restriction_events": "landing",  # the ingestion (Python)
    "marts/restrictions_by_period": "restrictions_marts",  # dbt; its dbt tests are checks
    "audit/audit_restriction_raw_events": "restrictions_audit",  # its GX suite gates the release
    "metadata/releases": "publish",  # the publish step
}
GX_CHECK = "gx_restrictions_raw_events"
# A node's check summary when every check passed: "5 / 5 Passed", never "4 / 5 Passed".
ALL_PASSED = re.compile(r"(?<!\d)(\d+) / \1 Passed")
# The UI greets a new browser with a newsletter dialog over the page; a returning user has
# dismissed it, which the UI remembers in local storage.
NO_COMMUNITY_DIALOG = "window.localStorage.setItem('communityNux', JSON.stringify('1'))"


@pytest.fixture(scope="module")
def page(webserver: int) -> Iterator[Page]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: `apt-get install chromium` (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        context = browser.new_context(
            base_url=f"http://127.0.0.1:{webserver}", viewport={"width": 1920, "height": 1200}
        )
        context.add_init_script(NO_COMMUNITY_DIALOG)
        context.set_default_timeout(60_000)  # a loaded 2-core machine lays the graph out slowly
        expect.set_options(timeout=60_000)
        yield context.new_page()
        browser.close()


@pytest.fixture(scope="module")
def latest_refresh(published_warehouse) -> dg.DagsterRun:
    """The sample warehouse's latest refresh, run in-process like ``civic refresh``."""
    with dg.DagsterInstance.from_config(str(published_warehouse.paths.dagster_home)) as instance:
        return instance.get_runs(dg.RunsFilter(job_name="refresh"), limit=1)[0]


def _innermost(page: Page, inner: Locator, text: str) -> Locator:
    """The smallest element holding both ``inner`` and ``text`` (a graph node, a table row)."""
    return page.locator("div").filter(has=inner).filter(has_text=text).last


def test_lineage_shows_ingestion_dbt_checks_and_the_release(page: Page):
    selection = " or ".join(f'key:"{key}"' for key in LINEAGE)
    page.goto(f"/asset-groups~{urllib.parse.quote(selection, safe='')}/")
    for group in LINEAGE.values():  # the graph opens with its groups collapsed
        expect(page.get_by_text(group, exact=True).last).to_be_visible()
    page.keyboard.press("Alt+e")  # the graph's "Expand all groups" (⌥E)
    names = {key: page.locator(f'[data-tooltip="{key.split("/")[-1]}"]') for key in LINEAGE}
    for name in names.values():
        expect(name).to_be_visible()
    nodes = {key: _innermost(page, name, "Asset checks") for key, name in names.items()}
    # The kind badges sit under each node's box.
    expect(_innermost(page, names["raw/restriction_events"], "Python")).to_be_visible()
    expect(_innermost(page, names["marts/restrictions_by_period"], "dbt")).to_be_visible()
    for key in ("marts/restrictions_by_period", "audit/audit_restriction_raw_events"):
        expect(nodes[key]).to_contain_text(ALL_PASSED)
        expect(nodes[key]).not_to_contain_text(re.compile("Failed|Skipped"))


def test_runs_page_lists_the_command_line_refresh(page: Page, latest_refresh: dg.DagsterRun):
    page.goto("/runs")
    run_link = page.locator(f'a[href="/runs/{latest_refresh.run_id}"]').first
    expect(run_link).to_have_text(latest_refresh.run_id[:8])
    row = _innermost(page, run_link, "Manually launched")
    expect(row).to_contain_text("refresh")
    expect(row).to_contain_text("Success")


def test_the_gate_check_of_the_release_shows_as_passed(page: Page):
    page.goto("/assets/audit/audit_restriction_raw_events?view=checks")
    listed = _innermost(page, page.get_by_text(GX_CHECK, exact=True).first, "ucceeded")
    expect(listed).to_contain_text("Succeeded")
    expect(page.get_by_text("Passed", exact=True)).to_be_visible()  # the latest evaluation
