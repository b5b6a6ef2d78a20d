"""The charts' browser runtime: Vega, Vega-Lite and vega-embed as one offline script per site.

The profiles draw their charts in the browser from Vega-Lite specs embedded in the page (data
inline). The script that draws them is the bundle vl-convert ships (`vl_convert.javascript_bundle`:
Vega, Vega-Lite and vega-embed with their dependencies, nothing fetched), written once to
`profiles/_assets/` and loaded by every page through a relative path, so a page opened from disk
draws its charts with no network. The file name carries the library versions: a new vl-convert
writes a new file and a full build drops the old one.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

import altair as alt
import vl_convert as vlc

ASSETS = "_assets"
VEGA_LITE = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
"""The Vega-Lite version Altair writes its specs for (the bundle must be the same one)."""
RUNTIME_FILE = (
    f"vega-{vlc.get_vega_version()}-lite-{VEGA_LITE}-embed-{vlc.get_vega_embed_version()}.js"
)
RUNTIME_SRC = f"../{ASSETS}/{RUNTIME_FILE}"
"""The script's path as a profile page (`profiles/<GEO>/index.html`) references it."""


def write_runtime(profiles: Path, *, drop_others: bool = False) -> Path:
    """`profiles/_assets/<RUNTIME_FILE>` (bundled by vl-convert, ~0.9 MB, ~3 s) unless it is
    already there; `drop_others` removes bundles of other library versions (a full build)."""
    directory = profiles / ASSETS
    target = directory / RUNTIME_FILE
    if not target.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(vlc.javascript_bundle(vl_version=VEGA_LITE), encoding="utf-8")
        tmp.replace(target)
    if drop_others:
        for other in directory.glob("*.js"):
            if other != target:
                other.unlink(missing_ok=True)
    return target


def chart_html(chart_id: str, spec: dict, csv_name: str) -> str:
    """A chart's placeholder: its Vega-Lite spec as JSON (drawn by EMBED_SCRIPT), and for readers
    without JavaScript a pointer to the data table below it and to its CSV."""
    data = json.dumps(spec, separators=(",", ":"), default=str).replace("</", "<\\/")
    return (
        f'<figure class="chart"><div class="vega-chart" id="{escape(chart_id)}-chart" '
        f'role="img" aria-label="{escape(spec.get("description", ""))}"></div>'
        f'<script type="application/json" class="vega-spec" data-chart="{escape(chart_id)}-chart">'
        f'{data}</script><noscript><p class="note">This chart is drawn by JavaScript; its data '
        f'is in the table below and in <a href="{escape(csv_name)}">{escape(csv_name)}</a>.'
        f"</p></noscript></figure>"
    )


EMBED_SCRIPT = """
document.querySelectorAll("script.vega-spec").forEach(function (node) {
  var target = document.getElementById(node.dataset.chart);
  if (typeof vegaEmbed !== "function") {
    target.textContent = "The chart library (../_assets/) is missing beside this page: "
      + "the data is in the table below.";
    target.className += " chart-error";
    return;
  }
  vegaEmbed(target, JSON.parse(node.textContent), {renderer: "svg", actions: false})
    .then(function () { target.dataset.rendered = "yes"; })
    .catch(function (error) {
      target.textContent = "The chart could not be drawn (" + error + "); its data is below.";
      target.className += " chart-error";
    });
});
"""
"""Draws every chart of the page (vega-embed, SVG renderer) and says so in place of a chart when
the runtime is missing (a profile folder copied without `_assets/`) or a spec fails."""


def scripts() -> str:
    """The end-of-body scripts of a page with charts."""
    return (
        f'<script src="{escape(RUNTIME_SRC)}" charset="utf-8"></script>'
        f"<script>{EMBED_SCRIPT}</script>"
    )
