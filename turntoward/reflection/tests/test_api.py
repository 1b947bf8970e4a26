"""The reflections, repairs and boundaries APIs."""

from __future__ import annotations

import pytest

from turntoward.reflection.models import Boundary, Reflection, Repair, RepairResponse
from turntoward.testing import PASSWORD, api_for

REFLECTION = {"pressures": ["children", "household"], "noticed": "We only talk logistics"}
REPAIR = {
    "hurt": "The joke in front of friends",
    "i_statement": "I feel small when I am teased in company, and I need us to be a team",
    "need": "A private apology",
    "offer": "I can tell you sooner when something stings",
    "let_go": "The old argument about the holiday",
}
BOUNDARY = {"kind": "need", "statement": "I need an hour to myself on Sundays"}


def test_a_reflection_is_created_private_shared_patched_and_deleted(alice, bob, couple):
    me, partner = api_for(alice), api_for(bob)

    created = me.post("reflections", REFLECTION)
    assert created.status_code == 201
    body = created.json()
    assert body["id"] and body["shared"] is False and body["author"] == "me"
    assert body["pressures"] == ["children", "household"]
    rid = body["id"]
    assert partner.get(f"reflections/{rid}").status_code == 404
    assert partner.get("reflections").json() == []

    shared = me.patch(f"reflections/{rid}", {"shared": True, "could_change": "Ask for help"})
    assert shared.status_code == 200
    assert shared.json()["shared"] is True
    seen = partner.get(f"reflections/{rid}").json()
    assert seen["author"] == "partner" and seen["could_change"] == "Ask for help"
    assert partner.patch(f"reflections/{rid}", {"noticed": "x"}).status_code == 404
    assert partner.delete(f"reflections/{rid}").status_code == 404

    assert me.patch(f"reflections/{rid}", {"shared": False}).json()["shared"] is False
    assert partner.get(f"reflections/{rid}").status_code == 404
    assert me.delete(f"reflections/{rid}").status_code == 204
    assert not Reflection.objects.exists()


def test_sharing_alone_answers_422_naming_shared(alice):
    response = api_for(alice).post("reflections", {**REFLECTION, "shared": True})

    assert response.status_code == 422
    assert set(response.json()["fields"]) == {"shared"}
    assert not Reflection.objects.exists()


def test_a_repair_is_drafted_shared_and_answered_by_the_partner(alice, bob, couple):
    me, partner = api_for(alice), api_for(bob)

    created = me.post("repairs", {"hurt": REPAIR["hurt"]})
    assert created.status_code == 201
    rid = created.json()["id"]
    assert created.json()["shared"] is False
    assert partner.get(f"repairs/{rid}").status_code == 404

    not_ready = me.post(f"repairs/{rid}/share")
    assert not_ready.status_code == 422
    assert set(not_ready.json()["fields"]) == {"i_statement", "need"}

    assert me.patch(f"repairs/{rid}", REPAIR).status_code == 200
    shared = me.post(f"repairs/{rid}/share")
    assert shared.status_code == 200 and shared.json()["shared"] is True
    assert partner.get(f"repairs/{rid}").json()["let_go"] == REPAIR["let_go"]

    assert me.post(f"repairs/{rid}/response", {"text": "Not to myself"}).status_code == 404
    first = partner.post(f"repairs/{rid}/response", {"text": "I'm sorry. I'll stop."})
    assert first.status_code == 201 and first.json()["id"]
    again = partner.post(f"repairs/{rid}/response", {"text": "I'm truly sorry."})
    assert again.status_code == 200
    responses = me.get(f"repairs/{rid}").json()["responses"]
    assert [(r["author"], r["text"]) for r in responses] == [("partner", "I'm truly sorry.")]

    unshared = me.post(f"repairs/{rid}/share", {"shared": False})
    assert unshared.json()["shared"] is False
    assert partner.get(f"repairs/{rid}").status_code == 404


def test_a_boundary_is_shared_and_acknowledged_by_the_partner(alice, bob, couple):
    me, partner = api_for(alice), api_for(bob)

    created = me.post("boundaries", BOUNDARY)
    assert created.status_code == 201
    bid = created.json()["id"]
    assert partner.post(f"boundaries/{bid}/acknowledge").status_code == 404

    assert me.patch(f"boundaries/{bid}", {"shared": True}).json()["shared"] is True
    assert me.post(f"boundaries/{bid}/acknowledge").status_code == 404
    acknowledged = partner.post(f"boundaries/{bid}/acknowledge")
    assert acknowledged.status_code == 200
    assert acknowledged.json()["acknowledged"] is True
    assert me.get(f"boundaries/{bid}").json()["acknowledged_at"]

    assert partner.delete(f"boundaries/{bid}").status_code == 404
    assert me.delete(f"boundaries/{bid}").status_code == 204
    assert not Boundary.objects.exists()


def test_lists_filter_by_since_and_until(alice):
    client = api_for(alice)
    client.post("boundaries", BOUNDARY)
    today = alice.local_today().isoformat()

    assert len(client.get(f"boundaries?since={today}&until={today}").json()) == 1
    assert client.get("boundaries?since=2999-01-01").json() == []
    assert client.get("boundaries?until=2000-01-01").json() == []
    assert client.get("boundaries?since=soon").status_code == 422


@pytest.mark.parametrize(
    ("url", "body", "fields"),
    [
        ("reflections", {}, {"noticed"}),
        ("reflections", {**REFLECTION, "pressures": ["dragons"]}, {"pressures"}),
        ("reflections", {**REFLECTION, "pressures": "work"}, {"pressures"}),
        ("reflections", {**REFLECTION, "noticed": "x" * 10_000}, {"noticed"}),
        ("reflections", {**REFLECTION, "shared": "yes"}, {"shared"}),
        ("reflections", {**REFLECTION, "author": "bob"}, {"author"}),
        ("repairs", {"hurt": ""}, {"hurt"}),
        ("repairs", {"hurt": 12}, {"hurt"}),
        ("repairs", {"hurt": "ok", "need": "nul\x00"}, {"need"}),
        ("boundaries", {"statement": "x", "kind": "threat"}, {"kind"}),
        ("boundaries", {"kind": "need"}, {"statement"}),
        ("boundaries", {"statement": "x" * 10_000}, {"statement"}),
    ],
)
def test_bad_input_answers_422_naming_the_fields_and_saves_nothing(alice, url, body, fields):
    response = api_for(alice).post(url, body)

    assert response.status_code == 422, response.content
    assert set(response.json()["fields"]) == fields
    assert not Reflection.objects.exists()
    assert not Repair.objects.exists()
    assert not Boundary.objects.exists()


@pytest.mark.parametrize("url", ["reflections", "repairs", "boundaries"])
def test_malformed_json_answers_422(alice, url):
    response = api_for(alice).post(url, raw="{oops")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_a_bad_response_text_answers_422_and_saves_nothing(alice, bob, couple):
    rid = api_for(alice).post("repairs", REPAIR).json()["id"]
    api_for(alice).post(f"repairs/{rid}/share")

    for body in ({}, {"text": ""}, {"text": 5}, {"text": "x" * 10_000}):
        response = api_for(bob).post(f"repairs/{rid}/response", body)
        assert response.status_code == 422
        assert "text" in response.json()["fields"]
    assert not RepairResponse.objects.exists()


@pytest.mark.parametrize("url", ["reflections", "repairs", "boundaries"])
def test_unknown_and_malformed_ids_answer_404(alice, url):
    client = api_for(alice)
    for rid in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        response = client.get(f"{url}/{rid}")
        assert response.status_code == 404
        assert response.json()["detail"]


def test_outsiders_see_nothing_even_when_shared(alice, bob, couple, dave, carol):
    me = api_for(alice)
    ids = {
        "reflections": me.post("reflections", {**REFLECTION, "shared": True}).json()["id"],
        "boundaries": me.post("boundaries", {**BOUNDARY, "shared": True}).json()["id"],
    }
    rid = me.post("repairs", REPAIR).json()["id"]
    me.post(f"repairs/{rid}/share")
    ids["repairs"] = rid

    for person in (dave, carol):
        client = api_for(person)
        for url, oid in ids.items():
            assert client.get(url).json() == []
            assert client.get(f"{url}/{oid}").status_code == 404
        assert client.post(f"repairs/{rid}/response", {"text": "hi"}).status_code == 404
        assert client.post(f"boundaries/{ids['boundaries']}/acknowledge").status_code == 404


def test_after_leaving_the_former_partner_sees_nothing_that_was_shared(alice, bob, couple):
    me, partner = api_for(alice), api_for(bob)
    me.post("reflections", {**REFLECTION, "noticed": "alice-shared-willow", "shared": True})
    me.post("boundaries", {**BOUNDARY, "statement": "alice-boundary-cedar", "shared": True})
    assert "alice-shared-willow" in partner.get("reflections").content.decode()

    assert me.delete("couple").status_code == 204

    for url in ("reflections", "repairs", "boundaries"):
        text = partner.get(url).content.decode()
        assert "alice-" not in text
    mine = me.get("reflections").json()
    assert mine[0]["shared"] is False


def test_export_holds_what_i_wrote_and_account_deletion_removes_it(alice, bob, couple):
    me, partner = api_for(alice), api_for(bob)
    me.post("reflections", REFLECTION)
    rid = me.post("repairs", REPAIR).json()["id"]
    me.post(f"repairs/{rid}/share")
    me.post("boundaries", BOUNDARY)
    partner.post(f"repairs/{rid}/response", {"text": "bob-response-words"})

    mine = me.get("me/export").json()
    assert [r["noticed"] for r in mine["reflections"]] == [REFLECTION["noticed"]]
    assert [r["hurt"] for r in mine["repairs"]] == [REPAIR["hurt"]]
    assert [b["statement"] for b in mine["boundaries"]] == [BOUNDARY["statement"]]
    assert mine["repair_responses"] == []
    bobs = partner.get("me/export").json()
    assert [r["text"] for r in bobs["repair_responses"]] == ["bob-response-words"]
    assert REPAIR["hurt"] not in str(bobs)

    assert me.delete("me", {"password": PASSWORD}).status_code == 204
    assert not (Reflection.objects.exists() or Repair.objects.exists() or Boundary.objects.exists())
    assert RepairResponse.objects.count() == 1
