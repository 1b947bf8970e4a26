from __future__ import annotations

from django.apps import AppConfig


class LanguageConfig(AppConfig):
    """Text analysis: risk detection in what people write, and the I-statement coach."""

    name = "turntoward.language"
    label = "language"
