"""The check-in rules, tested without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from turntoward import privacy
from turntoward.checkins import services
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.services import leave_couple
from turntoward.testing import make_checkin, make_couple, make_reply, make_user

GOOD = {"mood": 4, "connection": 3, "good_thing": "Tea at dawn", "hard_thing": "Late train"}


def test_it_hides_partner_checkin_until_i_answer(alice, bob, couple):
    make_checkin(alice, good_thing="ALICE-SECRET")
    assert not privacy.checkins_visible_to(bob).filter(author=alice).exists()
    assert alice.local_today() in privacy.partner_checkin_days(bob)
    row = services.day_for(bob, bob.local_today())
    assert row.partner is None
    assert row.partner_checked_in is True
    assert row.waiting_for_me


def test_it_reveals_both_once_both_answered(alice, bob, couple):
    make_checkin(alice, good_thing="ALICE-SECRET")
    services.submit_checkin(bob, **GOOD)
    bob_row = services.day_for(bob, bob.local_today())
    alice_row = services.day_for(alice, alice.local_today())
    assert bob_row.partner.good_thing == "ALICE-SECRET"
    assert alice_row.partner.good_thing == "Tea at dawn"


def test_it_reveals_day_by_day_not_all_at_once(alice, bob, couple):
    today = alice.local_today()
    make_checkin(alice, today - timedelta(days=1), good_thing="YESTERDAY")
    make_checkin(alice, today, good_thing="TODAY")
    make_checkin(bob, today)
    seen = {c.good_thing for c in privacy.checkins_visible_to(bob).filter(author=alice)}
    assert seen == {"TODAY"}


def test_it_keeps_days_before_the_couple_began_private(alice, bob):
    today = alice.local_today()
    make_checkin(alice, today - timedelta(days=3), good_thing="BEFORE")
    make_checkin(bob, today - timedelta(days=3))
    make_couple(alice, bob, started_on=today - timedelta(days=1))
    assert not privacy.checkins_visible_to(bob).filter(author=alice).exists()
    assert privacy.partner_checkin_days(bob) == set()


def test_it_shows_an_outsider_nothing(alice, bob, couple, dave):
    make_checkin(alice)
    make_checkin(dave)
    assert list(privacy.checkins_visible_to(dave).filter(author=alice)) == []
    assert privacy.partner_checkin_days(dave) == set()
    with pytest.raises(Http404):
        privacy.get_partner_checkin_for_user(dave, alice.local_today())


def test_it_hides_everything_after_leaving(alice, bob, couple):
    a = make_checkin(alice)
    b = make_checkin(bob)
    make_reply(bob, a, "BOB-REPLY")
    make_reply(alice, b, "ALICE-REPLY")
    leave_couple(bob)
    assert list(privacy.checkins_visible_to(alice)) == [a]
    assert list(privacy.checkins_visible_to(bob)) == [b]
    assert [r.text for r in privacy.replies_visible_to(alice)] == ["ALICE-REPLY"]
    assert [r.text for r in privacy.replies_visible_to(bob)] == ["BOB-REPLY"]
    assert privacy.partner_checkin_days(alice) == set()


def test_a_solo_person_sees_their_own_history(alice):
    today = alice.local_today()
    for offset in range(3):
        make_checkin(alice, today - timedelta(days=offset))
    rows = services.days_for(alice)
    assert [r.day for r in rows] == [today - timedelta(days=n) for n in range(3)]
    assert all(r.mine and r.partner is None and not r.partner_checked_in for r in rows)


def test_submitting_creates_then_edits_todays_checkin(alice):
    checkin, created = services.submit_checkin(alice, **GOOD)
    assert created and checkin.day == alice.local_today()
    again, created = services.submit_checkin(alice, **{**GOOD, "mood": 1, "need": "A hug"})
    assert not created and again.pk == checkin.pk
    again.refresh_from_db()
    assert again.mood == 1 and again.need == "A hug"
    assert CheckIn.objects.count() == 1


def test_a_past_day_can_be_added_but_not_changed(alice):
    yesterday = alice.local_today() - timedelta(days=1)
    services.submit_checkin(alice, day=yesterday, **GOOD)
    with pytest.raises(services.CheckInLocked):
        services.submit_checkin(alice, day=yesterday, **{**GOOD, "mood": 1})
    assert CheckIn.objects.get().mood == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mood": 0}, "mood"),
        ({"mood": 6}, "mood"),
        ({"connection": -1}, "connection"),
        ({"connection": "lots"}, "connection"),
        ({"good_thing": ""}, "good_thing"),
        ({"good_thing": "   \n "}, "good_thing"),
        ({"hard_thing": "x" * 10_000}, "hard_thing"),
        ({"need": "y" * 1001}, "need"),
        ({"good_thing": "tea\x00time"}, "good_thing"),
    ],
)
def test_it_refuses_bad_values_and_saves_nothing(alice, changes, field):
    with pytest.raises(ValidationError) as caught:
        services.submit_checkin(alice, **{**GOOD, **changes})
    assert field in caught.value.message_dict
    assert CheckIn.objects.count() == 0


def test_it_refuses_a_day_in_the_future_where_i_am(db):
    # It is already tomorrow in Kiribati for most of the world's today.
    far_east = make_user("Kiri", time_zone="Pacific/Kiritimati")
    far_west = make_user("Wes", time_zone="Pacific/Pago_Pago")
    services.submit_checkin(far_east, day=far_east.local_today(), **GOOD)
    with pytest.raises(ValidationError) as caught:
        services.submit_checkin(far_west, day=far_east.local_today(), **GOOD)
    assert "day" in caught.value.message_dict


def test_it_refuses_days_beyond_the_backfill_window(alice, settings):
    settings.CHECKIN_BACKFILL_DAYS = 7
    with pytest.raises(ValidationError):
        services.submit_checkin(alice, day=alice.local_today() - timedelta(days=8), **GOOD)


def test_the_day_is_the_writers_local_date(db):
    tokyo = make_user("Aiko", time_zone="Asia/Tokyo")
    checkin, _ = services.submit_checkin(tokyo, **GOOD)
    assert checkin.day == tokyo.local_today()


def test_replying_needs_the_reveal_first(alice, bob, couple):
    make_checkin(alice)
    with pytest.raises(Http404):
        services.reply_to_checkin(bob, alice.local_today(), "Thank you")
    make_checkin(bob)
    reply, created = services.reply_to_checkin(bob, alice.local_today(), "Thank you")
    assert created and reply.checkin.author == alice
    row = services.day_for(alice, alice.local_today())
    assert [r.text for r in row.replies_to_mine] == ["Thank you"]


def test_a_second_reply_replaces_the_first(alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    services.reply_to_checkin(bob, alice.local_today(), "First")
    _reply, created = services.reply_to_checkin(bob, alice.local_today(), "Second")
    assert not created
    assert [r.text for r in CheckInReply.objects.all()] == ["Second"]


def test_a_reply_must_be_short_and_not_empty(alice, bob, couple):
    make_checkin(alice)
    make_checkin(bob)
    for text in ("", "   ", "z" * 501):
        with pytest.raises(ValidationError):
            services.reply_to_checkin(bob, alice.local_today(), text)
    assert CheckInReply.objects.count() == 0


def test_i_cannot_reply_to_my_own_checkin(alice, bob, couple):
    make_checkin(alice)
    with pytest.raises(Http404):
        services.reply_to_checkin(alice, alice.local_today(), "Note to self")
