"""Counsellors listed on the instance, and the state of each person's signals."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def split_list(text: str) -> list[str]:
    """'Pune, Mumbai' -> ['Pune', 'Mumbai']: cities and languages are typed as lists."""
    return [item.strip() for item in (text or "").split(",") if item.strip()]


class CounsellingPractice(models.Model):
    """A counselling centre or private practice that counsellors work in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("about"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("listed"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("counselling practice")
        verbose_name_plural = _("counselling practices")

    def __str__(self) -> str:
        return self.name


class CounsellorQuerySet(models.QuerySet["Counsellor"]):
    def listed(self) -> CounsellorQuerySet:
        """Listings shown to people: active, and in an active practice when they have one."""
        return self.filter(is_active=True).exclude(practice__is_active=False)


class Counsellor(models.Model):
    """One counsellor's listing on the Find help page."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    practice = models.ForeignKey(
        CounsellingPractice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counsellors",
        verbose_name=_("practice"),
    )
    name = models.CharField(_("name"), max_length=200)
    qualifications = models.CharField(_("training and licence"), max_length=300, blank=True)
    approach = models.TextField(_("approach"), blank=True)
    works_with = models.CharField(
        _("works with"),
        max_length=200,
        blank=True,
        help_text=_("For example: couples, individuals."),
    )
    cities = models.CharField(
        _("cities (in person)"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated. Leave empty for online only."),
    )
    online = models.BooleanField(_("sees people online"), default=False)
    languages = models.CharField(_("languages"), max_length=300, help_text=_("Comma-separated."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    booking_url = models.URLField(_("booking link"), blank=True)
    how_to_request = models.TextField(
        _("how to request a session"),
        blank=True,
        help_text=_("Plain steps, for example: write with two times that suit you."),
    )
    fees = models.CharField(_("fees"), max_length=200, blank=True)
    is_active = models.BooleanField(_("listed"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CounsellorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("counsellor")
        verbose_name_plural = _("counsellors")

    def __str__(self) -> str:
        return self.name

    @property
    def city_list(self) -> list[str]:
        return split_list(self.cities)

    @property
    def language_list(self) -> list[str]:
        return split_list(self.languages)

    @property
    def in_person(self) -> bool:
        return bool(self.city_list)


class SignalKey(models.TextChoices):
    ONE_SIDED_EFFORT = "one_sided_effort", _("Effort has been one-sided")
    DECLINING_CONNECTION = "declining_connection", _("Connection has been falling")
    DISENGAGED_PARTNER = "disengaged_partner", _("Your partner has been quiet")
    LOW_CONNECTION = "low_connection", _("Connection has felt low")
    CSI_LOW_TWICE = "csi_low_twice", _("Relationship satisfaction has been low")
    WELLBEING_LOW = "wellbeing_low", _("Your well-being answers were low")


class SignalState(models.Model):
    """When a signal started and stopped for one person; written by compute_signals.

    No numbers or content are kept, only which rule and when, so the notifications
    helper can tell that something changed without knowing why.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signal_states"
    )
    key = models.CharField(max_length=40, choices=SignalKey.choices)
    fired_at = models.DateTimeField(default=timezone.now)
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-fired_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"],
                condition=models.Q(cleared_at__isnull=True),
                name="one_open_signal_per_rule",
            ),
        ]
        indexes = [models.Index(fields=["user", "key", "cleared_at"])]

    def __str__(self) -> str:
        return f"{self.key} for {self.user_id}"
