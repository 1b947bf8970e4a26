"""The daily check-in and the short replies partners give each other."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

SCALE_MIN, SCALE_MAX = 1, 5
TEXT_MAX = 1000
REPLY_MAX = 500


class CheckInQuerySet(models.QuerySet["CheckIn"]):
    def between(self, since=None, until=None) -> CheckInQuerySet:
        qs = self
        if since:
            qs = qs.filter(day__gte=since)
        if until:
            qs = qs.filter(day__lte=until)
        return qs


class CheckIn(models.Model):
    """One person's check-in for one of their local days."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    # The writer's local date, not the UTC date: "today" is where they are.
    day = models.DateField()
    mood = models.PositiveSmallIntegerField(
        _("mood"), validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)]
    )
    connection = models.PositiveSmallIntegerField(
        _("how connected I felt"),
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    good_thing = EncryptedTextField(_("one good thing"))
    hard_thing = EncryptedTextField(_("one hard thing"))
    need = EncryptedTextField(_("one thing I need"), blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["author", "day"], name="one_checkin_per_day"),
            models.CheckConstraint(
                condition=models.Q(mood__gte=SCALE_MIN, mood__lte=SCALE_MAX),
                name="checkin_mood_range",
            ),
            models.CheckConstraint(
                condition=models.Q(connection__gte=SCALE_MIN, connection__lte=SCALE_MAX),
                name="checkin_connection_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_id} {self.day}"


class CheckInReply(models.Model):
    """A partner's short answer to a revealed check-in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Kept (without its check-in) if the check-in's author deletes their account:
    # the reply is still its own author's writing.
    checkin = models.ForeignKey(
        CheckIn, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    day = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_replies"
    )
    text = EncryptedTextField(_("reply"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["checkin", "author"], name="one_reply_per_person"),
        ]

    def __str__(self) -> str:
        return f"reply {self.id}"
