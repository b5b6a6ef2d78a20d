# ruff: noqa: E501, RUF001
"""Every geography but Kazakhstan: plausible project volumes, places and recipient organisations.

The Kyrgyz Republic is second in the region with exactly 165 in-window projects (84 fewer than
Kazakhstan's 249); the others get smaller volumes, Kosovo and Turkmenistan none. Organisations are
built from templates over each geography's towns, so the same name (a "Russian Cultural Center")
exists in several countries, as in the real registries.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sample_data.geographies import BY_CODE

# In-window projects per geography at scale 1 (KAZ is calibrated separately).
VOLUMES: dict[str, int] = {
    "KGZ": 165,
    "BLR": 142,
    "UZB": 96,
    "TJK": 88,
    "MDA": 74,
    "ARM": 61,
    "SRB": 70,
    "UKR": 58,
    "GEO": 31,
    "AZE": 36,
    "BIH": 44,
    "MNE": 18,
    "MKD": 21,
    "ALB": 7,
    "ABK": 52,
    "SOS": 34,
    "TRN": 57,
    "CRM": 63,
    "DNR": 41,
    "LNR": 37,
    "NKR": 6,
    "XKX": 0,
    "TKM": 0,
}

# (name, aliases, admin1, latitude, longitude); the first is the capital or main town.
TOWNS: dict[str, tuple[tuple[str, str, str, float, float], ...]] = {
    "KGZ": (
        ("Bishkek", "Frunze|Бишкек", "Bishkek City", 42.8746, 74.5698),
        ("Osh", "Ош", "Osh City", 40.5283, 72.7985),
        ("Karakol", "Przhevalsk|Каракол", "Issyk-Kul Region", 42.4907, 78.3936),
        ("Jalal-Abad", "Джалал-Абад", "Jalal-Abad Region", 40.9333, 73.0000),
        ("Kant", "Кант", "Chuy Region", 42.8911, 74.8508),
    ),
    "BLR": (
        ("Minsk", "Мінск", "Minsk City", 53.9006, 27.5590),
        ("Brest", "", "Brest Region", 52.0976, 23.7341),
        ("Grodno", "Hrodna", "Grodno Region", 53.6694, 23.8131),
        ("Vitebsk", "Viciebsk", "Vitebsk Region", 55.1904, 30.2049),
        ("Gomel", "Homiel", "Gomel Region", 52.4345, 30.9754),
    ),
    "UZB": (
        ("Tashkent", "Toshkent", "Tashkent City", 41.2995, 69.2401),
        ("Samarkand", "Samarqand", "Samarkand Region", 39.6270, 66.9750),
        ("Bukhara", "Buxoro", "Bukhara Region", 39.7747, 64.4286),
        ("Fergana", "Farg'ona", "Fergana Region", 40.3864, 71.7864),
    ),
    "TJK": (
        ("Dushanbe", "Душанбе", "Dushanbe", 38.5598, 68.7870),
        ("Khujand", "Leninabad", "Sughd Region", 40.2826, 69.6222),
        ("Bokhtar", "Kurgan-Tyube", "Khatlon Region", 37.8364, 68.7803),
    ),
    "MDA": (
        ("Chisinau", "Chișinău|Kishinev", "Chisinau", 47.0105, 28.8638),
        ("Balti", "Bălți|Beltsy", "Balti", 47.7617, 27.9289),
        ("Comrat", "Komrat", "Gagauzia", 46.2956, 28.6550),
    ),
    "ARM": (
        ("Yerevan", "", "Yerevan", 40.1792, 44.4991),
        ("Gyumri", "Leninakan", "Shirak Province", 40.7942, 43.8453),
        ("Vanadzor", "", "Lori Province", 40.8128, 44.4883),
    ),
    "SRB": (
        ("Belgrade", "Beograd", "Belgrade", 44.7866, 20.4489),
        ("Novi Sad", "", "Vojvodina", 45.2671, 19.8335),
        ("Nis", "Niš", "Nisava District", 43.3209, 21.8958),
    ),
    "UKR": (
        ("Kyiv", "Kiev", "Kyiv City", 50.4501, 30.5234),
        ("Odesa", "Odessa", "Odesa Oblast", 46.4825, 30.7233),
        ("Kharkiv", "Kharkov", "Kharkiv Oblast", 49.9935, 36.2304),
        ("Zaporizhzhia", "Zaporozhye", "Zaporizhzhia Oblast", 47.8388, 35.1396),
    ),
    "GEO": (
        ("Tbilisi", "Tiflis", "Tbilisi", 41.7151, 44.8271),
        ("Batumi", "", "Adjara", 41.6168, 41.6367),
        ("Kutaisi", "", "Imereti", 42.2679, 42.6946),
    ),
    "AZE": (
        ("Baku", "Bakı", "Baku", 40.4093, 49.8671),
        ("Ganja", "Gəncə", "Ganja", 40.6828, 46.3606),
        ("Sumgait", "Sumqayıt", "Sumgait", 40.5897, 49.6686),
    ),
    "BIH": (
        ("Banja Luka", "", "Republika Srpska", 44.7722, 17.1910),
        ("Sarajevo", "", "Sarajevo Canton", 43.8563, 18.4131),
        ("East Sarajevo", "Istočno Sarajevo", "Republika Srpska", 43.8200, 18.3600),
    ),
    "MNE": (
        ("Podgorica", "", "Podgorica", 42.4304, 19.2594),
        ("Herceg Novi", "", "Herceg Novi", 42.4531, 18.5375),
        ("Budva", "", "Budva", 42.2864, 18.8400),
    ),
    "MKD": (
        ("Skopje", "", "Skopje", 41.9981, 21.4254),
        ("Bitola", "", "Pelagonia", 41.0297, 21.3292),
    ),
    "ALB": (("Tirana", "Tiranë", "Tirana County", 41.3275, 19.8187),),
    "ABK": (
        ("Sukhum", "Sukhumi", "Sukhum District", 43.0015, 41.0234),
        ("Gagra", "", "Gagra District", 43.2825, 40.2711),
        ("Gudauta", "", "Gudauta District", 43.1053, 40.6278),
    ),
    "SOS": (
        ("Tskhinval", "Tskhinvali", "Tskhinval District", 42.2256, 43.9700),
        ("Java", "Dzau", "Java District", 42.3961, 43.9319),
    ),
    "TRN": (
        ("Tiraspol", "", "Tiraspol", 46.8403, 29.6433),
        ("Bender", "Tighina|Bendery", "Bender", 46.8316, 29.4777),
        ("Rybnitsa", "Rîbnița", "Rybnitsa District", 47.7675, 29.0086),
    ),
    "CRM": (
        ("Simferopol", "Akmescit", "Simferopol", 44.9521, 34.1024),
        ("Sevastopol", "", "Sevastopol", 44.6166, 33.5254),
        ("Kerch", "", "Kerch", 45.3562, 36.4674),
        ("Yalta", "", "Yalta", 44.4952, 34.1663),
    ),
    "DNR": (
        ("Donetsk", "", "Donetsk", 48.0159, 37.8028),
        ("Makiivka", "Makeyevka", "Makiivka", 48.0478, 37.9258),
        ("Horlivka", "Gorlovka", "Horlivka", 48.3336, 38.0925),
    ),
    "LNR": (
        ("Luhansk", "Lugansk", "Luhansk", 48.5740, 39.3078),
        ("Alchevsk", "", "Alchevsk", 48.4672, 38.7970),
    ),
    "NKR": (("Stepanakert", "Khankendi", "Stepanakert", 39.8153, 46.7519),),
}

# (template, org_type): {town} is a town, {country} the geography's name.
NATIONAL = (
    ("Russian Cultural Center", "cso_ngo"),
    ("Coordinating Council of Russian Compatriots of {country}", "compatriot_union"),
    ("Russian Community of {country}", "cso_ngo"),
    ("Ministry of Education of {country}", "government"),
    ("Union of Veterans of {country}", "cso_ngo"),
    ("Youth Council of Russian Compatriots of {country}", "compatriot_union"),
    ("Friends of Russia Society", "cso_ngo"),
    ("Slavic University", "school"),
)
LOCAL = (
    ("{town} Slavic Cultural Society", "cso_ngo"),
    ("Pushkin Club of {town}", "cso_ngo"),
    ("{town} Diocese of the Russian Orthodox Church", "church"),
    ("Russian Gymnasium No. 1 of {town}", "school"),
    ("{town} City Administration", "government"),
    ("{town} Youth Debate Club", "cso_ngo"),
    ("Immortal Regiment {town}", "cso_ngo"),
    ("{town} Russian Drama Theater", "cso_ngo"),
    ("{town} Russian-Language Weekly", "media"),
)
# Russian names the Kyrgyz coders write in their Windows-1251 sheet (registered as aliases).
KGZ_RUSSIAN = {
    "Russian Cultural Center": "Русский культурный центр",
    "Coordinating Council of Russian Compatriots of Kyrgyz Republic": "Координационный совет российских соотечественников Кыргызстана",
    "Russian Community of Kyrgyz Republic": "Русская община Кыргызстана",
    "Ministry of Education of Kyrgyz Republic": "Министерство образования Кыргызской Республики",
    "Union of Veterans of Kyrgyz Republic": "Союз ветеранов Кыргызстана",
    "Slavic University": "Кыргызско-Российский Славянский университет",
    "Bishkek Slavic Cultural Society": "Славянское культурное общество Бишкека",
    "Pushkin Club of Bishkek": "Пушкинский клуб Бишкека",
    "Osh Slavic Cultural Society": "Славянское культурное общество Оша",
    "Immortal Regiment Bishkek": "Бессмертный полк Бишкек",
}
ENTITIES_ANYWHERE = (
    ("Russkiy Mir Foundation", 12),
    ("Gorchakov Fund", 4),
    ("Federal Agency for Youth Affairs", 4),
    ("Ministry of Culture", 3),
    ("Moscow State University", 2),
    ("St. Petersburg State University", 2),
    ("Ministry of Education and Science", 3),
    ("Foundation for Supporting and Protecting the Rights of Compatriots Living Abroad", 2),
    ("Primakov Readings Foundation", 1),
    ("Moscow Government", 2),
    ("Russian Humanitarian Mission", 2),
)
OCCUPIED = ("ABK", "SOS", "TRN", "CRM", "DNR", "LNR")


@dataclass(frozen=True)
class Org:
    name: str
    org_type: str
    town: str
    aliases: str


def organisations(code: str) -> list[Org]:
    """A geography's registry: national bodies and a few per town, at least enough for its volume."""
    country = BY_CODE[code].name
    towns = TOWNS[code]
    orgs = []
    for template, org_type in NATIONAL:
        name = template.format(country=country)
        orgs.append(
            Org(name, org_type, towns[0][0], KGZ_RUSSIAN.get(name, "") if code == "KGZ" else "")
        )
    per_town = max(3, min(len(LOCAL), VOLUMES[code] // (4 * len(towns)) + 2))
    for index, (town, *_rest) in enumerate(towns):
        for template, org_type in LOCAL[: per_town if index else len(LOCAL)]:
            name = template.format(town=town)
            orgs.append(
                Org(name, org_type, town, KGZ_RUSSIAN.get(name, "") if code == "KGZ" else "")
            )
    return orgs


def entities(code: str, missions: dict[str, list[str]]) -> tuple[list[str], list[float]]:
    """Russian channels active in a geography, with weights: Rossotrudnichestvo leads."""
    names = ["Rossotrudnichestvo", *missions.get(code, [])]
    weights = [40.0] + [12.0] * len(missions.get(code, []))
    for name, weight in ENTITIES_ANYWHERE:
        names.append(name)
        weights.append(weight)
    if code in OCCUPIED:
        names.append("Ministry of Defence")
        weights.append(5.0)
    return names, weights


def volume(code: str) -> int:
    return VOLUMES[code]


def rng_for(seed: int, code: str, replica: int) -> random.Random:
    return random.Random(f"{seed}:projects:{code}:{replica}")
