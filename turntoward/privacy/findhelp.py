"""What the signals and the Find help page may read.

Listings are public (the API asks for a login). A person's signals are computed only from what
that person may see: participation counts of their couple (both | both), their own
check-ins and their partner's on revealed days (the check-in reveal rule), and their own
assessment scores. Signal states belong to their person alone; a partner never reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, F, OuterRef, QuerySet

from turntoward.assessments.models import AssessmentResponse
from turntoward.checkins.models import CheckIn
from turntoward.findhelp.models import Counsellor, SignalState

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def listed_counsellors() -> QuerySet[Counsellor]:
    """Active listings in active practices: what anyone may browse."""
    return Counsellor.objects.listed().select_related("practice")


def signal_states_of(viewer: User) -> QuerySet[SignalState]:
    """The viewer's own signal history; nobody else's."""
    if not viewer.is_authenticated:
        return SignalState.objects.none()
    return SignalState.objects.filter(user=viewer)


# --- the bulk path: the same rules, grouped over many people at once ---------------
# These start from a set of people (a queryset of users) instead of one viewer. Each
# row they give is tied to the person it is computed *for*, and carries only what that
# person may see, so grouping never mixes one person's private data into another's.


def own_assessments_of(people: QuerySet) -> QuerySet[AssessmentResponse]:
    """Each person's own responses, never a partner's (shared or not): for one person this
    is exactly ``privacy.assessments.responses_visible_to`` (a test holds them equal)."""
    return AssessmentResponse.objects.filter(user__in=people)


def own_checkins_of(people: QuerySet) -> QuerySet[CheckIn]:
    """Check-ins written by these people, for their own rows."""
    return CheckIn.objects.filter(author__in=people)


def couple_members_of(people: QuerySet) -> QuerySet:
    """Everyone in a current couple with one of these people (themselves included)."""
    return people.model.objects.filter(
        membership__couple__ended_at__isnull=True,
        membership__couple__memberships__user__in=people,
    )


def checkins_revealed_to_partners(people: QuerySet) -> QuerySet[CheckIn]:
    """Check-ins by these people that their current partner may read: on a shared day
    (since the couple began) on which the partner checked in too -- the reveal rule of
    ``checkins_visible_to``. Rows are counted only for the partner's own signals."""
    partner_same_day = CheckIn.objects.filter(
        day=OuterRef("day"),
        author__membership__couple_id=OuterRef("author__membership__couple_id"),
    ).exclude(author_id=OuterRef("author_id"))
    return CheckIn.objects.filter(
        author__in=people,
        author__membership__couple__ended_at__isnull=True,
        day__gte=F("author__membership__couple__started_on"),
    ).filter(Exists(partner_same_day))


def participation_of(people: QuerySet) -> list[tuple[QuerySet, str, str]]:
    """How often each of these people took part: (rows, person field, time field) per kind.

    Only counts are ever taken from these (participation counts are shared by nature).
    """
    from turntoward.appreciation.models import Appreciation
    from turntoward.bids.models import Bid
    from turntoward.curiosity.models import Answer
    from turntoward.weekly.models import WeeklyCheckIn

    return [
        (CheckIn.objects.filter(author__in=people), "author_id", "day"),
        (Bid.objects.filter(author__in=people), "author_id", "created_at"),
        (Bid.objects.filter(responded_by__in=people), "responded_by_id", "responded_at"),
        (Appreciation.objects.filter(author__in=people), "author_id", "created_at"),
        (Answer.objects.filter(author__in=people), "author_id", "created_at"),
        (WeeklyCheckIn.objects.filter(author__in=people), "author_id", "created_at"),
    ]
