"""Journal entries in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import journal as gate


@register
class JournalEntryData(PersonalData):
    key = "journal"

    def export(self) -> list[dict[str, Any]]:
        entries = (
            gate.authored_entries(self.user)
            .select_related("prompt")
            .prefetch_related("feelings")
            .order_by("created_at")
        )
        return [
            {
                "id": str(e.id),
                "day": e.day.isoformat(),
                "title": e.title,
                "body": e.body,
                "prompt": e.prompt.text if e.prompt else None,
                "feelings": e.feeling_slugs,
                "created_at": e.created_at.isoformat(),
                "updated_at": e.updated_at.isoformat(),
            }
            for e in entries
        ]

    def delete(self) -> None:
        gate.authored_entries(self.user).delete()
