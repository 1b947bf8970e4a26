"""Rules for forming and leaving couples."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.couples.models import Couple, Invitation, Membership

if TYPE_CHECKING:
    from turntoward.accounts.models import User


class CoupleError(Exception):
    """A rule stopped the action; `code` names which (for API status codes)."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def create_invitation(inviter: User) -> Invitation:
    """Create a single-use invitation that expires after INVITATION_VALID_DAYS."""
    if privacy.couple_of(inviter) is not None:
        raise CoupleError(
            "already_in_couple",
            _("You are already in a couple. Leave it first if you want to invite someone new."),
        )
    now = timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Invitation.objects.create(
                    inviter=inviter,
                    created_at=now,
                    expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
                )
        except IntegrityError:  # pragma: no cover - a code collision, try another
            continue
    raise CoupleError("busy", _("Could not create an invitation just now. Please try again."))


def revoke_invitation(inviter: User, code: str) -> Invitation:
    """Revoke one of my open invitations; 404 through the gate if it is not mine."""
    invitation = privacy.get_invitation_for_user(inviter, code)
    if invitation.state != Invitation.State.OPEN:
        raise CoupleError("not_open", _("This invitation can no longer be used anyway."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def check_invitation(invitation: Invitation | None, joiner: User) -> Invitation:
    """Raise a CoupleError explaining why this person cannot accept the invitation."""
    if invitation is None:
        raise CoupleError(
            "not_found", _("We could not find that invitation code. Please check it and try again.")
        )
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        raise CoupleError("used", _("This invitation has already been used."))
    if state == Invitation.State.REVOKED:
        raise CoupleError("revoked", _("This invitation was withdrawn. Ask for a new one."))
    if state == Invitation.State.EXPIRED:
        raise CoupleError("expired", _("This invitation has expired. Ask for a new one."))
    if invitation.inviter_id == joiner.pk:
        raise CoupleError(
            "own_invitation", _("This is your own invitation: share it with your partner.")
        )
    if privacy.couple_of(joiner) is not None:
        raise CoupleError(
            "already_in_couple",
            _("You are already in a couple. Leave it first to join someone else."),
        )
    if privacy.couple_of(invitation.inviter) is not None:
        raise CoupleError(
            "inviter_taken", _("The person who invited you is now in a couple with someone else.")
        )
    return invitation


def accept_invitation(joiner: User, code: str) -> Couple:
    """Form a couple of the inviter and the joiner; the code becomes spent."""
    with transaction.atomic():
        invitation = privacy.find_invitation_by_code(code)
        if invitation is not None:
            # Lock the row so two people cannot accept the same code at once.
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        check_invitation(invitation, joiner)
        inviter = invitation.inviter
        now = timezone.now()
        couple = Couple.objects.create(
            created_at=now,
            started_on=min(inviter.local_today(), joiner.local_today()),
        )
        try:
            with transaction.atomic():
                Membership.objects.create(user=inviter, couple=couple, joined_at=now)
                Membership.objects.create(user=joiner, couple=couple, joined_at=now)
        except IntegrityError as exc:
            raise CoupleError(
                "already_in_couple", _("One of you joined another couple a moment ago.")
            ) from exc
        invitation.accepted_at = now
        invitation.accepted_by = joiner
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        # Any other open invitation of either person can no longer be honoured.
        Invitation.objects.open().filter(inviter__in=[inviter, joiner]).update(revoked_at=now)
        return couple


def leave_couple(person: User) -> Couple:
    """End my couple; either partner may do so alone. Each keeps what they wrote."""
    with transaction.atomic():
        couple = privacy.get_couple_for_user(person)
        couple = Couple.objects.select_for_update().get(pk=couple.pk)
        couple.ended_at = timezone.now()
        couple.save(update_fields=["ended_at"])
        Membership.objects.filter(couple=couple).delete()
        return couple
