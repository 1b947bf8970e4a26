"""The self-care API: plan, items, log, weekly look and ideas."""

from __future__ import annotations

from datetime import timedelta

import pytest

from turntoward.selfcare.models import SelfCareItem, SelfCareLog
from turntoward.testing import api_for

from .conftest import ALICE_LOG_NOTE, ALICE_MARKERS, ALICE_TITLE


@pytest.fixture
def client(alice):
    return api_for(alice)


def test_it_adds_an_item_and_answers_201_with_its_id(client):
    response = client.post(
        "self-care/items", {"title": "Early night", "frequency": "times_a_week", "times_a_week": 4}
    )

    assert response.status_code == 201
    data = response.json()
    assert data["id"]
    assert (data["title"], data["frequency"], data["times_a_week"]) == (
        "Early night",
        "times_a_week",
        4,
    )
    assert data["logged_today"] is False
    assert SelfCareItem.objects.get(pk=data["id"]).title == "Early night"


def test_it_adds_an_idea_by_its_slug(client):
    response = client.post("self-care/items", {"idea": "daylight-break"})

    assert response.status_code == 201
    assert response.json()["title"] == "Ten minutes of daylight"
    assert response.json()["frequency"] == "daily"
    assert response.json()["idea"] == "daylight-break"


def test_the_plan_lists_my_items_and_what_is_done_today(client, alice_item):
    assert client.post("self-care/log", {"item": str(alice_item.pk)}).status_code == 201

    response = client.get("self-care")

    assert response.status_code == 200
    plan = response.json()
    assert plan["today"]
    assert [(i["title"], i["logged_today"]) for i in plan["items"]] == [(ALICE_TITLE, True)]


def test_it_patches_only_the_fields_sent(client, alice_item):
    response = client.patch(f"self-care/items/{alice_item.pk}", {"note": "After work"})

    assert response.status_code == 200
    assert response.json()["note"] == "After work"
    assert response.json()["title"] == ALICE_TITLE


def test_it_deletes_an_item_with_its_log(client, alice_log):
    response = client.delete(f"self-care/items/{alice_log.item_id}")

    assert response.status_code == 204
    assert not SelfCareLog.objects.exists()
    assert client.delete(f"self-care/items/{alice_log.item_id}").status_code == 404


def test_it_logs_a_day_with_a_note_and_a_feeling(client, alice, alice_item):
    day = (alice.local_today() - timedelta(days=2)).isoformat()

    response = client.post(
        "self-care/log", {"item": str(alice_item.pk), "day": day, "note": "Sunny", "feeling": 5}
    )

    assert response.status_code == 201
    data = response.json()
    assert (data["day"], data["note"], data["feeling"], data["item"]) == (
        day,
        "Sunny",
        5,
        str(alice_item.pk),
    )
    again = client.post("self-care/log", {"item": str(alice_item.pk), "day": day, "feeling": 3})
    assert again.status_code == 200
    assert again.json()["id"] == data["id"]
    assert again.json()["feeling"] == 3


def test_the_log_filters_by_since_and_until(client, alice, alice_item):
    today = alice.local_today()
    for back in (0, 3, 10):
        day = (today - timedelta(days=back)).isoformat()
        assert (
            client.post("self-care/log", {"item": str(alice_item.pk), "day": day}).status_code
            == 201
        )

    everything = client.get("self-care/log").json()
    recent = client.get(f"self-care/log?since={(today - timedelta(days=5)).isoformat()}").json()
    older = client.get(f"self-care/log?until={(today - timedelta(days=1)).isoformat()}").json()

    assert len(everything) == 3
    assert [r["day"] for r in recent] == [
        today.isoformat(),
        (today - timedelta(days=3)).isoformat(),
    ]
    assert len(older) == 2


def test_the_week_shows_done_against_intended(client, alice, alice_log):
    response = client.get(f"self-care/week?week={alice.local_today().isoformat()}")

    assert response.status_code == 200
    data = response.json()
    assert data["in_progress"] is True
    assert data["items"][0]["title"] == ALICE_TITLE
    assert (data["items"][0]["done"], data["items"][0]["intended"]) == (1, 7)
    assert "1 of the 7" in data["items"][0]["message"]
    assert data["average_feeling"] == 4.0


def test_the_week_defaults_to_this_week(client, alice):
    data = client.get("self-care/week").json()

    today = alice.local_today()
    assert data["week_start"] <= today.isoformat() <= data["week_end"]


def test_the_ideas_library_has_at_least_twenty_ideas(client):
    ideas = client.get("self-care/ideas").json()

    assert len(ideas) >= 20
    assert {"slug", "title", "description", "category", "frequency", "times_a_week"} <= set(
        ideas[0]
    )


# --- bad input: 422 naming the field, never a 500, nothing half-saved -----------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "x" * 10_000, "frequency": "daily"}, "title"),
        ({"title": "", "frequency": "daily"}, "title"),
        ({"title": 42, "frequency": "daily"}, "title"),
        ({"title": "Walk", "frequency": "hourly"}, "frequency"),
        ({"title": "Walk"}, "frequency"),
        ({"title": "Walk", "frequency": "times_a_week"}, "times_a_week"),
        ({"title": "Walk", "frequency": "times_a_week", "times_a_week": 9}, "times_a_week"),
        ({"title": "Walk", "frequency": "times_a_week", "times_a_week": "3"}, "times_a_week"),
        ({"title": "Walk", "frequency": "daily", "note": "n" * 10_000}, "note"),
        ({"idea": "no-such-idea"}, "idea"),
        ({"title": "Walk", "frequency": "daily", "colour": "red"}, "colour"),
    ],
)
def test_bad_items_are_422_naming_the_field(client, body, field):
    response = client.post("self-care/items", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not SelfCareItem.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"feeling": 6}, "feeling"),
        ({"feeling": "5"}, "feeling"),
        ({"note": "n" * 10_000}, "note"),
        ({"day": "yesterday"}, "day"),
        ({"day": "2999-01-01"}, "day"),
        ({"day": "2001-01-01"}, "day"),
    ],
)
def test_bad_logs_are_422_naming_the_field(client, alice_item, body, field):
    response = client.post("self-care/log", {"item": str(alice_item.pk), **body})

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not SelfCareLog.objects.exists()


def test_a_log_without_an_item_is_422(client):
    response = client.post("self-care/log", {"note": "hi"})

    assert response.status_code == 422
    assert "item" in response.json()["fields"]


@pytest.mark.parametrize("item", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_a_log_for_an_unknown_item_is_404(client, item):
    assert client.post("self-care/log", {"item": item}).status_code == 404


def test_malformed_json_is_422_not_500(client):
    response = client.post("self-care/items", raw="{not json")

    assert response.status_code == 422
    assert response.json()["detail"]


def test_patch_rejects_a_null_title(client, alice_item):
    response = client.patch(f"self-care/items/{alice_item.pk}", {"title": None})

    assert response.status_code == 422
    assert "title" in response.json()["fields"]


def test_week_with_a_bad_date_is_422(client):
    assert client.get("self-care/week?week=soon").status_code == 422


# --- privacy --------------------------------------------------------------------------


def test_bob_sees_an_empty_plan_and_log_not_alices(couple, bob, alice_log):
    bob_client = api_for(bob)

    plan = bob_client.get("self-care")
    log = bob_client.get("self-care/log")
    week = bob_client.get("self-care/week")

    assert plan.json()["items"] == []
    assert log.json() == []
    assert week.json()["items"] == []
    for response in (plan, log, week):
        for marker in ALICE_MARKERS:
            assert marker not in response.content.decode()


def test_alice_sees_her_own_log_text(client, alice_log):
    assert ALICE_LOG_NOTE in client.get("self-care/log").content.decode()
