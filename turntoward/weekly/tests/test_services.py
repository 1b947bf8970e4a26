"""Rules of the weekly check-in, without HTTP."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from turntoward.couples.services import leave_couple
from turntoward.privacy import weekly as gate
from turntoward.testing import make_couple, make_user
from turntoward.weekly import services
from turntoward.weekly.models import WeeklyCheckIn
from turntoward.weekly.tests.helpers import ANSWERS, make_weekly


def test_monday_of_gives_the_monday_of_any_day():
    assert services.monday_of(date(2026, 11, 16)) == date(2026, 11, 16)
    assert services.monday_of(date(2026, 11, 22)) == date(2026, 11, 16)
    assert services.monday_of(date(2026, 11, 23)) == date(2026, 11, 23)


def test_the_current_week_follows_the_writers_own_calendar(db):
    # Late on Sunday in Auckland it is already Monday; in Honolulu it is still Sunday.
    auckland = make_user("Kiri", time_zone="Pacific/Auckland")
    honolulu = make_user("Leilani", time_zone="Pacific/Honolulu")

    for person in (auckland, honolulu):
        assert services.current_week(person) == services.monday_of(person.local_today())
        assert services.current_week(person).weekday() == 0


def test_it_saves_this_weeks_checkin_encrypted_and_tied_to_the_couple(alice, bob, couple):
    item, created = services.submit_weekly_checkin(alice, **ANSWERS)

    assert created is True
    assert item.week == services.current_week(alice)
    assert item.couple == couple
    raw = WeeklyCheckIn.objects.filter(pk=item.pk).values_list("appreciations", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT appreciations FROM weekly_weeklycheckin")
        stored = cursor.fetchone()[0]
    assert ANSWERS["appreciations"] not in stored
    assert list(raw) == [ANSWERS["appreciations"]]


def test_a_second_submission_in_the_same_week_changes_the_first(alice):
    first, _ = services.submit_weekly_checkin(alice, **ANSWERS)

    second, created = services.submit_weekly_checkin(
        alice, **{**ANSWERS, "went_well": "A calm Tuesday"}
    )

    assert created is False
    assert second.pk == first.pk
    assert WeeklyCheckIn.objects.get().went_well == "A calm Tuesday"


def test_it_needs_appreciations_and_what_went_well_but_not_the_rest(alice):
    with pytest.raises(ValidationError) as exc:
        services.submit_weekly_checkin(alice, appreciations=" ", went_well="")

    assert set(exc.value.message_dict) == {"appreciations", "went_well"}
    item, _ = services.submit_weekly_checkin(alice, appreciations="Tea", went_well="Walk")
    assert item.concern == item.goals == item.quality_time == ""


def test_it_refuses_a_week_that_is_not_a_monday(alice):
    tuesday = services.current_week(alice) + timedelta(days=1)

    with pytest.raises(ValidationError) as exc:
        services.submit_weekly_checkin(alice, week=tuesday, **ANSWERS)

    assert "week" in exc.value.message_dict
    assert not WeeklyCheckIn.objects.exists()


def test_it_refuses_next_week_and_weeks_older_than_last_week(alice):
    this_week = services.current_week(alice)
    for week in (this_week + timedelta(weeks=1), this_week - timedelta(weeks=2)):
        with pytest.raises(ValidationError) as exc:
            services.submit_weekly_checkin(alice, week=week, **ANSWERS)
        assert "week" in exc.value.message_dict
    assert not WeeklyCheckIn.objects.exists()


def test_last_week_can_still_be_filled_in(alice):
    last_week = services.current_week(alice) - timedelta(weeks=1)

    item, created = services.submit_weekly_checkin(alice, week=last_week, **ANSWERS)

    assert created and item.week == last_week


def test_it_rejects_control_characters_and_overlong_text_naming_each_field(alice):
    with pytest.raises(ValidationError) as exc:
        services.submit_weekly_checkin(
            alice, **{**ANSWERS, "concern": "bad\x00text", "goals": "x" * 10_000}
        )

    assert set(exc.value.message_dict) == {"concern", "goals"}
    assert not WeeklyCheckIn.objects.exists()


def test_it_rejects_unknown_answers(alice):
    with pytest.raises(ValidationError) as exc:
        services.submit_weekly_checkin(alice, mood=5, **ANSWERS)
    assert "mood" in exc.value.message_dict


def test_my_partners_answers_stay_hidden_until_i_submit_the_same_week(alice, bob, couple):
    make_weekly(alice)

    row = services.week_for(bob, services.current_week(bob))
    assert row.mine is None
    assert row.partner is None
    assert row.partner_submitted is True

    services.submit_weekly_checkin(bob, **ANSWERS)

    row = services.week_for(bob, services.current_week(bob))
    assert row.partner is not None
    assert row.partner.appreciations.startswith("Alice")
    assert services.week_for(alice, row.week).partner.author == bob


def test_submitting_a_different_week_does_not_reveal_this_one(alice, bob, couple):
    this_week = services.current_week(alice)
    make_weekly(alice, this_week)
    make_weekly(bob, this_week - timedelta(weeks=1))

    assert services.week_for(bob, this_week).partner is None
    assert services.week_for(alice, this_week - timedelta(weeks=1)).partner is None


def test_nobody_outside_the_couple_sees_a_weekly_checkin(alice, bob, couple, dave, carol):
    make_weekly(alice)
    make_weekly(bob)

    for outsider in (dave, carol):
        assert not gate.weekly_checkins_visible_to(outsider).exists()
        assert services.weeks_for(outsider) == []


def test_after_leaving_each_keeps_only_their_own_answers(alice, bob, couple):
    make_weekly(alice)
    make_weekly(bob)

    leave_couple(alice)

    assert [w.author for w in gate.weekly_checkins_visible_to(alice)] == [alice]
    assert [w.author for w in gate.weekly_checkins_visible_to(bob)] == [bob]
    row = services.week_for(bob, services.current_week(bob))
    assert row.partner is None and row.partner_submitted is False


def test_a_new_partner_never_sees_answers_written_with_someone_else(alice, bob, couple, erin):
    make_weekly(alice)
    leave_couple(alice)
    make_couple(alice, erin)
    make_weekly(erin)

    assert services.week_for(erin, services.current_week(erin)).partner is None
    assert services.week_for(erin, services.current_week(erin)).partner_submitted is False


def test_weeks_are_listed_newest_first_within_since_and_until(alice, bob, couple):
    this_week = services.current_week(alice)
    for n in range(3):
        make_weekly(alice, this_week - timedelta(weeks=n))

    weeks = [r.week for r in services.weeks_for(alice)]
    assert weeks == [this_week - timedelta(weeks=n) for n in range(3)]
    assert [r.week for r in services.weeks_for(alice, since=this_week)] == [this_week]
    assert [r.week for r in services.weeks_for(alice, until=this_week - timedelta(weeks=1))] == [
        this_week - timedelta(weeks=1),
        this_week - timedelta(weeks=2),
    ]


def test_the_reminder_day_comes_from_settings_with_friday_by_default(settings):
    assert services.remind_from_weekday() == 4
    settings.WEEKLY_CHECKIN_REMIND_FROM_WEEKDAY = 6
    assert services.remind_from_weekday() == 6
    settings.WEEKLY_CHECKIN_REMIND_FROM_WEEKDAY = "nonsense"
    assert services.remind_from_weekday() == 4
