"""A person's answers to an instrument and the engine's result. Private to the owner."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField


class AssessmentResponse(models.Model):
    """One completed instrument: the option positions chosen and what they score.

    `instrument` is the slug of a data file in `instruments/` (connection-check, csi-4,
    phq-2, phq-9, gad-2, gad-7, rses). Only the owner sees a response; the partner sees at
    most a summary the owner chose to share (score and band, never the answers).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    instrument = models.SlugField(_("instrument"), max_length=40)
    answers = models.JSONField(_("answers"))
    score = models.IntegerField(_("score"))
    band = models.SlugField(_("band"), max_length=40)
    subscores = models.JSONField(_("subscale scores"), default=dict, blank=True)
    follow_up = models.SlugField(_("follow-up"), max_length=40, blank=True)
    crisis = models.BooleanField(_("crisis panel shown"), default=False)
    note = EncryptedTextField(_("note"), blank=True)
    shared_with_partner = models.BooleanField(_("summary shared with partner"), default=False)
    # The couple it was shared with: a partner in a later couple never sees it.
    shared_couple = models.ForeignKey(
        "couples.Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "instrument", "created_at"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.score}"
