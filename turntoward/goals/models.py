"""Shared goals (or personal ones when practising alone) and their progress updates."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TITLE_MAX = 200
WHY_MAX = 1000
NOTE_MAX = 1000
REVISIT_DAYS = 14


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    REACHED = "reached", _("Reached")
    PAUSED = "paused", _("Set aside for now")


class GoalQuerySet(models.QuerySet["Goal"]):
    def with_last_touch(self) -> GoalQuerySet:
        """Annotate `last_touch`: the latest update, or the goal's creation when none."""
        return self.annotate(
            last_touch=Coalesce(models.Max("updates__created_at"), models.F("created_at"))
        )


class Goal(models.Model):
    """A goal the couple set together; personal (author only) when made alone."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    couple = models.ForeignKey(
        "couples.Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = EncryptedTextField(_("goal"))
    why = EncryptedTextField(_("why it matters"), blank=True, default="")
    status = models.CharField(max_length=10, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    reached_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"goal {self.id}"

    @property
    def is_shared(self) -> bool:
        return self.couple_id is not None


class GoalUpdate(models.Model):
    """A step on the way: progress in percent and/or a note, by either partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Kept without its goal if the goal's author deletes their account.
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_updates"
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = EncryptedTextField(_("note"), blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True)
                | models.Q(progress__gte=0, progress__lte=100),
                name="goal_update_progress_range",
            ),
        ]

    def __str__(self) -> str:
        return f"goal update {self.id}"
