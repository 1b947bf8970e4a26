from __future__ import annotations

from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "turntoward.checkins"
    label = "checkins"

    def ready(self) -> None:
        from . import personal_data  # noqa: F401  (registers export/delete)
