from __future__ import annotations

from django.apps import AppConfig


class WeeklyConfig(AppConfig):
    name = "turntoward.weekly"
    label = "weekly"

    def ready(self) -> None:
        # Register here: the practice (core.registry.register_practice), home cards,
        # activity, content loader (core.content.register_loader) and personal data.
        pass
