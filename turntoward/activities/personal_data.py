"""Activity plans and reflections in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import activities as gate


@register
class ActivityPlanData(PersonalData):
    key = "activity_plans"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(p.id),
                "idea": p.idea.slug,
                "title": p.idea.title,
                "starts_at": p.starts_at.isoformat(),
                "note": p.note,
                "status": p.status,
                "done_at": p.done_at.isoformat() if p.done_at else None,
                "created_at": p.created_at.isoformat(),
            }
            for p in gate.authored_plans(self.user).select_related("idea").order_by("starts_at")
        ]

    def delete(self) -> None:
        gate.authored_plans(self.user).delete()


@register
class ActivityReflectionData(PersonalData):
    key = "activity_reflections"

    def export(self) -> list[dict[str, Any]]:
        # The activity's title only: the plan itself may be the partner's.
        return [
            {
                "id": str(r.id),
                "activity": r.plan.idea.title if r.plan else None,
                "feeling": r.feeling,
                "note": r.note,
                "created_at": r.created_at.isoformat(),
                "updated_at": r.updated_at.isoformat(),
            }
            for r in gate.authored_reflections(self.user)
            .select_related("plan__idea")
            .order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_reflections(self.user).delete()
