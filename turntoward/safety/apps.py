from __future__ import annotations

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "turntoward.safety"
    label = "safety"

    def ready(self) -> None:
        from turntoward.core.registry import register_home_cards

        from . import cards, personal_data  # noqa: F401  (registers export/delete)

        register_home_cards("safety", cards.cards_for)
