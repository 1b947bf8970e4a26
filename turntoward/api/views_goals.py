"""API for the goals practice: shared (or personal) goals and their updates."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Query, Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_activities import utc_bound
from turntoward.api.schemas_goals import (
    GoalIn,
    GoalOut,
    GoalPatch,
    GoalRange,
    GoalUpdateIn,
    GoalUpdateOut,
    GoalUpdateResult,
)
from turntoward.goals import services
from turntoward.goals.models import Goal, GoalUpdate
from turntoward.privacy import goals as gate

goals_router = Router(tags=["goals"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/goals": goals_router,
}


def update_out(viewer: Any, u: GoalUpdate) -> dict[str, Any]:
    return {
        "id": str(u.id),
        "author": "me" if u.author_id == viewer.pk else "partner",
        "progress": u.progress,
        "note": u.note,
        "created_at": local(viewer, u.created_at),
    }


def goal_out(viewer: Any, goal: Goal) -> dict[str, Any]:
    return {
        "id": str(goal.id),
        "title": goal.title,
        "why": goal.why,
        "status": goal.status,
        "shared": goal.is_shared,
        "created_by": "me" if goal.author_id == viewer.pk else "partner",
        "progress": services.progress_of(viewer, goal),
        "revisit_due": services.needs_revisit(goal),
        "last_update_at": local(viewer, services.last_touch(goal)),
        "reached_at": local(viewer, goal.reached_at),
        "created_at": local(viewer, goal.created_at),
        "updated_at": local(viewer, goal.updated_at),
        "updates": [update_out(viewer, u) for u in services.updates_of(viewer, goal)],
    }


@goals_router.get(
    "",
    response={200: list[GoalOut], 422: Error},
    summary="Our goals (shared ones, and mine)",
    description="Newest first. `since`/`until` filter on when a goal was created.",
)
def list_goals(request: HttpRequest, filters: Query[GoalRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = gate.goals_visible_to(viewer)
    for name, lookup in (("since", "created_at__gte"), ("until", "created_at__lte")):
        value = utc_bound(getattr(filters, name), viewer.tz)
        if value is not None:
            qs = qs.filter(**{lookup: value})
    return [goal_out(viewer, g) for g in qs]


@goals_router.post(
    "",
    response={201: GoalOut, 422: Error},
    summary="Set a goal",
    description='Send `{"title": ..., "why": optional}`. Shared with your partner when you '
    "are in a couple; personal (only you) when you practise alone.",
)
def create_goal(request: HttpRequest, payload: GoalIn) -> Status:
    goal = services.create_goal(request.auth, title=payload.title, why=payload.why or "")
    return Status(201, goal_out(request.auth, goal))


@goals_router.get("/{goal_id}", response={200: GoalOut, 404: Error}, summary="One goal")
def get_goal(request: HttpRequest, goal_id: UUID) -> dict[str, Any]:
    return goal_out(request.auth, gate.get_goal_for_user(request.auth, goal_id))


@goals_router.patch(
    "/{goal_id}",
    response={200: GoalOut, 404: Error, 422: Error},
    summary="Change a goal's title, why or status (either partner)",
    description='`status` is "active", "reached" or "paused".',
)
def patch_goal(request: HttpRequest, goal_id: UUID, payload: GoalPatch) -> dict[str, Any]:
    changes = payload.dict(exclude_unset=True)
    if changes.get("title", "") is None:
        changes["title"] = ""  # an explicit null title is a blank title: named as an error
    if "why" in changes and changes["why"] is None:
        changes["why"] = ""
    if "status" in changes and changes["status"] is None:
        changes["status"] = ""
    goal, _reached = services.change_goal(request.auth, goal_id, **changes)
    return goal_out(request.auth, goal)


@goals_router.post(
    "/{goal_id}/updates",
    response={201: GoalUpdateResult, 404: Error, 422: Error},
    summary="Add a step: progress 0-100 and/or a note",
    description="Progress 100 marks the goal reached (`just_reached` is then true).",
)
def add_update(request: HttpRequest, goal_id: UUID, payload: GoalUpdateIn) -> Status:
    update, reached = services.add_update(
        request.auth, goal_id, progress=payload.progress, note=payload.note or ""
    )
    goal = gate.get_goal_for_user(request.auth, goal_id)
    body = update_out(request.auth, update)
    body.update({"goal": goal_out(request.auth, goal), "just_reached": reached})
    return Status(201, body)


__all__ = ["GoalUpdateOut"]
