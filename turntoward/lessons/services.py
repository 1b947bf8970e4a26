"""Rules of the lessons practice: read marks, and the link to a related practice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from turntoward.core.registry import Practice, practices
from turntoward.lessons.models import Lesson, LessonRead
from turntoward.privacy import lessons as gate

if TYPE_CHECKING:
    from datetime import datetime

    from turntoward.accounts.models import User


def related_practice(lesson: Lesson) -> tuple[Practice, str] | None:
    """The registered practice whose pages live in the lesson's related namespace, with its URL.

    Practices are found through the registry, so a lesson links only to pages that exist.
    """
    if not lesson.related:
        return None
    for practice in practices():
        if practice.url_name.split(":", 1)[0] == lesson.related:
            try:
                return practice, reverse(practice.url_name)
            except NoReverseMatch:
                return None
    return None


def mark_read(user: User, lesson: Lesson) -> tuple[LessonRead, bool]:
    """Mark a lesson as read by me; marking twice keeps the first time."""
    return LessonRead.objects.get_or_create(
        user=user, lesson=lesson, defaults={"read_at": timezone.now()}
    )


def mark_unread(user: User, lesson: Lesson) -> None:
    gate.reads_of(user).filter(lesson=lesson).delete()


@dataclass
class LessonView:
    lesson: Lesson
    read_at: datetime | None

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @property
    def related(self) -> tuple[Practice, str] | None:
        return related_practice(self.lesson)


def lesson_views(user: User) -> list[LessonView]:
    reads = dict(gate.reads_of(user).values_list("lesson_id", "read_at"))
    return [LessonView(lesson=lesson, read_at=reads.get(lesson.pk)) for lesson in gate.lessons()]


def lesson_view(user: User, lesson: Lesson) -> LessonView:
    read = gate.reads_of(user).filter(lesson=lesson).first()
    return LessonView(lesson=lesson, read_at=read.read_at if read else None)


def last_read_time(user: User):
    return gate.authored_reads(user).order_by("-read_at").values_list("read_at", flat=True).first()
