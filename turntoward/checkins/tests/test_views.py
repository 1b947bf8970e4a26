"""Pages for the daily check-in, its reveal, replies and history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.test.html import Element, parse_html

from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.testing import make_checkin, make_couple, make_reply

ALICE_GOOD = "Alice walked by the river at lunch"
ALICE_HARD = "Alice felt unheard at dinner"
BOB_GOOD = "Bob fixed the squeaky door"
BOB_HARD = "Bob slept badly"

VALID = {
    "mood": "4",
    "connection": "3",
    "good_thing": ALICE_GOOD,
    "hard_thing": ALICE_HARD,
    "need": "A slow morning",
}


# --- helpers ---------------------------------------------------------------


def _walk(node: Element, ancestors: tuple[Element, ...] = ()):
    for child in node.children:
        if isinstance(child, Element):
            yield child, ancestors
            yield from _walk(child, (*ancestors, child))


def _text(node: Element) -> str:
    return " ".join(c if isinstance(c, str) else _text(c) for c in node.children)


def _attr(element: Element, name: str) -> str:
    return dict(element.attributes).get(name) or ""


def field_box(html: str, name: str) -> str:
    """The text of the field wrapper (div.field or fieldset) around the control `name`."""
    for element, ancestors in _walk(parse_html(html)):
        if element.name in {"input", "textarea", "select"} and _attr(element, "name") == name:
            for outer in reversed(ancestors):
                if outer.name == "fieldset" or (
                    outer.name == "div" and "field" in _attr(outer, "class").split()
                ):
                    return _text(outer)
    raise AssertionError(f"no field named {name!r} on the page")


def textarea_value(html: str, name: str) -> str:
    for element, _ancestors in _walk(parse_html(html)):
        if element.name == "textarea" and _attr(element, "name") == name:
            return _text(element)
    raise AssertionError(f"no textarea named {name!r} on the page")


def checked_value(html: str, name: str) -> str | None:
    for element, _ancestors in _walk(parse_html(html)):
        is_radio = element.name == "input" and _attr(element, "name") == name
        if is_radio and "checked" in dict(element.attributes):
            return _attr(element, "value")
    return None


def html_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def alice_client(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


def reply_url(day: date) -> str:
    return f"/checkin/{day.isoformat()}/reply/"


# --- the check-in page -------------------------------------------------------


def test_it_shows_the_checkin_form(alice_client, couple):
    response = alice_client.get("/checkin/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Today's check-in" in html
    assert "How is your mood today?" in html
    assert "How connected did you feel to your partner today?" in html
    assert 'name="good_thing"' in html
    assert 'name="hard_thing"' in html
    assert "Save my check-in" in html
    assert "Bob sees your answers once they have checked in today too" in html


def test_it_tells_a_person_on_their_own_that_only_they_see_their_checkins(alice_client):
    html = html_of(alice_client.get("/checkin/"))
    assert "Only you can see your check-ins." in html


def test_it_saves_my_checkin_and_thanks_me(alice_client, alice, couple):
    response = alice_client.post("/checkin/", VALID)
    assert response.status_code == 302
    assert response["Location"] == "/checkin/"
    checkin = CheckIn.objects.get(author=alice)
    assert checkin.day == alice.local_today()
    assert (checkin.mood, checkin.connection) == (4, 3)
    assert checkin.good_thing == ALICE_GOOD
    assert checkin.need == "A slow morning"

    html = html_of(alice_client.get("/checkin/"))
    assert "Thank you for checking in." in html
    assert ALICE_GOOD in html
    assert "Bob hasn't checked in yet today." in html


def test_sending_again_the_same_day_updates_my_checkin(alice_client, alice):
    make_checkin(alice, good_thing="First words")
    response = alice_client.post("/checkin/", VALID, follow=True)
    assert "Your check-in is updated." in html_of(response)
    assert CheckIn.objects.filter(author=alice).count() == 1
    assert CheckIn.objects.get(author=alice).good_thing == ALICE_GOOD


def test_the_edit_link_shows_the_form_with_my_answers_filled_in(alice_client, alice):
    make_checkin(alice, good_thing=ALICE_GOOD, hard_thing=ALICE_HARD, mood=2)
    html = html_of(alice_client.get("/checkin/?edit=1"))
    assert "Change today's check-in" in html
    assert textarea_value(html, "good_thing") == ALICE_GOOD
    assert textarea_value(html, "hard_thing") == ALICE_HARD
    assert checked_value(html, "mood") == "2"
    assert checked_value(html, "connection") == "3"


# --- who sees what -------------------------------------------------------------


def test_bob_is_told_alice_checked_in_but_not_what_she_wrote(bob_client, alice, couple):
    make_checkin(alice, good_thing=ALICE_GOOD, hard_thing=ALICE_HARD)
    for url in ("/", "/checkin/", "/checkin/today/", "/history/"):
        html = html_of(bob_client.get(url))
        assert ALICE_GOOD not in html, url
        assert ALICE_HARD not in html, url
    assert "Alice has checked in today" in html_of(bob_client.get("/"))


def test_bob_sees_alices_answers_once_he_has_checked_in(bob_client, alice, couple):
    make_checkin(alice, good_thing=ALICE_GOOD, hard_thing=ALICE_HARD)
    bob_client.post(
        "/checkin/",
        {"mood": "3", "connection": "4", "good_thing": BOB_GOOD, "hard_thing": BOB_HARD},
    )
    html = html_of(bob_client.get("/checkin/"))
    assert "You both checked in today" in html
    assert ALICE_GOOD in html
    assert ALICE_HARD in html
    assert BOB_GOOD in html


def test_alice_does_not_see_bobs_day_after_she_answered_first(alice_client, bob, couple):
    alice_client.post("/checkin/", VALID)
    make_checkin(bob, good_thing=BOB_GOOD)
    # Once Bob answers the same day, each sees the other.
    html = html_of(alice_client.get("/checkin/"))
    assert BOB_GOOD in html


def test_days_before_the_couple_began_stay_private(alice_client, alice, bob):
    make_couple(alice, bob, started_on=alice.local_today())
    yesterday = alice.local_today() - timedelta(days=1)
    make_checkin(alice, yesterday, good_thing="Alice before")
    make_checkin(bob, yesterday, good_thing="Bob before")
    html = html_of(alice_client.get("/history/"))
    assert "Alice before" in html
    assert "Bob before" not in html


def test_an_outsider_sees_nothing_of_alice_even_on_a_day_he_checked_in(alice, couple, dave):
    make_checkin(alice, good_thing=ALICE_GOOD)
    make_checkin(dave, alice.local_today(), good_thing="Dave's day")
    client = Client()
    client.force_login(dave)
    for url in ("/", "/checkin/", "/history/"):
        html = html_of(client.get(url))
        assert ALICE_GOOD not in html, url
        assert "Alice" not in html, url


# --- form errors keep what was typed -------------------------------------------


def test_a_mood_out_of_range_is_refused_next_to_the_mood_with_my_text_kept(alice_client, alice):
    response = alice_client.post("/checkin/", {**VALID, "mood": "9"})
    assert response.status_code == 200
    html = html_of(response)
    assert "How is your mood today?" in field_box(html, "mood")
    assert "Select a valid choice" in field_box(html, "mood")
    assert checked_value(html, "connection") == "3"
    assert textarea_value(html, "good_thing") == ALICE_GOOD
    assert textarea_value(html, "hard_thing") == ALICE_HARD
    assert not CheckIn.objects.filter(author=alice).exists()


def test_a_missing_mood_is_explained_next_to_the_mood(alice_client, alice):
    data = {k: v for k, v in VALID.items() if k != "mood"}
    html = html_of(alice_client.post("/checkin/", data))
    assert "Choose how your mood is, from 1 to 5." in field_box(html, "mood")
    assert textarea_value(html, "good_thing") == ALICE_GOOD
    assert not CheckIn.objects.filter(author=alice).exists()


def test_an_empty_good_thing_is_refused_next_to_it_with_the_hard_thing_kept(alice_client, alice):
    html = html_of(alice_client.post("/checkin/", {**VALID, "good_thing": "   "}))
    assert "Please write a few words here." in field_box(html, "good_thing")
    assert "Please write a few words here." not in field_box(html, "hard_thing")
    assert textarea_value(html, "hard_thing") == ALICE_HARD
    assert not CheckIn.objects.filter(author=alice).exists()


def test_a_ten_thousand_character_text_is_refused_and_kept_whole(alice_client, alice):
    long_text = "word " * 2000
    html = html_of(alice_client.post("/checkin/", {**VALID, "hard_thing": long_text}))
    assert "at most 1000 characters" in field_box(html, "hard_thing")
    # Nothing is cut off: the whole text comes back for the person to shorten.
    assert textarea_value(html, "hard_thing") == long_text.strip()
    assert textarea_value(html, "good_thing") == ALICE_GOOD
    assert not CheckIn.objects.filter(author=alice).exists()


def test_a_bad_update_keeps_my_new_text_and_the_old_checkin(alice_client, alice):
    make_checkin(alice, good_thing="Saved earlier")
    html = html_of(alice_client.post("/checkin/", {**VALID, "mood": "0"}))
    assert "Select a valid choice" in field_box(html, "mood")
    assert textarea_value(html, "good_thing") == ALICE_GOOD
    assert CheckIn.objects.get(author=alice).good_thing == "Saved earlier"


# --- HTMX ----------------------------------------------------------------------


def test_an_htmx_checkin_returns_todays_panel_alone(alice_client, alice, couple):
    response = alice_client.post("/checkin/", VALID, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = html_of(response)
    assert "<html" not in html
    assert 'id="checkin-area"' in html
    assert "Thank you for checking in" in html
    assert "Bob hasn't checked in yet today." in html
    assert ALICE_GOOD in html
    assert CheckIn.objects.filter(author=alice).count() == 1


def test_an_htmx_checkin_with_errors_returns_the_form_alone_with_the_text(alice_client, alice):
    response = alice_client.post(
        "/checkin/", {**VALID, "mood": "9", "good_thing": ""}, HTTP_HX_REQUEST="true"
    )
    html = html_of(response)
    assert "<html" not in html
    assert 'id="checkin-area"' in html
    assert "Select a valid choice" in field_box(html, "mood")
    assert "Please write a few words here." in field_box(html, "good_thing")
    assert textarea_value(html, "hard_thing") == ALICE_HARD
    assert not CheckIn.objects.filter(author=alice).exists()


def test_the_today_panel_is_a_fragment_for_polling(alice_client, alice, couple):
    make_checkin(alice, good_thing=ALICE_GOOD)
    response = alice_client.get("/checkin/today/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = html_of(response)
    assert "<html" not in html
    assert html.lstrip().startswith('<section id="checkin-area"')
    assert ALICE_GOOD in html
    # While Bob has not answered, the panel asks to be polled again.
    assert 'hx-get="/checkin/today/"' in html


def test_the_today_panel_tells_bob_alice_checked_in_without_her_text(bob_client, alice, couple):
    make_checkin(alice, good_thing=ALICE_GOOD)
    html = html_of(bob_client.get("/checkin/today/", HTTP_HX_REQUEST="true"))
    assert "Alice has checked in today" in html
    assert ALICE_GOOD not in html


# --- replies -------------------------------------------------------------------


def test_alice_replies_to_bobs_day_and_bob_sees_it(alice_client, alice, bob, couple):
    today = alice.local_today()
    make_checkin(alice, good_thing=ALICE_GOOD)
    make_checkin(bob, good_thing=BOB_GOOD)
    response = alice_client.post(reply_url(today), {"text": "Thank you, love", "next": "home"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    reply = CheckInReply.objects.get(author=alice)
    assert reply.text == "Thank you, love"
    assert reply.checkin.author == bob

    client = Client()
    client.force_login(bob)
    html = html_of(client.get("/"))
    assert "Alice replied" in html
    assert "Thank you, love" in html


def test_a_reply_from_history_goes_back_to_history(alice_client, alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    response = alice_client.post(reply_url(alice.local_today()), {"text": "Hug", "next": "history"})
    assert response["Location"] == "/history/"


def test_replying_again_changes_my_one_reply(alice_client, alice, bob, couple):
    make_checkin(alice)
    bobs = make_checkin(bob)
    make_reply(alice, bobs, "First")
    alice_client.post(reply_url(alice.local_today()), {"text": "Second thoughts"})
    assert list(CheckInReply.objects.values_list("text", flat=True)) == ["Second thoughts"]


def test_an_htmx_reply_returns_the_day_alone(alice_client, alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob, good_thing=BOB_GOOD)
    response = alice_client.post(
        reply_url(alice.local_today()), {"text": "Proud of you"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = html_of(response)
    assert "<html" not in html
    assert html.lstrip().startswith('<section class="day"')
    assert "Proud of you" in html
    assert BOB_GOOD in html


def test_an_empty_reply_is_refused_next_to_the_box(alice_client, alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    response = alice_client.post(reply_url(alice.local_today()), {"text": "  "})
    assert response.status_code == 200
    assert "Write a short reply first." in field_box(html_of(response), "text")
    assert not CheckInReply.objects.exists()


def test_a_too_long_reply_is_refused_and_kept(alice_client, alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    text = "x" * 600
    response = alice_client.post(reply_url(alice.local_today()), {"text": text})
    html = html_of(response)
    assert "at most 500 characters" in field_box(html, "text")
    assert textarea_value(html, "text") == text
    assert not CheckInReply.objects.exists()


def test_bob_cannot_reply_before_he_has_checked_in(bob_client, alice, couple):
    make_checkin(alice)
    response = bob_client.post(reply_url(alice.local_today()), {"text": "Hi"})
    assert response.status_code == 404
    assert not CheckInReply.objects.exists()


def test_an_outsider_gets_404_for_a_reply_to_alices_day(alice, couple, dave):
    make_checkin(alice, good_thing=ALICE_GOOD)
    make_checkin(dave, alice.local_today())
    client = Client()
    client.force_login(dave)
    response = client.post(reply_url(alice.local_today()), {"text": "Nosy"})
    assert response.status_code == 404
    assert ALICE_GOOD not in html_of(response)
    assert not CheckInReply.objects.exists()


def test_a_reply_to_something_that_is_not_a_day_is_404(alice_client, couple):
    assert alice_client.post("/checkin/someday/reply/", {"text": "Hi"}).status_code == 404


# --- history -------------------------------------------------------------------


def test_history_shows_both_partners_side_by_side(alice_client, alice, bob, couple):
    yesterday = alice.local_today() - timedelta(days=1)
    make_checkin(alice, yesterday, good_thing="Alice yesterday")
    make_checkin(bob, yesterday, good_thing="Bob yesterday")
    make_checkin(bob, yesterday - timedelta(days=1), good_thing="Bob only")
    response = alice_client.get("/history/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Alice yesterday" in html
    assert "Bob yesterday" in html
    assert "Bob only" not in html
    assert "Bob checked in. Their answers show once you check in for this day too." in html


def test_history_pages_through_two_weeks_at_a_time(alice_client, alice):
    today = alice.local_today()
    make_checkin(alice, today, good_thing="Fresh day")
    make_checkin(alice, today - timedelta(days=20), good_thing="Older day")

    first = html_of(alice_client.get("/history/"))
    assert "Fresh day" in first
    assert "Older day" not in first
    assert 'href="?page=1"' in first
    assert "Later" not in first

    second = html_of(alice_client.get("/history/?page=1"))
    assert "Older day" in second
    assert "Fresh day" not in second
    assert 'href="?page=0"' in second
    assert 'href="?page=2"' not in second


def test_history_with_a_nonsense_page_shows_the_latest_days(alice_client, alice):
    make_checkin(alice, good_thing="Fresh day")
    assert "Fresh day" in html_of(alice_client.get("/history/?page=abc"))


def test_empty_history_invites_a_first_checkin(alice_client):
    html = html_of(alice_client.get("/history/"))
    assert "No check-ins in these two weeks." in html
    assert 'href="/checkin/"' in html


# --- access ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/checkin/"),
        ("post", "/checkin/"),
        ("get", "/checkin/today/"),
        ("get", "/history/"),
        ("post", "/checkin/2026-01-01/reply/"),
    ],
)
def test_anonymous_people_are_sent_to_log_in(client, db, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("put", "/checkin/"),
        ("delete", "/checkin/"),
        ("post", "/checkin/today/"),
        ("get", "/checkin/2026-01-01/reply/"),
        ("post", "/history/"),
    ],
)
def test_it_rejects_the_wrong_method(alice_client, method, url):
    assert getattr(alice_client, method)(url).status_code == 405
