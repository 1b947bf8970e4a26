"""The screen over the API, and discreet mode in `me`."""

from __future__ import annotations

from turntoward.safety import services
from turntoward.testing import api_for

NO = {q["slug"]: "no" for q in services.questions()}


def test_get_before_answering(alice):
    body = api_for(alice).get("/api/v1/safety/screen").json()
    assert body["answers"] is None and body["positive"] is None
    assert body["couple_paused"] is False
    assert [q["slug"] for q in body["questions"]] == [q["slug"] for q in services.questions()]


def test_a_positive_screen_pauses_and_patch_turns_back_on(alice, bob, couple):
    client = api_for(alice)
    response = client.post("/api/v1/safety/screen", {"answers": {**NO, "threatened": "yes"}})
    assert response.status_code == 201
    body = response.json()
    assert body["positive"] is True and body["couple_paused"] is True
    assert body["answers"]["threatened"] == "yes"
    assert "+00:00" in body["taken_at"] or body["taken_at"].endswith("Z")
    # Bob's own screen is untouched and says nothing of hers.
    assert api_for(bob).get("/api/v1/safety/screen").json()["answers"] is None
    body = client.patch("/api/v1/safety/screen", {"couple_paused": False}).json()
    assert body["couple_paused"] is False
    assert client.delete("/api/v1/safety/screen").status_code == 204
    assert client.get("/api/v1/safety/screen").json()["answers"] is None


def test_missing_and_wrong_answers_are_422_with_fields(alice):
    client = api_for(alice)
    response = client.post("/api/v1/safety/screen", {"answers": {"afraid": "no"}})
    assert response.status_code == 422
    assert "hurt" in response.json()["fields"]
    response = client.post("/api/v1/safety/screen", {"answers": {**NO, "afraid": "maybe"}})
    assert response.status_code == 422
    response = client.patch("/api/v1/safety/screen", {"couple_paused": "yes"})
    assert response.status_code == 422


def test_discreet_mode_in_me(alice):
    client = api_for(alice)
    assert client.get("/api/v1/me").json()["discreet_mode"] is False
    body = client.patch("/api/v1/me", {"discreet_mode": True}).json()
    assert body["discreet_mode"] is True
    alice.refresh_from_db()
    assert alice.discreet_mode
    assert client.get("/api/v1/me/export").json()["safety"]["discreet_mode"] is True
    assert client.patch("/api/v1/me", {"discreet_mode": "on"}).status_code == 422
    # Other fields still change on their own.
    assert client.patch("/api/v1/me", {"name": "Al"}).json()["discreet_mode"] is True
