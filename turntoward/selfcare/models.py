"""Self-care: a personal plan of activities, a log of doing them, and ideas to add."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TITLE_MAX = 120
NOTE_MAX = 1000
FEELING_MIN, FEELING_MAX = 1, 5
TIMES_MIN, TIMES_MAX = 1, 7


class Frequency(models.TextChoices):
    DAILY = "daily", _("Every day")
    TIMES_A_WEEK = "times_a_week", _("A few times a week")
    WEEKLY = "weekly", _("Once a week")


class SelfCareIdea(models.Model):
    """A suggestion from the library, loaded from content/ideas.yaml."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField()
    category = models.SlugField(max_length=40)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    times = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug


class SelfCareItem(models.Model):
    """One activity in a person's own self-care plan."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="selfcare_items"
    )
    title = EncryptedTextField(_("activity"))
    note = EncryptedTextField(_("note"), blank=True, default="")
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices)
    # Intended times a week: 7 for daily, 1 for weekly, the person's number otherwise.
    times = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(TIMES_MIN), MaxValueValidator(TIMES_MAX)]
    )
    idea = models.ForeignKey(SelfCareIdea, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(times__gte=TIMES_MIN, times__lte=TIMES_MAX),
                name="selfcare_item_times_range",
            ),
        ]

    def __str__(self) -> str:
        return f"selfcare item {self.id}"


class SelfCareLogQuerySet(models.QuerySet["SelfCareLog"]):
    def between(self, since=None, until=None) -> SelfCareLogQuerySet:
        qs = self
        if since:
            qs = qs.filter(day__gte=since)
        if until:
            qs = qs.filter(day__lte=until)
        return qs


class SelfCareLog(models.Model):
    """I did one of my plan's activities on one of my local days."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="selfcare_logs"
    )
    item = models.ForeignKey(SelfCareItem, on_delete=models.CASCADE, related_name="logs")
    day = models.DateField()
    note = EncryptedTextField(_("note"), blank=True, default="")
    feeling = models.PositiveSmallIntegerField(
        _("how it felt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FEELING_MIN), MaxValueValidator(FEELING_MAX)],
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = SelfCareLogQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["item", "day"], name="one_selfcare_log_per_item_day"),
            models.CheckConstraint(
                condition=models.Q(feeling__isnull=True)
                | models.Q(feeling__gte=FEELING_MIN, feeling__lte=FEELING_MAX),
                name="selfcare_log_feeling_range",
            ),
        ]

    def __str__(self) -> str:
        return f"selfcare log {self.id}"
