"""Which lessons a person marked as read, in their export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import lessons as gate


@register
class LessonReadData(PersonalData):
    key = "lessons_read"

    def export(self) -> list[dict[str, Any]]:
        return [
            {"lesson": r.lesson.slug, "read_at": r.read_at.isoformat()}
            for r in gate.authored_reads(self.user).select_related("lesson").order_by("read_at")
        ]

    def delete(self) -> None:
        gate.authored_reads(self.user).delete()
