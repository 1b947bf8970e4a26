"""Notification preferences, and one row per notification a person is due."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Kind(models.TextChoices):
    DAILY_CHECKIN = "daily_checkin", _("Daily check-in is due")
    PARTNER_CHECKIN = "partner_checkin", _("My partner checked in")
    APPRECIATION = "appreciation", _("A new appreciation")
    BID_RESPONSE = "bid_response", _("A reach-out was answered")
    REPAIR = "repair", _("A repair was shared or answered")
    QUESTION = "question", _("The question of the day is waiting")
    WEEKLY_CHECKIN = "weekly_checkin", _("Weekly check-in is due")
    ACTIVITY = "activity", _("A planned activity is coming")
    GOAL = "goal", _("A goal to revisit")
    RETAKE = "retake", _("Time to retake the connection check")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    IN_APP = "in_app", _("In the app")


class NotificationPreferences(models.Model):
    """When and how a person wants to be nudged. Times are in the person's own time zone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_prefs"
    )
    daily_time = models.TimeField(_("daily check-in reminder"), default=dt.time(21, 0))
    weekly_day = models.PositiveSmallIntegerField(
        _("weekly check-in day"), default=6, help_text=_("0 is Monday, 6 is Sunday.")
    )
    weekly_time = models.TimeField(_("weekly check-in time"), default=dt.time(19, 0))
    retake_weeks = models.PositiveSmallIntegerField(_("connection check every (weeks)"), default=4)
    quiet_start = models.TimeField(_("quiet hours start"), null=True, blank=True)
    quiet_end = models.TimeField(_("quiet hours end"), null=True, blank=True)
    channels = models.JSONField(
        _("channels per event"),
        default=dict,
        blank=True,
        help_text=_("Event kind to a list of channels, from 'email' and 'in_app'."),
    )
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_calendar_token
    )

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"notification preferences of {self.user_id}"

    def channels_for(self, kind: str) -> list[str]:
        """The channels chosen for one kind; both until the person says otherwise."""
        chosen = (self.channels or {}).get(kind)
        if chosen is None:
            return [Channel.EMAIL.value, Channel.IN_APP.value]
        return [c for c in Channel.values if c in chosen]

    def in_quiet_hours(self, local: dt.datetime) -> bool:
        """Whether a local wall-clock time falls inside the quiet window (which may wrap)."""
        if self.quiet_start is None or self.quiet_end is None or self.quiet_start == self.quiet_end:
            return False
        at = local.time().replace(tzinfo=None)
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= at < self.quiet_end
        return at >= self.quiet_start or at < self.quiet_end

    def quiet_ends_after(self, local: dt.datetime) -> dt.datetime:
        """The next instant after `local` (aware) at which the quiet window ends."""
        zone = local.tzinfo
        end = self.quiet_end or dt.time(0, 0)
        moment = dt.datetime.combine(local.date(), end, tzinfo=zone)
        if moment <= local:
            moment = dt.datetime.combine(local.date() + dt.timedelta(days=1), end, tzinfo=zone)
        return moment.astimezone(dt.UTC)


def prefs_for(user) -> NotificationPreferences:
    """The person's preferences, created with the defaults on first use."""
    prefs, _created = NotificationPreferences.objects.get_or_create(user=user)
    return prefs


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("No longer useful")


class Notification(models.Model):
    """One occurrence of one event for one person, sent at most once.

    The unique (user, kind, key) constraint makes finding an event idempotent; the
    status column is the claim that makes sending it idempotent. Only the kind and a
    link are kept: never anything a person wrote.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=80)
    link = models.CharField(max_length=200)
    due_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim = models.CharField(max_length=40, blank=True, default="")
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)
    in_app = models.BooleanField(default=False)
    # Failed email sends so far; after a few the row is delivered in the app alone.
    attempts = models.PositiveSmallIntegerField(default=0)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "key"], name="one_notification_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["status", "due_at"]),
            models.Index(fields=["user", "in_app", "read_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} for {self.user_id}"
