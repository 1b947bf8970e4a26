"""API for the activities practice: ideas, plans, done, reflections, .ics."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import Query, Router, Status
from ninja.errors import HttpError

from turntoward.activities import services
from turntoward.activities.models import ActivityIdea, ActivityReflection
from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_activities import (
    ActivityIdeaOut,
    ActivityPlanOut,
    ActivityReflectionIn,
    ActivityReflectionOut,
    IdeaFilters,
    PlanIn,
    PlanRange,
    utc_bound,
)
from turntoward.privacy import activities as gate

activities_router = Router(tags=["activities"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/activities": activities_router,
}

PLAN_ERROR_STATUS = {"not_planner": 403, "done": 409}


def idea_out(idea: ActivityIdea, done_ids: set[int]) -> dict[str, Any]:
    return {
        "slug": idea.slug,
        "title": gettext(idea.title),
        "description": gettext(idea.description),
        "place": idea.place,
        "minutes": idea.minutes,
        "cost": idea.cost,
        "novel": idea.novel,
        "done": idea.pk in done_ids,
    }


def reflection_out(viewer: Any, r: ActivityReflection) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "author": "me" if r.author_id == viewer.pk else "partner",
        "feeling": r.feeling,
        "note": r.note,
        "created_at": local(viewer, r.created_at),
        "updated_at": local(viewer, r.updated_at),
    }


def plan_out(viewer: Any, view: services.PlanView, done_ids: set[int]) -> dict[str, Any]:
    plan = view.plan
    return {
        "id": str(plan.id),
        "idea": idea_out(plan.idea, done_ids),
        "starts_at": local(viewer, plan.starts_at),
        "note": plan.note,
        "planned_by": "me" if plan.planner_id == viewer.pk else "partner",
        "status": plan.status,
        "done_at": local(viewer, plan.done_at),
        "created_at": local(viewer, plan.created_at),
        "shared": plan.couple_id is not None,
        "reflections": [reflection_out(viewer, r) for r in (view.mine, view.partner) if r],
        "ics_url": f"/api/v1/activities/plans/{plan.id}.ics",
    }


def _one(viewer: Any, plan_id: UUID) -> dict[str, Any]:
    plan = gate.get_plan_for_user(viewer, plan_id)
    return plan_out(viewer, services.plan_view(viewer, plan), services.done_idea_ids(viewer))


@activities_router.get(
    "",
    response={200: list[ActivityIdeaOut], 422: Error},
    summary="Activity ideas",
    description="Filter by `place`, `cost`, `max_minutes`, `novel`; `suggested=true` keeps "
    "only ideas you have not done together yet.",
)
def list_ideas(request: HttpRequest, filters: Query[IdeaFilters]) -> list[dict[str, Any]]:
    viewer = request.auth
    done_ids = services.done_idea_ids(viewer)
    ideas = services.ideas_for(
        viewer,
        place=filters.place,
        cost=filters.cost,
        max_minutes=filters.max_minutes,
        novel=filters.novel,
        suggested=filters.suggested,
    )
    return [idea_out(i, done_ids) for i in ideas]


@activities_router.get(
    "/plans",
    response={200: list[ActivityPlanOut], 422: Error},
    summary="Our plans (mine, and my partner's while we are a couple)",
    description="Ordered by start time. `since`/`until` filter on the start time.",
)
def list_plans(request: HttpRequest, filters: Query[PlanRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    since = utc_bound(filters.since, viewer.tz)
    until = utc_bound(filters.until, viewer.tz)
    done_ids = services.done_idea_ids(viewer)
    return [plan_out(viewer, v, done_ids) for v in services.plans_for(viewer, since, until)]


@activities_router.post(
    "/plans",
    response={201: ActivityPlanOut, 422: Error},
    summary="Plan an idea for a moment",
    description='Send `{"idea": slug, "starts_at": ISO 8601 with offset, "note": optional}`.',
)
def create_plan(request: HttpRequest, payload: PlanIn) -> Status:
    plan = services.plan_activity(
        request.auth, idea=payload.idea, starts_at=payload.starts_at, note=payload.note or ""
    )
    return Status(201, _one(request.auth, plan.pk))


@activities_router.get(
    "/plans/{plan_id}.ics",
    response={200: None, 404: Error},
    summary="A plan as an iCalendar file",
    description="text/calendar; DTSTART in your time zone, summary is the idea's title only.",
)
def plan_ics(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    plan = gate.get_plan_for_user(request.auth, plan_id)
    response = HttpResponse(
        services.ics_for(request.auth, plan), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{plan.idea.slug}.ics"'
    return response


@activities_router.get(
    "/plans/{plan_id}/ics",
    response={200: None, 404: Error},
    summary="A plan as an iCalendar file (same as .ics)",
)
def plan_ics_alias(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    return plan_ics(request, plan_id)


@activities_router.get(
    "/plans/{plan_id}", response={200: ActivityPlanOut, 404: Error}, summary="One plan"
)
def get_plan(request: HttpRequest, plan_id: UUID) -> dict[str, Any]:
    return _one(request.auth, plan_id)


@activities_router.delete(
    "/plans/{plan_id}",
    response={204: None, 403: Error, 404: Error, 409: Error},
    summary="Cancel a plan (its planner only, before it is done)",
)
def cancel_plan(request: HttpRequest, plan_id: UUID) -> Status:
    try:
        services.cancel_plan(request.auth, plan_id)
    except services.PlanError as exc:
        raise HttpError(PLAN_ERROR_STATUS.get(exc.code, 409), exc.message) from exc
    return Status(204, None)


@activities_router.post(
    "/plans/{plan_id}/done",
    response={200: ActivityPlanOut, 404: Error},
    summary="Mark a plan done (either partner); doing it twice is harmless",
)
def mark_done(request: HttpRequest, plan_id: UUID) -> dict[str, Any]:
    services.mark_done(request.auth, plan_id)
    return _one(request.auth, plan_id)


@activities_router.post(
    "/plans/{plan_id}/reflection",
    response={200: ActivityReflectionOut, 201: ActivityReflectionOut, 404: Error, 422: Error},
    summary="My reflection on a done plan",
    description='Send `{"feeling": 1-5, "note": optional}`. 201 when new, 200 when changed. '
    "Both partners see both reflections.",
)
def reflect(request: HttpRequest, plan_id: UUID, payload: ActivityReflectionIn) -> Status:
    reflection, created = services.reflect(
        request.auth, plan_id, feeling=payload.feeling, note=payload.note or ""
    )
    return Status(201 if created else 200, reflection_out(request.auth, reflection))
