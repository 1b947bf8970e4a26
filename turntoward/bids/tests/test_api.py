"""The bids API: the names other clients rely on, and their errors."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from turntoward.bids.models import Bid
from turntoward.bids.tests.conftest import make_bid
from turntoward.testing import api_for

NEW = {"description": "I asked if he wanted a walk", "kind": "attention", "by": "me"}


def test_it_creates_a_bid_and_answers_201_with_its_id(alice, bob, couple):
    response = api_for(alice).post("bids", {**NEW, "occurred_at": "2020-01-01T10:00:00Z"})
    assert response.status_code == 422  # more than a year back

    when = (timezone.now() - timedelta(hours=3)).isoformat()
    response = api_for(alice).post("bids", {**NEW, "occurred_at": when})

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"] == str(Bid.objects.get().id)
    assert data["by"] == "me"
    assert data["to"] == "partner"
    assert data["logged_by"] == "me"
    assert data["response"] is None
    assert data["open"] is True
    sent = datetime.fromisoformat(data["occurred_at"].replace("Z", "+00:00"))
    assert sent.utcoffset() == sent.astimezone(ZoneInfo("Europe/London")).utcoffset()


def test_bob_sees_alices_bid_as_one_his_partner_made_to_him(alice, bob, couple):
    bid_id = api_for(alice).post("bids", NEW).json()["id"]

    data = api_for(bob).get(f"bids/{bid_id}").json()

    assert data["description"] == NEW["description"]
    assert (data["by"], data["to"], data["logged_by"]) == ("partner", "me", "partner")


def test_a_lone_partner_gets_a_kind_409(alice):
    response = api_for(alice).post("bids", NEW)

    assert response.status_code == 409
    assert "partner" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {**NEW, "description": ""},
        {**NEW, "description": "x" * 10_000},
        {**NEW, "description": 5},
        {**NEW, "kind": "nagging"},
        {**NEW, "by": "us"},
        {**NEW, "occurred_at": "yesterday-ish"},
        {**NEW, "extra": 1},
        [],
        "text",
    ],
)
def test_bad_bid_input_is_422_naming_the_field(alice, bob, couple, body):
    response = api_for(alice).post("bids", body)

    assert response.status_code == 422, response.content
    assert response.json()["detail"]
    assert Bid.objects.count() == 0


def test_malformed_json_is_422(alice, bob, couple):
    response = api_for(alice).post("bids", raw="{not json")

    assert response.status_code == 422
    assert response.json()["fields"]


def test_it_lists_bids_between_since_and_until(alice, bob, couple):
    old = make_bid(alice, bob, occurred_at=timezone.now() - timedelta(days=10))
    new = make_bid(alice, bob, occurred_at=timezone.now() - timedelta(hours=1))
    client = api_for(bob)
    since = (timezone.now() - timedelta(days=2)).date().isoformat()

    assert [b["id"] for b in client.get("bids").json()] == [str(new.id), str(old.id)]
    assert [b["id"] for b in client.get(f"bids?since={since}").json()] == [str(new.id)]
    until = (timezone.now() - timedelta(days=5)).isoformat().replace("+", "%2B")
    assert [b["id"] for b in client.get(f"bids?until={until}").json()] == [str(old.id)]
    assert client.get("bids?since=not-a-date").status_code == 422


def test_bob_turns_toward_alices_bid_with_a_note(alice, bob, couple):
    bid = make_bid(alice, bob)

    response = api_for(bob).post(f"bids/{bid.id}/response", {"response": "toward", "note": "Yes!"})

    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["response"], data["response_note"], data["responded_by"]) == (
        "toward",
        "Yes!",
        "me",
    )
    seen_by_alice = api_for(alice).get(f"bids/{bid.id}").json()
    assert seen_by_alice["responded_by"] == "partner"
    assert seen_by_alice["response_note"] == "Yes!"


@pytest.mark.parametrize(
    "body", [{"response": "maybe"}, {}, {"response": "toward", "note": "x" * 501}]
)
def test_a_bad_response_is_422(alice, bob, couple, body):
    bid = make_bid(alice, bob)

    response = api_for(bob).post(f"bids/{bid.id}/response", body)

    assert response.status_code == 422
    assert Bid.objects.get(pk=bid.pk).is_open


def test_bob_repairs_a_bid_he_turned_away_from(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    response = api_for(bob).post(f"bids/{bid.id}/repair", {"note": "I'm sorry I brushed it off"})

    assert response.status_code == 200, response.content
    data = response.json()
    assert data["repaired"] is True
    assert data["repair_note"] == "I'm sorry I brushed it off"
    assert data["repaired_at"]
    assert data["can_repair"] is False


def test_repairing_a_bid_that_was_not_missed_is_422(alice, bob, couple):
    bid = make_bid(alice, bob, response="toward")

    response = api_for(bob).post(f"bids/{bid.id}/repair", {"note": "x"})

    assert response.status_code == 422
    assert "bid" in response.json()["fields"]


def test_the_maker_cannot_repair_a_bid_they_made_409(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    response = api_for(alice).post(f"bids/{bid.id}/repair", {"note": "x"})

    assert response.status_code == 409
    assert response.json()["detail"]


def test_outsiders_get_404_on_every_bid_route(alice, bob, couple, dave, carol):
    bid = make_bid(alice, bob, response="away")
    for person in (dave, carol):
        client = api_for(person)
        assert client.get(f"bids/{bid.id}").status_code == 404
        assert client.post(f"bids/{bid.id}/response", {"response": "toward"}).status_code == 404
        assert client.post(f"bids/{bid.id}/repair", {"note": "x"}).status_code == 404
        assert client.get("bids").json() == []
    assert api_for(bob).get("bids/not-a-uuid").status_code == 404


def test_stats_give_each_week_per_partner_and_together_with_the_ratio(alice, bob, couple):
    make_bid(alice, bob, response="toward")
    make_bid(bob, alice, response="away")
    make_bid(bob, alice)

    response = api_for(alice).get("bids/stats?weeks=3")

    assert response.status_code == 200, response.content
    data = response.json()
    assert len(data["weeks"]) == 3
    this_week = data["weeks"][0]
    assert set(this_week) == {"week_start", "week_end", "together", "me", "partner"}
    assert this_week["together"] == {
        "bids": 3,
        "toward": 1,
        "away": 1,
        "against": 0,
        "open": 1,
        "repaired": 0,
        "ratio": 0.5,
    }
    assert this_week["me"]["ratio"] == 0.0
    assert this_week["partner"]["ratio"] == 1.0
    assert data["weeks"][1]["together"]["ratio"] is None
    assert "toward / (toward + away + against)" in data["definition"]
    assert "86%" in data["reference"]
    assert "33%" in data["reference"]
    assert "not a verdict" in data["reference"]


@pytest.mark.parametrize("query", ["weeks=0", "weeks=53", "weeks=two"])
def test_stats_reject_a_bad_week_count(alice, query):
    response = api_for(alice).get(f"bids/stats?{query}")

    assert response.status_code == 422
    assert "weeks" in response.json()["fields"]


def test_stats_default_to_four_weeks_and_work_alone(alice):
    data = api_for(alice).get("bids/stats").json()

    assert len(data["weeks"]) == 4
    assert data["weeks"][0]["partner"] is None
