"""The questions API: the deck, the question of the day, answers with the reveal, favourites."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from turntoward.curiosity import services
from turntoward.curiosity.models import Answer, Favourite, Question
from turntoward.testing import api_for

ALICE_WORDS = "Alice would learn the cello"
BOB_WORDS = "Bob would learn to sail"


def test_the_list_gives_every_question_with_my_state(couple, alice, bob):
    services.answer_question(bob, Question.objects.get(slug="play-dance"), BOB_WORDS)

    rows = api_for(alice).get("questions").json()

    assert len(rows) == Question.objects.filter(active=True).count() >= 200
    dance = next(r for r in rows if r["slug"] == "play-dance")
    assert dance == {
        "id": str(Question.objects.get(slug="play-dance").id),
        "slug": "play-dance",
        "theme": "play",
        "text": Question.objects.get(slug="play-dance").text,
        "answered": False,
        "partner_answered": True,
        "favourite": False,
    }
    assert BOB_WORDS not in str(rows)


def test_the_list_filters_by_theme_and_favourites(alice):
    client = api_for(alice)
    client.post("questions/us-best-day/favourite")

    by_theme = client.get("questions?theme=values").json()
    favourites = client.get("questions?favourites=true").json()

    assert by_theme and {r["theme"] for r in by_theme} == {"values"}
    assert [r["slug"] for r in favourites] == ["us-best-day"]


def test_since_and_until_keep_the_questions_i_answered_in_those_days(alice):
    client = api_for(alice)
    client.post("questions/us-best-day/answer", {"text": ALICE_WORDS})
    today = alice.local_today()

    answered = client.get(f"questions?since={today}&until={today}").json()
    later = client.get(f"questions?since={today + timedelta(days=1)}").json()
    earlier = client.get(f"questions?until={today - timedelta(days=1)}").json()

    assert [r["slug"] for r in answered] == ["us-best-day"]
    assert later == [] and earlier == []


def test_today_is_the_couples_question_with_the_reveal(couple, alice, bob):
    alice_client, bob_client = api_for(alice), api_for(bob)

    before = bob_client.get("questions/today").json()
    slug = before["slug"]
    created = alice_client.post(f"questions/{slug}/answer", {"text": ALICE_WORDS})
    waiting = bob_client.get("questions/today").json()
    bob_client.post(f"questions/{slug}/answer", {"text": BOB_WORDS})
    after_bob = bob_client.get("questions/today").json()
    after_alice = alice_client.get(f"questions/{slug}").json()

    assert before["day"] == bob.local_today().isoformat()
    assert (before["mine"], before["partner"], before["partner_answered"]) == (None, None, False)
    assert created.status_code == 201
    assert created.json()["id"] == str(Answer.objects.get(author=alice).id)
    assert created.json()["author"] == "me"
    assert waiting["partner"] is None and waiting["partner_answered"] is True
    assert ALICE_WORDS not in str(waiting)
    assert after_bob["partner"]["text"] == ALICE_WORDS
    assert after_bob["partner"]["author"] == "partner"
    assert after_bob["mine"]["text"] == BOB_WORDS
    assert after_alice["partner"]["text"] == BOB_WORDS
    assert after_alice["day"] is None


def test_a_second_answer_updates_and_answers_200(alice):
    client = api_for(alice)

    first = client.post("questions/us-best-day/answer", {"text": "one"})
    second = client.post("questions/us-best-day/answer", {"text": "two"})

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert second.json()["text"] == "two"
    stamp = datetime.fromisoformat(second.json()["updated_at"].replace("Z", "+00:00"))
    assert stamp.utcoffset() == stamp.astimezone(alice.tz).utcoffset()  # Alice's London time


@pytest.mark.parametrize(
    ("body", "raw"),
    [
        ({}, None),
        ({"text": ""}, None),
        ({"text": "   "}, None),
        ({"text": 42}, None),
        ({"text": None}, None),
        ({"text": ["a"]}, None),
        ({"text": "x" * 10_000}, None),
        ({"text": "nul\x00here"}, None),
        ({"text": "fine", "extra": 1}, None),
        (None, "{not json"),
        (None, "[]"),
    ],
)
def test_bad_answers_get_422_naming_the_field_and_save_nothing(alice, body, raw):
    response = api_for(alice).post("questions/us-best-day/answer", body, raw=raw)

    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert set(data["fields"]) & {"text", "body", "extra"}
    assert not Answer.objects.exists()


def test_favourite_post_then_delete(alice):
    client = api_for(alice)

    added = client.post("questions/play-dance/favourite")
    again = client.post("questions/play-dance/favourite")
    removed = client.delete("questions/play-dance/favourite")
    removed_again = client.delete("questions/play-dance/favourite")

    assert (added.status_code, again.status_code) == (201, 200)
    assert added.json() == {"question": "play-dance", "favourite": True}
    assert (removed.status_code, removed_again.status_code) == (204, 204)
    assert not Favourite.objects.exists()


def test_a_person_alone_gets_their_own_question_of_the_day(erin):
    data = api_for(erin).get("questions/today").json()

    assert data["slug"] == services.question_of_the_day(erin).slug
    assert data["partner"] is None and data["partner_answered"] is False


def test_the_openapi_document_names_the_questions_routes(alice):
    paths = api_for(alice).get("openapi.json").json()["paths"]

    assert {
        "/api/v1/questions",
        "/api/v1/questions/today",
        "/api/v1/questions/{slug}",
        "/api/v1/questions/{slug}/answer",
        "/api/v1/questions/{slug}/favourite",
    } <= set(paths)
