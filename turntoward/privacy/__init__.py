"""The privacy gate: every read of a person's data starts here, from the viewer.

Rules follow the "Who sees what" table in PRODUCT.md. A viewer who may not see
an object gets Http404, never 403, so its existence does not leak. Views, API
endpoints, exports and notifications call these functions; none filters by hand.

This package holds the couple and check-in rules; each practice has its own
submodule (``turntoward.privacy.bids``, ...) built on the helpers here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Invitation, Membership

if TYPE_CHECKING:
    from turntoward.accounts.models import User


# --- couples ---------------------------------------------------------------


def couple_of(viewer: User) -> Couple | None:
    """The viewer's current couple, or None when they practise alone."""
    if not viewer.is_authenticated:
        return None
    membership = (
        Membership.objects.select_related("couple")
        .filter(user=viewer, couple__ended_at__isnull=True)
        .first()
    )
    return membership.couple if membership else None


def partner_of(viewer: User) -> User | None:
    """The viewer's current partner, or None."""
    couple = couple_of(viewer)
    if couple is None:
        return None
    other = (
        Membership.objects.select_related("user").filter(couple=couple).exclude(user=viewer).first()
    )
    return other.user if other else None


def get_couple_for_user(viewer: User) -> Couple:
    """The viewer's couple, or 404."""
    couple = couple_of(viewer)
    if couple is None:
        raise Http404("Not in a couple")
    return couple


def invitations_of(viewer: User) -> QuerySet[Invitation]:
    """Invitations the viewer created."""
    return Invitation.objects.filter(inviter=viewer)


def get_invitation_for_user(viewer: User, code: str) -> Invitation:
    """One of the viewer's own invitations, by code, or 404."""
    invitation = invitations_of(viewer).filter(code=normalise_code(code)).first()
    if invitation is None:
        raise Http404("No such invitation")
    return invitation


def find_invitation_by_code(code: str) -> Invitation | None:
    """An invitation for a person who holds its code (the code is the secret)."""
    return Invitation.objects.select_related("inviter").filter(code=normalise_code(code)).first()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in str(code).upper() if ch.isalnum())


# --- shared building blocks for the practices --------------------------------


def shared_with_couple(viewer: User, *, author_field: str = "author") -> Q:
    """A filter for objects that are "both | both" in the privacy table.

    The viewer sees what they authored, and whatever belongs to their *current*
    couple. After a couple ends, each keeps only what they wrote. Use it on models
    with an author and a ``couple`` foreign key.
    """
    if not viewer.is_authenticated:
        return Q(pk__in=[])
    condition = Q(**{author_field: viewer})
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(couple=couple)
    return condition


QUIET_DAYS = 14


def partner_state(viewer: User) -> str:
    """'solo' (no partner), 'quiet' (partner did nothing for QUIET_DAYS days) or 'active'.

    Only a time is looked at, never content: it lets couple practices offer the
    individual path kindly instead of a dead end.
    """
    from datetime import timedelta

    from django.utils import timezone

    from turntoward.core.registry import last_activity

    partner = partner_of(viewer)
    if partner is None:
        return "solo"
    couple = couple_of(viewer)
    last = last_activity(partner, shared_only=True)
    since = max(filter(None, [last, couple.created_at if couple else None]))
    if since < timezone.now() - timedelta(days=QUIET_DAYS):
        return "quiet"
    return "active"


def get_or_404(queryset: QuerySet, **lookup: object):
    """The one object matching the lookup in an already-gated queryset, or 404."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404("Not found")
    return obj


# --- check-ins -------------------------------------------------------------


def _revealed_partner_checkins(viewer: User) -> Q | None:
    """A filter for partner check-ins the viewer may read, or None when there are none."""
    couple = couple_of(viewer)
    if couple is None:
        return None
    partner_ids = Membership.objects.filter(couple=couple).exclude(user=viewer).values("user_id")
    mine_same_day = CheckIn.objects.filter(author=viewer, day=OuterRef("day"))
    return Q(author__in=partner_ids, day__gte=couple.started_on) & Q(Exists(mine_same_day))


def checkins_visible_to(viewer: User) -> QuerySet[CheckIn]:
    """My check-ins, and my partner's for the shared days on which I also checked in."""
    if not viewer.is_authenticated:
        return CheckIn.objects.none()
    condition = Q(author=viewer)
    revealed = _revealed_partner_checkins(viewer)
    if revealed is not None:
        condition |= revealed
    return CheckIn.objects.filter(condition)


def own_checkins(viewer: User) -> QuerySet[CheckIn]:
    """Only the check-ins the viewer wrote."""
    return (
        CheckIn.objects.filter(author=viewer) if viewer.is_authenticated else CheckIn.objects.none()
    )


def get_own_checkin(viewer: User, day: date) -> CheckIn | None:
    """The viewer's own check-in for a day, if any."""
    return own_checkins(viewer).filter(day=day).first()


def get_partner_checkin_for_user(viewer: User, day: date) -> CheckIn:
    """My partner's check-in for a day once revealed to me, or 404."""
    partner = partner_of(viewer)
    if partner is None:
        raise Http404("No partner")
    checkin = checkins_visible_to(viewer).filter(author=partner, day=day).first()
    if checkin is None:
        raise Http404("Not revealed")
    return checkin


def partner_checkin_days(
    viewer: User, since: date | None = None, until: date | None = None
) -> set[date]:
    """Days on which my partner checked in, without their content.

    Knowing *that* a partner checked in is shared by nature (it is what invites
    me to answer); only days since the couple began count.
    """
    couple = couple_of(viewer)
    if couple is None:
        return set()
    partner_ids = Membership.objects.filter(couple=couple).exclude(user=viewer).values("user_id")
    qs = CheckIn.objects.filter(author__in=partner_ids, day__gte=couple.started_on).between(
        since, until
    )
    return set(qs.values_list("day", flat=True))


def replies_visible_to(viewer: User) -> QuerySet[CheckInReply]:
    """Replies I wrote, and my current partner's replies to my check-ins."""
    if not viewer.is_authenticated:
        return CheckInReply.objects.none()
    condition = Q(author=viewer)
    partner = partner_of(viewer)
    if partner is not None:
        condition |= Q(author=partner, checkin__author=viewer)
    return CheckInReply.objects.filter(condition)


# --- everything a person wrote (export and deletion) -----------------------


def authored_checkins(viewer: User) -> QuerySet[CheckIn]:
    return own_checkins(viewer)


def authored_replies(viewer: User) -> QuerySet[CheckInReply]:
    return CheckInReply.objects.filter(author=viewer)
