from __future__ import annotations

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "turntoward.notifications"
    label = "notifications"

    def ready(self) -> None:
        from . import personal_data, signals, tasks  # noqa: F401  (registers export, tasks)

        signals.connect()
