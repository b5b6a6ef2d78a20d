"""Restriction coding sheets (``restrictions/``) in the contract's format for all 24 geographies.

Kazakhstan is calibrated so that the pipeline has to reproduce the published country report exactly
(Table 2, Table 3, Figures 2-5); the other geographies get plausible volumes and shapes. Files mix
XLSX with CSV with and without a BOM, some rows name the country instead of giving its code, some
dates lack the day and a few fall outside the window, because real coder deliveries do. A few
sheets are saved the way the region's Excel installs save them (``SAVED_AS``): Windows-1251 with
``;`` and Russian summaries, a European ``;`` CSV, an instructions sheet and a title row above the
header, a blank first worksheet. Only the bytes differ: the coded content is the same.

Modules: ``restrictions_events`` (vocabulary, window, the regional shape other geographies are drawn
from), ``restrictions_kazakhstan`` (the calibration), ``restrictions_sheets`` (rows with coders'
noise, file layouts); this one plans each geography's volume and sheets and writes them.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from sample_data import restrictions_kazakhstan as kz
from sample_data import restrictions_sheets as sheets
from sample_data.geographies import ALL, Geography
from sample_data.restrictions_events import Event, Profile, sampled_events

# Every geography's volume, mix of types, hot months and foreign initiators.
_BASE = (0.62, 0.05, 0.33)
_LEGAL = (0.45, 0.05, 0.50)
_TERRITORY = (0.60, 0.10, 0.30)
_PROTEST = (0.70, 0.03, 0.27)

PROFILES: dict[str, Profile] = {
    "ALB": Profile(110, _BASE, ((2019, 2), (2019, 5)), ("TUR",)),
    "ARM": Profile(180, _BASE, ((2018, 4), (2018, 5)), ("AZE", "RUS")),
    "AZE": Profile(620, _LEGAL, ((2019, 10), (2020, 7)), ("RUS", "TUR")),
    "BLR": Profile(880, _PROTEST, ((2017, 3), (2020, 8), (2020, 9), (2020, 10)), ("RUS",)),
    "BIH": Profile(140, _BASE, ((2018, 5), (2018, 12)), ("SRB", "RUS")),
    "GEO": Profile(330, _BASE, ((2019, 6), (2019, 11), (2020, 11)), ("RUS",)),
    "KAZ": Profile(kz.IN_WINDOW, _BASE, ((2019, 6), (2020, 2)), ("CHN", "RUS")),
    "XKX": Profile(30, _BASE, ((2018, 3),), ("TUR", "SRB")),
    "KGZ": Profile(360, _BASE, ((2017, 10), (2020, 10)), ("CHN", "RUS")),
    "MDA": Profile(170, _BASE, ((2019, 6),), ("RUS", "TUR")),
    "MNE": Profile(45, _BASE, ((2019, 2), (2020, 8)), ("SRB",)),
    "MKD": Profile(40, _BASE, ((2017, 4),), ("RUS",)),
    "SRB": Profile(260, _BASE, ((2019, 3), (2020, 7)), ("RUS",)),
    "TJK": Profile(300, _LEGAL, ((2018, 9), (2020, 10)), ("RUS",)),
    "TKM": Profile(110, _LEGAL, ((2020, 7),), ("RUS", "TUR")),
    "UKR": Profile(520, _BASE, ((2019, 3), (2019, 4)), ("RUS",)),
    "UZB": Profile(280, _LEGAL, ((2017, 9),), ("RUS",)),
    "ABK": Profile(25, _TERRITORY, ((2020, 1),), ("RUS",)),
    "SOS": Profile(20, _TERRITORY, ((2019, 10),), ("RUS",)),
    "TRN": Profile(35, _TERRITORY, ((2020, 4),), ("RUS",)),
    "CRM": Profile(240, _LEGAL, ((2019, 3),), ("RUS",)),
    "DNR": Profile(110, _TERRITORY, ((2019, 5),), ("RUS",)),
    "LNR": Profile(80, _TERRITORY, ((2017, 11),), ("RUS",)),
    "NKR": Profile(20, _TERRITORY, ((2020, 10), (2020, 11)), ("AZE",)),
}
FORMATS = ("xlsx", "csv_bom", "csv")
# Sheets saved as real installs save them (file stem -> layout); the rest rotate through FORMATS.
SAVED_AS: dict[str, str] = {
    "kaz_2017_2018": "xlsx_titled",  # an instructions worksheet first, a title row above the header
    "kaz_2020_2021": "csv_cp1251",  # Russian Excel "CSV": Windows-1251, ';', summaries in Russian
    "srb_2020_2021": "csv_semicolon",  # Excel "CSV UTF-8" with a European list separator: BOM, ';'
    "ukr_2017_2018": "xlsx_blank_first",  # the data on the second worksheet, the first left blank
}


def generate(landing_dir: Path, *, scale: int = 1, seed: int) -> list[Path]:
    """Write every geography's restriction sheets to ``landing_dir/restrictions``; return them."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    out = Path(landing_dir) / "restrictions"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index, geo in enumerate(ALL):
        written += _write_geography(out, index, geo, scale, seed)
    return written


def _write_geography(out: Path, index: int, geo: Geography, scale: int, seed: int) -> list[Path]:
    """Generate ``scale`` independent replicas of a geography and split them into period sheets."""
    profile = PROFILES[geo.code]
    events: list[Event] = []
    for replica in range(scale):
        rng = random.Random(f"{seed}:{geo.code}:{replica}")
        if geo.code == "KAZ":
            events += kz.calibrated_events(rng, geo, profile)
        else:
            events += sampled_events(rng, geo, profile)
    events.sort(key=lambda event: event.day)

    rng = random.Random(f"{seed}:{geo.code}:rows")
    periods = _periods(profile.events)
    stems, layouts = [], []
    for number, (first, last) in enumerate(periods):
        stems.append(f"{geo.code.lower()}_{first}" + ("" if first == last else f"_{last}"))
        layouts.append(SAVED_AS.get(stems[-1], FORMATS[(index + number) % len(FORMATS)]))
    rows: list[list[tuple[str, ...]]] = [[] for _ in periods]
    per_year: Counter[int] = Counter()
    for event in events:
        per_year[event.day.year] += 1
        event_id = f"{geo.code}-{event.day.year}-{per_year[event.day.year]:04d}"
        period = _period_of(periods, event.day.year)
        book = sheets.RUSSIAN if layouts[period] == "csv_cp1251" else sheets.ENGLISH
        rows[period].append(sheets.row(rng, event, event_id, profile, book))

    paths = []
    for stem, layout, (first, last), period_rows in zip(stems, layouts, periods, rows, strict=True):
        path = out / f"{stem}.{'xlsx' if layout.startswith('xlsx') else 'csv'}"
        title = f"Restrictions of civic space actors: {geo.name}, {first}-{last}"
        sheets.write_sheet(path, period_rows, layout, title)
        paths.append(path)
    return paths


def _periods(events: int) -> tuple[tuple[int, int], ...]:
    """Busier geographies are coded in more, shorter sheets."""
    if events < 60:
        return ((2017, 2021),)
    if events < 250:
        return ((2017, 2018), (2019, 2021))
    return ((2017, 2018), (2019, 2019), (2020, 2021))


def _period_of(periods: tuple[tuple[int, int], ...], year: int) -> int:
    """Out-of-window years land in the first or last sheet, as a coder would file them."""
    return next((i for i, (_, last) in enumerate(periods) if year <= last), len(periods) - 1)
