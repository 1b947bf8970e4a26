from __future__ import annotations

from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "turntoward.journal"
    label = "journal"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import Practice, register_activity, register_practice
        from turntoward.privacy import journal as gate

        from . import content_loader, personal_data  # noqa: F401  (registers export/delete)

        register_practice(
            Practice(
                key="journal",
                name=_("Journal"),
                description=_("Private pages to notice and name what you feel. Only you see them."),
                url_name="journal:list",
                order=120,
            )
        )
        register_activity(
            "journal",
            lambda user: (
                gate.entries_visible_to(user)
                .order_by("-created_at")
                .values_list("created_at", flat=True)
                .first()
            ),
            private=True,
        )
        register_loader("journal", content_loader.load)
