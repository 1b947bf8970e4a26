from __future__ import annotations

from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "turntoward.lessons"
    label = "lessons"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from turntoward.core.content import register_loader
        from turntoward.core.registry import Practice, register_activity, register_practice

        from . import personal_data  # noqa: F401  (registers export/delete)
        from .content import load_lessons
        from .services import last_read_time

        register_practice(
            Practice(
                key="lessons",
                name=_("Lessons"),
                description=_(
                    "Short, plain reads on relationship skills, each with a small practice to try."
                ),
                url_name="lessons:list",
                order=90,
            )
        )
        register_activity("lessons", last_read_time, private=True)
        register_loader("lessons", load_lessons)
