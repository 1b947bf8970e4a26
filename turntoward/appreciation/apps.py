from __future__ import annotations

from django.apps import AppConfig


class AppreciationConfig(AppConfig):
    name = "turntoward.appreciation"
    label = "appreciation"

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
        from .home import appreciation_cards, last_activity
        from .services import load_content

        register_practice(
            Practice(
                key="appreciation",
                name=_("Appreciation"),
                description=_("Tell your partner what you value in them, a little every day."),
                url_name="appreciation:appreciations",
                order=30,
                needs_partner=True,
            )
        )
        register_practice(
            Practice(
                key="kindness",
                name=_("Small acts of kindness"),
                description=_(
                    "Ideas for little things that say “I see you”; mark the ones you do."
                ),
                url_name="appreciation:kindness",
                order=31,
            )
        )
        register_home_cards("appreciation", appreciation_cards)
        register_activity("appreciation", last_activity)
        register_loader("appreciation", load_content)
