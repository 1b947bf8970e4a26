"""API for the lessons practice: short lessons and my private read marks."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_lessons import LessonDetailOut, LessonFilters, LessonOut, ReadOut
from turntoward.lessons import services
from turntoward.privacy import lessons as gate

lessons_router = Router(tags=["lessons"])


def lesson_out(viewer: Any, view: services.LessonView, *, detail: bool = False) -> dict[str, Any]:
    related = view.related
    data = {
        "id": str(view.lesson.id),
        "slug": view.lesson.slug,
        "title": gettext(view.lesson.title),
        "summary": gettext(view.lesson.summary),
        "read": view.read,
        "read_at": local(viewer, view.read_at),
        "practice_url": related[1] if related else None,
    }
    if detail:
        data.update(
            body=gettext(view.lesson.body),
            paragraphs=view.lesson.paragraphs,
            practice=gettext(view.lesson.practice),
        )
    return data


@lessons_router.get(
    "",
    response={200: list[LessonOut], 422: Error},
    summary="All lessons, with whether I have read each",
    description="`since`/`until` (local days) keep only the lessons I marked read then.",
)
def list_lessons(request: HttpRequest, filters: Query[LessonFilters]) -> list[dict[str, Any]]:
    viewer = request.auth
    views = services.lesson_views(viewer)
    if filters.since:
        start = datetime.combine(filters.since, time.min, tzinfo=viewer.tz)
        views = [v for v in views if v.read_at and v.read_at >= start]
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time.min, tzinfo=viewer.tz)
        views = [v for v in views if v.read_at and v.read_at < end]
    return [lesson_out(viewer, v) for v in views]


@lessons_router.get("/{slug}", response={200: LessonDetailOut, 404: Error}, summary="One lesson")
def get_lesson(request: HttpRequest, slug: str) -> dict[str, Any]:
    lesson = gate.get_lesson(slug)
    return lesson_out(request.auth, services.lesson_view(request.auth, lesson), detail=True)


@lessons_router.post(
    "/{slug}/read",
    response={200: ReadOut, 201: ReadOut, 404: Error},
    summary="Mark a lesson as read (private to me)",
    description="201 when marked now, 200 when it was already marked (the first time is kept).",
)
def mark_read(request: HttpRequest, slug: str) -> Status:
    lesson = gate.get_lesson(slug)
    read, created = services.mark_read(request.auth, lesson)
    return Status(
        201 if created else 200,
        {"lesson": lesson.slug, "read": True, "read_at": local(request.auth, read.read_at)},
    )


@lessons_router.delete(
    "/{slug}/read", response={204: None, 404: Error}, summary="Mark a lesson as not read yet"
)
def mark_unread(request: HttpRequest, slug: str) -> Status:
    services.mark_unread(request.auth, gate.get_lesson(slug))
    return Status(204, None)


# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/lessons": lessons_router,
}
