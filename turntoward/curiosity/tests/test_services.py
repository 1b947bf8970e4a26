"""Rules of curiosity questions: the question of the day, answers, the reveal, favourites."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from turntoward.core.personal_data import kinds
from turntoward.couples.services import leave_couple
from turntoward.curiosity import home, services
from turntoward.curiosity.models import ANSWER_MAX, Answer, Favourite, Question, ServedQuestion
from turntoward.privacy import curiosity as gate
from turntoward.testing import make_couple, make_user

ALICE_WORDS = "A cabin by a lake with a wood stove"
BOB_WORDS = "A long train journey across the mountains"


def q(slug: str = "us-best-day") -> Question:
    return Question.objects.get(slug=slug)


# --- the question of the day ---------------------------------------------------


def test_both_partners_get_the_same_question_of_the_day(couple, alice, bob):
    assert services.question_of_the_day(alice) == services.question_of_the_day(bob)
    assert ServedQuestion.objects.filter(couple=couple).count() == 1


def test_the_question_of_the_day_stays_the_same_all_day(alice):
    first = services.question_of_the_day(alice)
    assert all(services.question_of_the_day(alice) == first for _ in range(3))


def test_a_question_is_never_repeated_until_the_deck_is_used_up(couple, alice, small_deck):
    today = alice.local_today()
    served = [services.question_of_the_day(alice, today + timedelta(days=i)) for i in range(3)]

    assert sorted(s.slug for s in served) == sorted(s.slug for s in small_deck)
    rounds = set(ServedQuestion.objects.filter(couple=couple).values_list("round", flat=True))
    assert rounds == {1}


def test_a_new_round_starts_once_every_question_was_served(couple, alice, small_deck):
    today = alice.local_today()
    for i in range(3):
        services.question_of_the_day(alice, today + timedelta(days=i))

    fourth = services.question_of_the_day(alice, today + timedelta(days=3))
    second_round = [
        services.question_of_the_day(alice, today + timedelta(days=i)) for i in range(4, 6)
    ]

    assert fourth in small_deck
    assert ServedQuestion.objects.get(couple=couple, day=today + timedelta(days=3)).round == 2
    assert len({fourth.pk, *(s.pk for s in second_round)}) == 3


def test_the_pick_is_random_looking_but_deterministic():
    deck = list(Question.objects.filter(active=True))
    picks = {services.pick_question(f"couple:x:1:2025-01-{d:02}", deck).slug for d in range(1, 29)}

    assert services.pick_question("seed", deck) == services.pick_question("seed", deck[::-1])
    assert len(picks) > 10  # not simply the first question in slug order every day


def test_a_person_alone_gets_their_own_question_of_the_day(erin):
    question = services.question_of_the_day(erin)

    assert ServedQuestion.objects.get(user=erin, couple=None).question == question


def test_a_couple_starts_its_own_deck_when_a_person_joins(erin):
    services.question_of_the_day(erin)
    frank = make_user("Frank")
    couple = make_couple(erin, frank)

    services.question_of_the_day(erin)

    assert ServedQuestion.objects.filter(couple=couple).count() == 1
    assert ServedQuestion.objects.filter(user=erin).count() == 1


def test_an_empty_deck_says_so_instead_of_crashing(alice):
    Question.objects.update(active=False)

    with pytest.raises(Question.DoesNotExist):
        services.question_of_the_day(alice)


# --- answers and the mutual reveal ----------------------------------------------


def test_answering_creates_then_updates_one_answer(couple, alice):
    first, created = services.answer_question(alice, q(), "First thought")
    second, created_again = services.answer_question(alice, q(), "  Second thought  ")

    assert (created, created_again) == (True, False)
    assert first.pk == second.pk
    assert Answer.objects.get(pk=first.pk).text == "Second thought"
    assert Answer.objects.get(pk=first.pk).couple == couple


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write a few words here."),
        ("   ", "Please write a few words here."),
        (None, "Please write a few words here."),
        ("x" * (ANSWER_MAX + 1), "Please keep this under 2000 characters (you wrote 2001)."),
        ("bad\x00byte", "Please remove the invisible control characters from this text."),
    ],
)
def test_a_bad_answer_names_the_text_field_and_saves_nothing(alice, text, message):
    with pytest.raises(ValidationError) as exc:
        services.answer_question(alice, q(), text)

    assert exc.value.message_dict == {"text": [message]}
    assert not Answer.objects.exists()


def test_the_answer_text_is_encrypted_at_rest(alice):
    from django.db import connection

    answer, _ = services.answer_question(alice, q(), ALICE_WORDS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM curiosity_answer WHERE id = %s", [answer.pk.hex])
        stored = cursor.fetchone()[0]

    assert ALICE_WORDS not in stored


def test_my_partner_sees_only_that_i_answered_until_they_answer(couple, alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)

    view = services.question_view(bob, q())

    assert view.partner_answered is True
    assert view.partner_answer is None
    assert view.waiting_for_me is True
    assert not gate.answers_visible_to(bob).filter(author=alice).exists()


def test_both_see_both_answers_once_both_answered(couple, alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)
    services.answer_question(bob, q(), BOB_WORDS)

    for viewer, mine, theirs in ((alice, ALICE_WORDS, BOB_WORDS), (bob, BOB_WORDS, ALICE_WORDS)):
        view = services.question_view(viewer, q())
        assert view.revealed
        assert view.mine.text == mine
        assert view.partner_answer.text == theirs


def test_answering_another_question_reveals_nothing_of_this_one(couple, alice, bob):
    services.answer_question(alice, q("us-best-day"), ALICE_WORDS)
    services.answer_question(bob, q("play-dance"), BOB_WORDS)

    assert services.question_view(bob, q("us-best-day")).partner_answer is None
    assert services.question_view(alice, q("play-dance")).partner_answer is None


def test_an_edit_after_the_reveal_shows_the_partner_my_latest_words(couple, alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)
    services.answer_question(bob, q(), BOB_WORDS)

    services.answer_question(alice, q(), "On reflection, a lighthouse")

    assert services.question_view(bob, q()).partner_answer.text == "On reflection, a lighthouse"


def test_after_leaving_the_couple_each_keeps_only_their_own_answers(couple, alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)
    services.answer_question(bob, q(), BOB_WORDS)

    leave_couple(alice)

    assert list(gate.answers_visible_to(alice).values_list("text", flat=True)) == [ALICE_WORDS]
    assert list(gate.answers_visible_to(bob).values_list("text", flat=True)) == [BOB_WORDS]
    assert services.question_view(bob, q()).partner_answered is False


def test_an_answer_written_alone_stays_private_until_saved_again_in_the_couple(alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)
    make_couple(alice, bob)
    services.answer_question(bob, q(), BOB_WORDS)

    assert services.question_view(bob, q()).partner_answer is None
    assert services.question_view(bob, q()).partner_answered is False
    # Alice's own answer predates the couple: she does not see Bob's either (no one-way reveal).
    assert services.question_view(alice, q()).partner_answer is None
    assert services.question_view(alice, q()).mine_is_shared is False

    services.answer_question(alice, q(), ALICE_WORDS)

    assert services.question_view(bob, q()).partner_answer.text == ALICE_WORDS
    assert services.question_view(alice, q()).partner_answer.text == BOB_WORDS


def test_an_outsider_never_sees_an_answer(couple, alice, bob, dave, carol):
    services.answer_question(alice, q(), ALICE_WORDS)
    services.answer_question(dave, q(), "Dave's own")
    services.answer_question(carol, q(), "Carol's own")

    for viewer in (dave, carol):
        assert not gate.answers_visible_to(viewer).filter(author=alice).exists()
        assert services.question_view(viewer, q()).partner_answered is False


# --- favourites ---------------------------------------------------------------


def test_favourites_are_private_to_each_person(couple, alice, bob):
    services.set_favourite(alice, q(), True)
    services.set_favourite(alice, q(), True)  # twice is still one

    assert Favourite.objects.filter(user=alice).count() == 1
    assert [r.question.slug for r in services.question_rows(alice, favourites=True)] == [
        "us-best-day"
    ]
    assert services.question_rows(bob, favourites=True) == []

    services.set_favourite(alice, q(), False)
    assert services.question_rows(alice, favourites=True) == []


def test_rows_can_be_filtered_by_theme_and_show_who_answered(couple, alice, bob):
    services.answer_question(bob, q("play-dance"), BOB_WORDS)

    rows = services.question_rows(alice, theme="play")

    assert rows and {r.question.theme for r in rows} == {"play"}
    dance = next(r for r in rows if r.question.slug == "play-dance")
    assert (dance.answered, dance.partner_answered) == (False, True)


def test_an_unknown_theme_is_refused_by_name():
    with pytest.raises(ValidationError) as exc:
        services.clean_theme("gossip")
    assert "theme" in exc.value.message_dict
    assert services.clean_theme("") is None
    assert services.clean_theme("us") == "us"


# --- home cards ----------------------------------------------------------------


def test_the_home_card_invites_me_to_todays_question(couple, alice):
    cards = home.home_cards(alice)

    assert len(cards) == 1
    assert cards[0].body == services.question_of_the_day(alice).text
    assert cards[0].url == "/questions/"


def test_the_home_card_says_my_partner_answered_without_their_words(couple, alice, bob):
    services.answer_question(alice, services.question_of_the_day(alice), ALICE_WORDS)

    cards = home.home_cards(bob)

    assert len(cards) == 1
    assert str(cards[0].title) == "Alice answered today's question"
    assert ALICE_WORDS not in f"{cards[0].title} {cards[0].body} {cards[0].action}"
    assert home.home_cards(alice) == []


# --- personal data -----------------------------------------------------------------


def test_export_holds_my_answers_and_favourites_and_delete_removes_only_mine(couple, alice, bob):
    services.answer_question(alice, q(), ALICE_WORDS)
    services.answer_question(bob, q(), BOB_WORDS)
    services.set_favourite(alice, q(), True)
    mine = {k.key: k for k in kinds() if k.key.startswith("curiosity_")}

    exported = {key: kind(alice).export() for key, kind in mine.items()}

    assert [a["text"] for a in exported["curiosity_answers"]] == [ALICE_WORDS]
    assert BOB_WORDS not in str(exported)
    assert exported["curiosity_favourites"][0]["question"] == "us-best-day"

    for kind in mine.values():
        kind(alice).delete()
    assert list(Answer.objects.values_list("text", flat=True)) == [BOB_WORDS]
    assert not Favourite.objects.exists()
