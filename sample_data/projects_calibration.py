# ruff: noqa: E501
"""Kazakhstan's 249 in-window Russian projects, built so every published marginal holds exactly.

The channel plan (which Russian entities run a project) and the place plan are fixed tables; the
recipients are then dealt onto the projects mention by mention from the annex's counts, under the
report's constraints: 229 projects name a CSO, Rossotrudnichestvo reaches 126 organisations (the
24 in ``NOT_ROSSOTRUDNICHESTVO`` only appear without it), an organisation appears at most once per
project, and organisations prefer projects in their home place. Themes and years follow.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sample_data import projects_kazakhstan as kz

R = "Rossotrudnichestvo"
CGO, CGA = "Consulate General in Oral", "Consulate General in Almaty"
EMB, CGU = "Embassy in Nur-Sultan", "Consulate General in Oskemen"
TAT = "Representative Office of the Republic of Tatarstan"
CONSULAR = (EMB, CGA, CGO, CGU)

YEARS = {2015: 20, 2016: 29, 2017: 39, 2018: 47, 2019: 60, 2020: 42, 2021: 12}
THEME_TARGETS = {
    "eurasian_integration": 1,
    "cossack_culture": 4,
    "tatar_identity": 12,
    "religion": 18,
    "wwii_commemoration": 30,
    "youth": 73,
}
THEME_WORDS = {
    "religion": ("Orthodox", "Diocese", "Church", "Cathedral", "Theological", "Radonezh"),
    "tatar_identity": ("Tatar", "Duslyk", "Tatulyk", "Tan", "Zhiganov", "Akbuzat", TAT),
    "cossack_culture": ("Cossack", "Yaitsky"),
    "wwii_commemoration": ("Veteran", "Victory", "Military Glory", "Siege", "World War"),
    "youth": ("Youth", "Children", "School", "Gymnasium", "Student", "Young", "Camp", "Universit"),
    "eurasian_integration": ("Eurasia",),
}
FREE_THEMES = {
    "culture": 10,
    "language": 6,
    "education": 5,
    "compatriots": 5,
    "sport": 1,
    "media": 1,
}
MAX_RECIPIENTS = 4


@dataclass
class Project:
    """A project before the sheet's noise: canonical names only."""

    entities: list[str]
    places: list[str]
    recipients: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    day: date | None = None
    title: str = ""
    fixed: bool = False  # recipients and themes given by the report
    cso: bool = True  # must name a CSO
    regulator: bool = False


def _fixed(
    day: date, title: str, entities: str, places: str, recipients: str, themes: str, **flags: bool
) -> Project:
    return Project(
        entities.split("|"),
        places.split("|"),
        recipients.split("|") if recipients else [],
        themes.split("|"),
        day,
        title,
        fixed=bool(recipients),
        **flags,
    )


SPECIAL: tuple[Project, ...] = (
    _fixed(date(2016, 11, 22), "Meeting of the Russian and Kazakh human rights ombudsmen on interaction with government bodies and civil society", "Ombudsman for Human Rights", "Nur-Sultan", "Ombudsman for Human Rights in Kazakhstan", "governance", cso=False, regulator=True),
    _fixed(date(2018, 4, 12), "Cooperation agreement on investigating crimes between the Investigative Committee and the General Prosecutor's Office", "Investigative Committee of the Russian Federation", "Nur-Sultan", "General Prosecutor's Office of Kazakhstan", "security|governance", cso=False, regulator=True),
    _fixed(date(2019, 3, 5), "Inter-parliamentary cooperation commission of the State Duma and the Mazhilis", "State Duma", "Nur-Sultan", "Parliament of Kazakhstan", "governance", cso=False, regulator=True),
    _fixed(date(2017, 6, 20), "Memorandum on audit cooperation and exchange of experience", "National Audit Office", "Nur-Sultan", "Accounts Committee for Control over Execution of the Republican Budget", "governance", cso=False, regulator=True),
    _fixed(date(2019, 9, 17), "Joint border training of Russian and Kazakh border units", "Law enforcement - unspecified", "Petropavl", "Border Service of the NSC", "security", cso=False, regulator=True),
    _fixed(date(2017, 10, 19), 'Youth conference "The Role of Soft Power and Public Diplomacy in the Youth Dialogue"', "Gorchakov Fund", "Almaty", "", "youth|compatriots"),
    _fixed(date(2019, 12, 6), "International Forum of Leaders of and Youth Organizations \"Cooperation without Borders\"", "Gorchakov Fund", "Shymkent", "Graduates of Access Program in Shymkent (ASSA)", "youth"),
    _fixed(date(2019, 12, 12), 'Compatriot conference "The Idea of Eurasianism in World Culture"', f"{R}|Commonwealth of Peoples of Eurasia", "Nur-Sultan", "", "compatriots|eurasian_integration"),
    _fixed(date(2020, 1, 27), 'Commemoration of the siege of Leningrad "Memory Road"', f"{R}|{CGO}", "Oral", "Yesenzhanov Regional Library for Children and Youth|Old Oral Museum", "wwii_commemoration|youth"),
    _fixed(date(2020, 9, 30), "Recitation competition of Sergei Yesenin's poetry", f"{R}|{CGO}", "Oral", "Old Oral Museum|Yesenzhanov Regional Library for Children and Youth", "youth|language"),
    _fixed(date(2018, 3, 15), 'Sixth International Youth Festival "Digital Boom"', f"{R}|Open Youth University of the city of Tomsk", "Almaty", "Almaty Ed. Dept.|Kazakh-Russian Gymnasium No. 54 of Almaty", "youth|education", cso=False),
    _fixed(date(2017, 6, 24), "Celebration of the Tatar holiday Sabantuy", f"{TAT}|{R}", "Nur-Sultan", "Peoples Assembly of Kazakhstan|Assoc of Tatar-Bashkir and Tatar Societies and Cultural Centers of Kazakhstan", "tatar_identity|culture"),
    _fixed(date(2019, 10, 4), 'Festival of traditional songs "Cossack Brotherhood"', f"{R}|{CGU}", "Oskemen", "East Kazakhstan Regional Assembly of Peoples of Kazakhstan|Verkhne-Irtysh Russian Cossack community", "cossack_culture|culture"),
    _fixed(date(2017, 2, 25), "Maslenitsa pancake and folk concert festival", f"{EMB}|{R}", "Nur-Sultan", "Akimat of Nur-Sultan|Russian Cultural Center|Association of Russian Compatriots", "culture"),
)  # fmt: skip

# (entities, places, how many): the channels' projects beyond SPECIAL, each row's places fixed.
CHANNELS: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    (
        f"{R}|{CGO}",
        (
            ("Oral", 23),
            ("Oral|Dar'inskoye", 2),
            ("Dar'inskoye", 2),
            ("Makarovo", 1),
            ("Atyrau", 1),
            ("Aktobe", 1),
            ("Bayterek District", 1),
        ),
    ),
    (
        CGO,
        (
            ("Oral", 45),
            ("Oral|Bayterek District", 2),
            ("Oral|Dar'inskoye", 1),
            ("Dar'inskoye", 6),
            ("Bayterek District", 3),
            ("Makarovo", 2),
            ("Aktobe", 3),
            ("Atyrau", 4),
        ),
    ),
    (f"{R}|{CGA}", (("Almaty", 24),)),
    (CGA, (("Almaty", 2),)),
    (f"{R}|{EMB}", (("Nur-Sultan", 3),)),
    (EMB, (("Nur-Sultan", 1),)),
    (f"{R}|{CGU}", (("Semey", 1),)),
    (CGU, (("Oskemen", 1),)),
    (
        R,
        (
            ("Oral", 4),
            ("Nur-Sultan", 47),
            ("Almaty", 23),
            ("Shymkent", 2),
            ("Kokshetau", 4),
            ("Petropavl", 5),
            ("Pavlodar", 4),
            ("Semey", 3),
            ("Aktobe", 2),
            ("Atyrau", 5),
            ("Oskemen", 2),
        ),
    ),
    ("Russian Humanitarian Mission", (("Pavlodar", 1),)),
    ("Altai Territory Directorate", (("Semey", 1),)),
    (TAT, (("Oral", 2),)),
    (f'{TAT}|Information and Analytical Center "Eurasia - Volga Region"', (("Aktobe", 1),)),
)
# Partners joining Rossotrudnichestvo-only projects (second entity), with their project counts.
PARTNERS: tuple[tuple[str, int], ...] = (
    ("Open Youth University of the city of Tomsk", 1),
    ("Russian Writers' Union", 3),
    ("State Memorial Museum of Defense and the Siege of Leningrad", 4),
    ("Altai Territory Directorate", 1),
    ("Moscow State University", 2),
    ("Orenburg State University", 1),
    ("Assoc of Teachers of Russian Language and Higher School Literature", 1),
    ("Ministry of Education and Science", 4),
    ("Mordovian State Pedagogical Institute named after V.I. M.E. Evsevyeva", 1),
    ("Russian Committee of the UNESCO Information for All Program", 3),
    ("St. Petersburg House of Music", 2),
    ("Center for Modern Educational Technologies", 1),
    ("Roscosmos", 1),
    ("Council of Young Scientists of the Russian Academy of Sciences", 1),
    ("Ministry of Science and Higher Education", 1),
    ("Southwestern State University", 1),
    ("Moscow Center for International Cooperation", 1),
    (TAT, 2),
)
# Moscow's two bodies travel together.
PAIRED = ("Moscow Government", "Moscow House of Compatriots")
NON_CSO_CHANNEL_QUOTA = {f"{R}|{CGO}": 1, CGO: 4, f"{R}|{CGA}": 2, R: 7}  # + 6 specials = 20


@dataclass(frozen=True)
class Org:
    name: str
    count: int
    org_type: str
    home: str
    aliases: str


def organisations() -> list[Org]:
    orgs = [Org(*row) for row in kz.TOP_ORGS]
    for org_type, members in kz.FOLDED_GROUPS.values():
        for name, count, home in members:
            orgs.append(Org(name, count, org_type, home, kz.FOLDED_ALIASES.get(name, "")))
    return orgs


REGION = {name: admin1 for name, _, admin1, _, _ in kz.PLACES}


def build(rng: random.Random) -> list[Project]:
    """The 249 in-window projects, dates set, in date order."""
    projects = [
        Project(
            list(p.entities),
            list(p.places),
            list(p.recipients),
            list(p.themes),
            p.day,
            p.title,
            p.fixed,
            p.cso,
            p.regulator,
        )
        for p in SPECIAL
    ]
    generic: list[Project] = []
    for entities, places in CHANNELS:
        quota = NON_CSO_CHANNEL_QUOTA.get(entities, 0)
        rows = [
            Project(entities.split("|"), cell.split("|")) for cell, n in places for _ in range(n)
        ]
        rng.shuffle(rows)
        for row in rows[:quota]:
            row.cso = False
        generic += rows
    with_oral = [p for p in generic if p.entities == [R, CGO] and p.places == ["Oral"]]
    for project in rng.sample(with_oral, 2):  # Kazan's office joins two of Oral's projects
        project.entities.append(TAT)
    solo = [p for p in generic if p.entities == [R]]
    partners = [name for name, n in PARTNERS for _ in range(n)]
    for project, partner in zip(
        rng.sample(solo, len(partners) + 1), [*partners, PAIRED], strict=True
    ):
        project.entities += [partner] if isinstance(partner, str) else list(partner)
    projects += generic
    _deal_recipients(rng, projects)
    _themes(rng, projects)
    _dates(rng, projects)
    return sorted(projects, key=lambda p: (p.day, p.title))


def _deal_recipients(rng: random.Random, projects: list[Project]) -> None:
    orgs = organisations()
    cso = {o.name for o in orgs if o.org_type == "cso_ngo"}
    left = Counter({o.name: o.count for o in orgs})
    reached: set[str] = set()
    for project in projects:
        for name in project.recipients:
            left[name] -= 1
            if R in project.entities:
                reached.add(name)
    order = sorted(
        orgs,
        key=lambda o: (
            o.name not in cso,
            o.name not in kz.NOT_ROSSOTRUDNICHESTVO,
            -left[o.name],
            o.name,
        ),
    )
    open_projects = [p for p in projects if not p.fixed]
    for org in order:
        for _ in range(left[org.name]):
            outsider = org.name in kz.NOT_ROSSOTRUDNICHESTVO
            need_r = not outsider and org.name not in reached
            candidates = [
                p
                for p in open_projects
                if org.name not in p.recipients
                and len(p.recipients) < MAX_RECIPIENTS
                and (p.cso or org.name not in cso)
                and not (outsider and R in p.entities)
                and not (need_r and R not in p.entities)
            ]
            if not candidates:
                raise RuntimeError(f"no project left for {org.name}")
            ties = [rng.random() for _ in candidates]
            _, _, _, _, best = min(
                (bool(p.recipients), _distance(org.home, p), len(p.recipients), tie, i)
                for i, (p, tie) in enumerate(zip(candidates, ties, strict=True))
            )
            best = candidates[best]
            best.recipients.append(org.name)
            if R in best.entities:
                reached.add(org.name)


def _distance(home: str, project: Project) -> int:
    if home in project.places:
        return 0
    return 1 if any(REGION.get(place) == REGION.get(home) for place in project.places) else 2


def _themes(rng: random.Random, projects: list[Project]) -> None:
    open_projects = [p for p in projects if not p.fixed and not p.regulator and p.themes == []]
    for theme, target in THEME_TARGETS.items():
        need = target - sum(theme in p.themes for p in projects)
        words = THEME_WORDS[theme]
        ranked = sorted(
            open_projects,
            key=lambda p: (
                not any(w in n for n in p.recipients + p.entities for w in words),
                len([t for t in p.themes if t in THEME_TARGETS]),
                rng.random(),
            ),
        )
        for project in ranked[:need]:
            project.themes.append(theme)
    for project in open_projects:
        extra = rng.choices(list(FREE_THEMES), list(FREE_THEMES.values()), k=rng.choice((1, 1, 2)))
        project.themes += [t for t in extra if t not in project.themes]
        if project.fixed is False and not project.themes:
            project.themes.append("culture")


def _dates(rng: random.Random, projects: list[Project]) -> None:
    slots = Counter(YEARS)
    for project in projects:
        if project.day is not None:
            slots[project.day.year] -= 1
    years = [year for year, n in sorted(slots.items()) for _ in range(n)]
    rng.shuffle(years)
    undated = [p for p in projects if p.day is None]
    # KSORS took part between 2015 and 2019: its projects take the earliest shuffled years.
    undated.sort(key=lambda p: "KSORS" not in p.recipients)
    years.sort(key=lambda y: y > 2019)
    head = sum("KSORS" in p.recipients for p in undated)
    years = years[:head] + _shuffled(rng, years[head:])
    for project, year in zip(undated, years, strict=True):
        last_month = 8 if year == 2021 else 12
        month = rng.randint(1, last_month)
        project.day = date(year, month, rng.randint(1, 28))


def _shuffled(rng: random.Random, values: list[int]) -> list[int]:
    values = list(values)
    rng.shuffle(values)
    return values
