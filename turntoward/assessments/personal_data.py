"""Assessment responses in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import assessments as gate


@register
class AssessmentResponseData(PersonalData):
    key = "assessments"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(r.id),
                "instrument": r.instrument,
                "answers": r.answers,
                "score": r.score,
                "band": r.band,
                "subscores": r.subscores,
                "follow_up": r.follow_up or None,
                "crisis": r.crisis,
                "note": r.note,
                "shared_with_partner": r.shared_with_partner,
                "created_at": r.created_at.isoformat(),
            }
            for r in gate.authored_responses(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_responses(self.user).delete()
