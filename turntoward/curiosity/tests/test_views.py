"""Pages of curiosity questions: today's question, a question, browsing, favourites."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from turntoward.curiosity import services
from turntoward.curiosity.models import Answer, Favourite, Question

ALICE_WORDS = "Alice would sail around the islands"
BOB_WORDS = "Bob would build a workshop"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def today_question(user) -> Question:
    return services.question_of_the_day(user)


def test_todays_page_shows_the_question_and_an_answer_form(couple, alice):
    response = client_for(alice).get("/questions/")

    text = response.content.decode()
    assert response.status_code == 200
    assert today_question(alice).text in html.unescape(text)
    assert 'name="text"' in text
    assert "Bob sees your answer once they have answered this question too" in text


def test_answering_today_shows_that_the_partner_has_not_answered_yet(couple, alice):
    question = today_question(alice)

    response = client_for(alice).post(
        f"/questions/{question.slug}/answer/", {"text": ALICE_WORDS, "next": "today"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/questions/"
    page = client_for(alice).get("/questions/").content.decode()
    assert ALICE_WORDS in page
    assert "Bob hasn't answered yet" in page
    assert 'hx-trigger="every 20s"' in page  # polls while waiting


def test_bob_sees_that_alice_answered_but_not_her_words(couple, alice, bob):
    services.answer_question(alice, today_question(alice), ALICE_WORDS)

    page = client_for(bob).get("/questions/").content.decode()

    assert "Alice has answered" in page
    assert ALICE_WORDS not in page


def test_after_both_answer_both_see_both(couple, alice, bob):
    question = today_question(alice)
    services.answer_question(alice, question, ALICE_WORDS)

    response = client_for(bob).post(
        f"/questions/{question.slug}/answer/", {"text": BOB_WORDS}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert ALICE_WORDS in response.content.decode()
    assert BOB_WORDS in response.content.decode()
    alice_page = client_for(alice).get(f"/questions/{question.slug}/").content.decode()
    assert BOB_WORDS in alice_page and "You have both answered" in alice_page


def test_an_empty_answer_shows_the_error_next_to_the_field(alice):
    question = today_question(alice)

    response = client_for(alice).post(f"/questions/{question.slug}/answer/", {"text": "  "})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Please write a few words here." in text
    assert 'aria-invalid="true"' in text or "field-error" in text
    assert not Answer.objects.exists()


def test_a_too_long_answer_is_refused_with_the_typed_text_kept(alice):
    question = today_question(alice)
    long_text = "Long words " * 200

    response = client_for(alice).post(
        f"/questions/{question.slug}/answer/", {"text": long_text}, HTTP_HX_REQUEST="true"
    )

    text = response.content.decode()
    assert response.status_code == 422
    assert "Please keep this under 2000 characters" in text
    assert long_text.strip() in text
    assert not Answer.objects.exists()


def test_i_can_change_my_answer(alice):
    question = today_question(alice)
    services.answer_question(alice, question, ALICE_WORDS)

    edit = client_for(alice).get(f"/questions/{question.slug}/?edit=1").content.decode()
    client_for(alice).post(f"/questions/{question.slug}/answer/", {"text": "A new answer"})

    assert ALICE_WORDS in edit and "Save my new answer" in edit
    assert Answer.objects.get().text == "A new answer"


def test_a_person_alone_is_told_their_answers_are_private(erin):
    page = client_for(erin).get("/questions/").content.decode()

    assert "This practice is for two" in page
    assert "Only you can see your answers" in page


def test_browsing_filters_by_theme_and_any_question_can_be_answered(alice):
    page = client_for(alice).get("/questions/browse/?theme=play").content.decode()

    assert Question.objects.get(slug="play-dance").text in page
    assert Question.objects.get(slug="us-best-day").text not in page
    response = client_for(alice).post("/questions/us-best-day/answer/", {"text": ALICE_WORDS})
    assert response.status_code == 302
    assert Answer.objects.get().question.slug == "us-best-day"


def test_an_unknown_theme_shows_every_question(alice):
    page = client_for(alice).get("/questions/browse/?theme=nope").content.decode()

    assert Question.objects.get(slug="play-dance").text in page
    assert Question.objects.get(slug="us-best-day").text in page


def test_the_browse_list_invites_me_when_my_partner_answered(couple, alice, bob):
    services.answer_question(bob, Question.objects.get(slug="play-dance"), BOB_WORDS)

    page = client_for(alice).get("/questions/browse/?theme=play").content.decode()

    assert "Bob answered: answer to see theirs" in page
    assert BOB_WORDS not in page


def test_favourites_are_kept_and_listed(alice, bob):
    client_for(alice).post("/questions/play-dance/favourite/", {"favourite": "1"})

    mine = client_for(alice).get("/questions/favourites/").content.decode()
    bobs = client_for(bob).get("/questions/favourites/").content.decode()

    assert Question.objects.get(slug="play-dance").text in mine
    assert "No favourites yet" in bobs

    response = client_for(alice).post(
        "/questions/play-dance/favourite/", {"favourite": "0"}, HTTP_HX_REQUEST="true"
    )
    assert 'aria-pressed="false"' in response.content.decode()
    assert not Favourite.objects.exists()


def test_the_panel_alone_is_served_for_polling(couple, alice):
    question = today_question(alice)

    response = client_for(alice).get(f"/questions/{question.slug}/panel/")

    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<section id="question-panel"')


@pytest.mark.parametrize("url", ["/questions/no-such-question/", "/questions/nope/panel/"])
def test_an_unknown_question_is_404(alice, url):
    assert client_for(alice).get(url).status_code == 404


def test_the_home_page_shows_the_waiting_question(couple, alice, bob):
    question = today_question(alice)
    services.answer_question(bob, question, BOB_WORDS)

    page = html.unescape(client_for(alice).get("/").content.decode())

    assert "Bob answered today's question" in page
    assert BOB_WORDS not in page


def test_the_practices_page_lists_curiosity(alice):
    page = client_for(alice).get("/practices/").content.decode()

    assert "Curiosity questions" in page
