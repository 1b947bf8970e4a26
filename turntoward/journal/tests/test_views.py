"""The journal pages."""

from __future__ import annotations

import pytest
from django.test import Client

from turntoward.journal import services
from turntoward.journal.models import JournalEntry

from .conftest import ALICE_BODY, ALICE_TITLE


@pytest.fixture
def web(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def test_an_empty_journal_says_it_is_private(web):
    text = web.get("/journal/").content.decode()

    assert "A place that is only yours" in text
    assert "Your partner never sees your journal" in text


def test_writing_an_entry_with_a_prompt_and_feelings(web, alice):
    response = web.post(
        "/journal/new/",
        {
            "prompt": "felt-far",
            "title": "Tuesday",
            "body": "I missed him",
            "feelings": ["lonely", "tender"],
        },
    )

    entry = JournalEntry.objects.get(author=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/journal/{entry.pk}/"
    assert entry.prompt.slug == "felt-far"
    assert entry.feeling_slugs == ["lonely", "tender"]
    page = web.get(response["Location"]).content.decode()
    assert "I missed him" in page
    assert "When did I feel far away from my partner lately?" in page
    assert "lonely" in page and "tender" in page


def test_the_new_entry_form_groups_feelings_as_checkboxes(web):
    text = web.get("/journal/new/").content.decode()

    assert "<summary>Sadness</summary>" in text
    assert 'type="checkbox" name="feelings" value="lonely" id="feeling-lonely"' in text
    assert '<label for="feeling-lonely">lonely</label>' in text
    assert "When did I feel far away from my partner lately?" in text  # in the prompt picker


def test_a_prompt_can_be_chosen_for_me(web):
    text = web.get("/journal/new/?prompt=any").content.decode()

    assert "selected" in text.split('name="prompt"')[1].split("</select>")[0]


def test_an_empty_body_is_an_error_and_the_rest_is_kept(web):
    response = web.post(
        "/journal/new/", {"title": "kept title", "body": "", "feelings": ["calm", "relieved"]}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Please write a few words here." in text
    assert 'value="kept title"' in text
    assert 'value="relieved" id="feeling-relieved" checked' in text
    assert '<details class="jr-group" open>' in text
    assert not JournalEntry.objects.exists()


def test_an_over_long_body_is_refused_and_kept(web):
    body = "word " * 5000

    response = web.post("/journal/new/", {"body": body})

    text = response.content.decode()
    assert "Please keep this under 20000 characters" in text
    assert "word word word" in text
    assert not JournalEntry.objects.exists()


def test_the_list_searches_by_words_and_feeling(web, alice, alice_entry):
    services.write_entry(
        alice, title="Pancake morning", body="Pancakes and a long walk", feelings=["glad"]
    )

    by_words = web.get("/journal/?q=pancakes").content.decode()
    by_feeling = web.get("/journal/?feeling=sadness").content.decode()
    nothing = web.get("/journal/?q=volcano").content.decode()

    assert "Pancake morning" in by_words and ALICE_TITLE not in by_words
    assert "1 entry found" in by_words
    assert ALICE_TITLE in by_feeling and "Pancake morning" not in by_feeling
    assert "Nothing matched" in nothing


def test_a_bad_search_is_shown_next_to_the_field(web, alice_entry):
    response = web.get("/journal/?q=" + "x" * 300)

    assert response.status_code == 200
    assert "has-error" in response.content.decode()


def test_editing_keeps_the_entry_private_and_updates_it(web, alice_entry):
    form = web.get(f"/journal/{alice_entry.pk}/edit/").content.decode()
    assert ALICE_BODY in form
    assert 'value="lonely" id="feeling-lonely" checked' in form

    web.post(
        f"/journal/{alice_entry.pk}/edit/",
        {"title": "Renamed", "body": "Rewritten", "prompt": "", "feelings": ["calm"]},
    )

    entry = JournalEntry.objects.get(pk=alice_entry.pk)
    assert (entry.title, entry.body, entry.prompt, entry.feeling_slugs) == (
        "Renamed",
        "Rewritten",
        None,
        ["calm"],
    )


def test_deleting_asks_first(web, alice_entry):
    url = f"/journal/{alice_entry.pk}/delete/"

    assert "Delete this entry?" in web.get(url).content.decode()
    assert JournalEntry.objects.exists()
    response = web.post(url)

    assert response["Location"] == "/journal/"
    assert not JournalEntry.objects.exists()


def test_the_practices_page_lists_the_journal(web):
    assert "/journal/" in web.get("/practices/").content.decode()
