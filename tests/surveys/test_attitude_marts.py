"""Report section 2.2 for Kazakhstan, read from the published attitude marts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

import numpy as np
import pandas as pd
import pyreadstat
import pytest

# Table 4 and Table 5 as printed: (2011 %, 2018 %, percentage-point change).
TABLE_4 = {
    "member_church": (8, 8, -0.6),
    "member_sport": (12, 15, 3.6),
    "member_art": (9, 14, 4.6),
    "member_labour_union": (9, 16, 7.0),
    "member_political_party": (8, 11, 2.5),
    "member_environmental": (4, 4, -0.5),
    "member_professional": (5, 7, 1.8),
    "member_charitable": (5, 9, 3.9),
    "member_consumer": (5, 6, 1.3),
    "member_self_help": (5, 5, -0.2),
    "member_other": (4, 4, -0.3),
}
TABLE_5 = {
    "confidence_churches": (62, 79, 17.1),
    "confidence_armed_forces": (72, 81, 8.9),
    "confidence_press": (53, 59, 6.4),
    "confidence_labour_unions": (44, 54, 10.0),
    "confidence_police": (50, 65, 14.8),
    "confidence_courts": (51, 63, 12.4),
    "confidence_government": (75, 69, -6.2),
    "confidence_political_parties": (55, 57, 2.2),
    "confidence_parliament": (67, 65, -2.5),  # printed "-.2.5%"
    "confidence_civil_service": (67, 66, -1.1),
    "confidence_environmental": (58, 57, -0.5),
}
WVS6_COUNTRIES = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "UKR"]
JOINT_COUNTRIES = [
    "ALB", "ARM", "AZE", "BIH", "BLR", "GEO", "KAZ", "KGZ", "MKD", "MNE", "SRB", "TJK", "UKR",
]  # fmt: skip
ALL_17 = {
    "ALB", "ARM", "AZE", "BIH", "BLR", "GEO", "KAZ", "XKX", "KGZ", "MDA", "MNE", "MKD", "SRB",
    "TJK", "TKM", "UKR", "UZB",
}  # fmt: skip


def printed(value: float, places: int = 0) -> float:
    """Round as a report prints (half away from zero), not Python's banker's rounding."""
    exponent = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(exponent, rounding=ROUND_HALF_UP))


def _kaz(warehouse, mart: str, outcome: str) -> dict[tuple[str, str], tuple[float, float | None]]:
    rows = warehouse.query(
        f"SELECT item_id, wave_group, share_pct, change_pp FROM marts.{mart} "
        "WHERE geography_id = 'KAZ' AND outcome = ?",
        [outcome],
    )
    return {(item, wave): (share, change) for item, wave, share, change in rows}


@pytest.mark.parametrize(
    ("mart", "outcome", "table"),
    [
        ("voluntary_membership", "member", TABLE_4),
        ("institutional_confidence", "confident", TABLE_5),
    ],
    ids=["table_4_membership", "table_5_confidence"],
)
def test_kazakhstan_tables_as_printed(published_warehouse, mart, outcome, table):
    values = _kaz(published_warehouse, mart, outcome)
    for item, (share_2011, share_2018, change) in table.items():
        (first, _), (second, change_pp) = values[item, "wvs6"], values[item, "evs_wvs_2017"]
        assert (printed(first), printed(second), printed(change_pp, 1)) == (
            share_2011,
            share_2018,
            change,
        ), item
        assert change_pp == pytest.approx(second - first)


def test_membership_averages_and_regional_gaps(published_warehouse):
    values = _kaz(published_warehouse, "voluntary_membership", "member")
    assert printed(values["member_average", "wvs6"][0]) == 7
    assert printed(values["member_average", "evs_wvs_2017"][0]) == 9
    gaps = dict(
        published_warehouse.query(
            "SELECT item_id || '/' || wave_group, gap_to_regional_mean_pp "
            "FROM marts.voluntary_membership WHERE geography_id = 'KAZ'"
        )
    )
    assert printed(gaps["member_labour_union/wvs6"]) == -4  # trailed the region by 4 pp in 2011
    assert printed(gaps["member_church/evs_wvs_2017"]) == -4  # and church membership in 2018


def test_confidence_compared_with_the_regional_mean_as_described(published_warehouse):
    gaps = {
        (item, wave): (share, regional, gap)
        for item, wave, share, regional, gap in published_warehouse.query(
            "SELECT item_id, wave_group, share_pct, regional_mean_pct, gap_to_regional_mean_pp "
            "FROM marts.institutional_confidence WHERE geography_id = 'KAZ'"
        )
    }
    # 2011: labour unions, regional mean 41%, Kazakhstan 3 pp higher.
    share, regional, gap = gaps["confidence_labour_unions", "wvs6"]
    assert (printed(regional), printed(gap)) == (41, 3)
    assert gap == pytest.approx(share - regional)
    # 2018: political institutions 25 pp above the regional mean on average, parties +32 pp.
    political = [
        "confidence_political_parties",
        "confidence_parliament",
        "confidence_government",
        "confidence_civil_service",
    ]
    average_gap = np.mean([gaps[item, "evs_wvs_2017"][2] for item in political])
    assert printed(average_gap) == 25
    assert printed(gaps["confidence_political_parties", "evs_wvs_2017"][2]) == 32
    [(mean_of_means,)] = published_warehouse.query(
        "SELECT avg(regional_mean_pct) FROM marts.attitude_regional_means "
        "WHERE wave_group = 'evs_wvs_2017' AND item_id IN (?, ?, ?, ?)",
        political,
    )
    kaz_average = np.mean([gaps[item, "evs_wvs_2017"][0] for item in political])
    assert kaz_average - mean_of_means == pytest.approx(average_gap)


def test_interest_and_political_action_as_described(published_warehouse):
    interest = _kaz(published_warehouse, "political_interest", "interested")
    assert printed(interest["interest_politics", "wvs6"][0]) == 44
    assert printed(interest["interest_politics", "evs_wvs_2017"][0]) == 42
    assert printed(interest["interest_politics", "evs_wvs_2017"][1]) == -2
    [(on_par,)] = published_warehouse.query(
        "SELECT gap_within_margin FROM marts.political_interest "
        "WHERE geography_id = 'KAZ' AND wave_group = 'wvs6'"
    )
    assert on_par  # "on par with the regional average", within the margin of error
    regional = dict(
        published_warehouse.query(
            "SELECT wave_group, change_pp FROM marts.attitude_regional_means "
            "WHERE item_id = 'interest_politics'"
        )
    )
    assert printed(regional["evs_wvs_2017"]) == -6
    leader = published_warehouse.query(
        "SELECT geography_id FROM marts.political_interest WHERE wave_group = 'evs_wvs_2017' "
        "ORDER BY share_pct DESC LIMIT 1"
    )
    assert leader == [("KAZ",)]

    action = {
        (item, wave): row
        for item, wave, *row in published_warehouse.query(
            "SELECT item_id, wave_group, have_done_pct, might_do_pct, have_done_regional_mean_pct, "
            "have_done_gap_within_margin, have_done_or_might_do_change_pp, "
            "have_done_or_might_do_regional_mean_pct, have_done_change_pp "
            "FROM marts.political_action WHERE geography_id = 'KAZ'"
        )
    }
    done, might, regional_done, *_ = action["action_demonstration", "wvs6"]
    assert (printed(done), printed(might), printed(done - regional_done)) == (6, 18, -2)
    for item in ("action_petition", "action_boycott", "action_strike"):
        assert 1 <= printed(action[item, "wvs6"][0]) <= 2
        assert printed(action[item, "evs_wvs_2017"][0], 1) < 1 or item == "action_petition"
    petition_2011, petition_2018 = (
        action["action_petition", "wvs6"],
        action["action_petition", "evs_wvs_2017"],
    )
    assert printed(petition_2018[4]) == 3
    assert printed(petition_2018[5] - petition_2011[5]) == 13
    assert printed(action["action_demonstration", "evs_wvs_2017"][6]) == -3


def test_three_way_political_action_sums_to_100(published_warehouse):
    totals = published_warehouse.query(
        "SELECT have_done_pct + might_do_pct + would_never_pct FROM marts.political_action"
    )
    assert totals and all(total == pytest.approx(100) for (total,) in totals)


def test_have_done_or_might_do_is_the_complement_of_would_never(published_warehouse):
    rows = published_warehouse.query(
        """SELECT have_done_or_might_do_pct, 100 - would_never_pct,
                  have_done_or_might_do_regional_mean_pct, 100 - would_never_regional_mean_pct,
                  have_done_or_might_do_change_pp, -would_never_change_pp,
                  have_done_or_might_do_margin_of_error_pp, would_never_margin_of_error_pp,
                  have_done_or_might_do_gap_within_margin, would_never_gap_within_margin,
                  have_done_or_might_do_change_within_margin, would_never_change_within_margin
           FROM marts.political_action"""
    )
    assert rows
    for row in rows:
        for combined, from_never in zip(row[::2], row[1::2], strict=True):
            if isinstance(combined, bool) or combined is None:
                assert combined == from_never
            else:
                assert combined == pytest.approx(from_never, abs=1e-9)
    assert any(row[-2] is not None for row in rows) and any(row[-1] is not None for row in rows)


def test_gallup_civic_engagement_averages_quoted_in_the_text(published_warehouse):
    frame = pd.DataFrame(
        published_warehouse.query(
            "SELECT geography_id, survey_year, index_score, index_regional_mean, donated_pct, "
            "volunteered_pct, helped_stranger_pct, donated_regional_mean_pct, "
            "volunteered_regional_mean_pct, helped_stranger_regional_mean_pct, donated_change_pp "
            "FROM marts.civic_engagement_index"
        ),
        columns=[
            "geo", "year", "index", "index_region", "donated", "volunteered", "helped",
            "donated_region", "volunteered_region", "helped_region", "donated_change",
        ],
    )  # fmt: skip
    kaz = frame[frame["geo"] == "KAZ"].set_index("year").sort_index()
    decade = kaz.loc[2010:2020].mean(numeric_only=True)
    assert (printed(decade["index"]), printed(decade["index_region"])) == (28, 29)
    assert [printed(decade[c]) for c in ("donated", "volunteered", "helped")] == [24, 18, 40]
    assert [printed(decade[f"{c}_region"]) for c in ("donated", "volunteered", "helped")] == [
        25,
        17,
        43,
    ]
    assert kaz["index"].nlargest(3).index.sort_values().tolist() == [2012, 2014, 2021]
    assert kaz["index"].nsmallest(2).index.sort_values().tolist() == [2011, 2018]
    assert [printed(kaz.loc[2021, c]) for c in ("helped", "donated", "volunteered")] == [47, 39, 16]
    assert printed(kaz.loc[2021, "donated_change"]) == 10
    countries = frame.groupby("year")["geo"].agg(set)
    assert countries[2019] == ALL_17
    assert ALL_17 - countries[2020] == {"ARM", "AZE", "BLR", "TKM"}
    assert ALL_17 - countries[2021] == {"AZE", "BLR", "MNE", "TKM"}


def test_central_asia_barometer_media_trust(published_warehouse):
    rows = published_warehouse.query(
        "SELECT item_id, avg(share_pct), count(*) FROM marts.media_trust "
        "WHERE geography_id = 'KAZ' GROUP BY item_id"
    )
    assert {item: (printed(mean), waves) for item, mean, waves in rows} == {
        "trust_television": (80, 4),
        "trust_radio": (57, 4),
        "trust_newspapers": (61, 4),
    }


def test_coverage_lists_exactly_the_surveyed_countries(published_warehouse):
    coverage = published_warehouse.query(
        "SELECT wave_group, list(geography_id ORDER BY geography_id) FROM "
        "marts.attitude_regional_coverage WHERE item_id = 'interest_politics' GROUP BY wave_group"
    )
    assert dict(coverage) == {"wvs6": WVS6_COUNTRIES, "evs_wvs_2017": JOINT_COUNTRIES}
    serbia = published_warehouse.query(
        "SELECT DISTINCT survey_family, study FROM marts.attitude_regional_coverage "
        "WHERE geography_id = 'SRB' AND wave_group = 'evs_wvs_2017'"
    )
    assert serbia == [("evs_wvs", "WVS")]  # the WVS sample, never pooled with the EVS one
    mismatched = published_warehouse.query(
        """SELECT m.wave_group, m.item_id, m.outcome
           FROM marts.attitude_regional_means m
           JOIN (SELECT wave_group, item_id, string_agg(geography_id, ', ' ORDER BY geography_id)
                   AS countries FROM marts.attitude_regional_coverage GROUP BY ALL) c
             USING (wave_group, item_id)
           WHERE m.countries <> c.countries"""
    )
    assert mismatched == []


def _weighted_interest(frame: pd.DataFrame, country: str, code: str, weight: str) -> pd.Series:
    valid = frame[frame[code].between(1, 4)]
    interested = valid[code].isin([1, 2]) * valid[weight]
    return interested.groupby(valid[country]).sum() / valid[weight].groupby(valid[country]).sum()


def test_wvs6_regional_interest_recomputed_from_the_microdata(published_warehouse):
    folder = published_warehouse.landing_dir / "surveys" / "wvs6"
    columns = ["V2", "V84", "V258"]
    parts = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".sav":
            parts.append(pyreadstat.read_sav(str(path), usecols=columns, user_missing=True)[0])
        elif path.suffix == ".dta":
            parts.append(pyreadstat.read_dta(str(path), usecols=columns)[0])
        else:
            parts.append(pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=columns))
    programme = [
        code
        for (code,) in published_warehouse.query(
            "SELECT iso_numeric FROM reference.geographies WHERE iso_numeric IS NOT NULL"
        )
    ]
    microdata = pd.concat(parts)
    assert not microdata["V2"].isin(programme).all()  # the files hold other countries too
    shares = _weighted_interest(microdata[microdata["V2"].isin(programme)], "V2", "V84", "V258")
    assert len(shares) == 7
    by_hand = 100 * float(np.mean(shares))

    [(published,)] = published_warehouse.query(
        "SELECT regional_mean_pct FROM marts.attitude_regional_means "
        "WHERE wave_group = 'wvs6' AND item_id = 'interest_politics'"
    )
    assert published == pytest.approx(by_hand, abs=1e-9)
    assert printed(by_hand) == 43


def test_estimates_carry_sizes_and_intervals(published_warehouse):
    [(rows, bad_interval, bad_size)] = published_warehouse.query(
        """SELECT count(*),
                  count(*) FILTER (WHERE NOT (share_pct BETWEEN ci_low_pct AND ci_high_pct)),
                  count(*) FILTER (WHERE NOT (n_effective <= n_unweighted + 1e-9
                                              AND n_effective > 0 AND n_weighted > 0))
           FROM marts.attitude_indicators"""
    )
    assert rows > 0 and bad_interval == 0 and bad_size == 0


Z = NormalDist().inv_cdf(0.975)


def _estimate_by_hand(answers: pd.Series, weights: pd.Series, positive: set, valid: set) -> dict:
    """Weighted share, Kish effective n and Wilson 95% bounds, straight from the microdata."""
    keep = answers.isin(valid)
    w, yes = weights[keep].to_numpy(float), answers[keep].isin(positive).to_numpy()
    p = w[yes].sum() / w.sum()
    n = w.sum() ** 2 / (w**2).sum()
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z * np.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2)) / (1 + Z**2 / n)
    return {
        "share_pct": 100 * p,
        "ci_low_pct": 100 * (centre - half),
        "ci_high_pct": 100 * (centre + half),
        "margin_of_error_pp": 100 * Z * np.sqrt(p * (1 - p) / n),
        "n_unweighted": int(keep.sum()),
        "n_weighted": w.sum(),
        "n_effective": n,
    }


def _wvs6_kazakhstan_interest(landing):
    frame, _ = pyreadstat.read_sav(
        str(landing / "surveys" / "wvs6" / "WV6_Data_Spss_v20180912.sav"),
        usecols=["V2", "V84", "V258"],
        user_missing=True,  # keep -1/-2 as codes: they must leave the denominator
    )
    kaz = frame[frame["V2"] == 398]
    return _estimate_by_hand(kaz["V84"], kaz["V258"], positive={1, 2}, valid={1, 2, 3, 4})


def _cab_kazakhstan_television(landing):
    frame = pd.read_excel(landing / "surveys" / "cab" / "CAB_W2_Kazakhstan.xlsx", sheet_name="Data")
    return _estimate_by_hand(frame["Q23A"], frame["WEIGHT"], positive={1, 2}, valid={1, 2, 3, 4})


@pytest.mark.parametrize(
    ("wave_group", "item_id", "by_hand"),
    [
        ("wvs6", "interest_politics", _wvs6_kazakhstan_interest),
        ("cab_w2", "trust_television", _cab_kazakhstan_television),
    ],
    ids=["wvs6_sav_interest", "cab_xlsx_television"],
)
def test_kazakhstan_estimate_and_interval_recomputed_from_the_microdata(
    published_warehouse, wave_group, item_id, by_hand
):
    expected = by_hand(published_warehouse.landing_dir)
    columns = list(expected)
    [row] = published_warehouse.query(
        f"SELECT {', '.join(columns)} FROM marts.attitude_indicators "
        "WHERE geography_id = 'KAZ' AND wave_group = ? AND item_id = ?",
        [wave_group, item_id],
    )
    published = dict(zip(columns, row, strict=True))
    assert published["n_unweighted"] == expected.pop("n_unweighted")
    published.pop("n_unweighted")
    assert published == pytest.approx(expected, abs=1e-6)
