"""`checkins`: the daily check-in with its mutual reveal, and replies."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from turntoward.api.common import local
from turntoward.api.schemas import CheckInIn, CheckInOut, DayOut, Error, ReplyIn, ReplyOut
from turntoward.checkins import services
from turntoward.checkins.models import CheckIn, CheckInReply

router = Router(tags=["checkins"])


def reply_out(viewer: Any, reply: CheckInReply) -> dict[str, Any]:
    return {
        "id": str(reply.id),
        "day": reply.day,
        "author": "me" if reply.author_id == viewer.pk else "partner",
        "text": reply.text,
        "created_at": local(viewer, reply.created_at),
        "updated_at": local(viewer, reply.updated_at),
    }


def checkin_out(viewer: Any, checkin: CheckIn, replies: list[CheckInReply]) -> dict[str, Any]:
    return {
        "id": str(checkin.id),
        "day": checkin.day,
        "author": "me" if checkin.author_id == viewer.pk else "partner",
        "mood": checkin.mood,
        "connection": checkin.connection,
        "good_thing": checkin.good_thing,
        "hard_thing": checkin.hard_thing,
        "need": checkin.need,
        "created_at": local(viewer, checkin.created_at),
        "updated_at": local(viewer, checkin.updated_at),
        "replies": [reply_out(viewer, r) for r in replies],
    }


def day_out(viewer: Any, row: services.DayView) -> dict[str, Any]:
    return {
        "day": row.day,
        "mine": checkin_out(viewer, row.mine, row.replies_to_mine) if row.mine else None,
        "partner": (
            checkin_out(viewer, row.partner, [row.my_reply] if row.my_reply else [])
            if row.partner
            else None
        ),
        "partner_checked_in": row.partner_checked_in,
    }


class CheckInRange(Schema):
    since: date | None = None
    until: date | None = None


@router.get(
    "",
    response=list[DayOut],
    summary="My check-ins and my partner's, day by day",
    description="Newest first. `partner` is null until you have checked in for that same day.",
)
def list_checkins(request: HttpRequest, filters: Query[CheckInRange]) -> list[dict[str, Any]]:
    rows = services.days_for(request.auth, filters.since, filters.until)
    return [day_out(request.auth, r) for r in rows]


@router.post(
    "",
    response={200: CheckInOut, 201: CheckInOut, 409: Error, 422: Error},
    summary="Check in for today (or a missed recent day)",
    description=(
        "201 when created; 200 when today's check-in is changed. Past days cannot be changed (409)."
    ),
)
def submit(request: HttpRequest, payload: CheckInIn) -> Status:
    checkin, created = services.submit_checkin(
        request.auth,
        day=payload.day,
        mood=payload.mood,
        connection=payload.connection,
        good_thing=payload.good_thing,
        hard_thing=payload.hard_thing,
        need=payload.need or "",
    )
    row = services.day_for(request.auth, checkin.day)
    return Status(201 if created else 200, checkin_out(request.auth, checkin, row.replies_to_mine))


@router.get("/{day}", response={200: DayOut, 422: Error}, summary="One day")
def get_day(request: HttpRequest, day: date) -> dict[str, Any]:
    return day_out(request.auth, services.day_for(request.auth, day))


@router.post(
    "/{day}/reply",
    response={200: ReplyOut, 201: ReplyOut, 404: Error, 422: Error},
    summary="Reply to my partner's check-in for a day",
    description='Send `{"text": ...}`. 404 until both of you have checked in that day.',
)
def reply(request: HttpRequest, day: date, payload: ReplyIn) -> Status:
    reply, created = services.reply_to_checkin(request.auth, day, payload.text)
    return Status(201 if created else 200, reply_out(request.auth, reply))
