"""The floor: the least work that turns the landing files into the warehouse's headline numbers.

A yardstick for issue 12, not a pipeline: it reads every restriction sheet and survey microdata
file once (pandas, openpyxl, pyreadstat) into an in-memory DuckDB, unpivots the survey answers,
and computes the restriction counts per geography and the weighted share of every survey item's
outcome per geography and wave group. No validation, lineage, checks, audit or publishing; it
assumes the files are valid (run it on files the pipeline accepts). It shares no code with the
pipeline: it reads only the landing files and the dbt seeds (the harmonisation rules are data).

Usage: .venv/bin/python benchmarks/floor.py LANDING_DIR [--geography KAZ] [--json OUT]
Prints the headline numbers of one geography; ``--json`` writes them for comparison.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyreadstat

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"
RESTRICTION_COLUMNS = ["event_id", "country", "event_date", "restriction_type", "harm", "status"]
RESTRICTION_COLUMNS += ["charge_link"]
# Stata extended missings as the survey_missing_codes marker they stand for.
EXTENDED_MISSING = {"a": -1, "b": -2, "c": -3, "d": -4, "e": -5}


def seed(name: str) -> pd.DataFrame:
    path = next(SEEDS.rglob(f"{name}.csv"))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# --- restrictions -------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    return list(csv.reader(text.splitlines(), delimiter=delimiter))


def _xlsx_rows(path: Path) -> list[list[str]]:
    for sheet in pd.read_excel(path, sheet_name=None, header=None, dtype=str).values():
        rows = sheet.fillna("").astype(str).values.tolist()
        if any("event_id" in [c.strip().lower() for c in row] for row in rows[:10]):
            return rows
    return []


def read_restrictions(landing: Path) -> pd.DataFrame:
    frames = []
    for path in sorted((landing / "restrictions").glob("*")):
        reader = {".csv": _csv_rows, ".xlsx": _xlsx_rows}.get(path.suffix.lower())
        if reader is None:
            continue
        rows = reader(path)
        start = next(i for i, r in enumerate(rows) if "event_id" in [c.strip().lower() for c in r])
        header = [c.strip().lower() for c in rows[start]]
        frame = pd.DataFrame([r[: len(header)] for r in rows[start + 1 :]], columns=header)
        frames.append(frame[RESTRICTION_COLUMNS].apply(lambda c: c.str.strip()))
    events = pd.concat(frames, ignore_index=True)
    return events[events["event_id"] != ""]


RESTRICTION_COUNTS = """
with names as (
    select upper(geography_id) as code, geography_id from geographies
    union select upper(geography_name), geography_id from geographies
    union select upper(alias), geography_id from geography_aliases
),
events as (
    select names.geography_id, e.restriction_type, e.harm, e.status, e.charge_link,
        (case when length(e.event_date) = 7 then e.event_date || '-01' else e.event_date end)::date
            between w.window_start::date and w.window_end::date as in_window
    from restrictions as e
    join names on names.code = upper(e.country)
    cross join (select * from barometer_windows where barometer = 'restrictions') as w
),
counts as (
    select geography_id,
        count(*) filter (in_window) as total_events,
        count(*) filter (in_window and restriction_type = 'harassment_violence')
            as harassment_violence_events,
        count(*) filter (in_window and restriction_type = 'restrictive_legislation')
            as restrictive_legislation_events,
        count(*) filter (in_window and restriction_type = 'state_legal_case')
            as state_legal_case_events,
        count(*) filter (in_window and restriction_type = 'harassment_violence'
                         and status = 'acted_on') as acted_on_events,
        count(*) filter (in_window and charge_link = 'direct') as direct_charge_cases,
        count(*) filter (not in_window) as events_outside_window
    from events group by geography_id
)
select geography_id, total_events, harassment_violence_events, restrictive_legislation_events,
    state_legal_case_events, events_outside_window,
    round(100.0 * acted_on_events / nullif(harassment_violence_events, 0), 1) as acted_on_share_pct,
    round(100.0 * direct_charge_cases / nullif(state_legal_case_events, 0), 1)
        as direct_charge_share_pct
from counts
"""

# --- surveys ------------------------------------------------------------------------------


def _read_microdata(path: Path, columns: list[str]) -> tuple[pd.DataFrame, dict]:
    """The file's columns (codes as shipped) and its value labels."""
    suffix = path.suffix.lower()
    if suffix in (".sav", ".dta"):
        read = pyreadstat.read_sav if suffix == ".sav" else pyreadstat.read_dta
        _, meta = read(str(path), metadataonly=True)
        present = [c for c in columns if c in meta.column_names]
        frame, _ = read(str(path), usecols=present, user_missing=True)
        return frame, meta.variable_value_labels
    if suffix == ".csv":
        rows = _csv_rows(path)
        frame = pd.DataFrame(rows[1:], columns=rows[0])
        return frame[[c for c in columns if c in frame.columns]], {}
    book = pd.read_excel(path, sheet_name=None)
    data, *rest = book.values()
    labels: dict = {}
    for row in (rest[0].rename(columns=str.lower) if rest else pd.DataFrame()).itertuples():
        if pd.notna(row.value):
            labels.setdefault(row.variable, {})[float(row.value)] = row.value_label
    return data[[c for c in columns if c in data.columns]], labels


def _as_code(values: pd.Series) -> pd.Series:
    """Answer codes as numbers; Stata extended missings as their negative marker code."""
    numeric = pd.to_numeric(values, errors="coerce")
    text = values[numeric.isna()].astype(str).str.strip().str.lstrip(".").str.lower()
    return numeric.fillna(text.map(EXTENDED_MISSING))


def _first(candidates: str, present: list[str]) -> str | None:
    return next((c for c in candidates.split("|") if c in present), None) if candidates else None


def read_surveys(landing: Path, con: duckdb.DuckDBPyConnection) -> None:
    """One wide frame per file into DuckDB, unpivoted there into ``answers``."""
    sources = seed("survey_sources").set_index("survey_family")
    crosswalk = seed("survey_variables")
    scales = seed("survey_answer_scales")
    substantive = scales[scales["missing_kind"] == ""].groupby("scale_id")["code"]
    scale_codes = {s: {float(c) for c in codes} for s, codes in substantive}
    geographies = seed("geographies")
    aliases = seed("geography_aliases")
    by_name = dict(zip(aliases["alias"].str.upper(), aliases["geography_id"], strict=True))
    names = geographies["geography_name"].str.upper()
    by_name |= dict(zip(names, geographies["geography_id"], strict=True))
    con.execute("""create table answers (survey_family varchar, wave varchar, study varchar,
        geography_id varchar, weight double, source_variable varchar, code double)""")
    for path in sorted((landing / "surveys").rglob("*")):
        family = path.parent.name
        if family not in sources.index or not path.is_file():
            continue
        src = sources.loc[family]
        entries = crosswalk[crosswalk["survey_family"] == family]
        roles = ["country_variables", "weight_variables", "study_variables", "wave_variables"]
        candidates = [v for r in roles for v in src[r].split("|") if v]
        frame, labels = _read_microdata(path, candidates + entries["source_variable"].tolist())
        present = list(frame.columns)
        country = _first(src["country_variables"], present)
        codes = frame[country]
        system = src["country_code_system"]
        if system == "value_label":
            names = {float(k): by_name.get(str(v).upper()) for k, v in labels[country].items()}
            geography = pd.to_numeric(codes).map(names)
        else:
            column = {"iso_numeric": "iso_numeric", "gallup_wp5": "gallup_wp5"}[system]
            lookup = dict(zip(geographies[column], geographies["geography_id"], strict=True))
            geography = pd.to_numeric(codes).astype("Int64").astype(str).map(lookup)
        match = re.search(src["file_name_pattern"], path.name) if src["file_name_pattern"] else None
        wave_variable = _first(src["wave_variables"], present)
        if wave_variable:
            wave = pd.to_numeric(frame[wave_variable]).astype("Int64").astype(str)
        else:
            wave = match["wave"] if match else src["default_wave"]
        study_variable = _first(src["study_variables"], present)
        if study_variable:
            study_scale = scales[scales["scale_id"] == src["study_scale"]]
            codes_of = study_scale["code"].astype(float)
            study_of = dict(zip(codes_of, study_scale["category"], strict=True))
            study = pd.to_numeric(frame[study_variable]).map(study_of)
        else:
            study = src["default_study"]
        wide = pd.DataFrame({"geography_id": geography, "wave": wave, "study": study})
        wide["weight"] = pd.to_numeric(frame[_first(src["weight_variables"], present)])
        answer_columns = sorted(set(entries["source_variable"]) & set(present))
        for variable in answer_columns:
            wide[variable] = _as_code(frame[variable])
        wide = wide[wide["geography_id"].notna()]
        con.register("wide", wide)
        con.execute(f"""insert into answers
            select '{family}', wave, study, geography_id, weight, source_variable, code
            from (unpivot wide on {", ".join(f'"{c}"' for c in answer_columns)}
                  into name source_variable value code)""")
        con.unregister("wide")
        # The scale a multi-scale item uses: the one whose codes the file's labels name.
        for variable in answer_columns:
            file_codes = {
                float(k)
                for k, v in labels.get(variable, {}).items()
                if isinstance(k, (int, float)) and k >= 0
            }
            for scale_ids in entries.loc[entries["source_variable"] == variable, "scale_ids"]:
                options = scale_ids.split("|")
                chosen = next((s for s in options if scale_codes[s] <= file_codes), options[0])
                con.execute(
                    "insert into scale_choice values (?, ?, ?, ?)",
                    [family, path.name, variable, chosen],
                )


ITEM_ESTIMATES = """
with crosswalk as (
    select survey_family, nullif(study, '') as study, source_variable, item_id from survey_variables
),
samples as (
    select survey_family, wave, study, geography_id, w.wave_group,
        row_number() over (partition by w.wave_group, geography_id
                           order by w.precedence::int, survey_family, study) = 1 as selected
    from (select distinct survey_family, wave, study, geography_id from answers) as s
    join survey_waves as w using (survey_family, wave, study)
),
scale_of as (select distinct survey_family, source_variable, scale_id from scale_choice),
responses as (
    select s.wave_group, a.geography_id, c.item_id, i.outcome_set, a.weight, sc.category,
        coalesce(sc.missing_kind, mc.missing_kind, 'other') as missing_kind,
        i.missing_policy
    from answers as a
    join samples as s using (survey_family, wave, study, geography_id)
    join crosswalk as c on c.survey_family = a.survey_family
        and c.source_variable = a.source_variable and (c.study is null or c.study = a.study)
    join scale_of as so on so.survey_family = a.survey_family
        and so.source_variable = a.source_variable
    join survey_items as i on i.item_id = c.item_id
    left join survey_answer_scales as sc on sc.scale_id = so.scale_id and sc.code::double = a.code
    left join survey_missing_codes as mc on mc.marker = a.code::int::varchar and a.code < 0
    where s.selected
),
counted as (
    select r.*, nullif(r.missing_kind, '') is null
        or coalesce(p.treatment = 'count_as_no', false) as in_denominator
    from responses as r
    left join survey_missing_policies as p
        on p.missing_policy = r.missing_policy and p.missing_kind = nullif(r.missing_kind, '')
),
outcomes as (select distinct outcome_set, outcome from survey_outcomes)
select c.wave_group, c.geography_id, c.item_id, o.outcome,
    coalesce(sum(c.weight) filter (where in_denominator and m.category is not null), 0)
        / sum(c.weight) filter (where in_denominator) as estimate,
    count(*) filter (where in_denominator) as n_unweighted
from counted as c
join outcomes as o using (outcome_set)
left join survey_outcomes as m on m.outcome_set = c.outcome_set and m.outcome = o.outcome
    and m.category = c.category
group by all
having count(*) filter (where in_denominator) > 0
"""


def run(landing: Path) -> tuple[duckdb.DuckDBPyConnection, dict[str, float]]:
    """Build the headline tables in an in-memory DuckDB; returns it and the seconds per step."""
    seconds, started = {}, time.perf_counter()
    con = duckdb.connect()
    for name in (
        "geographies",
        "geography_aliases",
        "barometer_windows",
        "survey_variables",
        "survey_waves",
        "survey_items",
        "survey_answer_scales",
        "survey_missing_codes",
        "survey_missing_policies",
        "survey_outcomes",
    ):
        con.register(f"{name}_frame", seed(name))
        con.execute(f"create table {name} as select * from {name}_frame")
    con.register("restrictions", read_restrictions(landing))
    con.execute(f"create table restriction_counts as {RESTRICTION_COUNTS}")
    seconds["restrictions"] = time.perf_counter() - started
    con.execute(
        "create table scale_choice (survey_family varchar, file varchar, "
        "source_variable varchar, scale_id varchar)"
    )
    read_surveys(landing, con)
    seconds["survey files"] = time.perf_counter() - started - seconds["restrictions"]
    con.execute(f"create table item_estimates as {ITEM_ESTIMATES}")
    seconds["survey estimates"] = time.perf_counter() - started - sum(seconds.values())
    return con, seconds


def headlines(con: duckdb.DuckDBPyConnection, geography: str) -> dict:
    counts = con.execute("select * from restriction_counts where geography_id = ?", [geography])
    names = [d[0] for d in counts.description]
    row = counts.fetchone()
    shares = con.execute(
        """select wave_group || '/' || item_id || '/' || outcome, estimate from item_estimates
           where geography_id = ? order by 1""",
        [geography],
    ).fetchall()
    return {
        "restriction_counts": dict(zip(names[1:], row[1:], strict=True)) if row else {},
        "weighted_shares": {key: estimate for key, estimate in shares},
        "answers": con.execute("select count(*) from answers").fetchone()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("landing", type=Path)
    parser.add_argument("--geography", default="KAZ")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    con, seconds = run(args.landing)
    result = {"seconds": seconds, **headlines(con, args.geography)}
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    json.dump({k: v for k, v in result.items() if k != "weighted_shares"}, sys.stdout, indent=1)
    print(f"\n{len(result['weighted_shares'])} weighted shares for {args.geography}")


if __name__ == "__main__":
    main()
