"""The goals API: create, read, change, add steps; the privacy table for goals."""

from __future__ import annotations

import pytest

from turntoward.goals.models import Goal, GoalUpdate
from turntoward.goals.tests.conftest import make_goal, make_update
from turntoward.testing import api_for


def test_creating_a_goal_answers_201_shared_with_my_partner(alice, bob, couple):
    response = api_for(alice).post("goals", {"title": "Cook together", "why": "We miss it"})

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"] and data["shared"] is True and data["status"] == "active"
    seen = api_for(bob).get(f"goals/{data['id']}").json()
    assert seen["title"] == "Cook together"
    assert seen["why"] == "We miss it"
    assert seen["created_by"] == "partner"


def test_a_goal_made_alone_is_personal_and_hidden_from_a_later_partner(alice, bob):
    from turntoward.testing import make_couple

    data = api_for(alice).post("goals", {"title": "Sleep before midnight"}).json()
    make_couple(alice, bob)

    assert data["shared"] is False
    assert api_for(bob).get(f"goals/{data['id']}").status_code == 404
    assert api_for(bob).get("goals").json() == []


def test_either_partner_can_change_the_goal(alice, bob, couple, goal):
    response = api_for(bob).patch(f"goals/{goal.pk}", {"title": "Walk on Saturdays too"})

    assert response.status_code == 200
    assert Goal.objects.get(pk=goal.pk).title == "Walk on Saturdays too"
    assert Goal.objects.get(pk=goal.pk).why == "alice-why-meadow"


def test_marking_reached_sets_when(alice, couple, goal):
    data = api_for(alice).patch(f"goals/{goal.pk}", {"status": "reached"}).json()

    assert data["status"] == "reached"
    assert data["reached_at"]
    assert data["progress"] == 100


def test_the_partner_adds_a_step_and_both_see_it(alice, bob, couple, goal):
    response = api_for(bob).post(f"goals/{goal.pk}/updates", {"progress": 40, "note": "Two walks"})

    assert response.status_code == 201
    body = response.json()
    assert body["id"] and body["progress"] == 40 and body["just_reached"] is False
    seen = api_for(alice).get(f"goals/{goal.pk}").json()
    assert seen["progress"] == 40
    assert [(u["author"], u["note"]) for u in seen["updates"]] == [("partner", "Two walks")]


def test_a_step_to_100_reaches_the_goal(alice, couple, goal):
    body = api_for(alice).post(f"goals/{goal.pk}/updates", {"progress": 100}).json()

    assert body["just_reached"] is True
    assert body["goal"]["status"] == "reached"


def test_revisit_due_shows_after_two_quiet_weeks(alice, couple):
    old = make_goal(alice, days_ago=20)
    make_update(alice, old, progress=10, days_ago=15)
    fresh = make_goal(alice, days_ago=20)
    make_update(alice, fresh, progress=10, days_ago=3)

    data = {g["id"]: g["revisit_due"] for g in api_for(alice).get("goals").json()}

    assert data == {str(old.pk): True, str(fresh.pk): False}


def test_goals_filter_by_since(alice, couple):
    make_goal(alice, days_ago=30)
    recent = make_goal(alice, days_ago=1)

    data = api_for(alice).get("goals?since=2000-01-01").json()
    recent_only = (
        api_for(alice).get(f"goals?since={(recent.created_at.date()).isoformat()}T00:00:00Z").json()
    )

    assert len(data) == 2
    assert [g["id"] for g in recent_only] == [str(recent.pk)]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 10_000}, "title"),
        ({"title": 5}, "title"),
        ({"title": None}, "title"),
        ({"title": "ok", "why": "x" * 10_000}, "why"),
        ({"title": "ok", "why": ["a"]}, "why"),
        ({"title": "a\x00b"}, "title"),
    ],
)
def test_bad_goals_answer_422_naming_the_field_and_save_nothing(alice, body, field):
    response = api_for(alice).post("goals", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"progress": -1}, "progress"),
        ({"progress": "50"}, "progress"),
        ({"progress": 5.5}, "progress"),
        ({"progress": True}, "progress"),
        ({"note": "x" * 10_000}, "note"),
        ({"note": 3}, "note"),
        ({}, "note"),
        ({"note": "   "}, "note"),
    ],
)
def test_bad_steps_answer_422_naming_the_field(alice, couple, goal, body, field):
    response = api_for(alice).post(f"goals/{goal.pk}/updates", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not GoalUpdate.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "done"}, "status"),
        ({"status": None}, "status"),
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"why": "x" * 10_000}, "why"),
    ],
)
def test_bad_changes_answer_422_and_change_nothing(alice, couple, goal, body, field):
    response = api_for(alice).patch(f"goals/{goal.pk}", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    fresh = Goal.objects.get(pk=goal.pk)
    assert (fresh.title, fresh.status) == ("alice-goal-juniper", "active")


@pytest.mark.parametrize("raw", ["{not json", "", "[]", "null"])
def test_malformed_goal_bodies_answer_422(alice, raw):
    response = api_for(alice).request("POST", "goals", raw=raw)

    assert response.status_code == 422
    assert response.json()["detail"]


def test_outsiders_and_counsellors_get_404_and_never_the_text(goal, dave, carol):
    for person in (dave, carol):
        client = api_for(person)
        for method, path, body in [
            ("GET", f"goals/{goal.pk}", None),
            ("PATCH", f"goals/{goal.pk}", {"title": "taken"}),
            ("POST", f"goals/{goal.pk}/updates", {"progress": 10}),
        ]:
            response = client.request(method, path, body)
            assert response.status_code == 404
            assert "juniper" not in response.content.decode()
        assert client.get("goals").json() == []
    assert Goal.objects.get(pk=goal.pk).title == "alice-goal-juniper"


def test_after_leaving_the_partner_no_longer_sees_the_goal(alice, bob, couple, goal):
    from turntoward.couples.services import leave_couple

    make_update(bob, goal, progress=20, note="bob-step-walnut")
    leave_couple(alice)

    assert api_for(bob).get(f"goals/{goal.pk}").status_code == 404
    seen = api_for(alice).get(f"goals/{goal.pk}").json()
    assert seen["updates"] == []
    assert "walnut" not in str(seen)
