from __future__ import annotations

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "turntoward.assessments"
    label = "assessments"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import (
            Practice,
            register_activity,
            register_home_cards,
            register_practice,
        )

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .home import assessment_cards, last_assessment

        register_practice(
            Practice(
                key="assessments",
                name=_("Connection check and well-being"),
                description=_(
                    "A private look at the signs of distance in your relationship, retaken "
                    "every few weeks, and short well-being questionnaires. Only you see them."
                ),
                url_name="assessments:list",
                order=5,
            )
        )
        register_home_cards("assessments", assessment_cards)
        register_activity("assessments", last_assessment, private=True)
