"""Insight figures on the constructed history (see conftest), checked against hand sums."""

from __future__ import annotations

from datetime import timedelta

import pytest

from turntoward.insights import services
from turntoward.insights.testing import make_bid
from turntoward.testing import make_checkin


def shares(data):
    return {s.key: (s.mine, s.partner, s.my_share, s.partner_share) for s in data.balance}


def test_it_averages_felt_connection_and_names_the_perception_gap(story, alice):
    data = services.compute(alice, "4w")

    assert data.my_connection == 4.0
    # Only Bob's six revealed days count: (6 x 2) / 6, not (12 + 1 + 5) / 8.
    assert data.partner_connection == 2.0
    assert data.my_connection_shared_days == 4.0
    assert data.perception_gap == -2.0
    assert data.shared_days == 6


def test_the_partners_line_holds_only_revealed_days(story, alice):
    data = services.compute(alice, "4w")
    today = story

    partner_days = {p["date"] for p in data.connection if p["partner"] is not None}
    assert partner_days == {today - timedelta(days=i) for i in range(6)}
    assert all(p["partner"] == 2.0 for p in data.connection if p["partner"] is not None)
    assert today - timedelta(days=20) not in {p["date"] for p in data.connection}
    assert data.bucket == "day"


def test_the_rolling_average_covers_the_last_seven_days_not_seven_check_ins(alice):
    today = alice.local_today()
    make_checkin(alice, today - timedelta(days=20), connection=5)
    make_checkin(alice, today - timedelta(days=6), connection=4)
    make_checkin(alice, today, connection=1)

    points = {p["date"]: p["mine"] for p in services.compute(alice, "4w").connection}

    assert points[today] == 2.5  # (4 + 1) / 2: the day 20 days ago is outside the week
    assert points[today - timedelta(days=6)] == 4.0
    assert points[today - timedelta(days=20)] == 5.0


def test_the_rolling_average_covers_seven_check_ins(alice):
    today = alice.local_today()
    for i, value in enumerate([5, 5, 5, 5, 5, 5, 5, 1]):  # today=1, then seven 5s before
        make_checkin(alice, today - timedelta(days=7 - i), connection=value)

    points = services.compute(alice, "4w").connection

    assert points[-1]["mine"] == round((6 * 5 + 1) / 7, 2)
    assert points[-2]["mine"] == 5.0


def test_it_counts_the_turn_toward_ratio_by_week_with_repairs(story, alice, bob):
    data = services.compute(alice, "4w")

    assert [(w["toward"], w["away"], w["against"], w["ratio"]) for w in data.bid_weeks] == [
        (3, 1, 1, 60),
        (4, 1, 0, 80),
    ]
    assert [w["repaired"] for w in data.bid_weeks] == [0, 1]
    assert data.bids["ratio"] == 70
    assert data.bids["repaired"] == 1
    # Bob sees the same shared bids.
    assert services.compute(bob, "4w").bids["ratio"] == 70


def test_it_shows_each_partners_share_of_the_effort(story, alice, bob):
    data = services.compute(alice, "4w")

    assert shares(data) == {
        "checkins": (10, 8, 56, 44),  # Bob's hidden days still count as taking part
        "bids_made": (6, 4, 60, 40),
        "bids_answered": (4, 6, 40, 60),
        "appreciations": (3, 1, 75, 25),
        "questions": (2, 2, 50, 50),
        "weekly": (1, 0, 100, 0),
    }
    mirrored = shares(services.compute(bob, "4w"))
    assert mirrored["bids_made"] == (4, 6, 40, 60)
    assert mirrored["checkins"] == (8, 10, 44, 56)


def test_it_counts_days_both_checked_in_over_the_last_30(story, alice, bob):
    assert services.compute(alice).consistency == {"window": 30, "days_mine": 10, "days_both": 6}
    assert services.compute(bob).consistency == {"window": 30, "days_mine": 8, "days_both": 6}


def test_it_names_small_wins_specifically(story, alice):
    wins = services.compute(alice, "4w").wins

    assert "You both checked in 5 days in a row last week." in wins
    assert "Your turn-toward ratio rose from 60% to 80%." in wins
    assert "First weekly check-in done." in wins
    assert "You came back to 1 missed bid and repaired it." in wins


def test_it_shows_my_own_measures_and_only_shared_summaries_of_my_partner(story, alice):
    data = services.compute(alice, "4w")

    assert [(m["slug"], [p["score"] for p in m["points"]]) for m in data.measures] == [
        ("csi-4", [11, 15]),
        ("phq-9", [7]),
    ]
    assert data.measures[0]["cutoff"] == 13.5
    assert [(s["instrument"], s["score"]) for s in data.partner_summaries] == [("csi-4", 16)]


@pytest.mark.parametrize(
    ("period", "since_days"), [("4w", 27), ("3m", 90), ("1y", 364), ("all", None)]
)
def test_each_period_starts_where_it_should(alice, period, since_days):
    data = services.compute(alice, period)
    today = alice.local_today()

    assert data.until == today
    assert data.since == (None if since_days is None else today - timedelta(days=since_days))


def test_a_longer_period_groups_by_week_or_month_and_reaches_further_back(story, alice):
    today = story
    make_checkin(alice, today - timedelta(days=60), connection=1)

    assert services.compute(alice, "4w").my_connection == 4.0
    three_months = services.compute(alice, "3m")
    assert three_months.bucket == "week"
    assert three_months.my_connection == round((40 + 1) / 11, 1)
    assert services.compute(alice, "all").bucket == "month"


def test_an_unknown_period_is_refused(alice):
    with pytest.raises(services.BadPeriod):
        services.parse_period("2w")
    assert services.parse_period(None) == "4w"


def test_a_person_alone_gets_their_own_insights_without_couple_figures(erin):
    today = erin.local_today()
    for i in range(4):
        make_checkin(erin, today - timedelta(days=1 + i), connection=3)

    data = services.compute(erin, "4w")

    assert data.solo is True
    assert data.balance == []
    assert data.partner_connection is None and data.perception_gap is None
    assert data.consistency["days_both"] == 0
    assert "You checked in 4 days in a row last week." in data.wins


def test_a_former_partner_no_longer_counts(story, alice, bob):
    from turntoward.couples.services import leave_couple

    leave_couple(bob)
    data = services.compute(alice, "4w")

    assert data.solo is True
    assert data.partner_connection is None
    assert all(p["partner"] is None for p in data.connection)


def test_an_appreciation_milestone_is_named_when_it_is_reached(alice, bob, couple):
    from turntoward.insights.testing import make_appreciation

    today = alice.local_today()
    for i in range(10):
        make_appreciation(couple, alice if i % 2 else bob, bob, today - timedelta(days=i))

    assert "10 appreciations shared so far." in services.compute(alice).wins


def test_bids_in_the_future_or_before_the_period_are_left_out(alice, bob, couple):
    today = alice.local_today()
    make_bid(couple, alice, bob, today - timedelta(days=40), "away")
    make_bid(couple, alice, bob, today - timedelta(days=1), "toward")

    assert services.compute(alice, "4w").bids["ratio"] == 100
    assert services.compute(alice, "3m").bids["ratio"] == 50


def test_insights_for_someone_else_never_use_my_figures(story, dave):
    data = services.compute(dave, "4w")

    assert data.my_connection is None
    assert data.bids["total"] == 0
    assert data.measures == []


def test_a_weekly_check_in_before_the_period_means_it_is_not_the_first(story, alice, couple):
    from turntoward.insights.testing import make_weekly

    today = story
    monday = today - timedelta(days=today.weekday())
    make_weekly(couple, alice, monday - timedelta(weeks=10))

    assert "First weekly check-in done." not in services.compute(alice, "4w").wins
    assert "First weekly check-in done." not in services.compute(alice, "all").wins
