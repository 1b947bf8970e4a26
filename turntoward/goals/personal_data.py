"""Goals and goal updates in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import goals as gate


@register
class GoalData(PersonalData):
    key = "goals"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(g.id),
                "title": g.title,
                "why": g.why,
                "status": g.status,
                "shared": g.is_shared,
                "reached_at": g.reached_at.isoformat() if g.reached_at else None,
                "created_at": g.created_at.isoformat(),
                "updated_at": g.updated_at.isoformat(),
            }
            for g in gate.authored_goals(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_goals(self.user).delete()


@register
class GoalUpdateData(PersonalData):
    key = "goal_updates"

    def export(self) -> list[dict[str, Any]]:
        # The goal's id only: a shared goal's title may be the partner's writing.
        return [
            {
                "id": str(u.id),
                "goal": str(u.goal_id) if u.goal_id else None,
                "progress": u.progress,
                "note": u.note,
                "created_at": u.created_at.isoformat(),
            }
            for u in gate.authored_updates(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_updates(self.user).delete()
