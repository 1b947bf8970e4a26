"""The weekly check-in pages and its home card."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.test import Client

from turntoward.weekly import cards, services
from turntoward.weekly.models import WeeklyCheckIn
from turntoward.weekly.tests.helpers import ANSWERS, make_weekly


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_shows_the_guided_agenda_with_the_i_statement_hint(alice, bob, couple):
    response = client_for(alice).get("/weekly/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Appreciations for the week" in text
    assert "Quality time next week" in text
    assert "I feel … when … and I need …" in text
    assert 'for="id_appreciations"' in text


def test_saving_shows_my_answers_and_waits_for_my_partner(alice, bob, couple):
    client = client_for(alice)

    response = client.post("/weekly/", ANSWERS, follow=True)

    text = response.content.decode()
    assert WeeklyCheckIn.objects.get().author == alice
    assert ANSWERS["appreciations"] in text
    assert "Bob hasn't filled in this week's check-in yet" in html.unescape(text)


def test_my_partner_sees_that_i_filled_it_in_but_not_what_i_wrote(alice, bob, couple):
    make_weekly(alice, appreciations="alice-secret-fern")

    text = client_for(bob).get(f"/weekly/{services.current_week(bob).isoformat()}/").content
    text = text.decode()
    assert "alice-secret-fern" not in text
    assert "Alice has filled theirs in" in text


def test_the_summary_shows_both_after_both_submit(alice, bob, couple):
    make_weekly(alice, appreciations="alice-secret-fern")
    client_for(bob).post("/weekly/", {**ANSWERS, "appreciations": "bob-secret-moss"})

    for person in (alice, bob):
        text = client_for(person).get("/weekly/").content.decode()
        assert "alice-secret-fern" in text
        assert "bob-secret-moss" in text
        assert "You have both filled in" in text


def test_errors_show_next_to_the_field_and_keep_the_typed_text(alice):
    response = client_for(alice).post(
        "/weekly/", {"appreciations": "", "went_well": "kept-words", "goals": "x" * 3000}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Please write at least one appreciation." in text
    assert "kept-words" in text
    assert "x" * 3000 in text
    assert not WeeklyCheckIn.objects.exists()


def test_the_edit_link_opens_the_form_with_my_answers(alice):
    make_weekly(alice, went_well="kept-for-editing")

    text = client_for(alice).get("/weekly/?edit=1").content.decode()

    assert "Change this week's answers" in html.unescape(text)
    assert "kept-for-editing" in text


def test_past_weeks_are_listed_and_browsable(alice, bob, couple):
    last_week = services.current_week(alice) - timedelta(weeks=1)
    make_weekly(alice, last_week, appreciations="last-week-alice")
    make_weekly(bob, last_week, appreciations="last-week-bob")

    page = client_for(alice).get("/weekly/").content.decode()
    assert f"/weekly/{last_week.isoformat()}/" in page
    assert "you both filled it in" in page

    week = client_for(alice).get(f"/weekly/{last_week.isoformat()}/").content.decode()
    assert "last-week-alice" in week and "last-week-bob" in week


@pytest.mark.parametrize("week", ["not-a-date", "2026-11-17"])
def test_a_week_that_is_not_a_monday_is_not_found(alice, week):
    assert client_for(alice).get(f"/weekly/{week}/").status_code == 404


def test_someone_alone_gets_the_kind_lone_partner_note(alice):
    text = client_for(alice).get("/weekly/").content.decode()

    assert "This practice is for two" in text
    assert "Only you can see your answers." in text


# --- home card ---------------------------------------------------------------------


def on_weekday(monkeypatch, person, weekday: int) -> None:
    """Make the person's local today fall on a given weekday of this week."""
    monday = services.current_week(person)
    monkeypatch.setattr(type(person), "local_today", lambda self: monday + timedelta(weekday))


def test_the_card_shows_from_friday_when_the_checkin_is_not_done(alice, bob, couple, monkeypatch):
    on_weekday(monkeypatch, alice, 3)
    assert cards.home_cards(alice) == []

    on_weekday(monkeypatch, alice, 4)
    [card] = cards.home_cards(alice)
    assert card.url == "/weekly/"
    assert "This week" in str(card.title)


def test_the_card_follows_the_configured_day(alice, bob, couple, monkeypatch, settings):
    settings.WEEKLY_CHECKIN_REMIND_FROM_WEEKDAY = 0
    on_weekday(monkeypatch, alice, 0)

    assert len(cards.home_cards(alice)) == 1


def test_the_card_says_when_my_partner_has_filled_theirs_in(alice, bob, couple, monkeypatch):
    on_weekday(monkeypatch, alice, 1)
    make_weekly(bob, appreciations="bob-secret-moss")

    [card] = cards.home_cards(alice)

    assert "Your partner has filled in" in str(card.title)
    assert "bob-secret-moss" not in str(card.body)


def test_no_card_once_i_have_filled_it_in_or_without_a_partner(alice, bob, couple, monkeypatch):
    on_weekday(monkeypatch, alice, 5)
    make_weekly(alice)
    assert cards.home_cards(alice) == []


def test_no_card_for_someone_alone(alice, monkeypatch):
    on_weekday(monkeypatch, alice, 6)
    assert cards.home_cards(alice) == []


def test_the_home_page_shows_the_card(alice, bob, couple):
    make_weekly(bob)

    text = client_for(alice).get("/").content.decode()

    assert "Your partner has filled in this week" in text
