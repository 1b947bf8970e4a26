from __future__ import annotations

from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "turntoward.reflection"
    label = "reflection"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )
        from turntoward.privacy import reflection as gate

        from . import content, personal_data  # noqa: F401  (registers export/delete)
        from .cards import home_cards

        register_practice(
            Practice(
                key="reflection",
                name=_("Patterns without blame"),
                description=_(
                    "A private look at the routines and pressures that pulled you apart, "
                    "and one thing you could change."
                ),
                url_name="reflection:reflections",
                order=110,
            )
        )
        register_practice(
            Practice(
                key="repair",
                name=_("Forgiveness and repair"),
                description=_("Step by step after a hurt; share it when you are ready."),
                url_name="reflection:repairs",
                order=111,
            )
        )
        register_practice(
            Practice(
                key="boundaries",
                name=_("Boundaries"),
                description=_("Write what you need and what is not acceptable to you."),
                url_name="reflection:boundaries",
                order=112,
            )
        )
        register_home_cards("reflection", home_cards)

        def latest(user):
            times = [
                own.order_by("-updated_at").values_list("updated_at", flat=True).first()
                for own in (
                    gate.authored_reflections(user),
                    gate.authored_repairs(user),
                    gate.authored_repair_responses(user),
                    gate.authored_boundaries(user),
                )
            ]
            times = [t for t in times if t is not None]
            return max(times) if times else None

        register_activity("reflection", latest, private=True)
        register_loader("reflection", content.load)
