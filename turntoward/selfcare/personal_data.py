"""Self-care plan items and log in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import selfcare as gate


@register
class SelfCareItemData(PersonalData):
    key = "selfcare_items"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(i.id),
                "title": i.title,
                "note": i.note,
                "frequency": i.frequency,
                "times_a_week": i.times,
                "idea": i.idea.slug if i.idea else None,
                "created_at": i.created_at.isoformat(),
                "updated_at": i.updated_at.isoformat(),
            }
            for i in gate.authored_items(self.user).select_related("idea").order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_items(self.user).delete()


@register
class SelfCareLogData(PersonalData):
    key = "selfcare_log"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(log.id),
                "item": str(log.item_id),
                "day": log.day.isoformat(),
                "note": log.note,
                "feeling": log.feeling,
                "created_at": log.created_at.isoformat(),
                "updated_at": log.updated_at.isoformat(),
            }
            for log in gate.authored_logs(self.user).order_by("day", "created_at")
        ]

    def delete(self) -> None:
        gate.authored_logs(self.user).delete()
