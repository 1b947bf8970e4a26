from __future__ import annotations

from django.apps import AppConfig


class SelfcareConfig(AppConfig):
    name = "turntoward.selfcare"
    label = "selfcare"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )

        from . import content_loader, personal_data  # noqa: F401  (registers export/delete)
        from .cards import home_cards, last_activity

        register_practice(
            Practice(
                key="selfcare",
                name=_("Self-care"),
                description=_("A small personal plan for looking after yourself, and a log."),
                url_name="selfcare:plan",
                order=130,
            )
        )
        register_home_cards("selfcare", home_cards)
        register_activity("selfcare", last_activity, private=True)
        register_loader("selfcare", content_loader.load)
