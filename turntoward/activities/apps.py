from __future__ import annotations

from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "turntoward.activities"
    label = "activities"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .content_loader import load_ideas
        from .home import cards_for, last_activity

        register_practice(
            Practice(
                key="activities",
                name=_("Novelty and quality time"),
                description=_(
                    "Ideas for time together, some of them new for you both. Plan one, "
                    "do it, then each say how it felt."
                ),
                url_name="activities:ideas",
                order=40,
                needs_partner=True,
            )
        )
        register_home_cards("activities", cards_for)
        register_activity("activities", last_activity)
        register_loader("activities", load_ideas)
