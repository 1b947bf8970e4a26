"""The bids page: log, respond and repair inline, and this week's pattern in plain words."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from turntoward.bids.models import Bid
from turntoward.bids.tests.conftest import make_bid


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_time(user, delta=timedelta(hours=1)) -> str:
    return (timezone.now() - delta).astimezone(user.tz).strftime("%Y-%m-%dT%H:%M")


def test_the_page_shows_the_form_the_week_and_the_research_in_plain_words(alice, bob, couple):
    make_bid(alice, bob, description="Sent him a silly video", response="toward")

    response = client_for(alice).get("/bids/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Note a bid" in text
    assert "Sent him a silly video" in text
    assert "Bob did" in text  # the "who reached out" choice names the partner
    assert "Together: 1 of 1 answered bids were met by turning toward (100%)." in text
    assert "about 86% of the time" in text
    assert "about 33% of the time" in text
    assert "not a score" in text


def test_alice_logs_a_bid_she_made(alice, bob, couple):
    response = client_for(alice).post(
        "/bids/",
        {
            "by": "me",
            "kind": "affection",
            "description": "Hugged him at the door",
            "occurred_at": form_time(alice),
        },
    )

    assert response.status_code == 302
    bid = Bid.objects.get()
    assert (bid.maker, bid.receiver, bid.kind) == (alice, bob, "affection")
    assert "Hugged him at the door" in client_for(bob).get("/bids/").content.decode()


def test_errors_show_next_to_the_field_and_keep_what_was_typed(alice, bob, couple):
    typed = "A long story " * 100

    response = client_for(alice).post(
        "/bids/", {"by": "me", "kind": "", "description": typed, "occurred_at": form_time(alice)}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Choose what kind of bid it was." in text
    assert "Please keep this under 1000 characters" in text
    assert typed.strip() in text
    assert Bid.objects.count() == 0


def test_a_lone_partner_gets_the_kind_note_and_no_dead_end(alice):
    response = client_for(alice).get("/bids/")

    text = response.content.decode()
    assert "This practice is for two" in text
    assert "Practices you can do on your own" in text
    assert "Note a bid" not in text

    posted = client_for(alice).post(
        "/bids/",
        {"by": "me", "kind": "help", "description": "x", "occurred_at": form_time(alice)},
    )
    assert posted.status_code == 200
    assert "need your partner to have joined" in posted.content.decode()


def test_bob_turns_toward_inline_and_the_week_updates(alice, bob, couple):
    bid = make_bid(alice, bob)

    response = client_for(bob).post(
        f"/bids/{bid.id}/respond/",
        {"response": "toward", "note": "Made my day"},
        HTTP_HX_REQUEST="true",
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert f'id="bid-{bid.id}"' in text
    assert "Turned toward" in text
    assert "Made my day" in text
    assert 'id="bid-week" aria-labelledby="week-heading" hx-swap-oob="true"' in text
    assert "1 of 1 answered bids" in text
    assert Bid.objects.get().response == "toward"


def test_a_bad_response_comes_back_422_with_the_note_kept(alice, bob, couple):
    bid = make_bid(alice, bob)

    response = client_for(bob).post(
        f"/bids/{bid.id}/respond/", {"note": "kept-words"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 422
    assert "Choose toward, away or against." in response.content.decode()
    assert "kept-words" in response.content.decode()


def test_without_htmx_responding_redirects_back_to_the_page(alice, bob, couple):
    bid = make_bid(alice, bob)

    response = client_for(alice).post(f"/bids/{bid.id}/respond/", {"response": "away"})

    assert response.status_code == 302
    assert response["Location"] == "/bids/"


def test_bob_repairs_a_missed_bid_inline(alice, bob, couple):
    bid = make_bid(alice, bob, response="against")
    page = client_for(bob).get("/bids/").content.decode()
    assert "Come back to this bid" in page
    assert "Come back to this bid" not in client_for(alice).get("/bids/").content.decode()

    response = client_for(bob).post(
        f"/bids/{bid.id}/repair/", {"note": "I was sharp. I'm sorry."}, HTTP_HX_REQUEST="true"
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Came back to it on" in text
    assert "I was sharp. I&#x27;m sorry." in text
    assert Bid.objects.get().repaired_by == bob


def test_a_repair_without_a_note_keeps_the_form_open_with_the_error(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    response = client_for(bob).post(f"/bids/{bid.id}/repair/", {"note": ""})

    assert response.status_code == 200
    assert "Write a few words to your partner first." in response.content.decode()
    assert not Bid.objects.get().is_repaired


def test_the_maker_trying_to_repair_gets_a_message_not_a_repair(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    response = client_for(alice).post(
        f"/bids/{bid.id}/repair/", {"note": "x"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 422
    assert "Only the partner who received this bid can repair it." in response.content.decode()


def test_home_shows_a_card_when_my_partner_logged_an_open_bid(alice, bob, couple):
    make_bid(alice, bob, description="private-words-otter")

    bob_home = client_for(bob).get("/").content.decode()
    alice_home = client_for(alice).get("/").content.decode()

    assert "A bid is waiting" in bob_home
    assert "private-words-otter" not in bob_home
    assert "A bid is waiting" not in alice_home
