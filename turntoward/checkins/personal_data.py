"""Check-ins and replies in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward import privacy
from turntoward.core.personal_data import PersonalData, register


@register
class CheckInData(PersonalData):
    key = "checkins"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(c.id),
                "day": c.day.isoformat(),
                "mood": c.mood,
                "connection": c.connection,
                "good_thing": c.good_thing,
                "hard_thing": c.hard_thing,
                "need": c.need,
                "created_at": c.created_at.isoformat(),
                "updated_at": c.updated_at.isoformat(),
            }
            for c in privacy.authored_checkins(self.user).order_by("day")
        ]

    def delete(self) -> None:
        privacy.authored_checkins(self.user).delete()


@register
class CheckInReplyData(PersonalData):
    key = "checkin_replies"

    def export(self) -> list[dict[str, Any]]:
        # The day only: the check-in replied to was the partner's, not mine to export.
        return [
            {
                "id": str(r.id),
                "day": r.day.isoformat(),
                "text": r.text,
                "created_at": r.created_at.isoformat(),
                "updated_at": r.updated_at.isoformat(),
            }
            for r in privacy.authored_replies(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        privacy.authored_replies(self.user).delete()
