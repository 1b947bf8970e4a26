"""The gate for weekly check-ins: mine, and my partner's once I have submitted that week too."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet

from turntoward.couples.models import Membership
from turntoward.privacy import couple_of
from turntoward.weekly.models import WeeklyCheckIn

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def own_weekly_checkins(viewer: User) -> QuerySet[WeeklyCheckIn]:
    """Only the weekly check-ins the viewer wrote."""
    if not viewer.is_authenticated:
        return WeeklyCheckIn.objects.none()
    return WeeklyCheckIn.objects.filter(author=viewer)


def _partner_weeklies(viewer: User) -> QuerySet[WeeklyCheckIn] | None:
    """My current partner's check-ins written in our current couple (content not yet gated)."""
    couple = couple_of(viewer)
    if couple is None:
        return None
    partner_ids = Membership.objects.filter(couple=couple).exclude(user=viewer).values("user_id")
    return WeeklyCheckIn.objects.filter(author__in=partner_ids, couple=couple)


def weekly_checkins_visible_to(viewer: User) -> QuerySet[WeeklyCheckIn]:
    """Mine, and my current partner's for the weeks I have submitted mine (mutual reveal)."""
    if not viewer.is_authenticated:
        return WeeklyCheckIn.objects.none()
    condition = Q(author=viewer)
    partner = _partner_weeklies(viewer)
    if partner is not None:
        mine_same_week = WeeklyCheckIn.objects.filter(author=viewer, week=OuterRef("week"))
        revealed = partner.filter(Exists(mine_same_week)).values("pk")
        condition |= Q(pk__in=revealed)
    return WeeklyCheckIn.objects.filter(condition)


def get_own_weekly_checkin(viewer: User, week: date) -> WeeklyCheckIn | None:
    return own_weekly_checkins(viewer).filter(week=week).first()


def partner_submitted_weeks(
    viewer: User, since: date | None = None, until: date | None = None
) -> set[date]:
    """Weeks my current partner submitted in our couple, without their content."""
    partner = _partner_weeklies(viewer)
    if partner is None:
        return set()
    return set(partner.between(since, until).values_list("week", flat=True))


def authored_weekly_checkins(viewer: User) -> QuerySet[WeeklyCheckIn]:
    return own_weekly_checkins(viewer)
