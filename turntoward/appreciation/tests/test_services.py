"""The rules of appreciation and kindness."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from turntoward.appreciation import services
from turntoward.appreciation.models import Appreciation, KindnessAct
from turntoward.couples.services import leave_couple


def test_an_appreciation_goes_to_my_partner_in_our_couple(alice, bob, couple):
    item = services.send_appreciation(alice, text="Thank you for the soup", kind="did")

    assert (item.author, item.recipient, item.couple) == (alice, bob, couple)
    assert Appreciation.objects.get().text == "Thank you for the soup"


def test_an_appreciation_needs_a_partner(alice):
    with pytest.raises(services.NeedsPartner):
        services.send_appreciation(alice, text="Hi", kind="did")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 1001}, "text"),
        ({"text": None}, "text"),
        ({"text": ["x"]}, "text"),
        ({"kind": "mood"}, "kind"),
    ],
)
def test_bad_appreciation_input_names_the_field(alice, bob, couple, values, field):
    with pytest.raises(ValidationError) as exc:
        services.send_appreciation(alice, **{"text": "Hi", "kind": "quality", **values})

    assert field in exc.value.message_dict
    assert Appreciation.objects.count() == 0


def test_appreciated_today_counts_only_my_local_today(alice, bob, couple):
    assert not services.appreciated_today(alice)
    item = services.send_appreciation(alice, text="Hi", kind="did")
    assert services.appreciated_today(alice)
    assert not services.appreciated_today(bob)

    Appreciation.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(days=1))
    assert not services.appreciated_today(alice)


def test_the_prompt_stays_the_same_all_day_and_changes_the_next(alice):
    today = alice.local_today()

    assert services.prompt_for(alice, today) == services.prompt_for(alice, today)
    assert services.prompt_for(alice, today) != services.prompt_for(
        alice, today + timedelta(days=1)
    )


def test_ideas_filter_by_category_and_reject_unknown_ones(db):
    assert {i.category for i in services.ideas("touch")} == {"touch"}
    assert services.ideas().count() >= 60
    with pytest.raises(ValidationError):
        services.ideas("chores")


def test_i_mark_a_kindness_done_with_a_note(alice, bob, couple):
    act = services.record_kindness(alice, idea="long-hug", note="He smiled")

    assert (act.author, act.couple, act.idea.slug, act.note) == (
        alice,
        couple,
        "long-hug",
        "He smiled",
    )
    assert act.landed_at is None


def test_a_kindness_can_be_marked_alone_too(alice):
    act = services.record_kindness(alice, idea="long-hug")

    assert act.couple is None


@pytest.mark.parametrize(
    ("values", "field"),
    [({"idea": "no-such-idea"}, "idea"), ({"idea": 3}, "idea"), ({"note": "x" * 501}, "note")],
)
def test_bad_kindness_input_names_the_field(alice, values, field):
    with pytest.raises(ValidationError) as exc:
        services.record_kindness(alice, **{"idea": "long-hug", **values})

    assert field in exc.value.message_dict
    assert KindnessAct.objects.count() == 0


def test_my_partner_says_it_landed_once(alice, bob, couple):
    act = services.record_kindness(alice, idea="long-hug")

    first = services.mark_landed(bob, act.pk)
    second = services.mark_landed(bob, act.pk)

    assert first.landed_by == bob
    assert first.landed_at == second.landed_at


def test_i_cannot_say_my_own_kindness_landed(alice, bob, couple):
    act = services.record_kindness(alice, idea="long-hug")

    with pytest.raises(services.KindnessConflict):
        services.mark_landed(alice, act.pk)


def test_outsiders_cannot_touch_a_kindness(alice, bob, couple, dave):
    act = services.record_kindness(alice, idea="long-hug")

    with pytest.raises(Http404):
        services.mark_landed(dave, act.pk)


def test_after_leaving_an_old_kindness_can_no_longer_land(alice, bob, couple):
    act = services.record_kindness(bob, idea="long-hug")
    leave_couple(alice)

    with pytest.raises(Http404):
        services.mark_landed(alice, act.pk)
