"""The rules of the journal, without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from turntoward.core.personal_data import kinds
from turntoward.journal import feelings, services
from turntoward.journal.models import EntryFeeling, JournalEntry
from turntoward.privacy import journal as gate

from .conftest import ALICE_BODY, ALICE_TITLE


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_an_entry_is_saved_with_its_prompt_and_feelings(alice, alice_entry):
    assert alice_entry.author == alice
    assert alice_entry.day == alice.local_today()
    assert alice_entry.prompt.slug == "right-now"
    assert alice_entry.feeling_slugs == ["lonely", "unseen"]


def test_the_text_is_encrypted_at_rest(alice_entry):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT title, body FROM journal_journalentry")
        title, body = cursor.fetchone()

    assert ALICE_TITLE not in title
    assert "heron" not in body


def test_an_entry_needs_some_words(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(alice, body="   ")

    assert "body" in errors_of(excinfo)
    assert not JournalEntry.objects.exists()


def test_a_long_entry_is_refused_with_its_length_not_cut(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(alice, body="x" * 20_001)

    assert "you wrote 20001" in errors_of(excinfo)["body"][0]


@pytest.mark.parametrize("value", [["no-such-feeling"], "lonely", [1], ["lonely", None]])
def test_feelings_must_come_from_the_vocabulary(alice, value):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(alice, body="Today", feelings=value)

    assert "feelings" in errors_of(excinfo)
    assert not JournalEntry.objects.exists()
    assert not EntryFeeling.objects.exists()


def test_a_repeated_feeling_is_kept_once(alice):
    entry = services.write_entry(alice, body="Today", feelings=["calm", "calm", "peaceful"])

    assert entry.feeling_slugs == ["calm", "peaceful"]


def test_an_unknown_prompt_is_an_error_on_the_prompt(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.write_entry(alice, body="Today", prompt="no-such-prompt")

    assert "prompt" in errors_of(excinfo)


def test_editing_changes_only_what_is_given(alice, alice_entry):
    entry = services.edit_entry(alice, alice_entry.pk, feelings=["relieved"])

    assert entry.feeling_slugs == ["relieved"]
    assert entry.body == ALICE_BODY
    assert entry.prompt.slug == "right-now"
    assert entry.updated_at >= entry.created_at


def test_a_bad_edit_saves_nothing(alice, alice_entry):
    with pytest.raises(ValidationError):
        services.edit_entry(alice, alice_entry.pk, body="New words", feelings=["nope"])

    entry = gate.get_entry_for_user(alice, alice_entry.pk)
    assert entry.body == ALICE_BODY
    assert entry.feeling_slugs == ["lonely", "unseen"]


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_nobody_else_can_read_change_or_delete_alices_entry(request, couple, alice_entry, person):
    other = request.getfixturevalue(person)

    with pytest.raises(Http404):
        gate.get_entry_for_user(other, alice_entry.pk)
    with pytest.raises(Http404):
        services.edit_entry(other, alice_entry.pk, body="Mine now")
    with pytest.raises(Http404):
        services.delete_entry(other, alice_entry.pk)
    assert services.find_entries(other) == []
    assert services.find_entries(other, q="heron") == []
    assert JournalEntry.objects.filter(pk=alice_entry.pk).exists()


def test_a_malformed_id_is_404_not_an_error(alice):
    with pytest.raises(Http404):
        gate.get_entry_for_user(alice, "not-a-uuid")


# --- search -------------------------------------------------------------------------


@pytest.fixture
def three_entries(alice):
    a = services.write_entry(alice, title="Walk", body="The river was calm", feelings=["peaceful"])
    b = services.write_entry(alice, body="Cross about the dishes", feelings=["irritated"])
    c = services.write_entry(alice, body="Missed my sister", prompt="felt-far", feelings=["lonely"])
    JournalEntry.objects.filter(pk=a.pk).update(day=alice.local_today() - timedelta(days=10))
    return a, b, c


def test_search_finds_words_in_the_title_or_the_text_ignoring_case(alice, three_entries):
    a, b, _c = three_entries

    assert services.find_entries(alice, q="RIVER") == [a]
    assert services.find_entries(alice, q="walk") == [a]
    assert services.find_entries(alice, q="dishes") == [b]


def test_search_also_finds_words_of_the_prompt(alice, three_entries):
    assert services.find_entries(alice, q="partner lately") == [three_entries[2]]


def test_a_core_feeling_filter_finds_its_finer_words(alice, three_entries):
    a, b, c = three_entries

    assert services.find_entries(alice, feeling="anger") == [b]
    assert services.find_entries(alice, feeling="calm") == [a]
    assert services.find_entries(alice, feeling="lonely") == [c]
    assert services.find_entries(alice, feeling="joy") == []


def test_dates_filter_by_my_local_day(alice, three_entries):
    a, b, c = three_entries
    today = alice.local_today()

    assert services.find_entries(alice, since=today) == [c, b]
    assert services.find_entries(alice, until=today - timedelta(days=1)) == [a]


def test_filters_combine(alice, three_entries):
    assert services.find_entries(alice, q="the", feeling="anger") == [three_entries[1]]


def test_search_is_bounded(alice, monkeypatch):
    monkeypatch.setattr(services, "SEARCH_SCAN_MAX", 2)
    old = services.write_entry(alice, body="needle in the oldest")
    services.write_entry(alice, body="newer")
    services.write_entry(alice, body="newest")

    assert services.find_entries(alice, q="needle") == []
    assert old in services.find_entries(alice)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"q": "x" * 201}, "q"), ({"feeling": "nope"}, "feeling"), ({"q": "a\x00"}, "q")],
)
def test_bad_search_input_names_the_field(alice, kwargs, field):
    with pytest.raises(ValidationError) as excinfo:
        services.find_entries(alice, **kwargs)

    assert field in errors_of(excinfo)


# --- the vocabulary module ------------------------------------------------------------


def test_the_vocabulary_answers_by_slug():
    assert feelings.find("lonely").word == "lonely"
    assert feelings.find("lonely").core == "sadness"
    assert feelings.core_of("lonely").slug == "sadness"
    assert feelings.core_of("sadness").slug == "sadness"
    assert feelings.find("nope") is None
    assert feelings.core_of("nope") is None
    assert "lonely" in feelings.family("sadness")
    assert feelings.family("lonely") == ["lonely"]
    assert all(not w.is_core for w in feelings.words())


# --- export and deletion --------------------------------------------------------------


def test_export_holds_my_entries_only(couple, alice, bob, alice_entry):
    services.write_entry(bob, body="Bob's own page")
    kind = next(k for k in kinds() if k.key == "journal")

    mine = kind(alice).export()

    assert [(e["title"], e["feelings"]) for e in mine] == [(ALICE_TITLE, ["lonely", "unseen"])]
    assert [e["body"] for e in kind(bob).export()] == ["Bob's own page"]
    kind(alice).delete()
    assert JournalEntry.objects.filter(author=bob).count() == 1
    assert not JournalEntry.objects.filter(author=alice).exists()
