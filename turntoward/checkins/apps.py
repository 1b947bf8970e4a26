from __future__ import annotations

from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "turntoward.checkins"
    label = "checkins"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.registry import Practice, register_activity, register_practice
        from turntoward.privacy import own_checkins

        from . import personal_data  # noqa: F401  (registers export/delete)

        register_practice(
            Practice(
                key="checkin",
                name=_("Daily check-in"),
                description=_("Two minutes each evening, revealed when you have both answered."),
                url_name="checkins:checkin",
                order=0,
            )
        )
        register_activity(
            "checkin",
            lambda user: (
                own_checkins(user)
                .order_by("-created_at")
                .values_list("created_at", flat=True)
                .first()
            ),
        )
