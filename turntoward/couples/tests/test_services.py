"""Invitations, joining and leaving, tested without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from turntoward import privacy
from turntoward.couples import services
from turntoward.couples.models import Couple, Invitation, Membership
from turntoward.testing import make_invitation, make_user


def test_an_invitation_is_single_use_and_lasts_seven_days(alice):
    invitation = services.create_invitation(alice)
    assert len(invitation.code) == 8
    lifetime = invitation.expires_at - invitation.created_at
    assert lifetime == timedelta(days=7)
    assert invitation.state == Invitation.State.OPEN


def test_accepting_forms_a_couple(alice, bob):
    invitation = services.create_invitation(alice)
    couple = services.accept_invitation(bob, invitation.code.lower())
    assert privacy.partner_of(alice) == bob
    assert privacy.partner_of(bob) == alice
    assert privacy.couple_of(alice) == couple
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED and invitation.accepted_by == bob


def test_a_used_invitation_cannot_be_used_again(alice, bob, carol):
    invitation = services.create_invitation(alice)
    services.accept_invitation(bob, invitation.code)
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(carol, invitation.code)
    assert caught.value.code == "used"
    assert privacy.couple_of(carol) is None


def test_an_expired_invitation_cannot_be_used(alice, bob):
    invitation = make_invitation(alice, expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(bob, invitation.code)
    assert caught.value.code == "expired"
    assert Couple.objects.count() == 0


def test_a_revoked_invitation_cannot_be_used(alice, bob):
    invitation = services.create_invitation(alice)
    services.revoke_invitation(alice, invitation.code)
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(bob, invitation.code)
    assert caught.value.code == "revoked"


def test_only_the_inviter_can_revoke(alice, bob):
    invitation = services.create_invitation(alice)
    with pytest.raises(Http404):
        services.revoke_invitation(bob, invitation.code)
    assert Invitation.objects.get().state == Invitation.State.OPEN


def test_an_unknown_code_is_not_found(bob):
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(bob, "NOPE2345")
    assert caught.value.code == "not_found"


def test_i_cannot_accept_my_own_invitation(alice):
    invitation = services.create_invitation(alice)
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(alice, invitation.code)
    assert caught.value.code == "own_invitation"


def test_joining_while_already_in_a_couple_is_refused(alice, bob, couple, carol):
    invitation = services.create_invitation(carol)
    with pytest.raises(services.CoupleError) as caught:
        services.accept_invitation(bob, invitation.code)
    assert caught.value.code == "already_in_couple"
    assert privacy.partner_of(bob) == alice


def test_inviting_while_in_a_couple_is_refused(alice, bob, couple):
    with pytest.raises(services.CoupleError):
        services.create_invitation(alice)


def test_an_inviter_who_paired_with_someone_else_cannot_be_joined(alice, bob, carol):
    first = services.create_invitation(alice)
    second = make_invitation(alice)
    services.accept_invitation(bob, first.code)
    with pytest.raises(services.CoupleError):
        services.accept_invitation(carol, second.code)
    second.refresh_from_db()
    assert second.state == Invitation.State.REVOKED


def test_either_partner_can_leave_alone(alice, bob, couple):
    services.leave_couple(bob)
    assert privacy.couple_of(alice) is None
    assert privacy.couple_of(bob) is None
    couple.refresh_from_db()
    assert couple.ended_at is not None
    assert Membership.objects.count() == 0


def test_leaving_without_a_couple_is_not_found(alice):
    with pytest.raises(Http404):
        services.leave_couple(alice)


def test_people_can_pair_again_after_leaving(alice, bob, couple):
    services.leave_couple(alice)
    invitation = services.create_invitation(bob)
    new = services.accept_invitation(alice, invitation.code)
    assert new != couple and privacy.partner_of(alice) == bob


def test_the_shared_days_start_at_the_earlier_local_date(db):
    tokyo = make_user("Aiko", time_zone="Asia/Tokyo")
    hawaii = make_user("Kai", time_zone="Pacific/Honolulu")
    invitation = services.create_invitation(tokyo)
    couple = services.accept_invitation(hawaii, invitation.code)
    assert couple.started_on == min(tokyo.local_today(), hawaii.local_today())
