from __future__ import annotations

from django.apps import AppConfig


class CuriosityConfig(AppConfig):
    name = "turntoward.curiosity"
    label = "curiosity"

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
        from .content import load_questions
        from .home import home_cards
        from .services import last_answer_time

        register_practice(
            Practice(
                key="curiosity",
                name=_("Curiosity questions"),
                description=_(
                    "One open question a day. Answer it, then see how your partner answered."
                ),
                url_name="curiosity:today",
                order=30,
            )
        )
        register_home_cards("curiosity", home_cards)
        register_activity("curiosity", last_answer_time)
        register_loader("curiosity", load_questions)
