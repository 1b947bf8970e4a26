"""Who sees activity plans and reflections.

A plan is shared by nature with the planner's couple ("both | both", like shared
plans and goals in PRODUCT.md); a plan made alone is the planner's only. Each
partner's reflection on a plan is visible to both while the couple lasts; after a
couple ends, each keeps only what they wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from turntoward.activities.models import ActivityPlan, ActivityReflection
from turntoward.privacy import couple_of, shared_with_couple

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def plans_visible_to(viewer: User) -> QuerySet[ActivityPlan]:
    """Plans I made, and those of my current couple."""
    if not viewer.is_authenticated:
        return ActivityPlan.objects.none()
    return ActivityPlan.objects.filter(shared_with_couple(viewer, author_field="planner"))


def get_plan_for_user(viewer: User, plan_id: object) -> ActivityPlan:
    """One plan the viewer may see, or 404."""
    try:
        pk = UUID(str(plan_id))
    except ValueError as exc:
        raise Http404("Not found") from exc
    plan = plans_visible_to(viewer).select_related("idea", "planner").filter(pk=pk).first()
    if plan is None:
        raise Http404("Not found")
    return plan


def reflections_visible_to(viewer: User) -> QuerySet[ActivityReflection]:
    """Reflections I wrote, and those on my current couple's plans."""
    if not viewer.is_authenticated:
        return ActivityReflection.objects.none()
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    if couple is not None:
        condition |= Q(plan__couple=couple)
    return ActivityReflection.objects.filter(condition)


def authored_plans(viewer: User) -> QuerySet[ActivityPlan]:
    return ActivityPlan.objects.filter(planner=viewer)


def authored_reflections(viewer: User) -> QuerySet[ActivityReflection]:
    return ActivityReflection.objects.filter(author=viewer)
