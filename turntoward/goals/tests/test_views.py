"""The goals pages: list and create, a goal with its steps, status, celebration."""

from __future__ import annotations

from django.test import Client

from turntoward.goals.models import Goal, GoalStatus, GoalUpdate
from turntoward.goals.tests.conftest import make_goal, make_update


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_creating_a_goal_goes_to_its_page(alice, bob, couple):
    response = client_for(alice).post(
        "/goals/", {"title": "Phone-free dinners", "why": "We talk more"}
    )

    goal = Goal.objects.get()
    assert response["Location"] == f"/goals/{goal.pk}/"
    text = client_for(bob).get(f"/goals/{goal.pk}/").content.decode()
    assert "Phone-free dinners" in text and "We talk more" in text
    assert "shared with your partner" in text


def test_a_bad_goal_keeps_what_was_typed(alice):
    response = client_for(alice).post("/goals/", {"title": "  ", "why": "kept-why-cedar"})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Please write a few words here." in text and "kept-why-cedar" in text
    assert not Goal.objects.exists()


def test_alone_the_page_says_goals_are_personal(alice):
    text = client_for(alice).get("/goals/").content.decode()

    assert "only you see them" in text


def test_the_list_shows_progress_and_the_revisit_hint(alice, couple):
    goal = make_goal(alice, "Old goal", days_ago=20)
    make_update(alice, goal, progress=35, days_ago=15)

    text = client_for(alice).get("/goals/").content.decode()

    assert "Old goal" in text and "35% along" in text and "ready for a revisit" in text


def test_the_partner_adds_a_step(alice, bob, couple, goal):
    response = client_for(bob).post(
        f"/goals/{goal.pk}/update/", {"progress": "60", "note": "bob-step-elm"}
    )

    assert response.status_code == 302
    text = client_for(alice).get(f"/goals/{goal.pk}/").content.decode()
    assert "bob-step-elm" in text and "60% along" in text and "Bob" in text


def test_a_bad_step_keeps_the_note(alice, couple, goal):
    response = client_for(alice).post(
        f"/goals/{goal.pk}/update/", {"progress": "150", "note": "kept-step-ash"}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "kept-step-ash" in text
    assert not GoalUpdate.objects.exists()


def test_reaching_100_opens_the_celebration(alice, couple, goal):
    response = client_for(alice).post(f"/goals/{goal.pk}/update/", {"progress": "100"}, follow=True)

    text = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/goals/{goal.pk}/celebrate/"
    assert "You reached it" in text and "alice-goal-juniper" in text
    assert "confetti" not in text.lower()


def test_marking_reached_by_status_also_celebrates(alice, bob, couple, goal):
    response = client_for(bob).post(f"/goals/{goal.pk}/status/", {"status": "reached"})

    assert response["Location"] == f"/goals/{goal.pk}/celebrate/"
    assert Goal.objects.get().status == GoalStatus.REACHED


def test_the_celebration_of_an_unreached_goal_sends_back_to_the_goal(alice, couple, goal):
    response = client_for(alice).get(f"/goals/{goal.pk}/celebrate/")

    assert response["Location"] == f"/goals/{goal.pk}/"


def test_editing_keeps_bad_input(alice, couple, goal):
    response = client_for(alice).post(f"/goals/{goal.pk}/edit/", {"title": "", "why": "kept-oak"})

    text = response.content.decode()
    assert "kept-oak" in text and "Please write a few words here." in text
    assert Goal.objects.get().title == "alice-goal-juniper"


def test_a_bad_status_changes_nothing(alice, couple, goal):
    client_for(alice).post(f"/goals/{goal.pk}/status/", {"status": "finished"})

    assert Goal.objects.get().status == GoalStatus.ACTIVE


def test_the_home_page_shows_the_revisit_card(alice, bob, couple):
    make_goal(alice, "hidden-title-sorrel", days_ago=15)

    text = client_for(bob).get("/").content.decode()

    assert "Time to revisit a goal" in text
    assert "hidden-title-sorrel" not in text
