"""Lessons are content anyone signed in may read; read marks are private to each person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.lessons.models import Lesson, LessonRead

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def lessons() -> QuerySet[Lesson]:
    return Lesson.objects.active()


def get_lesson(slug: str) -> Lesson:
    """A lesson by slug, or 404."""
    lesson = lessons().filter(slug=str(slug)).first()
    if lesson is None:
        raise Http404("No such lesson")
    return lesson


def reads_of(viewer: User) -> QuerySet[LessonRead]:
    """Only the viewer's own read marks."""
    if not viewer.is_authenticated:
        return LessonRead.objects.none()
    return LessonRead.objects.filter(user=viewer)


def authored_reads(viewer: User) -> QuerySet[LessonRead]:
    return LessonRead.objects.filter(user=viewer)
