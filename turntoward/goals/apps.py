from __future__ import annotations

from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "turntoward.goals"
    label = "goals"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .home import cards_for, last_activity

        register_practice(
            Practice(
                key="goals",
                name=_("Shared goals"),
                description=_(
                    "Set a goal together, note the steps, revisit it every two weeks and "
                    "celebrate when you get there."
                ),
                url_name="goals:goals",
                order=45,
                needs_partner=False,
            )
        )
        register_home_cards("goals", cards_for)
        register_activity("goals", last_activity)
