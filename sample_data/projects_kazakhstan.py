# ruff: noqa: E501, RUF001
"""Kazakhstan's calibrated lists for the Russian projects sample (AidData country report, section 3.1).

Data only: the Russian entities (shared by every geography), Kazakhstan's recipient organisations
with their project counts and the places. Names are the annex's, as printed (typos included where
the annex shows them to readers, e.g. "N Kazakhstan Regal Museum Assoc."); fuller names are
aliases. Three printed names are tidied because the annex's punctuation belongs to the list, not
to the name: 'Creative Assoc. "Turkestan"', 'Information and Analytical Center "Eurasia - Volga
Region"' and "State Memorial Museum of Defense and the Siege of Leningrad" (no trailing period).

Organisation rows: (name, projects in the window, org_type, home place, aliases). KSORS is coded
``compatriot_union`` (the report calls it "this compatriot union"), so it does not count towards
the 229 projects naming a CSO.
"""

from __future__ import annotations

MFA = "RU-MFA"

# fmt: off

# (entity_id, name, aliases, entity_type, parent)
RUSSIAN_ENTITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ('RU-MFA', 'Ministry of Foreign Affairs', 'Ministry of Foreign Affairs of the Russian Federation|MFA of Russia|МИД России', 'ministry', ''),
    ('RU-RSTR', 'Rossotrudnichestvo', 'Federal Agency for the Commonwealth of Independent States Affairs, Compatriots Living Abroad, and International Humanitarian Cooperation|Russian Center for Science and Culture|Россотрудничество', 'agency', 'RU-MFA'),
    ('RU-EMB-KAZ', 'Embassy in Nur-Sultan', 'Embassy in Nut-Sultan|Embassy of the Russian Federation in Nur-Sultan|Embassy in Astana', 'embassy', 'RU-MFA'),
    ('RU-CG-ALA', 'Consulate General in Almaty', 'Consulate General of the Russian Federation in Almaty', 'consulate', 'RU-MFA'),
    ('RU-CG-URA', 'Consulate General in Oral', 'Consulate General in Uralsk|Consulate General of the Russian Federation in Uralsk', 'consulate', 'RU-MFA'),
    ('RU-CG-UKK', 'Consulate General in Oskemen', 'Consulate General in Ostmen|Consulate General in Ust-Kamenogorsk', 'consulate', 'RU-MFA'),
    ('RU-TAT', 'Representative Office of the Republic of Tatarstan', 'Representative Office of Tatarstan in Kazakhstan|Plenipotentiary Representation of the Republic of Tatarstan', 'regional_government', ''),
    ('RU-GORCH', 'Gorchakov Fund', 'Alexander Gorchakov Public Diplomacy Fund|Фонд Горчакова', 'fund', 'RU-MFA'),
    ('RU-AUDIT', 'National Audit Office', 'Accounts Chamber of the Russian Federation', 'other', ''),
    ('RU-TOMSK', 'Open Youth University of the city of Tomsk', 'Open Youth University of Tomsk', 'university', ''),
    ('RU-WRIT', "Russian Writers' Union", 'Union of Writers of Russia', 'other', ''),
    ('RU-LAW', 'Law enforcement - unspecified', '', 'other', ''),
    ('RU-SIEGE', 'State Memorial Museum of Defense and the Siege of Leningrad', 'Museum of the Defence and Siege of Leningrad', 'other', ''),
    ('RU-ALTAI', 'Altai Territory Directorate', 'Altai Krai Administration', 'regional_government', ''),
    ('RU-MOSGOV', 'Moscow Government', 'Government of Moscow', 'regional_government', ''),
    ('RU-CPE', 'Commonwealth of Peoples of Eurasia', '', 'other', ''),
    ('RU-EVOLGA', 'Information and Analytical Center "Eurasia - Volga Region"', '', 'other', ''),
    ('RU-MSU', 'Moscow State University', 'Lomonosov Moscow State University', 'university', ''),
    ('RU-ORENB', 'Orenburg State University', '', 'university', ''),
    ('RU-SK', 'Investigative Committee of the Russian Federation', 'Investigative Committee of Russia', 'agency', ''),
    ('RU-ATRL', 'Assoc of Teachers of Russian Language and Higher School Literature', 'Association of Teachers of Russian Language and Literature of Higher School', 'other', ''),
    ('RU-MINEDU', 'Ministry of Education and Science', 'Ministry of Education and Science of the Russian Federation', 'ministry', ''),
    ('RU-MORDPI', 'Mordovian State Pedagogical Institute named after V.I. M.E. Evsevyeva', 'Mordovian State Pedagogical Institute named after M.E. Evsevyev', 'university', ''),
    ('RU-UNESCO', 'Russian Committee of the UNESCO Information for All Program', '', 'other', ''),
    ('RU-RHM', 'Russian Humanitarian Mission', '', 'other', ''),
    ('RU-SPBMUS', 'St. Petersburg House of Music', 'Saint Petersburg House of Music', 'other', ''),
    ('RU-CMET', 'Center for Modern Educational Technologies', '', 'other', ''),
    ('RU-SPACE', 'Roscosmos', 'Roscomos|State Space Corporation Roscosmos', 'agency', ''),
    ('RU-CYS', 'Council of Young Scientists of the Russian Academy of Sciences', '', 'other', ''),
    ('RU-MINSCI', 'Ministry of Science and Higher Education', 'Ministry of Science and Higher Education of the Russian Federation', 'ministry', ''),
    ('RU-SWSU', 'Southwestern State University', 'South-West State University', 'university', ''),
    ('RU-OMBUD', 'Ombudsman for Human Rights', 'High Commissioner for Human Rights in the Russian Federation', 'other', ''),
    ('RU-DUMA', 'State Duma', 'State Duma of the Federal Assembly', 'other', ''),
    ('RU-MHC', 'Moscow House of Compatriots', '', 'other', 'RU-MOSGOV'),
    ('RU-MCIC', 'Moscow Center for International Cooperation', '', 'other', 'RU-MOSGOV'),
    ('RU-RMIR', 'Russkiy Mir Foundation', 'Russky Mir Foundation|Фонд «Русский мир»', 'fund', ''),
    ('RU-COMPAT', 'Foundation for Supporting and Protecting the Rights of Compatriots Living Abroad', 'Pravfond', 'fund', 'RU-MFA'),
    ('RU-ROSMOL', 'Federal Agency for Youth Affairs', 'Rosmolodezh', 'agency', ''),
    ('RU-MINCULT', 'Ministry of Culture', 'Ministry of Culture of the Russian Federation', 'ministry', ''),
    ('RU-MINDEF', 'Ministry of Defence', 'Ministry of Defence of the Russian Federation', 'ministry', ''),
    ('RU-SPBU', 'St. Petersburg State University', 'Saint Petersburg State University', 'university', ''),
    ('RU-PRIM', 'Primakov Readings Foundation', '', 'fund', ''),
)

# Embassies and consulates of the other geographies: (geography, entity_id, name, aliases, type).
MISSIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ('KGZ', 'RU-EMB-KGZ', 'Embassy in Bishkek', 'Embassy of the Russian Federation in Bishkek|Посольство России в Бишкеке', 'embassy'),
    ('KGZ', 'RU-CG-OSH', 'Consulate General in Osh', 'Генконсульство России в Оше', 'consulate'),
    ('BLR', 'RU-EMB-BLR', 'Embassy in Minsk', 'Embassy of the Russian Federation in Minsk', 'embassy'),
    ('BLR', 'RU-CG-BRE', 'Consulate General in Brest', '', 'consulate'),
    ('ARM', 'RU-EMB-ARM', 'Embassy in Yerevan', '', 'embassy'),
    ('GEO', 'RU-SEC-GEO', 'Interests Section in Tbilisi', 'Russian Interests Section at the Swiss Embassy', 'embassy'),
    ('AZE', 'RU-EMB-AZE', 'Embassy in Baku', '', 'embassy'),
    ('MDA', 'RU-EMB-MDA', 'Embassy in Chisinau', 'Embassy in Kishinev', 'embassy'),
    ('UZB', 'RU-EMB-UZB', 'Embassy in Tashkent', '', 'embassy'),
    ('TJK', 'RU-EMB-TJK', 'Embassy in Dushanbe', '', 'embassy'),
    ('UKR', 'RU-EMB-UKR', 'Embassy in Kyiv', 'Embassy in Kiev', 'embassy'),
    ('SRB', 'RU-EMB-SRB', 'Embassy in Belgrade', '', 'embassy'),
    ('BIH', 'RU-EMB-BIH', 'Embassy in Sarajevo', '', 'embassy'),
    ('MNE', 'RU-EMB-MNE', 'Embassy in Podgorica', '', 'embassy'),
    ('MKD', 'RU-EMB-MKD', 'Embassy in Skopje', '', 'embassy'),
    ('ALB', 'RU-EMB-ALB', 'Embassy in Tirana', '', 'embassy'),
    ('ABK', 'RU-EMB-ABK', 'Embassy in Sukhum', 'Embassy in Sukhumi', 'embassy'),
    ('SOS', 'RU-EMB-SOS', 'Embassy in Tskhinval', 'Embassy in Tskhinvali', 'embassy'),
    ('TRN', 'RU-CG-TIR', 'Consular Office in Tiraspol', '', 'consulate'),
)

# (name, projects, org_type, home place, aliases). Top recipients and 7 more unfolded ones.
TOP_ORGS: tuple[tuple[str, int, str, str, str], ...] = (
    ('Old Oral Museum', 40, 'cso_ngo', 'Oral', 'Old Uralsk Folk Museum of Local Lore|Cultural and Educational Foundation "Old Uralsk"|Old Uralsk Museum'),
    ('Russian Cultural Center', 28, 'cso_ngo', 'Nur-Sultan', 'Russian Cultural Center Public Association|Russian Cultural Centre'),
    ('Yesenzhanov Regional Library for Children and Youth', 15, 'cso_ngo', 'Oral', 'Kh. Yesenzhanov West Kazakhstan Regional Library for Children and Youth|Yesenzhanov Library'),
    ('Bylina', 12, 'cso_ngo', 'Atyrau', 'Russian Cultural Center "Bylina"|Bylina (Atyrau)'),
    ('Tatar Cultural Center', 12, 'cso_ngo', 'Oral', 'Tatar Cultural Center (Oral)|Tatar Cultural Center of West Kazakhstan'),
    ('Sholokhov Memorial Museum', 11, 'cso_ngo', "Dar'inskoye", "Sholokhov Memorial Museum (Dar'inskoye)|M. Sholokhov Museum"),
    ('7 MUZ', 10, 'cso_ngo', 'Oral', '7 MUZ (Oral)|Seven Muses Creative Association'),
    ('Universe of Dolls Public Fund', 10, 'cso_ngo', 'Almaty', 'Universe of Dolls Public Fund (Almaty)|Universe of Dolls'),
    ('KSORS', 6, 'compatriot_union', 'Nur-Sultan', 'Coordinating Council of Organizations of Russian Compatriots of the Republic of Kazakhstan'),
    ('West Kazakhstan Regional Assembly of Peoples of Kazakhstan', 8, 'cso_ngo', 'Oral', 'W Kazakh Regional Peoples Assembly of Kazakhstan'),
    ('East Kazakhstan Regional Assembly of Peoples of Kazakhstan', 6, 'cso_ngo', 'Oskemen', 'E Kazakh Regional Peoples Assembly of Kazakhstan'),
    ('Department of Internal Policy of the West Kazakhstan Region', 6, 'government', 'Oral', 'W Kazakh Internal Policy Department'),
    ('Church of St. Michael the Archangel in Atyrau', 6, 'church', 'Atyrau', 'St. Michael the Archangel Church (Atyrau)'),
    ('Association of Russian Compatriots', 7, 'compatriot_union', 'Nur-Sultan', 'Assoc of Russian Compatriots'),
    ('Slavic Gymnasium No. 8 of Nur-Sultan', 6, 'school', 'Nur-Sultan', 'Gymnasium No. 8 (Nur-Sultan)'),
    ('Slavic Youth Union of Nur-Sultan', 7, 'cso_ngo', 'Nur-Sultan', ''),
    ('Friends of Russian Literature Society', 6, 'cso_ngo', 'Almaty', ''),
    ('Victory Volunteers of Kazakhstan', 6, 'cso_ngo', 'Petropavl', 'Volunteers of Victory (Kazakhstan)'),
)

# The annex's folded groups: (name, projects, home place); aliases in FOLDED_ALIASES.
OTHER_CSO: tuple[tuple[str, int, str], ...] = (
    ('Abay Opera House', 1, 'Almaty'),
    ('Akbuzat', 3, 'Oral'),
    ('Aktobe Regional Assembly of Peoples of Kazakhstan', 1, 'Aktobe'),
    ('Alliance Creative Assoc.', 1, 'Nur-Sultan'),
    ('Almaty Regional Peoples Assembly of Kazakhstan', 2, 'Almaty'),
    ('Almaty Regional Russian Center', 1, 'Almaty'),
    ('Almaty Regional Slavic Youth Movement (AOSMD)', 2, 'Almaty'),
    ('Almaty branch of the Vladimir Vysotsky Memorial Fund', 1, 'Almaty'),
    ("Arna Women's Union of the Bayterek District", 3, 'Bayterek District'),
    ('Art School-UNESCO Club of the Schoolchildren Palace of Petropavl', 1, 'Petropavl'),
    ('Artists Union of Astana', 1, 'Nur-Sultan'),
    ('Assoc of Non-Profit Organizations in Semey', 1, 'Semey'),
    ('Assoc of Russian Slavic Cossack Organizations', 3, 'Nur-Sultan'),
    ('Assoc of Tatar-Bashkir and Tatar Societies and Cultural Centers of Kazakhstan', 1, 'Nur-Sultan'),
    ('Astana Opera', 4, 'Nur-Sultan'),
    ('Atamnyn Amanaty', 1, 'Oral'),
    ('Avangard', 1, 'Kokshetau'),
    ('Balbulak-Rodnik Public Fund', 3, 'Almaty'),
    ('Centralized Library System of Almaty', 1, 'Almaty'),
    ('City Council of World War II Veterans, and Military Service and Home Front Workers', 1, 'Nur-Sultan'),
    ("Commission for Women's Affairs of the Akimat of Almaty", 1, 'Almaty'),
    ('Compatriot NGO', 1, 'Aktobe'),
    ('Constellation ANDRES', 1, 'Nur-Sultan'),
    ('Council of Veterans of the Saryarka Region of Astana', 1, 'Nur-Sultan'),
    ('Creative Assoc. "Turkestan"', 1, 'Shymkent'),
    ("Dobrynya Children's Education Center", 2, 'Petropavl'),
    ('Duslyk', 5, 'Pavlodar'),
    ('E Kazakh Drama Theater', 1, 'Oskemen'),
    ('Eastern-Kazakhstan Regional Architectural, Ethnographic and Natural Landscape Museum-Reserve', 1, 'Oskemen'),
    ('EsilArt Public Fund', 1, 'Nur-Sultan'),
    ('Eurasian Cultural Fund', 3, 'Nur-Sultan'),
    ('Eurasian Monitoring', 5, 'Almaty'),
    ('Graduates of Access Program in Shymkent (ASSA)', 2, 'Shymkent'),
    ('International Constellations of Nazib Zhiganov', 4, 'Oral'),
    ('June 24 Gallery', 2, 'Almaty'),
    ('K.I. Satpayev Memorial Museum', 1, 'Pavlodar'),
    ('Kazakh Assoc of Germans "Renaissance"', 2, 'Nur-Sultan'),
    ('Kurmangaliev Regional Philharmonic Society', 2, 'Oral'),
    ('Link of Altai Literary Assoc.', 1, 'Oskemen'),
    ('M. Auezov Central Youth and Children Library', 2, 'Almaty'),
    ('M. Gorky State Academic Drama Theater', 1, 'Nur-Sultan'),
    ('M. Mametove Memorial House-Museum', 2, 'Oral'),
    ('Maidan Zholy', 1, 'Oral'),
    ('N Kazakhstan Regal Museum Assoc.', 1, 'Petropavl'),
    ('N Kazakhstan Regal Museum of Fine Arts', 1, 'Petropavl'),
    ('N Kazakhstan Regal Peoples Assembly of Kazakhstan', 2, 'Petropavl'),
    ('N.G. Zhiganov Kazan State Conservatory', 2, 'Nur-Sultan'),
    ('National Museum of the Kazakhstan', 3, 'Nur-Sultan'),
    ('Nuclear Society of Kazakhstan', 3, 'Nur-Sultan'),
    ('Nur-Sultan City Peoples Assembly of Kazakhstan', 1, 'Nur-Sultan'),
    ('Nursultan Nazarbayev Foundation', 4, 'Nur-Sultan'),
    ("Orlyonok Children's Camp", 1, 'Kokshetau'),
    ('Ostrovsky Academic Drama Theater', 2, 'Oral'),
    ('Pavel Vasiliev House-Museum', 1, 'Pavlodar'),
    ('Pavlodar Regional Peoples Assembly of Kazakhstan', 1, 'Pavlodar'),
    ('Pilgrim Student Theater', 1, 'Oral'),
    ('Pushkin Library', 4, 'Almaty'),
    ('Radonezh Charitable Corporate Foundation', 2, 'Almaty'),
    ('Republican Slavic Movement "Lad"', 3, 'Almaty'),
    ('Russian Community of Akmola Region', 1, 'Kokshetau'),
    ('Russian Community of Kazakhstan', 1, 'Nur-Sultan'),
    ('Russian Community of the N Kazakhstan Reg', 2, 'Petropavl'),
    ('Russian Ethnocultural Center of the Almaty Region', 1, 'Almaty'),
    ("Russian-Kazakh Experts' IQ Club", 1, 'Nur-Sultan'),
    ('S. Mukanov Regional Universal Scientific Library', 1, 'Petropavl'),
    ('Schoolchildren’s Palace in Nur-Sultan', 2, 'Nur-Sultan'),
    ('Scientific and Expert Council of the People’s Assembly of Kazakhstan', 1, 'Nur-Sultan'),
    ('Semey House of Friendship', 1, 'Semey'),
    ('Shymkent City Assembly of Peoples of Kazakhstan', 1, 'Shymkent'),
    ('Slavic Center', 4, 'Atyrau'),
    ('Slavic Cultural Center', 2, 'Aktobe'),
    ('Slavyane', 4, 'Kokshetau'),
    ("Sovremennik People's Youth Theater", 1, 'Semey'),
    ('Station of Young Naturalists of Almaty', 1, 'Almaty'),
    ('Tatar-Bashkir National Cultural Center "Tan"', 2, 'Semey'),
    ('Tatulyk', 1, 'Oral'),
    ('Theater for Children and Youth named after Natalia Sats', 3, 'Almaty'),
    ('Three Chords', 1, 'Kokshetau'),
    ('Tonika Bard Song club', 1, 'Petropavl'),
    ('Union of Cossacks of the Steppe Territory', 4, 'Petropavl'),
    ('Union of Orthodox Citizens of Kazakhstan', 4, 'Almaty'),
    ('Verkhne-Irtysh Russian Cossack community', 1, 'Oskemen'),
    ('Veterans of the Armed Forces of the Kazakhstan', 2, 'Nur-Sultan'),
    ('W Kazakh Regional Society of Disabled and Veterans of the War in Afghanistan', 2, 'Oral'),
    ('W Kazakh Universal Scientific Library named after Zh. Moldagaliyev', 1, 'Oral'),
    ("World Women's Friendship Center", 4, 'Almaty'),
    ('Yaitsky', 2, 'Oral'),
    ('Zhaikhun', 1, 'Oral'),
    ('Zhambyl Daryny', 2, 'Almaty'),
    ('Zhambyl Regional Russian Drama Theater', 1, 'Almaty'),
    ('Zhas Otan', 1, 'Nur-Sultan'),
)

OTHER_GOVERNMENT: tuple[tuple[str, int, str], ...] = (
    ('Academy of Public Administration under the President of the Republic', 1, 'Nur-Sultan'),
    ('Accounts Committee for Control over Execution of the Republican Budget', 1, 'Nur-Sultan'),
    ('Akimat of Nur-Sultan', 1, 'Nur-Sultan'),
    ('Almaty Ed. Dept.', 2, 'Almaty'),
    ('Border Service of the NSC', 1, 'Petropavl'),
    ('Ed. Dept. of the N Kazakhstan Reg', 2, 'Petropavl'),
    ("General Prosecutor's Office of Kazakhstan", 1, 'Nur-Sultan'),
    ('N Kazakhstan Regal Akimat', 1, 'Petropavl'),
    ('Ombudsman for Human Rights in Kazakhstan', 1, 'Nur-Sultan'),
    ('Oral City Department of Education', 2, 'Oral'),
    ('Parliament of Kazakhstan', 1, 'Nur-Sultan'),
    ('Peoples Assembly of Kazakhstan', 1, 'Nur-Sultan'),
    ('Semey Akimat', 1, 'Semey'),
    ('Semey Department of Culture and Language Development', 1, 'Semey'),
    ('W Kazakh Regional Akimat', 3, 'Oral'),
)

OTHER_CHURCHES: tuple[tuple[str, int, str], ...] = (
    ('Aktobe Diocese of the Russian Orthodox Church', 1, 'Aktobe'),
    ('Almaty Diocese of the Russian Orthodox Church', 1, 'Almaty'),
    ('Almaty Theological Seminary', 1, 'Almaty'),
    ('Bulayevo Diocese of the Russian Orthodox Church', 1, 'Petropavl'),
    ('Church of the Resurrection of Christ', 1, 'Kokshetau'),
    ('Oral Diocese of the Russian Orthodox Church', 1, 'Oral'),
    ('Petropavl Diocese of the Russian Orthodox Church', 1, 'Petropavl'),
    ('Social Service of the Holy Ascension Cathedral', 1, 'Almaty'),
    ('Ural Diocese of the Russian Orthodox Church', 2, 'Oral'),
)

OTHER_COMPATRIOT_UNIONS: tuple[tuple[str, int, str], ...] = (
    ('Russian Compatriots of Aktobe', 2, 'Aktobe'),
    ('Russian Compatriots of Mangystau', 2, 'Atyrau'),
    ('Russian Compatriots of W Kazakh', 2, 'Oral'),
    ('Semirechenskoe Cossack Host', 1, 'Almaty'),
    ('Youth Council of Russian Compatriots of Kazakhstan', 2, 'Nur-Sultan'),
)

OTHER_SCHOOLS: tuple[tuple[str, int, str], ...] = (
    ("Children's Music School No. 1 named after D. Nurpeisova", 3, 'Oral'),
    ('College of Management, Business and Education', 1, 'Almaty'),
    ('Hall of Military Glory at Atyrau Oil and Gas University', 1, 'Atyrau'),
    ('Kazakh National University of Arts', 3, 'Nur-Sultan'),
    ('Kazakh-Russian Gymnasium No. 54 of Almaty', 2, 'Almaty'),
    ('Kazakhstan branch of the Moscow State University named after M.V. Lomonosov', 3, 'Nur-Sultan'),
    ('Linguistic Gymnasium No. 35 in Almaty', 4, 'Almaty'),
    ('North Kazakhstan State University', 1, 'Petropavl'),
    ('Pavlodar State Pedagogical University', 1, 'Pavlodar'),
    ('Secondary School in the village of Makarovo', 2, 'Makarovo'),
)

OTHER_RECIPIENTS: tuple[tuple[str, int, str], ...] = (
    ('Other/unspecified', 1, 'Nur-Sultan'),
    ('Veteran organizations - unspecified', 1, 'Oral'),
)

# fmt: on

FOLDED_GROUPS: dict[str, tuple[str, tuple[tuple[str, int, str], ...]]] = {
    "Other CSO/NGO": ("cso_ngo", OTHER_CSO),
    "Other Government": ("government", OTHER_GOVERNMENT),
    "Other Churches": ("church", OTHER_CHURCHES),
    "Other Compatriot Unions": ("compatriot_union", OTHER_COMPATRIOT_UNIONS),
    "Other Schools": ("school", OTHER_SCHOOLS),
    "Other Recipients": ("other", OTHER_RECIPIENTS),
}
FOLDED_ALIASES: dict[str, str] = {
    "Assoc of Tatar-Bashkir and Tatar Societies and Cultural Centers of Kazakhstan": "Association of Tatar-Bashkir and Tatar Societies and Cultural Centers of Kazakhstan",
    "N Kazakhstan Regal Museum Assoc.": "North Kazakhstan Regional Museum Association",
    "N Kazakhstan Regal Museum of Fine Arts": "North Kazakhstan Regional Museum of Fine Arts",
    "N Kazakhstan Regal Peoples Assembly of Kazakhstan": "North Kazakhstan Regional Assembly of Peoples of Kazakhstan",
    "N Kazakhstan Regal Akimat": "North Kazakhstan Regional Akimat",
    "Duslyk": 'Tatar Educational Cultural Center "Duslyk"',
    'Tatar-Bashkir National Cultural Center "Tan"': 'Tatar-Bashkir Cultural Center "TAN"',
    "Almaty Ed. Dept.": "Almaty Education Department|Almaty City Education Department",
    "Ed. Dept. of the N Kazakhstan Reg": "Education Department of the North Kazakhstan Region",
    "W Kazakh Regional Akimat": "West Kazakhstan Regional Akimat",
    "Border Service of the NSC": "Border Service of the National Security Committee",
    "Parliament of Kazakhstan": "Mazhilis|Mazhilis of the Parliament of Kazakhstan",
    "Astana Opera": "Astana Opera House",
    "Ostrovsky Academic Drama Theater": "A.N. Ostrovsky West Kazakhstan Regional Academic Drama Theater",
    "Kazakh-Russian Gymnasium No. 54 of Almaty": "Kazakh-Russian Gymnasium No. 54",
    "W Kazakh Universal Scientific Library named after Zh. Moldagaliyev": "West Kazakhstan Regional Universal Scientific Library",
    "Russian Compatriots of W Kazakh": "Russian Compatriots of West Kazakhstan",
    "Eurasian Monitoring": "Eurasian Monitoring Public Fund",
    'Republican Slavic Movement "Lad"': "Lad|Slavic Movement Lad",
}


# Recipients never reached by Rossotrudnichestvo (150 - 126 = 24): regulators and Oral's own.
# fmt: off
NOT_ROSSOTRUDNICHESTVO: frozenset[str] = frozenset({
    'Accounts Committee for Control over Execution of the Republican Budget',
    'Akbuzat',
    "Arna Women's Union of the Bayterek District",
    'Atamnyn Amanaty',
    'Border Service of the NSC',
    "General Prosecutor's Office of Kazakhstan",
    'Kurmangaliev Regional Philharmonic Society',
    'M. Mametove Memorial House-Museum',
    'Maidan Zholy',
    'Ombudsman for Human Rights in Kazakhstan',
    'Oral City Department of Education',
    'Oral Diocese of the Russian Orthodox Church',
    'Parliament of Kazakhstan',
    'Pilgrim Student Theater',
    'Russian Compatriots of W Kazakh',
    'Secondary School in the village of Makarovo',
    'Tatulyk',
    'Ural Diocese of the Russian Orthodox Church',
    'Veteran organizations - unspecified',
    'W Kazakh Regional Akimat',
    'W Kazakh Regional Society of Disabled and Veterans of the War in Afghanistan',
    'W Kazakh Universal Scientific Library named after Zh. Moldagaliyev',
    'Yaitsky',
    'Zhaikhun',
})

# (name, aliases, admin1, latitude, longitude)
PLACES: tuple[tuple[str, str, str, float, float], ...] = (
    ('Oral', 'Uralsk|Орал|Уральск', 'West Kazakhstan Region', 51.2333, 51.3667),
    ('Nur-Sultan', 'Astana|Nur Sultan|Нур-Султан', 'Nur-Sultan City', 51.1694, 71.4491),
    ('Almaty', 'Alma-Ata|Алматы', 'Almaty City', 43.222, 76.8512),
    ("Dar'inskoye", 'Darinskoye|Dariya|Дарьинское', 'West Kazakhstan Region', 51.1667, 51.85),
    ('Makarovo', 'Макарово', 'West Kazakhstan Region', 51.3, 51.55),
    ('Bayterek District', 'Zelenov District|Бәйтерек ауданы', 'West Kazakhstan Region', 51.22, 51.6),
    ('Aktobe', 'Aktyubinsk|Актобе', 'Aktobe Region', 50.2839, 57.167),
    ('Atyrau', 'Guryev|Атырау', 'Atyrau Region', 47.0945, 51.9238),
    ('Kokshetau', 'Kokchetav|Кокшетау', 'Akmola Region', 53.2833, 69.3833),
    ('Petropavl', 'Petropavlovsk|Петропавловск', 'North Kazakhstan Region', 54.8728, 69.143),
    ('Semey', 'Semipalatinsk|Семей', 'East Kazakhstan Region', 50.4111, 80.2275),
    ('Pavlodar', 'Павлодар', 'Pavlodar Region', 52.2873, 76.9674),
    ('Shymkent', 'Chimkent|Шымкент', 'Shymkent City', 42.3417, 69.5901),
    ('Oskemen', 'Ust-Kamenogorsk|Усть-Каменогорск', 'East Kazakhstan Region', 49.9481, 82.6279),
    ('Taraz', 'Zhambyl|Dzhambul', 'Zhambyl Region', 42.9, 71.3667),
    ('Aktau', 'Shevchenko', 'Mangystau Region', 43.65, 51.1667),
)

# fmt: on
