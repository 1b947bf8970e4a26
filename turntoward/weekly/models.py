"""Models of the weekly practice: one guided check-in per person per local week."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TEXT_MAX = 2000
ANSWER_FIELDS = ("appreciations", "went_well", "concern", "goals", "quality_time")
REQUIRED_FIELDS = ("appreciations", "went_well")


class WeeklyCheckInQuerySet(models.QuerySet["WeeklyCheckIn"]):
    def between(self, since=None, until=None) -> WeeklyCheckInQuerySet:
        qs = self
        if since:
            qs = qs.filter(week__gte=since)
        if until:
            qs = qs.filter(week__lte=until)
        return qs


class WeeklyCheckIn(models.Model):
    """One person's answers to the weekly agenda for one local week."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_checkins"
    )
    # The couple the answers were written in: a later or earlier partner never sees them.
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    # The Monday of the writer's local week.
    week = models.DateField()
    appreciations = EncryptedTextField(_("appreciations for the week"))
    went_well = EncryptedTextField(_("what went well"))
    concern = EncryptedTextField(_("one concern, as an I-statement"), blank=True, default="")
    goals = EncryptedTextField(_("goals revisited"), blank=True, default="")
    quality_time = EncryptedTextField(_("quality time for next week"), blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = WeeklyCheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-week"]
        constraints = [
            models.UniqueConstraint(fields=["author", "week"], name="one_weekly_checkin_per_week"),
        ]

    def __str__(self) -> str:
        return f"{self.author_id} week of {self.week}"
