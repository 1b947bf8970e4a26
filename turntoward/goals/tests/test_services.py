"""Rules of shared goals, without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from turntoward.goals import services
from turntoward.goals.home import cards_for, last_activity
from turntoward.goals.models import REVISIT_DAYS, GoalStatus, GoalUpdate
from turntoward.goals.tests.conftest import make_goal, make_update


def test_a_goal_made_in_a_couple_is_shared(alice, couple):
    goal = services.create_goal(alice, title="  Eat together  ", why="")

    assert goal.couple == couple
    assert goal.title == "Eat together"


def test_a_goal_made_alone_is_personal(alice):
    assert services.create_goal(alice, title="Read more").couple is None


def test_the_title_and_why_are_encrypted_at_rest(alice):
    from django.db import connection

    goal = services.create_goal(alice, title="secret-title-plum", why="secret-why-fig")
    with connection.cursor() as cur:
        cur.execute("SELECT title, why FROM goals_goal WHERE id = %s", [goal.pk.hex])
        row = cur.fetchone()

    assert "plum" not in row[0] and "fig" not in row[1]


def test_every_bad_field_is_named_at_once(alice):
    with pytest.raises(ValidationError) as exc:
        services.create_goal(alice, title=" ", why="x" * 1001)

    assert set(exc.value.message_dict) == {"title", "why"}


def test_a_step_needs_progress_or_a_note(alice, couple, goal):
    with pytest.raises(ValidationError) as exc:
        services.add_update(alice, goal.pk, progress=None, note=" ")

    assert "note" in exc.value.message_dict
    assert not GoalUpdate.objects.exists()


def test_progress_is_the_latest_step_with_a_number(alice, bob, couple, goal):
    make_update(alice, goal, progress=30, days_ago=3)
    make_update(bob, goal, progress=55, days_ago=2)
    make_update(alice, goal, note="Just a note", days_ago=1)

    assert services.progress_of(alice, goal) == 55
    assert services.progress_of(bob, goal) == 55


def test_a_step_of_100_reaches_the_goal_once(alice, couple, goal):
    _u, first = services.add_update(alice, goal.pk, progress=100)
    _u, second = services.add_update(alice, goal.pk, progress=100)

    goal.refresh_from_db()
    assert (first, second) == (True, False)
    assert goal.status == GoalStatus.REACHED
    assert goal.reached_at is not None


def test_picking_a_goal_back_up_clears_reached_at(alice, couple, goal):
    services.change_goal(alice, goal.pk, status="reached")
    changed, reached = services.change_goal(alice, goal.pk, status="active")

    assert reached is False
    assert changed.reached_at is None


def test_a_step_on_a_set_aside_goal_picks_it_back_up(alice, couple, goal):
    services.change_goal(alice, goal.pk, status="paused")
    services.add_update(alice, goal.pk, note="Back at it")

    goal.refresh_from_db()
    assert goal.status == GoalStatus.ACTIVE


def test_a_stranger_cannot_update_or_change_a_goal(goal, dave):
    with pytest.raises(Http404):
        services.add_update(dave, goal.pk, progress=10)
    with pytest.raises(Http404):
        services.change_goal(dave, goal.pk, title="Mine now")


# --- revisit timing --------------------------------------------------------


def test_a_new_goal_is_not_due_for_revisit(alice, couple):
    make_goal(alice, days_ago=0)

    assert services.goals_to_revisit(alice) == []


def test_a_goal_with_no_update_is_due_14_days_after_it_was_made(alice, couple):
    goal = make_goal(alice, days_ago=0)
    now = timezone.now()

    assert services.goals_to_revisit(alice, now + timedelta(days=13, hours=23)) == []
    assert services.goals_to_revisit(alice, now + timedelta(days=REVISIT_DAYS, minutes=1)) == [goal]


def test_an_update_restarts_the_two_weeks(alice, bob, couple):
    goal = make_goal(alice, days_ago=30)
    make_update(bob, goal, progress=10, days_ago=13)

    assert services.goals_to_revisit(alice) == []
    assert services.goals_to_revisit(alice, timezone.now() + timedelta(days=1, minutes=1)) == [goal]


def test_reached_and_set_aside_goals_are_never_due(alice, couple):
    make_goal(alice, days_ago=40, status=GoalStatus.REACHED)
    make_goal(alice, days_ago=40, status=GoalStatus.PAUSED)

    assert services.goals_to_revisit(alice) == []


def test_the_revisit_card_shows_to_both_without_the_goal_text(alice, bob, couple):
    make_goal(alice, "private-words-quince", days_ago=15)

    for person in (alice, bob):
        cards = cards_for(person)
        assert [c.key for c in cards] == ["goals-revisit"]
        assert "quince" not in f"{cards[0].title} {cards[0].body}"


def test_no_revisit_card_for_an_outsider(alice, couple, dave):
    make_goal(alice, days_ago=15)

    assert cards_for(dave) == []


def test_last_activity_is_my_latest_goal_or_step(alice, couple, goal):
    update = make_update(alice, goal, note="x", days_ago=0)

    assert last_activity(alice) >= update.created_at - timedelta(seconds=1)


def test_export_holds_my_goals_and_steps_and_delete_keeps_the_partners_steps(
    alice, bob, couple, goal
):
    from turntoward.goals.personal_data import GoalData, GoalUpdateData

    make_update(alice, goal, note="alice-step")
    make_update(bob, goal, note="bob-step")

    assert [g["title"] for g in GoalData(alice).export()] == ["alice-goal-juniper"]
    assert [u["note"] for u in GoalUpdateData(bob).export()] == ["bob-step"]
    assert GoalData(bob).export() == []

    GoalUpdateData(alice).delete()
    GoalData(alice).delete()
    assert [u.note for u in GoalUpdate.objects.all()] == ["bob-step"]
