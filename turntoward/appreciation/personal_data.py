"""Appreciations and kindness acts in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import appreciation as gate


@register
class AppreciationData(PersonalData):
    key = "appreciations"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(a.id),
                "kind": a.kind,
                "text": a.text,
                "created_at": a.created_at.isoformat(),
            }
            for a in gate.authored_appreciations(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_appreciations(self.user).delete()


@register
class KindnessActData(PersonalData):
    key = "kindness_acts"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(a.id),
                "idea": a.idea.slug,
                "note": a.note,
                "done_at": a.done_at.isoformat(),
                "landed_at": a.landed_at.isoformat() if a.landed_at else None,
            }
            for a in gate.authored_kindness_acts(self.user)
            .select_related("idea")
            .order_by("done_at")
        ]

    def delete(self) -> None:
        gate.authored_kindness_acts(self.user).delete()
