from __future__ import annotations

from django.apps import AppConfig


class LanguageConfig(AppConfig):
    """Text analysis: risk detection in what people write, and the I-statement coach."""

    name = "turntoward.language"
    label = "language"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import Practice, register_practice

        register_practice(
            Practice(
                key="coach",
                name=_("I-statement coach"),
                description=_(
                    "Write what you want to say; see how it may land, and a gentler way to say it."
                ),
                url_name="language:coach",
                order=35,
            )
        )
