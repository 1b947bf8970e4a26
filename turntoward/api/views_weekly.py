"""API for the weekly practice: `weekly-checkins`, with the mutual reveal per week."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_weekly import WeeklyCheckInIn, WeeklyCheckInOut, WeekOut
from turntoward.weekly import services
from turntoward.weekly.models import ANSWER_FIELDS, WeeklyCheckIn

weekly_checkins_router = Router(tags=["weekly-checkins"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/weekly-checkins": weekly_checkins_router,
}


def weekly_out(viewer: Any, item: WeeklyCheckIn) -> dict[str, Any]:
    return {
        "id": str(item.id),
        "week": item.week,
        "author": "me" if item.author_id == viewer.pk else "partner",
        **{name: getattr(item, name) for name in ANSWER_FIELDS},
        "created_at": local(viewer, item.created_at),
        "updated_at": local(viewer, item.updated_at),
    }


def week_out(viewer: Any, row: services.WeekView) -> dict[str, Any]:
    return {
        "week": row.week,
        "mine": weekly_out(viewer, row.mine) if row.mine else None,
        "partner": weekly_out(viewer, row.partner) if row.partner else None,
        "partner_submitted": row.partner_submitted,
    }


class WeeklyRange(Schema):
    since: date | None = None
    until: date | None = None


@weekly_checkins_router.get(
    "",
    response={200: list[WeekOut], 422: Error},
    summary="My weekly check-ins and my partner's, week by week",
    description="Newest first. `partner` is null until you have both submitted that week.",
)
def list_weeks(request: HttpRequest, filters: Query[WeeklyRange]) -> list[dict[str, Any]]:
    rows = services.weeks_for(request.auth, filters.since, filters.until)
    return [week_out(request.auth, r) for r in rows]


@weekly_checkins_router.post(
    "",
    response={200: WeeklyCheckInOut, 201: WeeklyCheckInOut, 409: Error, 422: Error},
    summary="Fill in this week's check-in (or last week's)",
    description="201 when created; 200 when that week's check-in is changed.",
)
def submit(request: HttpRequest, payload: WeeklyCheckInIn) -> Status:
    answers = {name: getattr(payload, name) or "" for name in ANSWER_FIELDS}
    try:
        item, created = services.submit_weekly_checkin(request.auth, week=payload.week, **answers)
    except services.WeekBusy as exc:
        raise HttpError(409, str(exc)) from exc
    return Status(201 if created else 200, weekly_out(request.auth, item))


@weekly_checkins_router.get(
    "/{week}",
    response={200: WeekOut, 422: Error},
    summary="One week",
    description="`week` is the week's Monday, e.g. 2026-11-16.",
)
def get_week(request: HttpRequest, week: date) -> dict[str, Any]:
    if week.weekday() != 0:
        raise ValidationError({"week": "Name a week by its Monday."})
    return week_out(request.auth, services.week_for(request.auth, week))
