"""The WVS/EVS items the report uses: their wording, answer scales and missing-value codes.

Which instrument asks what: WVS-6 and WVS-7 code memberships active/inactive (0-2), EVS 2017 only
"belong to" (0/1); television and the WVS-7 additions are not asked everywhere.
"""

from __future__ import annotations

from sample_data.surveys._engine import AnswerScale, Missingness

NOT_ASKED = -4
MISSING = Missingness(
    codes=(-1, -2),
    probs=(0.7, 0.3),
    rate=(0.01, 0.05),
    labels={
        -1: "Don't know",
        -2: "No answer",
        -3: "Not applicable",
        -4: "Not asked in survey",
        -5: "Missing; Not available",
    },
)
INTEREST = AnswerScale(
    ((1, 2), (3, 4)),
    ((0.3, 0.7), (0.55, 0.45)),
    {
        1: "Very interested",
        2: "Somewhat interested",
        3: "Not very interested",
        4: "Not at all interested",
    },
)
ACTION = AnswerScale(
    ((1,), (2,), (3,)),
    ((1.0,), (1.0,), (1.0,)),
    {1: "Have done", 2: "Might do", 3: "Would never do"},
)
ACTIVE = AnswerScale(
    ((1, 2), (0,)),
    ((0.55, 0.45), (1.0,)),
    {0: "Not a member", 1: "Inactive member", 2: "Active member"},
)
BINARY = AnswerScale(((1,), (0,)), ((1.0,), (1.0,)), {0: "Not mentioned", 1: "Mentioned"})
CONFIDENCE = AnswerScale(
    ((1, 2), (3, 4)),
    ((0.3, 0.7), (0.6, 0.4)),
    {1: "A great deal", 2: "Quite a lot", 3: "Not very much", 4: "None at all"},
)

TEXT = {
    "interest": "Interest in politics",
    "act_petition": "Signing a petition",
    "act_boycott": "Joining in boycotts",
    "act_demonstration": "Attending lawful/peaceful demonstrations",
    "act_strike": "Joining unofficial strikes",
    "mem_church": "Church or religious organization",
    "mem_sport": "Sport or recreational organization",
    "mem_art": "Art, music or educational organization",
    "mem_union": "Labour union",
    "mem_party": "Political party",
    "mem_environment": "Environmental organization",
    "mem_professional": "Professional association",
    "mem_humanitarian": "Humanitarian or charitable organization",
    "mem_consumer": "Consumer organization",
    "mem_selfhelp": "Self-help group, mutual aid group",
    "mem_other": "Other organization",
    "mem_women": "Women's group",
    "conf_churches": "The churches",
    "conf_armed_forces": "The armed forces",
    "conf_press": "The press",
    "conf_television": "Television",
    "conf_unions": "Labour unions",
    "conf_police": "The police",
    "conf_courts": "The courts",
    "conf_government": "The government",
    "conf_parties": "Political parties",
    "conf_parliament": "Parliament",
    "conf_civil_service": "The civil service",
    "conf_environment": "The environmental protection movement",
    "conf_charitable": "Charitable or humanitarian organizations",
}
CORE = tuple(k for k in TEXT if k not in {"mem_women", "conf_television", "conf_charitable"})
INSTRUMENT_ITEMS = {
    "wvs6": (*CORE, "conf_television"),
    "wvs7": (*CORE, "conf_television", "mem_women", "conf_charitable"),
    "evs": CORE,  # EVS 2017 has no television item
}
BINARY_MEMBERSHIP = {"evs"}  # EVS asks "do you belong to", without the active/inactive split


def answer_scale(item: str, binary: bool) -> AnswerScale:
    kind = item.split("_")[0]
    if kind == "mem":
        return BINARY if binary else ACTIVE
    return {"interest": INTEREST, "act": ACTION, "conf": CONFIDENCE}[kind]


def item_label(item: str, binary: bool) -> str:
    kind = item.split("_")[0]
    prefix = {
        "interest": "",
        "act": "Political action: ",
        "mem": "Belong to: " if binary else "Active/Inactive membership: ",
        "conf": "Confidence: ",
    }[kind]
    return prefix + TEXT[item]
