"""Activity ideas for novelty and quality time, plans to do one, and reflections after."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

FEELING_MIN, FEELING_MAX = 1, 5
NOTE_MAX = 1000


class Place(models.TextChoices):
    HOME = "home", _("At home")
    OUTDOORS = "outdoors", _("Outdoors")
    OUT = "out", _("Out and about")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Low cost")
    MEDIUM = "medium", _("Medium cost")


class ActivityIdea(models.Model):
    """An idea for time together, loaded from content/ideas.yaml by its slug."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=120)
    description = models.TextField()
    place = models.CharField(max_length=10, choices=Place.choices)
    minutes = models.PositiveSmallIntegerField()
    cost = models.CharField(max_length=10, choices=Cost.choices)
    novel = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug


class PlanQuerySet(models.QuerySet["ActivityPlan"]):
    def between(self, since: datetime | None = None, until: datetime | None = None) -> PlanQuerySet:
        qs = self
        if since:
            qs = qs.filter(starts_at__gte=since)
        if until:
            qs = qs.filter(starts_at__lte=until)
        return qs


class PlanStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")


class ActivityPlan(models.Model):
    """One idea planned for a moment; shared with the planner's couple at the time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    idea = models.ForeignKey(ActivityIdea, on_delete=models.PROTECT, related_name="plans")
    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_plans"
    )
    couple = models.ForeignKey(
        "couples.Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Stored in UTC; entered and shown in each person's own zone.
    starts_at = models.DateTimeField()
    note = EncryptedTextField(_("note"), blank=True, default="")
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default="planned")
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"plan {self.id}"

    @property
    def is_done(self) -> bool:
        return self.status == PlanStatus.DONE


class ActivityReflection(models.Model):
    """How a done activity felt to one partner (1-5) and an optional note."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Kept without its plan if the planner deletes their account: it is its author's writing.
    plan = models.ForeignKey(
        ActivityPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflections",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_reflections"
    )
    feeling = models.PositiveSmallIntegerField(
        _("how it felt"),
        validators=[MinValueValidator(FEELING_MIN), MaxValueValidator(FEELING_MAX)],
    )
    note = EncryptedTextField(_("note"), blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "author"], name="one_reflection_per_person"),
            models.CheckConstraint(
                condition=models.Q(feeling__gte=FEELING_MIN, feeling__lte=FEELING_MAX),
                name="reflection_feeling_range",
            ),
        ]

    def __str__(self) -> str:
        return f"reflection {self.id}"
