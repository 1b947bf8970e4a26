"""`notifications` (my in-app list) and `me/notifications` (my reminder preferences)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router, Schema

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_notifications import (
    NotificationListOut,
    NotificationOut,
    NotificationPrefsOut,
    NotificationPrefsPatch,
    NotificationReadAllOut,
)
from turntoward.notifications import emails, services
from turntoward.notifications.models import Kind, NotificationPreferences, prefs_for

notifications_router = Router(tags=["notifications"])
prefs_router = Router(tags=["notifications"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/notifications": notifications_router,
    "/me/notifications": prefs_router,
}


def notification_out(viewer: Any, row) -> dict[str, Any]:
    return {
        "id": str(row.pk),
        "kind": row.kind,
        "label": str(dict(Kind.choices).get(row.kind, row.kind)),
        "text": emails.wording(row.kind)[1],
        "link": row.link,
        "created_at": local(viewer, row.sent_at or row.due_at),
        "read": row.read_at is not None,
        "read_at": local(viewer, row.read_at),
    }


def _hhmm(value) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def prefs_out(prefs: NotificationPreferences) -> dict[str, Any]:
    return {
        "time_zone": prefs.user.time_zone,
        "daily_time": _hhmm(prefs.daily_time),
        "weekly_day": prefs.weekly_day,
        "weekly_time": _hhmm(prefs.weekly_time),
        "retake_weeks": prefs.retake_weeks,
        "quiet_start": _hhmm(prefs.quiet_start),
        "quiet_end": _hhmm(prefs.quiet_end),
        "channels": {kind: prefs.channels_for(kind) for kind in Kind.values},
        "calendar_url": f"{settings.SITE_URL}/calendar/{prefs.calendar_token}.ics",
    }


class NotificationFilters(Schema):
    since: date | None = None
    until: date | None = None
    unread: bool = False


@notifications_router.get(
    "",
    response={200: NotificationListOut, 422: Error},
    summary="My in-app notifications and unread count",
    description=(
        "Newest first, at most 100. Optional `since`/`until` (your local dates) and "
        "`unread=true` for the unread ones only; `unread` in the answer is always the total "
        "of unread notifications."
    ),
)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilters]) -> dict[str, Any]:
    user = request.auth
    rows = services.recent(user, since=filters.since, until=filters.until, unread=filters.unread)
    return {
        "unread": services.unread_count(user),
        "items": [notification_out(user, row) for row in rows],
    }


@notifications_router.post(
    "/read-all", response={200: NotificationReadAllOut}, summary="Mark all as read"
)
def read_all(request: HttpRequest) -> dict[str, Any]:
    marked = services.mark_all_read(request.auth)
    return {"marked": marked, "unread": services.unread_count(request.auth)}


@notifications_router.post(
    "/{notification_id}/read",
    response={200: NotificationOut, 404: Error},
    summary="Mark one notification as read",
)
def read_one(request: HttpRequest, notification_id: str) -> dict[str, Any]:
    row = services.mark_read(request.auth, notification_id)
    return notification_out(request.auth, row)


@prefs_router.get("", response={200: NotificationPrefsOut}, summary="My reminder preferences")
def get_prefs(request: HttpRequest) -> dict[str, Any]:
    return prefs_out(prefs_for(request.auth))


@prefs_router.patch(
    "",
    response={200: NotificationPrefsOut, 422: Error},
    summary="Change my reminder preferences",
    description="Times are HH:MM in your time zone; `channels` maps an event kind to "
    '`["email", "in_app"]` or a part of it. Quiet hours need both ends, or neither.',
)
def patch_prefs(request: HttpRequest, payload: NotificationPrefsPatch) -> dict[str, Any]:
    changes = payload.model_dump(exclude_unset=True)
    for name in ("daily_time", "weekly_time", "weekly_day", "retake_weeks", "channels"):
        if name in changes and changes[name] is None:
            raise ValidationError({name: "This field may not be null."})
    prefs = services.update_preferences(request.auth, **changes)
    return prefs_out(prefs)
