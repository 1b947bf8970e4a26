"""Weekly check-ins in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import weekly as gate
from turntoward.weekly.models import ANSWER_FIELDS


@register
class WeeklyCheckInData(PersonalData):
    key = "weekly_checkins"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(w.id),
                "week": w.week.isoformat(),
                **{name: getattr(w, name) for name in ANSWER_FIELDS},
                "created_at": w.created_at.isoformat(),
                "updated_at": w.updated_at.isoformat(),
            }
            for w in gate.authored_weekly_checkins(self.user).order_by("week")
        ]

    def delete(self) -> None:
        gate.authored_weekly_checkins(self.user).delete()
