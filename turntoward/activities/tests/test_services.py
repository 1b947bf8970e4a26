"""Rules of novelty and quality time, without HTTP."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from turntoward.activities import services
from turntoward.activities.home import cards_for, last_activity
from turntoward.activities.models import ActivityPlan, ActivityReflection
from turntoward.activities.tests.conftest import make_plan, make_reflection


def test_a_plan_is_stored_in_utc_and_shared_with_the_couple(alice, couple):
    moment = datetime.now(ZoneInfo("America/New_York")) + timedelta(days=2)

    plan = services.plan_activity(alice, idea="cloud-watching", starts_at=moment, note=" Hat ")

    plan.refresh_from_db()
    assert plan.starts_at.utcoffset() == timedelta(0)
    assert abs(plan.starts_at - moment) < timedelta(seconds=1)
    assert plan.couple == couple
    assert plan.note == "Hat"


def test_a_plan_made_alone_is_private(alice):
    plan = services.plan_activity(alice, idea="cloud-watching", starts_at=timezone.now())

    assert plan.couple is None


def test_a_local_wall_time_is_read_in_the_persons_zone():
    moment = services.local_moment(date(2030, 7, 1), time(19, 0), ZoneInfo("Asia/Kolkata"))

    assert moment.astimezone(ZoneInfo("UTC")).hour == 13
    assert moment.astimezone(ZoneInfo("UTC")).minute == 30


def test_a_time_skipped_by_the_clocks_changing_is_refused():
    with pytest.raises(ValidationError) as exc:
        services.local_moment(date(2030, 3, 31), time(1, 30), ZoneInfo("Europe/London"))

    assert "time" in exc.value.message_dict


def test_a_plan_in_the_past_or_beyond_a_year_is_refused(alice):
    for moment in (
        timezone.now() - timedelta(hours=2),
        timezone.now() + timedelta(days=400),
    ):
        with pytest.raises(ValidationError) as exc:
            services.plan_activity(alice, idea="cloud-watching", starts_at=moment)
        assert "starts_at" in exc.value.message_dict
    assert not ActivityPlan.objects.exists()


def test_every_bad_field_is_named_at_once(alice):
    with pytest.raises(ValidationError) as exc:
        services.plan_activity(alice, idea="nope", starts_at=None, note="x" * 1001)

    assert set(exc.value.message_dict) == {"idea", "starts_at", "note"}


def test_suggestions_leave_out_ideas_done_together_but_not_just_planned(alice, bob, couple):
    make_plan(bob, "sunrise-walk", status="done", done_at=timezone.now())
    make_plan(alice, "cloud-watching")

    slugs = set(services.ideas_for(alice, suggested=True).values_list("slug", flat=True))

    assert "sunrise-walk" not in slugs
    assert "cloud-watching" in slugs


def test_another_couples_done_ideas_still_show_as_suggestions(alice, couple, dave):
    make_plan(dave, "sunrise-walk", status="done", done_at=timezone.now())

    assert services.ideas_for(alice, suggested=True).filter(slug="sunrise-walk").exists()


def test_filters_combine(alice):
    ideas = services.ideas_for(alice, place="outdoors", cost="free", max_minutes=45, novel=True)

    assert ideas.exists()
    for idea in ideas:
        assert (idea.place, idea.cost, idea.novel) == ("outdoors", "free", True)
        assert idea.minutes <= 45


def test_marking_done_twice_changes_nothing_the_second_time(alice, bob, couple, plan):
    _p, first = services.mark_done(bob, plan.pk)
    _p, second = services.mark_done(alice, plan.pk)

    assert (first, second) == (True, False)


def test_reflections_need_a_done_plan_and_a_feeling_from_1_to_5(alice, couple, plan):
    with pytest.raises(ValidationError) as exc:
        services.reflect(alice, plan.pk, feeling=6, note="")
    assert set(exc.value.message_dict) == {"feeling", "plan"}
    assert not ActivityReflection.objects.exists()


def test_one_reflection_each_and_it_can_be_changed(alice, couple, plan):
    services.mark_done(alice, plan.pk)
    _r, created = services.reflect(alice, plan.pk, feeling=3, note="ok")
    _r, again = services.reflect(alice, plan.pk, feeling=5, note="better on reflection")

    assert (created, again) == (True, False)
    assert ActivityReflection.objects.get().note == "better on reflection"


def test_each_partner_sees_both_reflections(alice, bob, couple, plan):
    services.mark_done(alice, plan.pk)
    services.reflect(alice, plan.pk, feeling=4, note="alice")
    services.reflect(bob, plan.pk, feeling=5, note="bob")

    for person, mine, theirs in ((alice, "alice", "bob"), (bob, "bob", "alice")):
        view = services.plan_view(person, plan)
        assert (view.mine.note, view.partner.note) == (mine, theirs)


def test_only_the_planner_cancels_and_only_before_it_is_done(alice, bob, couple, plan):
    with pytest.raises(services.PlanError) as exc:
        services.cancel_plan(bob, plan.pk)
    assert exc.value.code == "not_planner"

    services.mark_done(alice, plan.pk)
    with pytest.raises(services.PlanError) as exc:
        services.cancel_plan(alice, plan.pk)
    assert exc.value.code == "done"


def test_strangers_get_404_on_every_rule(plan, dave):
    for call in (
        lambda: services.mark_done(dave, plan.pk),
        lambda: services.reflect(dave, plan.pk, feeling=3),
        lambda: services.cancel_plan(dave, plan.pk),
    ):
        with pytest.raises(Http404):
            call()


# --- home cards ------------------------------------------------------------


def test_a_plan_within_two_days_shows_a_card_to_both_without_the_note(alice, bob, couple):
    make_plan(alice, "sunrise-walk", hours=30, note="private-note-cardamom")

    for person in (alice, bob):
        cards = cards_for(person)
        assert [c.key for c in cards] == ["activities-soon"]
        assert "A walk at sunrise" in str(cards[0].title)
        assert "cardamom" not in f"{cards[0].title} {cards[0].body}"


def test_a_plan_further_ahead_or_past_shows_no_card(alice, couple):
    make_plan(alice, hours=50)
    make_plan(alice, hours=-3)

    assert cards_for(alice) == []


def test_a_done_activity_waits_for_my_reflection_until_i_give_it(alice, bob, couple, plan):
    services.mark_done(alice, plan.pk)
    make_reflection(bob, plan)

    assert [c.key for c in cards_for(alice)] == ["activities-reflect"]
    assert cards_for(bob) == []

    make_reflection(alice, plan)
    assert cards_for(alice) == []


def test_no_cards_for_an_outsider(plan, dave):
    assert cards_for(dave) == []


def test_last_activity_counts_plans_and_reflections(alice, couple, plan):
    assert last_activity(alice) == plan.created_at


def test_export_holds_my_plans_and_reflections_and_delete_removes_only_mine(
    alice, bob, couple, plan
):
    from turntoward.activities.personal_data import ActivityPlanData, ActivityReflectionData

    services.mark_done(alice, plan.pk)
    services.reflect(alice, plan.pk, feeling=4, note="mine")
    services.reflect(bob, plan.pk, feeling=2, note="his")

    plans = ActivityPlanData(alice).export()
    reflections = ActivityReflectionData(alice).export()
    assert [p["note"] for p in plans] == ["alice-plan-note-saffron"]
    assert [r["note"] for r in reflections] == ["mine"]
    assert ActivityPlanData(bob).export() == []

    ActivityPlanData(alice).delete()
    ActivityReflectionData(alice).delete()
    assert not ActivityPlan.objects.exists()
    assert [r.note for r in ActivityReflection.objects.all()] == ["his"]


def test_notes_are_encrypted_at_rest(alice, plan):
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT note FROM activities_activityplan")
        (stored,) = cur.fetchone()

    assert "saffron" not in stored
