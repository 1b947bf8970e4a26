"""What insights and the progress report may count and draw, starting from the viewer.

Insights read three kinds of things, each as the "Who sees what" table allows:

- values the viewer may read anyway: my check-ins and my partner's *revealed* ones (a
  partner's felt connection of a day shows only once I checked in that day too), the
  couple's bids, appreciations, repairs shared with me;
- participation counts (how often each of us took part): shared by nature, so these
  querysets carry only who and when, never what was written or scored;
- my own measures (connection check, CSI-4, ...), and of my partner's only the summaries
  they chose to share.

Nothing here reads journal, self-care or safety data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from turntoward.appreciation.models import KindnessAct
from turntoward.assessments.models import AssessmentResponse
from turntoward.checkins.models import CheckIn
from turntoward.couples.models import Couple, Membership
from turntoward.curiosity.models import Answer
from turntoward.privacy import checkins_visible_to, couple_of, partner_of
from turntoward.privacy.activities import plans_visible_to
from turntoward.privacy.appreciation import appreciations_visible_to, kindness_acts_visible_to
from turntoward.privacy.bids import bids_visible_to, couple_bids_visible_to
from turntoward.privacy.goals import updates_visible_to
from turntoward.privacy.reflection import repairs_visible_to
from turntoward.weekly.models import WeeklyCheckIn

if TYPE_CHECKING:
    from turntoward.accounts.models import User

__all__ = [
    "appreciations_visible_to",
    "bids_visible_to",
    "couple_bids_visible_to",
    "kindness_acts_visible_to",
    "plans_visible_to",
    "repairs_visible_to",
    "updates_visible_to",
]


def couple_and_partner(viewer: User) -> tuple[Couple | None, User | None]:
    """The viewer's current couple and partner (either may be None)."""
    couple = couple_of(viewer)
    if couple is None:
        return None, None
    return couple, partner_of(viewer)


def connection_values(viewer: User) -> QuerySet[CheckIn]:
    """Felt-connection values I may read: mine, and my partner's revealed days only."""
    return checkins_visible_to(viewer).values("author_id", "day", "connection")


def _partner_ids(couple: Couple | None, viewer: User):
    return Membership.objects.filter(couple=couple).exclude(user=viewer).values("user_id")


def checkin_participation(viewer: User) -> QuerySet:
    """Who checked in on which day (no content): me always, my partner since we began."""
    if not viewer.is_authenticated:
        return CheckIn.objects.none().values("author_id", "day")
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(author__in=_partner_ids(couple, viewer), day__gte=couple.started_on)
    return CheckIn.objects.filter(condition).values("author_id", "day")


def answer_participation(viewer: User) -> QuerySet:
    """Who answered a curiosity question when (no content): mine, and my partner's in our couple."""
    if not viewer.is_authenticated:
        return Answer.objects.none().values("author_id", "created_at")
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(author__in=_partner_ids(couple, viewer), couple=couple)
    return Answer.objects.filter(condition).values("author_id", "created_at")


def weekly_participation(viewer: User) -> QuerySet:
    """Who filled in which week's check-in (no content): mine, and my partner's in our couple."""
    if not viewer.is_authenticated:
        return WeeklyCheckIn.objects.none().values("author_id", "week")
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(author__in=_partner_ids(couple, viewer), couple=couple)
    return WeeklyCheckIn.objects.filter(condition).values("author_id", "week")


def appreciation_participation(viewer: User) -> QuerySet:
    """Appreciations of our couple and mine, as who and when."""
    return appreciations_visible_to(viewer).values("author_id", "created_at")


def kindness_participation(viewer: User) -> QuerySet[KindnessAct]:
    return kindness_acts_visible_to(viewer).values("author_id", "done_at")


def own_measures(viewer: User) -> QuerySet[AssessmentResponse]:
    """My own completed measures (scores over time); nobody else's."""
    from turntoward.privacy.assessments import responses_visible_to

    if not viewer.is_authenticated:
        return AssessmentResponse.objects.none()
    return responses_visible_to(viewer).filter(user=viewer)


def partner_shared_summaries(viewer: User, since=None) -> list[dict]:
    """My current partner's measure summaries they chose to share, oldest first.

    Each is instrument, score, band and when; never answers or notes.
    """
    from turntoward.privacy.assessments import shared_summaries_visible_to

    rows = [
        {"instrument": s.instrument, "score": s.score, "band": s.band, "created_at": s.created_at}
        for s in shared_summaries_visible_to(viewer)
        if s.owner_id != viewer.pk and (since is None or s.created_at >= since)
    ]
    return sorted(rows, key=lambda r: r["created_at"])
