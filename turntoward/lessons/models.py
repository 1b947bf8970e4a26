"""Models of the lessons practice: short lessons (content) and who has read which."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext


class LessonQuerySet(models.QuerySet["Lesson"]):
    def active(self) -> LessonQuerySet:
        return self.filter(active=True)


class Lesson(models.Model):
    """A short lesson with a small practice to try (content, loaded from YAML by slug)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    practice = models.TextField()
    # The URL namespace of the related practice app ("bids", "journal"...), if any.
    related = models.CharField(max_length=40, blank=True, default="")
    order = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug

    @property
    def paragraphs(self) -> list[str]:
        """The body in the active language, split into paragraphs."""
        return [p.strip() for p in gettext(self.body).split("\n\n") if p.strip()]

    @property
    def words(self) -> int:
        return len(self.body.split()) + len(self.practice.split())


class LessonRead(models.Model):
    """A person marked a lesson as read; private to them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_reads"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-read_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_read_mark_per_lesson"),
        ]

    def __str__(self) -> str:
        return f"read {self.id}"
