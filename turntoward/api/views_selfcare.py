"""`self-care`: my own plan, log and weekly look. Private: only the author ever sees it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_selfcare import (
    ItemIn,
    ItemOut,
    ItemPatch,
    LogIn,
    LogOut,
    SelfCareIdeaOut,
    SelfCarePlanOut,
    SelfCareWeekOut,
)
from turntoward.privacy import selfcare as gate
from turntoward.selfcare import services
from turntoward.selfcare.models import SelfCareIdea, SelfCareItem, SelfCareLog

self_care_router = Router(tags=["self-care"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/self-care": self_care_router,
}


def item_out(viewer: Any, item: SelfCareItem, logged: set) -> dict[str, Any]:
    return {
        "id": str(item.id),
        "title": item.title,
        "note": item.note,
        "frequency": item.frequency,
        "times_a_week": item.times,
        "idea": item.idea.slug if item.idea else None,
        "logged_today": item.pk in logged,
        "created_at": local(viewer, item.created_at),
        "updated_at": local(viewer, item.updated_at),
    }


def log_out(viewer: Any, log: SelfCareLog) -> dict[str, Any]:
    return {
        "id": str(log.id),
        "item": str(log.item_id),
        "item_title": log.item.title,
        "day": log.day,
        "note": log.note,
        "feeling": log.feeling,
        "created_at": local(viewer, log.created_at),
        "updated_at": local(viewer, log.updated_at),
    }


def idea_out(idea: SelfCareIdea) -> dict[str, Any]:
    return {
        "slug": idea.slug,
        "title": gettext(idea.title),
        "description": gettext(idea.description),
        "category": idea.category,
        "frequency": idea.frequency,
        "times_a_week": idea.times,
    }


class SelfCareRange(Schema):
    since: date | None = None
    until: date | None = None


class WeekQuery(Schema):
    week: date | None = None


@self_care_router.get("", response=SelfCarePlanOut, summary="My self-care plan")
def get_plan(request: HttpRequest) -> dict[str, Any]:
    viewer = request.auth
    logged = services.logged_today(viewer)
    items = gate.items_visible_to(viewer).select_related("idea")
    return {"today": viewer.local_today(), "items": [item_out(viewer, i, logged) for i in items]}


@self_care_router.post(
    "/items",
    response={201: ItemOut, 422: Error},
    summary="Add an activity to my plan",
    description="Write your own (`title`, `frequency`) or take an idea by its slug (`idea`).",
)
def add_item(request: HttpRequest, payload: ItemIn) -> Status:
    item = services.add_item(
        request.auth,
        title=payload.title,
        note=payload.note or "",
        frequency=payload.frequency,
        times_a_week=payload.times_a_week,
        idea=payload.idea,
    )
    return Status(201, item_out(request.auth, item, set()))


@self_care_router.patch(
    "/items/{item_id}",
    response={200: ItemOut, 404: Error, 422: Error},
    summary="Change an activity",
)
def patch_item(request: HttpRequest, item_id: str, payload: ItemPatch) -> dict[str, Any]:
    gate.get_item_for_user(request.auth, item_id)
    changes = payload.dict(exclude_unset=True)
    for name in ("title", "frequency"):
        if name in changes and changes[name] is None:
            raise ValidationError({name: "This field cannot be null."})
    if "note" in changes and changes["note"] is None:
        changes["note"] = ""
    item = services.update_item(request.auth, item_id, **changes)
    return item_out(request.auth, item, services.logged_today(request.auth))


@self_care_router.delete(
    "/items/{item_id}",
    response={204: None, 404: Error},
    summary="Take an activity out of my plan (with its log)",
)
def delete_item(request: HttpRequest, item_id: str) -> Status:
    services.remove_item(request.auth, item_id)
    return Status(204, None)


@self_care_router.get("/log", response=list[LogOut], summary="My self-care log, newest first")
def list_log(request: HttpRequest, filters: Query[SelfCareRange]) -> list[dict[str, Any]]:
    logs = gate.logs_visible_to(request.auth).between(filters.since, filters.until)
    return [log_out(request.auth, lg) for lg in logs.select_related("item")]


@self_care_router.post(
    "/log",
    response={200: LogOut, 201: LogOut, 404: Error, 422: Error},
    summary="I did an activity (today, or a recent day)",
    description="201 when logged; 200 when that item was already logged that day (updated).",
)
def add_log(request: HttpRequest, payload: LogIn) -> Status:
    log, created = services.log_activity(
        request.auth,
        item=payload.item,
        day=payload.day,
        note=payload.note or "",
        feeling=payload.feeling,
    )
    return Status(201 if created else 200, log_out(request.auth, log))


@self_care_router.get(
    "/week",
    response={200: SelfCareWeekOut, 422: Error},
    summary="How my plan went in a week",
    description="`week` is any day of the Monday-to-Sunday week; this week if omitted.",
)
def week(request: HttpRequest, filters: Query[WeekQuery]) -> dict[str, Any]:
    look = services.week_look(request.auth, filters.week)
    return {
        "week_start": look.start,
        "week_end": look.end,
        "in_progress": look.in_progress,
        "summary": look.summary,
        "average_feeling": look.average_feeling,
        "items": [
            {
                "item": str(row.item.id),
                "title": row.item.title,
                "frequency": row.item.frequency,
                "intended": row.intended,
                "done": row.done,
                "reached": row.reached,
                "days": row.days,
                "message": row.message,
            }
            for row in look.items
        ],
    }


@self_care_router.get("/ideas", response=list[SelfCareIdeaOut], summary="Self-care ideas to add")
def ideas(request: HttpRequest) -> list[dict[str, Any]]:
    return [idea_out(i) for i in SelfCareIdea.objects.all()]
