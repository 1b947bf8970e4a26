"""Each signal fires and clears on constructed histories, at its edges."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from turntoward.appreciation.models import Appreciation
from turntoward.findhelp.signals import signals_for
from turntoward.testing import make_user

from .conftest import (
    appreciations,
    assessment,
    checkins,
    make_quiet,
    weekly_actions,
    weekly_connection,
)


def keys(user) -> set[str]:
    return {s.key for s in signals_for(user)}


def signal(user, key):
    return next(s for s in signals_for(user) if s.key == key)


# --- one-sided effort -------------------------------------------------------------------


def test_it_says_nothing_for_a_person_with_no_history(alice):
    assert signals_for(alice) == []


def test_one_sided_effort_fires_at_75_percent_for_three_weeks_for_both(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (9, 3), (6, 2)])

    assert "one_sided_effort" in keys(alice)
    assert "one_sided_effort" in keys(bob)  # participation counts are shared by both
    why = signal(bob, "one_sided_effort").why
    assert "6 of 8, 9 of 12, 6 of 8" in why
    assert "Alice" not in why and "Bob" not in why  # patterns, not culprits
    assert "75%" in signal(alice, "one_sided_effort").clears_when


def test_one_sided_effort_does_not_fire_at_74_percent(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (37, 13), (6, 2)])

    assert "one_sided_effort" not in keys(alice)


def test_one_sided_effort_needs_three_weeks_not_two(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (4, 4)])

    assert "one_sided_effort" not in keys(alice)


def test_one_sided_effort_ignores_weeks_with_too_little_to_tell(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (5, 0)])  # 5 < 6 actions

    assert "one_sided_effort" not in keys(alice)


def test_one_sided_effort_needs_the_same_side_every_week(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (2, 6), (6, 2)])

    assert "one_sided_effort" not in keys(alice)


def test_one_sided_effort_clears_when_a_week_is_shared_more_evenly(alice, bob, couple):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (6, 2)])
    assert "one_sided_effort" in keys(alice)

    appreciations(bob, alice, couple, bob.local_today(), 4)  # this week: 6 of 12

    assert "one_sided_effort" not in keys(alice)
    assert "one_sided_effort" not in keys(bob)


def test_one_sided_effort_counts_bid_responses_and_other_actions(alice, bob, couple):
    from turntoward.bids.models import Bid

    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (6, 2)])
    now = timezone.now()
    Bid.objects.bulk_create(
        [
            Bid(
                couple=couple,
                author=alice,
                maker=alice,
                receiver=bob,
                description="d",
                kind="attention",
                occurred_at=now,
                responded_by=bob,
                response="toward",
                responded_at=now,
            )
            for _ in range(4)
        ]
    )  # this week: Alice logged 4 more (10), Bob answered 4 (6) -> 10 of 16

    assert "one_sided_effort" not in keys(alice)


def test_one_sided_effort_thresholds_come_from_settings(alice, bob, couple, settings):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2)])
    assert "one_sided_effort" not in keys(alice)

    settings.SIGNALS = {
        **settings.SIGNALS,
        "one_sided_effort": {**settings.SIGNALS["one_sided_effort"], "weeks": 2},
    }
    assert "one_sided_effort" in keys(alice)

    settings.SIGNALS = {
        **settings.SIGNALS,
        "one_sided_effort": {**settings.SIGNALS["one_sided_effort"], "share_percent": 80},
    }
    assert "one_sided_effort" not in keys(alice)


# --- declining connection ---------------------------------------------------------------


def test_declining_connection_fires_on_three_falling_weeks(alice):
    weekly_connection(alice, [2, 3, 4])  # newest week first

    found = signal(alice, "declining_connection")
    assert "4.0 → 3.0 → 2.0" in found.why
    assert found.private is False


def test_declining_connection_needs_three_weeks_not_two(alice):
    weekly_connection(alice, [2, 3])

    assert "declining_connection" not in keys(alice)


def test_declining_connection_needs_a_strict_fall(alice):
    weekly_connection(alice, [3, 3, 4])

    assert "declining_connection" not in keys(alice)


def test_declining_connection_clears_when_this_week_rises(alice):
    weekly_connection(alice, [2, 3, 4], per_week_count=3)
    assert "declining_connection" in keys(alice)

    checkins(alice, {3: 5, 4: 5, 5: 5, 6: 5})  # this week now averages 3.7

    assert "declining_connection" not in keys(alice)


def test_declining_connection_uses_only_what_bob_may_see(alice, bob, couple):
    # Bob's own check-ins are flat; Alice's falling ones are revealed only on days he
    # checked in too. Unrevealed, her answers must not move his trend.
    weekly_connection(bob, [3, 3, 3])
    checkins(alice, {7 * k + i: [1, 3, 5][k] for k in range(3) for i in range(4, 7)})
    assert "declining_connection" not in keys(bob)

    alice.checkins.all().delete()
    weekly_connection(alice, [1, 3, 5])  # now on the same days as Bob's: revealed
    assert "declining_connection" in keys(bob)


def test_declining_connection_threshold_from_settings(alice, settings):
    weekly_connection(alice, [3, 3, 4], per_week_count=3)
    checkins(alice, {3: 2})  # newest week 11/4 = 2.75 < 3 < 4
    assert "declining_connection" in keys(alice)

    settings.SIGNALS = {
        **settings.SIGNALS,
        "declining_connection": {**settings.SIGNALS["declining_connection"], "min_drop_tenths": 15},
    }
    assert "declining_connection" not in keys(alice)


# --- disengaged partner -----------------------------------------------------------------


def test_disengaged_partner_fires_after_14_quiet_days(alice, bob, couple):
    make_quiet(couple)
    appreciations(bob, alice, couple, bob.local_today() - timedelta(days=15), 1)
    appreciations(alice, bob, couple, alice.local_today(), 1)

    found = signal(alice, "disengaged_partner")
    assert found.individual
    assert "individual" in found.suggestion
    assert "disengaged_partner" not in keys(bob)  # it is about him, and told to Alice


def test_disengaged_partner_edge_13_and_14_days(alice, bob, couple):
    make_quiet(couple)
    thanks = Appreciation.objects.create(
        couple=couple,
        author=bob,
        recipient=alice,
        kind="did",
        text="t",
        created_at=timezone.now() - timedelta(days=13, hours=23),
    )
    assert "disengaged_partner" not in keys(alice)

    thanks.created_at = timezone.now() - timedelta(days=14, minutes=1)
    thanks.save()
    assert "disengaged_partner" in keys(alice)


def test_disengaged_partner_clears_when_they_take_part_again(alice, bob, couple):
    make_quiet(couple)
    assert "disengaged_partner" in keys(alice)

    checkins(bob, {0: 4})

    assert "disengaged_partner" not in keys(alice)


def test_disengaged_partner_counts_shared_practices_and_never_private_ones(alice, bob, couple):
    from turntoward.assessments import services as assessments
    from turntoward.goals import services as goals
    from turntoward.journal import services as journal

    make_quiet(couple)
    # Private practices must not tell Alice that Bob was here, not even as a time.
    journal.write_entry(bob, body="private words")
    assessments.submit_response(bob, "phq-9", [1] * 9)
    assert "disengaged_partner" in keys(alice)
    # A shared practice does.
    goals.create_goal(bob, title="Walk on Sundays")
    assert "disengaged_partner" not in keys(alice)


def test_a_new_couple_is_not_called_quiet(alice, bob, couple):
    assert "disengaged_partner" not in keys(alice)


def test_disengaged_days_from_settings(alice, bob, couple, settings):
    make_quiet(couple)
    appreciations(bob, alice, couple, bob.local_today() - timedelta(days=10), 1)
    assert "disengaged_partner" not in keys(alice)

    settings.SIGNALS = {**settings.SIGNALS, "disengaged_partner": {"enabled": True, "days": 7}}
    assert "disengaged_partner" in keys(alice)


# --- low connection ---------------------------------------------------------------------


def test_low_connection_fires_on_a_14_day_average_of_two(alice):
    checkins(alice, {0: 2, 2: 2, 4: 1, 6: 3, 8: 2})

    found = signal(alice, "low_connection")
    assert "averaged 2.0 out of 5 across 5 check-ins" in found.why
    assert found.private


def test_low_connection_needs_enough_checkins_and_a_low_average(alice):
    checkins(alice, {0: 2, 2: 2, 4: 1, 6: 2})  # only four
    assert "low_connection" not in keys(alice)

    checkins(alice, {8: 3})  # five, but 10/5 ... now 2.0
    assert "low_connection" in keys(alice)

    checkins(alice, {9: 3})  # 13/6 = 2.17
    assert "low_connection" not in keys(alice)


def test_low_connection_looks_at_the_last_14_days_only(alice):
    checkins(alice, {0: 1, 1: 1, 2: 1, 3: 1, 14: 1, 15: 1})  # day 14 back is outside

    assert "low_connection" not in keys(alice)


# --- CSI-4 and well-being ---------------------------------------------------------------


def test_csi_low_twice_edges_13_and_14(alice):
    assessment(alice, "csi-4", 13, days_ago=30)
    assert "csi_low_twice" not in keys(alice)  # once is not twice

    assessment(alice, "csi-4", 14, days_ago=10)
    assert "csi_low_twice" not in keys(alice)

    assessment(alice, "csi-4", 13, days_ago=1)
    assert "csi_low_twice" not in keys(alice)  # 13 and 14

    assessment(alice, "csi-4", 12, days_ago=0)
    found = signal(alice, "csi_low_twice")
    assert "12 and 13" in found.why and found.private


def test_csi_low_twice_clears_with_a_better_score(alice):
    assessment(alice, "csi-4", 10, days_ago=5)
    assessment(alice, "csi-4", 11, days_ago=1)
    assert "csi_low_twice" in keys(alice)

    assessment(alice, "csi-4", 14)
    assert "csi_low_twice" not in keys(alice)


def test_wellbeing_low_edges_9_and_10(alice):
    assessment(alice, "phq-9", 9)
    assert "wellbeing_low" not in keys(alice)

    assessment(alice, "gad-7", 10)
    found = signal(alice, "wellbeing_low")
    assert found.private and found.individual
    assert "GAD-7 10" in found.why


def test_wellbeing_low_clears_with_the_next_lower_score(alice):
    assessment(alice, "phq-9", 12, days_ago=14)
    assert "wellbeing_low" in keys(alice)

    assessment(alice, "phq-9", 6)
    assert "wellbeing_low" not in keys(alice)


def test_old_scores_stop_counting(alice):
    assessment(alice, "phq-9", 18, days_ago=61)
    assert "wellbeing_low" not in keys(alice)
    assessment(alice, "phq-9", 18, days_ago=59)
    assert "wellbeing_low" in keys(alice)

    assessment(alice, "csi-4", 8, days_ago=121)
    assessment(alice, "csi-4", 9, days_ago=2)
    assert "csi_low_twice" not in keys(alice)  # the older one is too old to count
    assessment(alice, "csi-4", 9, days_ago=1)
    assert "csi_low_twice" in keys(alice)


def test_wellbeing_threshold_from_settings(alice, settings):
    assessment(alice, "phq-9", 9)
    settings.SIGNALS = {**settings.SIGNALS, "wellbeing_low": {"enabled": True, "at_least": 8}}

    assert "wellbeing_low" in keys(alice)


def test_a_disabled_rule_never_fires(alice, settings):
    assessment(alice, "phq-9", 20)
    settings.SIGNALS = {**settings.SIGNALS, "wellbeing_low": {"enabled": False, "at_least": 10}}

    assert "wellbeing_low" not in keys(alice)


def test_other_peoples_answers_never_count(alice, bob, couple):
    dora = make_user("Dora")
    assessment(dora, "phq-9", 20)
    assessment(bob, "phq-9", 20)
    assessment(bob, "csi-4", 5)
    assessment(bob, "csi-4", 5)
    checkins(bob, {0: 1, 1: 1, 2: 1, 3: 1, 4: 1})

    assert keys(alice) == set()
    assert {"wellbeing_low", "csi_low_twice", "low_connection"} <= keys(bob)
