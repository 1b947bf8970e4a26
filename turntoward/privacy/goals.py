"""Who sees goals and their updates.

Shared goals are "both | both" in PRODUCT.md: the author and the partner see and
update them while the couple lasts. A goal made alone is personal: its author's
only. After a couple ends, each keeps only what they wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from turntoward.goals.models import Goal, GoalUpdate
from turntoward.privacy import couple_of, shared_with_couple

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def goals_visible_to(viewer: User) -> QuerySet[Goal]:
    """Goals I made, and those of my current couple."""
    if not viewer.is_authenticated:
        return Goal.objects.none()
    return Goal.objects.filter(shared_with_couple(viewer))


def get_goal_for_user(viewer: User, goal_id: object) -> Goal:
    """One goal the viewer may see, or 404."""
    try:
        pk = UUID(str(goal_id))
    except ValueError as exc:
        raise Http404("Not found") from exc
    goal = goals_visible_to(viewer).select_related("author").filter(pk=pk).first()
    if goal is None:
        raise Http404("Not found")
    return goal


def updates_visible_to(viewer: User) -> QuerySet[GoalUpdate]:
    """Updates I wrote, and those on my current couple's goals."""
    if not viewer.is_authenticated:
        return GoalUpdate.objects.none()
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(goal__couple=couple)
    return GoalUpdate.objects.filter(condition)


def authored_goals(viewer: User) -> QuerySet[Goal]:
    return Goal.objects.filter(author=viewer)


def authored_updates(viewer: User) -> QuerySet[GoalUpdate]:
    return GoalUpdate.objects.filter(author=viewer)
