from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_content(**kwargs: Any) -> None:
    from turntoward.core.content import load_all

    load_all()


class CoreConfig(AppConfig):
    name = "turntoward.core"
    label = "core"

    def ready(self) -> None:
        # Once per migrate (and per test-database flush): content is always present.
        post_migrate.connect(_load_content, sender=self, dispatch_uid="turntoward-load-content")
