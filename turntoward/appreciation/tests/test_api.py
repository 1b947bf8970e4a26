"""The appreciation and kindness API."""

from __future__ import annotations

import pytest

from turntoward.appreciation import services
from turntoward.appreciation.models import Appreciation, KindnessAct
from turntoward.testing import api_for


def test_alice_sends_an_appreciation_and_bob_sees_it_at_once(alice, bob, couple):
    response = api_for(alice).post(
        "appreciations", {"text": "You're so patient", "kind": "quality"}
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"] == str(Appreciation.objects.get().id)
    assert (data["author"], data["to"], data["kind"]) == ("me", "partner", "quality")
    seen = api_for(bob).get("appreciations").json()
    assert [(a["text"], a["author"], a["to"]) for a in seen] == [
        ("You're so patient", "partner", "me")
    ]
    assert api_for(bob).get(f"appreciations/{data['id']}").json()["text"] == "You're so patient"


def test_the_kind_defaults_to_something_they_did(alice, bob, couple):
    assert api_for(alice).post("appreciations", {"text": "Thanks"}).json()["kind"] == "did"


def test_a_lone_partner_gets_a_kind_409(alice):
    response = api_for(alice).post("appreciations", {"text": "Hi"})

    assert response.status_code == 409
    assert "partner" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": "x" * 10_000}, {"text": 1}, {"text": "a", "kind": "x"}, []],
)
def test_bad_appreciations_are_422(alice, bob, couple, body):
    response = api_for(alice).post("appreciations", body)

    assert response.status_code == 422
    assert response.json()["detail"]
    assert Appreciation.objects.count() == 0


def test_the_prompt_says_whether_i_appreciated_today(alice, bob, couple):
    client = api_for(alice)
    before = client.get("appreciations/prompt").json()
    client.post("appreciations", {"text": "Thanks"})
    after = client.get("appreciations/prompt").json()

    assert before["text"]
    assert before["appreciated_today"] is False
    assert after["appreciated_today"] is True
    assert after["text"] == before["text"]


def test_appreciations_filter_by_since_and_until(alice, bob, couple):
    client = api_for(alice)
    client.post("appreciations", {"text": "Thanks"})
    today = alice.local_today().isoformat()

    assert len(client.get(f"appreciations?since={today}&until={today}").json()) == 1
    assert client.get("appreciations?until=2020-01-01").json() == []
    assert client.get("appreciations?since=nope").status_code == 422


def test_kindness_lists_ideas_and_filters_by_category(alice):
    client = api_for(alice)

    everything = client.get("kindness").json()
    touch = client.get("kindness?category=touch").json()

    assert len(everything) >= 60
    assert touch and {i["category"] for i in touch} == {"touch"}
    assert set(touch[0]) == {"slug", "category", "title", "text"}
    assert client.get("kindness?category=chores").status_code == 422


def test_i_did_this_then_my_partner_says_it_landed(alice, bob, couple):
    created = api_for(alice).post("kindness/acts", {"idea": "long-hug", "note": "At the door"})

    assert created.status_code == 201, created.content
    act = created.json()
    assert act["idea"]["slug"] == "long-hug"
    assert (act["author"], act["note"], act["landed"]) == ("me", "At the door", False)

    assert api_for(alice).post(f"kindness/acts/{act['id']}/landed").status_code == 409
    landed = api_for(bob).post(f"kindness/acts/{act['id']}/landed")
    assert landed.status_code == 200
    assert landed.json()["landed"] is True
    assert api_for(alice).get("kindness/acts").json()[0]["landed"] is True


@pytest.mark.parametrize(
    "body", [{}, {"idea": "no-such"}, {"idea": ""}, {"idea": "long-hug", "note": "x" * 501}]
)
def test_bad_kindness_acts_are_422(alice, body):
    response = api_for(alice).post("kindness/acts", body)

    assert response.status_code == 422
    assert KindnessAct.objects.count() == 0


def test_outsiders_see_no_appreciations_or_acts(alice, bob, couple, dave, carol):
    item = services.send_appreciation(alice, text="secret-thanks-plover", kind="did")
    act = services.record_kindness(alice, idea="long-hug", note="secret-act-tern")
    for person in (dave, carol):
        client = api_for(person)
        assert client.get("appreciations").json() == []
        assert client.get("kindness/acts").json() == []
        assert client.get(f"appreciations/{item.id}").status_code == 404
        assert client.post(f"kindness/acts/{act.id}/landed").status_code == 404
    assert api_for(bob).get("appreciations/not-a-uuid").status_code == 404
