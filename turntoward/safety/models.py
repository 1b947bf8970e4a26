"""The private safety screen and the person's own choice to pause couple features.

Both belong to one person alone: no partner, counsellor, count or report ever reads them.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from turntoward.core.fields import EncryptedTextField


class SafetyScreen(models.Model):
    """A person's latest answers to the private safety screen (retaking replaces them)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # {"question slug": "no" | "sometimes" | "yes"}, encrypted at rest.
    answers_json = EncryptedTextField(default="{}")
    taken_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"safety screen {self.pk}"

    @property
    def answers(self) -> dict[str, Any]:
        try:
            value = json.loads(self.answers_json or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


class SafetyPreference(models.Model):
    """Private settings: whether the offer was seen and whether couple features are paused."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    couple_paused = models.BooleanField(default=False)
    offer_dismissed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"safety preference {self.pk}"
