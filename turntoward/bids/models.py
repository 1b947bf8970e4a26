"""Bids for connection: a reach-out, how it was met, and a later repair."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

DESCRIPTION_MAX = 1000
NOTE_MAX = 500
# An unanswered bid counts as missed once this long has passed since it happened.
OPEN_GRACE = timedelta(days=1)


class BidKind(models.TextChoices):
    ATTENTION = "attention", _("Attention")
    AFFIRMATION = "affirmation", _("Affirmation")
    AFFECTION = "affection", _("Affection")
    HELP = "help", _("Help")
    HUMOUR = "humour", _("Humour")
    SHARING_NEWS = "sharing_news", _("Sharing news")


class BidResponse(models.TextChoices):
    TOWARD = "toward", _("Turned toward")
    AWAY = "away", _("Turned away")
    AGAINST = "against", _("Turned against")


class BidQuerySet(models.QuerySet["Bid"]):
    def between(self, since=None, until=None) -> BidQuerySet:
        qs = self
        if since:
            qs = qs.filter(occurred_at__gte=since)
        if until:
            qs = qs.filter(occurred_at__lte=until)
        return qs


class Bid(models.Model):
    """One reach-out by one partner to the other, logged by either of them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    # Who wrote this entry down; the bid is their writing.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bids_logged"
    )
    # The two people in the bid. Kept null if one deletes their account: the entry is
    # still its author's writing.
    maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bids_made",
    )
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bids_received",
    )
    description = EncryptedTextField(_("what happened"))
    kind = models.CharField(_("kind"), max_length=20, choices=BidKind.choices)
    occurred_at = models.DateTimeField(_("when"))
    response = models.CharField(
        _("response"), max_length=10, choices=BidResponse.choices, blank=True, default=""
    )
    response_note = EncryptedTextField(_("note on the response"), blank=True, default="")
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bid_responses",
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    repair_note = EncryptedTextField(_("repair note"), blank=True, default="")
    repaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bid_repairs",
    )
    repaired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = BidQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(response__in=["", "toward", "away", "against"]),
                name="bid_response_known",
            ),
        ]

    def __str__(self) -> str:
        return f"bid {self.id}"

    @property
    def is_open(self) -> bool:
        return not self.response

    def is_missed(self, now=None) -> bool:
        """Turned away from or against, or left open for more than a day."""
        if self.response in (BidResponse.AWAY, BidResponse.AGAINST):
            return True
        now = now or timezone.now()
        return not self.response and self.occurred_at <= now - OPEN_GRACE

    @property
    def is_repaired(self) -> bool:
        return self.repaired_at is not None
