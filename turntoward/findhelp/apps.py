from __future__ import annotations

from django.apps import AppConfig


class FindhelpConfig(AppConfig):
    name = "turntoward.findhelp"
    label = "findhelp"

    def ready(self) -> None:
        from turntoward.core.registry import register_home_cards

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .home import signal_cards

        register_home_cards("findhelp", signal_cards)
