"""The journal API: entries, search, prompts and the feelings vocabulary."""

from __future__ import annotations

import pytest

from turntoward.journal.models import JournalEntry
from turntoward.testing import api_for

from .conftest import ALICE_BODY, ALICE_MARKERS, ALICE_TITLE


@pytest.fixture
def client(alice):
    return api_for(alice)


def test_it_writes_an_entry_and_answers_201_with_its_id(client, alice):
    response = client.post(
        "journal",
        {
            "body": "I felt far away tonight",
            "title": "Evening",
            "prompt": "felt-far",
            "feelings": ["lonely", "sadness"],
        },
    )

    assert response.status_code == 201
    data = response.json()
    assert data["id"]
    assert (data["title"], data["body"]) == ("Evening", "I felt far away tonight")
    assert data["prompt"]["slug"] == "felt-far"
    assert data["feelings"] == [
        {"slug": "lonely", "word": "lonely", "core": "sadness"},
        {"slug": "sadness", "word": "Sadness", "core": "sadness"},
    ]
    assert data["day"] == alice.local_today().isoformat()
    assert JournalEntry.objects.get(pk=data["id"]).author == alice


def test_only_the_body_is_needed(client):
    response = client.post("journal", {"body": "Just this"})

    assert response.status_code == 201
    assert (response.json()["title"], response.json()["prompt"], response.json()["feelings"]) == (
        "",
        None,
        [],
    )


def test_it_reads_patches_and_deletes_an_entry(client, alice_entry):
    url = f"journal/{alice_entry.pk}"

    assert client.get(url).json()["body"] == ALICE_BODY
    patched = client.patch(url, {"title": "New title", "feelings": ["calm"]})
    assert patched.status_code == 200
    assert patched.json()["title"] == "New title"
    assert patched.json()["body"] == ALICE_BODY
    assert [f["slug"] for f in patched.json()["feelings"]] == ["calm"]
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_the_list_searches_and_filters(client, alice_entry):
    client.post("journal", {"body": "A calm morning by the sea", "feelings": ["peaceful"]})

    everything = client.get("journal").json()
    by_words = client.get("journal?q=DINNER").json()
    by_feeling = client.get("journal?feeling=sadness").json()
    by_both = client.get("journal?q=sea&feeling=calm").json()
    none = client.get("journal?q=dinner&feeling=calm").json()

    assert len(everything) == 2
    assert [e["title"] for e in by_words] == [ALICE_TITLE]
    assert [e["title"] for e in by_feeling] == [ALICE_TITLE]
    assert [e["body"] for e in by_both] == ["A calm morning by the sea"]
    assert none == []


def test_the_list_filters_by_since_and_until(client, alice, alice_entry):
    today = alice.local_today().isoformat()

    assert len(client.get(f"journal?since={today}&until={today}").json()) == 1
    assert client.get("journal?until=2000-01-01").json() == []


def test_prompts_are_listed(client):
    prompts = client.get("journal/prompts").json()

    assert len(prompts) >= 30
    assert {"slug", "theme", "text"} == set(prompts[0])


def test_the_feelings_vocabulary_is_listed(client):
    vocabulary = client.get("journal/feelings").json()

    assert len(vocabulary) >= 6
    sadness = next(c for c in vocabulary if c["slug"] == "sadness")
    assert {"slug": "lonely", "word": "lonely"} in sadness["words"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"body": "x" * 20_001}, "body"),
        ({"body": ""}, "body"),
        ({"body": "   "}, "body"),
        ({}, "body"),
        ({"body": 5}, "body"),
        ({"body": "ok", "title": "t" * 10_000}, "title"),
        ({"body": "ok", "prompt": "no-such-prompt"}, "prompt"),
        ({"body": "ok", "feelings": ["no-such-feeling"]}, "feelings"),
        ({"body": "ok", "feelings": "lonely"}, "feelings"),
        ({"body": "ok", "feelings": ["x"] * 50}, "feelings"),
        ({"body": "ok", "mood": 3}, "mood"),
    ],
)
def test_bad_entries_are_422_naming_the_field(client, body, field):
    response = client.post("journal", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not JournalEntry.objects.exists()


def test_malformed_json_is_422_not_500(client):
    response = client.post("journal", raw='{"body": ')

    assert response.status_code == 422
    assert response.json()["detail"]


def test_patch_rejects_a_null_body(client, alice_entry):
    response = client.patch(f"journal/{alice_entry.pk}", {"body": None})

    assert response.status_code == 422
    assert "body" in response.json()["fields"]


@pytest.mark.parametrize(
    ("query", "field"),
    [("q=" + "x" * 300, "q"), ("feeling=nope", "feeling"), ("since=soon", "since")],
)
def test_bad_filters_are_422(client, query, field):
    response = client.get(f"journal?{query}")

    assert response.status_code == 422
    assert field in response.json()["fields"]


def test_bob_gets_an_empty_journal_not_alices(couple, bob, alice_entry):
    bob_client = api_for(bob)

    for url in ("journal", "journal?q=heron", "journal?feeling=sadness", "journal?q=dinner"):
        response = bob_client.get(url)
        assert response.json() == []
        for marker in ALICE_MARKERS:
            assert marker not in response.content.decode()
    assert bob_client.get(f"journal/{alice_entry.pk}").status_code == 404
