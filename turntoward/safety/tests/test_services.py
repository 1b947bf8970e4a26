"""The screen's rules, the pause, and export/delete, without HTTP."""

from __future__ import annotations

import pytest

from turntoward.accounts.services import export_account
from turntoward.core.personal_data import kinds
from turntoward.safety import services
from turntoward.safety.models import SafetyPreference, SafetyScreen
from turntoward.safety.screening import screen_text

from .conftest import ORDINARY, RISKY

NO = {q["slug"]: "no" for q in services.questions()}


@pytest.mark.parametrize("category", sorted(RISKY))
def test_screen_text_finds_each_category_with_help_for_the_country(alice, category):
    panel = screen_text(alice, "an ordinary line", RISKY[category])
    assert category in panel.categories
    assert panel.help, "help lines for GB"
    assert all(line["country"] == "GB" for line in panel.help)


def test_ordinary_words_and_idioms_find_nothing(alice):
    assert not screen_text(alice, ORDINARY, "", None)


def test_the_questions_are_our_own_and_few():
    qs = services.questions()
    assert 4 <= len(qs) <= 8
    assert len({q["slug"] for q in qs}) == len(qs)


def test_a_calm_screen_changes_nothing(alice):
    services.take_screen(alice, NO)
    assert not services.couple_paused(alice)
    assert services.screen_result(alice)["positive"] is False
    assert not services.offer_pending(alice)


def test_a_positive_screen_pauses_couple_features_for_that_person_only(alice, bob, couple):
    services.take_screen(alice, {**NO, "afraid": "sometimes"})
    assert services.couple_paused(alice)
    assert not services.couple_paused(bob)
    services.set_couple_paused(alice, False)
    assert not services.couple_paused(alice)


def test_answers_are_encrypted_at_rest(alice):
    from django.db import connection

    services.take_screen(alice, {**NO, "hurt": "yes"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers_json FROM safety_safetyscreen")
        raw = cursor.fetchone()[0]
    assert "hurt" not in raw and "yes" not in raw


def test_clean_answers_refuses_missing_and_unknown(alice):
    answers, errors = services.clean_answers({"afraid": "maybe", "nope": "no"})
    assert "afraid" in errors and "nope" in errors and "hurt" in errors
    assert answers == {}


def test_the_offer_shows_until_answered_or_dismissed(alice, bob):
    assert services.offer_pending(alice)
    services.dismiss_offer(alice)
    assert not services.offer_pending(alice)
    assert services.offer_pending(bob)


def test_export_has_my_answers_and_delete_removes_them(alice, bob, couple):
    services.take_screen(alice, {**NO, "controlled": "yes"})
    mine = export_account(alice)
    assert mine["safety"]["screen"]["answers"]["controlled"] == "yes"
    assert mine["safety"]["couple_paused"] is True
    assert export_account(bob)["safety"]["screen"] is None
    data = next(k for k in kinds() if k.key == "safety")
    data(alice).delete()
    assert not SafetyScreen.objects.filter(user=alice).exists()
    assert not SafetyPreference.objects.filter(user=alice).exists()


def test_deleting_answers_keeps_the_pause_as_set(alice):
    services.take_screen(alice, {**NO, "put_down": "yes"})
    services.delete_screen(alice)
    assert services.screen_result(alice) is None
    assert services.couple_paused(alice)
