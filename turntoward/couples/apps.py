from __future__ import annotations

from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "turntoward.couples"
    label = "couples"

    def ready(self) -> None:
        from . import personal_data  # noqa: F401  (registers export/delete)
