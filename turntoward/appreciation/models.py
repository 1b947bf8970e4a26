"""Appreciations sent to a partner, and small acts of kindness from a shared library."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

TEXT_MAX = 1000
NOTE_MAX = 500


class AppreciationKind(models.TextChoices):
    DID = "did", _("Something they did")
    QUALITY = "quality", _("Who they are")


class Category(models.TextChoices):
    WORDS = "words", _("Words")
    TOUCH = "touch", _("Touch")
    HELP = "help", _("Help")
    TIME = "time", _("Time")
    SURPRISE = "surprise", _("Surprise")


class BetweenQuerySet(models.QuerySet):
    def between(self, since=None, until=None, *, field: str = "created_at"):
        qs = self
        if since:
            qs = qs.filter(**{f"{field}__gte": since})
        if until:
            qs = qs.filter(**{f"{field}__lte": until})
        return qs


class Appreciation(models.Model):
    """Words of thanks from one partner to the other, seen by both at once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appreciations_received",
    )
    kind = models.CharField(_("for"), max_length=10, choices=AppreciationKind.choices)
    text = EncryptedTextField(_("appreciation"))
    created_at = models.DateTimeField(default=timezone.now)

    objects = BetweenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"appreciation {self.id}"


class AppreciationPrompt(models.Model):
    """A daily nudge to appreciate, from content."""

    slug = models.SlugField(max_length=80, unique=True)
    text = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug


class KindnessIdea(models.Model):
    """An idea for a small act of kindness, from content."""

    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=10, choices=Category.choices)
    title = models.CharField(max_length=120)
    text = models.CharField(max_length=400)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["category", "order", "slug"]

    def __str__(self) -> str:
        return self.slug


class KindnessAct(models.Model):
    """'I did this': one partner did a kindness; the other may say it landed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kindness_acts"
    )
    idea = models.ForeignKey(KindnessIdea, on_delete=models.PROTECT, related_name="acts")
    note = EncryptedTextField(_("note"), blank=True, default="")
    done_at = models.DateTimeField(default=timezone.now)
    landed_at = models.DateTimeField(null=True, blank=True)
    landed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kindness_landed",
    )

    objects = BetweenQuerySet.as_manager()

    class Meta:
        ordering = ["-done_at"]

    def __str__(self) -> str:
        return f"kindness {self.id}"
