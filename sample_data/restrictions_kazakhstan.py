"""Kazakhstan's restriction events, calibrated to the AidData country report (April 2023).

The pipeline has to reproduce the report exactly from these: Table 2 fixes each event's type and
year, and the attribute cells below carry Table 3 and Figures 2-5.
"""

from __future__ import annotations

import random
from datetime import date

from sample_data.geographies import Geography
from sample_data.restrictions_events import (
    HV,
    LEG,
    SLC,
    WINDOW_MONTHS,
    YEARS,
    Event,
    Profile,
    day_in,
    month_weights,
    sample_event,
)

# Table 2: in-window events by type and year (2021 = January to March).
TABLE_2: dict[str, tuple[int, ...]] = {
    HV: (43, 84, 129, 163, 12),
    LEG: (9, 7, 4, 6, 0),
    SLC: (41, 36, 64, 98, 10),
}

# Attribute cells. Each (type, fields) dimension sums to that type's Table 2 total and is allocated
# to the type's events independently, so every published marginal holds exactly. Fields joined by
# "+" are fixed together; "|" separates the values of a multi-valued cell, as in the sheets.
CELLS: tuple[tuple[str, str, str, int], ...] = (
    # Figure 2: 190 of 431 events target the political opposition (44%), media second (118).
    (HV, "targets", "political_opposition", 168),
    (HV, "targets", "political_opposition|individual_activist", 12),
    (HV, "targets", "political_opposition|media_journalist", 10),
    (HV, "targets", "media_journalist", 104),
    (HV, "targets", "media_journalist|formal_cso_ngo", 4),
    (HV, "targets", "individual_activist", 62),
    (HV, "targets", "formal_cso_ngo", 25),
    (HV, "targets", "other_community_group", 22),
    (HV, "targets", "other", 24),
    # Figure 3: 453 initiator mentions (380/45/21/7) on 431 events, 22 of which name two.
    (HV, "initiators", "government", 358),
    (HV, "initiators", "government|unidentified", 8),
    (HV, "initiators", "government|domestic_non_government", 9),
    (HV, "initiators", "government|foreign_government", 5),
    (HV, "initiators", "unidentified", 37),
    (HV, "initiators", "domestic_non_government", 12),
    (HV, "initiators", "foreign_government", 2),
    # Figure 4: harm by threatened / acted on.
    (HV, "harm+status", "harassment+threatened", 11),
    (HV, "harm+status", "harassment+acted_on", 366),
    (HV, "harm+status", "violence+threatened", 7),
    (HV, "harm+status", "violence+acted_on", 47),
    # Legislation: media control and assembly; proposed or passed.
    (LEG, "targets", "media_journalist", 10),
    (LEG, "targets", "other", 6),
    (LEG, "targets", "political_opposition", 4),
    (LEG, "targets", "media_journalist|other", 2),
    (LEG, "targets", "other_community_group", 2),
    (LEG, "targets", "formal_cso_ngo", 2),
    (LEG, "status", "proposed", 15),
    (LEG, "status", "passed", 11),
    (LEG, "initiators", "government", 26),
    # Table 3 (265 defendant mentions, 16 two-category cases) by Figure 5 (194 direct, 55 indirect).
    (SLC, "targets+charge_link", "political_opposition+direct", 70),
    (SLC, "targets+charge_link", "political_opposition+indirect", 8),
    (SLC, "targets+charge_link", "media_journalist+direct", 24),
    (SLC, "targets+charge_link", "media_journalist+indirect", 9),
    (SLC, "targets+charge_link", "formal_cso_ngo+direct", 12),
    (SLC, "targets+charge_link", "formal_cso_ngo+indirect", 10),
    (SLC, "targets+charge_link", "individual_activist+direct", 46),
    (SLC, "targets+charge_link", "individual_activist+indirect", 10),
    (SLC, "targets+charge_link", "other_community_group+direct", 14),
    (SLC, "targets+charge_link", "other_community_group+indirect", 5),
    (SLC, "targets+charge_link", "other+direct", 15),
    (SLC, "targets+charge_link", "other+indirect", 10),
    (SLC, "targets+charge_link", "political_opposition|individual_activist+direct", 7),
    (SLC, "targets+charge_link", "political_opposition|individual_activist+indirect", 1),
    (SLC, "targets+charge_link", "media_journalist|political_opposition+direct", 3),
    (SLC, "targets+charge_link", "formal_cso_ngo|individual_activist+direct", 1),
    (SLC, "targets+charge_link", "formal_cso_ngo|individual_activist+indirect", 2),
    (SLC, "targets+charge_link", "other_community_group|other+direct", 2),
    (SLC, "initiators", "government", 249),
)

IN_WINDOW = sum(map(sum, TABLE_2.values()))

# Kept on top of the calibrated events, so the pipeline's window flag has something to flag.
OUT_OF_WINDOW: tuple[tuple[date, str], ...] = (
    (date(2016, 11, 17), HV),
    (date(2016, 12, 16), HV),
    (date(2021, 4, 20), SLC),
)


def calibrated_events(rng: random.Random, geo: Geography, profile: Profile) -> list[Event]:
    """Table 2 fixes type and year; CELLS' dimensions are shuffled onto them independently."""
    calendar_of = {}
    for year in YEARS:
        months = [month for month in WINDOW_MONTHS if month[0] == year]
        calendar_of[year] = months, month_weights(months, profile.hot)
    events = []
    for rtype, per_year in TABLE_2.items():
        years = [year for year, n in zip(YEARS, per_year, strict=True) for _ in range(n)]
        dimensions: dict[str, list[dict[str, str]]] = {}
        for cell_type, fields, values, n in CELLS:
            if cell_type == rtype:
                cell = dict(zip(fields.split("+"), values.split("+"), strict=True))
                dimensions.setdefault(fields, []).extend([cell] * n)
        for cells in dimensions.values():
            rng.shuffle(cells)
        for year, *parts in zip(years, *dimensions.values(), strict=True):
            fields = {key: value for part in parts for key, value in part.items()}
            months, weights = calendar_of[year]
            day = day_in(rng, rng.choices(months, weights)[0])
            events.append(Event(geo, day, rtype, **fields))
    events += [sample_event(rng, geo, rtype, day) for day, rtype in OUT_OF_WINDOW]
    return events
