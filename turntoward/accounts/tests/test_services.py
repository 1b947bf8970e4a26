"""Profile changes, export and account deletion, tested without HTTP."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from turntoward import privacy
from turntoward.accounts.models import User
from turntoward.accounts.services import delete_account, export_account, update_profile
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Invitation
from turntoward.testing import make_checkin, make_invitation, make_reply


def test_export_holds_everything_i_wrote_and_nothing_of_my_partners(alice, bob, couple):
    mine = make_checkin(alice, good_thing="ALICE-GOOD", need="ALICE-NEED")
    theirs = make_checkin(bob, good_thing="BOB-GOOD")
    make_reply(alice, theirs, "ALICE-REPLY")
    make_reply(bob, mine, "BOB-REPLY")
    data = export_account(alice)
    text = json.dumps(data)
    assert data["profile"]["email"] == alice.email
    assert [c["good_thing"] for c in data["checkins"]] == ["ALICE-GOOD"]
    assert data["checkins"][0]["need"] == "ALICE-NEED"
    assert [r["text"] for r in data["checkin_replies"]] == ["ALICE-REPLY"]
    assert "BOB-GOOD" not in text and "BOB-REPLY" not in text


def test_export_lists_my_invitations(alice):
    invitation = make_invitation(alice)
    assert [i["code"] for i in export_account(alice)["invitations"]] == [invitation.code]


def test_deleting_an_account_removes_all_it_wrote_and_ends_the_couple(alice, bob, couple):
    mine = make_checkin(alice)
    theirs = make_checkin(bob, good_thing="BOB-KEEPS")
    make_reply(alice, theirs)
    make_reply(bob, mine, "BOB-REPLY-KEPT")
    make_invitation(alice)
    delete_account(alice)
    assert not User.objects.filter(email="alice@example.test").exists()
    assert list(CheckIn.objects.values_list("good_thing", flat=True)) == ["BOB-KEEPS"]
    # Bob's reply to Alice's (now deleted) check-in is still Bob's writing: he keeps it.
    kept = CheckInReply.objects.get()
    assert (kept.author, kept.checkin, kept.text) == (bob, None, "BOB-REPLY-KEPT")
    assert [r["text"] for r in export_account(bob)["checkin_replies"]] == ["BOB-REPLY-KEPT"]
    assert Invitation.objects.count() == 0
    assert privacy.couple_of(bob) is None
    assert Couple.objects.get().ended_at is not None


def test_profile_changes_are_checked(alice):
    update_profile(alice, name="  Ally ", time_zone="Asia/Kolkata", country="in")
    alice.refresh_from_db()
    assert (alice.name, alice.time_zone, str(alice.country)) == ("Ally", "Asia/Kolkata", "IN")
    with pytest.raises(ValidationError) as caught:
        update_profile(alice, time_zone="Mars/Olympus", country="XX", name="n" * 81)
    assert set(caught.value.message_dict) == {"time_zone", "country", "name"}
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Kolkata"


def test_a_name_with_control_characters_is_refused(alice):
    for name in ("Al\x00ice", "Al\nice", "\x07"):
        with pytest.raises(ValidationError) as caught:
            update_profile(alice, name=name)
        assert "name" in caught.value.message_dict
