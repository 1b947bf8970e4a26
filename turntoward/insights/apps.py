from __future__ import annotations

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "turntoward.insights"
    label = "insights"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import Practice, register_practice

        register_practice(
            Practice(
                key="insights",
                name=_("Insights"),
                description=_(
                    "How connected you have felt, how bids were met, how you share the "
                    "effort, and the small wins along the way. Patterns, not culprits."
                ),
                url_name="insights:insights",
                order=300,
            )
        )
