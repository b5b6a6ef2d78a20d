"""Charts of the country profiles: Vega-Altair specs, drawn in the browser (see `runtime`).

Every chart draws one report query's result as it comes back (no number is computed here): the
builder only decides which columns go on which channel, from the column names and types. A figure
whose columns fit no builder gets no chart (its table and CSV still appear).
"""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

WIDTH = 620
TIME_COLUMNS = ("year_month", "year_quarter", "year", "survey_year", "month", "quarter")
LAT_COLUMNS = ("latitude", "lat")
LON_COLUMNS = ("longitude", "lon", "lng")
_SKIP_VALUE = re.compile(r"(^|_)(sort|rank|order|id)($|_)|ci_low|ci_high")
SKIP_INTERVAL_TOPICS = ("civic_engagement",)
"""Drawn by Figure 10 per year; twelve Gallup waves would make the interval chart unreadable (and
the slowest chart of a profile). Its intervals stay in the table and CSV."""
PREFERRED = ("project_count", "event_count", "mentions", "instances", "cases", "mention_count")
_REGIONAL = re.compile(r"region")


def _numeric(df: pd.DataFrame) -> list[str]:
    return [
        c
        for c in df.columns
        if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
    ]


def _labels(df: pd.DataFrame) -> list[str]:
    """Text columns, readable labels first: `x_label` replaces its code column `x`."""
    text = [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]
    text = [c for c in text if f"{c}_label" not in text]
    return sorted(text, key=lambda c: (not c.endswith("_label"), text.index(c)))


def _first(columns: list[str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in columns:
            return name
    return None


def _value_columns(df: pd.DataFrame) -> list[str]:
    """Numeric columns worth drawing, preferred measures (counts of the report) first."""
    out = []
    for c in _numeric(df):
        if c in TIME_COLUMNS or any(k in c for k in ("latitude", "longitude", "margin", "region")):
            continue
        # differences (change_pp, gap_pp_2011), interval bounds, keys: not the measure itself
        skip = c.endswith(("_pp", "_low", "_high", "member_count")) or "_pp_" in c
        if skip or _SKIP_VALUE.search(c):
            continue
        out.append(c)
    return sorted(out, key=lambda c: (c not in PREFERRED, out.index(c)))


def _prepared(df: pd.DataFrame) -> pd.DataFrame:
    """A JSON-safe copy: dates and decimals as plain values."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: v if v is None or isinstance(v, (str, bool, int, float)) else str(v)
            )
    return out


def _apart(places: pd.DataFrame, lat: str, lon: str, degrees: float) -> pd.DataFrame:
    """The places (biggest first) that lie at least `degrees` from every place kept before them,
    so that the map's name labels do not print over each other."""
    kept: list[int] = []
    for index, place in places.iterrows():
        if all(
            abs(place[lat] - places.at[k, lat]) >= degrees
            or abs(place[lon] - places.at[k, lon]) >= 2 * degrees
            for k in kept
        ):
            kept.append(index)
    return places.loc[kept]


def map_chart(df: pd.DataFrame, title: str) -> alt.LayerChart | None:
    """Figure 13: one circle per place, sized by its count, on a Mercator projection fitted to the
    places' own extent, with a 5-degree graticule for orientation (no tiles, no basemap download);
    the biggest places are named, skipping names that would overlap a bigger one's."""
    lat, lon = _first(list(df.columns), LAT_COLUMNS), _first(list(df.columns), LON_COLUMNS)
    values = [c for c in _value_columns(df) if c not in (lat, lon)]
    if lat is None or lon is None or not values:
        return None
    data = _prepared(df.dropna(subset=[lat, lon]))
    if data.empty:
        return None
    label = (_labels(df) or [values[0]])[0]
    size = values[0]
    position = {
        "longitude": alt.Longitude(field=lon, type="quantitative"),
        "latitude": alt.Latitude(field=lat, type="quantitative"),
    }
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.6, color="#b2182b", stroke="#67001f")
        .encode(
            **position,
            size=alt.Size(
                field=size, type="quantitative", scale=alt.Scale(range=[30, 1800]), title=size
            ),
            tooltip=[alt.Tooltip(field=label, type="nominal"), alt.Tooltip(field=size)],
        )
    )
    biggest = data.sort_values(size, ascending=False).reset_index(drop=True)
    named = _apart(biggest, lat, lon, degrees=0.6).head(10)
    text = (
        alt.Chart(named)
        .mark_text(dy=-14, fontSize=11, fontWeight="bold")
        .encode(**position, text=alt.Text(field=label, type="nominal"))
    )
    extent = [
        [float(data[lon].min()) - 2, float(data[lat].min()) - 2],
        [float(data[lon].max()) + 2, float(data[lat].max()) + 2],
    ]
    grid = alt.Chart(alt.graticule(extent=extent, step=[5, 5])).mark_geoshape(
        stroke="#ccc", strokeWidth=0.5, fill=None
    )
    return (
        (grid + points + text)
        .project("mercator")
        .properties(width=WIDTH, height=380, description=title)
    )


def _named(data: pd.DataFrame, column: str | None) -> pd.DataFrame:
    """A colour column's missing labels shown as "(none)" rather than as a "null" legend entry
    (e.g. Figure 12's "Other Russian Organizations", which belongs to no channel group)."""
    if column is None or column not in data.columns or not data[column].isna().any():
        return data
    labels = data[column].astype(object)
    return data.assign(**{column: labels.where(labels.notna(), "(none)")})


def interval_chart(df: pd.DataFrame, title: str) -> alt.Chart | None:
    """A survey estimate with its 95% interval (ci_low/ci_high, or +/- its margin of error) and the
    regional mean as a tick, one row per item and wave; within-margin flags are shown as shapes."""
    columns = list(df.columns)
    low = next((c for c in columns if "ci_low" in c or c.endswith("_low")), None)
    high = next((c for c in columns if "ci_high" in c or c.endswith("_high")), None)
    margin = next((c for c in _numeric(df) if "margin_of_error" in c), None)
    values = [c for c in _value_columns(df) if c not in (low, high, margin)]
    if not values or not ((low and high) or margin):
        return None
    value = values[0]
    labels = _labels(df)
    regional = next((c for c in _numeric(df) if _REGIONAL.search(c) and "count" not in c), None)
    flag = next((c for c in columns if "within_margin" in c and "gap" in c), None)
    data = _prepared(df)
    if not (low and high):
        data = data.assign(
            interval_low=data[value] - data[margin], interval_high=data[value] + data[margin]
        )
        low, high = "interval_low", "interval_high"
    waves = [c for c in labels if "period" in c or "wave" in c]  # readable period first
    waves.sort(key=lambda c: "period" not in c)
    rows_ = [c for c in labels if c not in waves]
    row = rows_[0] if rows_ else None
    color = waves[0] if waves else (rows_[1] if len(rows_) > 1 else None)
    data = _named(data, color)
    y = (
        alt.Y(field=row, type="nominal", title=None, sort=None, axis=alt.Axis())
        if row
        else alt.value(10)
    )
    encode_color = (
        {"color": alt.Color(field=color, type="nominal", legend=alt.Legend(orient="bottom"))}
        if color
        else {}
    )
    offset = {"yOffset": alt.YOffset(field=color, type="nominal")} if color else {}
    base = alt.Chart(data)
    bars = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(field=low, type="quantitative", title=f"{value} (95% interval)"),
        x2=alt.X2(field=high),
        y=y,
        **encode_color,
        **offset,
    )
    shape = (
        {"shape": alt.Shape(field=flag, type="nominal", title="gap to region within margin")}
        if flag
        else {}
    )
    points = base.mark_point(filled=True, size=70).encode(
        x=alt.X(field=value, type="quantitative"), y=y, **encode_color, **offset, **shape
    )
    layers = bars + points
    if regional:
        layers += base.mark_tick(color="black", thickness=2, size=14).encode(
            x=alt.X(field=regional, type="quantitative"), y=y, **offset
        )
    rows = data[row].nunique() * (data[color].nunique() if color else 1) if row else 1
    return layers.properties(
        width=WIDTH - 160, height=max(60, min(1600, 14 * rows)), description=title
    )


def time_chart(df: pd.DataFrame, title: str) -> alt.Chart | None:
    """A series over time: one line per label (long format) or per numeric column (wide)."""
    time = _first(list(df.columns), TIME_COLUMNS)
    if time is None:
        return None
    values = [c for c in _value_columns(df) if c != time]
    # a text column with one value per row is the time again in words ("2011", "2010-2020"); one
    # with gaps annotates some rows (Figure 14's event of a spike month) and names no series
    labels = [
        c for c in _labels(df) if c != time and df[c].nunique() < len(df) and df[c].notna().all()
    ]
    data = _prepared(df.dropna(subset=[time]))  # summary rows (averages) have no time
    data[time] = data[time].astype(str).str.removesuffix(".0")
    if labels and values:
        series, value = labels[0], values[0]
        data = _named(data, series)
    elif values:
        data = data.melt(id_vars=[time], value_vars=values, var_name="series", value_name="value")
        series, value = "series", "value"  # the legend names the columns; no axis title
    else:
        return None
    return (
        alt.Chart(data)
        .mark_line(point=len(data) <= 60)
        .encode(
            x=alt.X(
                field=time,
                type="ordinal",
                title=None,
                axis=alt.Axis(labelAngle=-60, labelOverlap=True),
            ),
            y=alt.Y(field=value, type="quantitative", title=None if value == "value" else value),
            color=alt.Color(
                field=series,
                type="nominal",
                legend=alt.Legend(
                    orient="bottom", columns=3, title=None if series == "series" else series
                ),
            ),
        )
        .properties(width=WIDTH, height=240, description=title)
    )


def bar_chart(df: pd.DataFrame, title: str) -> alt.Chart | None:
    """One bar per label of the first text column, length = the first count/share column."""
    labels, values = _labels(df), _value_columns(df)
    if not labels or not values:
        return None
    label, value = labels[0], values[0]
    data = _prepared(df.dropna(subset=[value]))
    color = labels[1] if len(labels) > 1 and df[labels[1]].nunique() <= 8 else None
    by_year = [c for c in values if re.search(r"_(19|20)\d\d$", c)]
    by_year = [c for c in by_year if c[:-5] == by_year[0][:-5]]  # pct_2011, pct_2018: one measure
    if color is None and len(by_year) > 1:  # one column per year (Tables 4, 5): grouped bars
        value, color = re.sub(r"_\d{4}$", "", by_year[0]), "year"
        data = _prepared(df).melt(id_vars=[label], value_vars=by_year, var_name=color)
        data = data.rename(columns={"value": value}).dropna(subset=[value])
        data[color] = data[color].str[-4:]
    data = _named(data, color)
    encode = (
        {
            "color": alt.Color(field=color, type="nominal", legend=alt.Legend(orient="bottom")),
        }
        if color
        else {}
    )
    if color and data[label].duplicated().any():  # several bars per label: side by side
        encode["yOffset"] = alt.YOffset(field=color, type="nominal")
    height = 18 * len(data) if "yOffset" in encode else 18 * data[label].nunique()
    bars = (
        alt.Chart(data)
        .mark_bar(color="#4c78a8")
        .encode(
            y=alt.Y(field=label, type="nominal", sort="-x", title=None, axis=alt.Axis()),
            x=alt.X(field=value, type="quantitative", title=value),
            **encode,
        )
    )
    return bars.properties(
        width=WIDTH - 260,
        height=max(40, height),
        description=title,
    )


def intervals_by_topic(df: pd.DataFrame, title: str) -> alt.LayerChart | None:
    """Every survey share with its interval in one chart (one row per topic and indicator, one
    mark per wave): one view instead of one per topic, as vl-convert's time grows per view."""
    rows = df[~df["topic"].isin(SKIP_INTERVAL_TOPICS)]
    if rows.empty:
        return None
    topic = rows["topic"].astype(str).str.replace("_", " ").str.capitalize()
    rows = rows.assign(indicator=topic + " · " + rows["indicator"].astype(str))
    return interval_chart(rows.drop(columns=["topic"]), title)


def chart_for(name: str, df: pd.DataFrame, title: str) -> alt.Chart | None:
    """The chart of one figure query's result, or None when the columns fit no builder."""
    if df.empty:
        return None
    if "topic" in df.columns and any("ci_low" in c for c in df.columns):
        return intervals_by_topic(df, title)
    columns = list(df.columns)
    if _first(columns, LAT_COLUMNS) and _first(columns, LON_COLUMNS):
        return map_chart(df, title)
    for builder in (interval_chart, time_chart, bar_chart):
        chart = builder(df, title)
        if chart is not None:
            return chart
    return None


CONFIG = {
    "axis": {"labelLimit": 0, "titleLimit": 0},
    "legend": {"labelLimit": 0, "titleLimit": 0},
    "view": {"continuousWidth": WIDTH},
}
"""No truncated labels: long axis and legend labels widen the chart (the figure scrolls)."""


def _records(data: pd.DataFrame) -> dict:
    """Altair data transformer: the rows as JSON values written by pandas' C encoder (NaN as
    null, dates ISO, full float precision), instead of Altair's column-by-column sanitising, which
    was two thirds of a chart's build time."""
    return {
        "values": json.loads(data.to_json(orient="records", date_format="iso", double_precision=15))
    }


alt.data_transformers.register("profile_records", _records)


def figure_spec(name: str, df: pd.DataFrame, title: str) -> dict | None:
    """The Vega-Lite spec (data inline, `datasets`) of one figure query's result for the browser
    to draw, or None when no builder fits. Built with Altair's instantiation-time validation off
    (its debug mode re-validates every channel object against the schema, a third of the build
    time); a wrong spec still shows, as the page's chart error and in the browser test."""
    with debug_mode(False), alt.data_transformers.enable("profile_records"):
        chart = chart_for(name, df, title)
        if chart is None:
            return None
        spec = chart.to_dict(validate=False)
    spec["config"] = {**spec.get("config", {}), **CONFIG}
    return spec
