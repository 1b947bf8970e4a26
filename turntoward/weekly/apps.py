from __future__ import annotations

from django.apps import AppConfig


class WeeklyConfig(AppConfig):
    name = "turntoward.weekly"
    label = "weekly"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )
        from turntoward.privacy.weekly import own_weekly_checkins

        from . import content, personal_data  # noqa: F401  (registers export/delete)
        from .cards import home_cards

        register_practice(
            Practice(
                key="weekly",
                name=_("Weekly check-in"),
                description=_(
                    "A guided twenty minutes once a week: thanks, what went well, one concern "
                    "and time together."
                ),
                url_name="weekly:weekly",
                order=60,
                needs_partner=True,
            )
        )
        register_home_cards("weekly", home_cards)
        register_activity(
            "weekly",
            lambda user: (
                own_weekly_checkins(user)
                .order_by("-updated_at")
                .values_list("updated_at", flat=True)
                .first()
            ),
        )
        register_loader("weekly", content.load)
