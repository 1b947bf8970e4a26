"""Curiosity answers, favourites and solo question days in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import curiosity as gate


@register
class AnswerData(PersonalData):
    key = "curiosity_answers"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(a.id),
                "question": a.question.slug,
                "question_text": a.question.text,
                "text": a.text,
                "created_at": a.created_at.isoformat(),
                "updated_at": a.updated_at.isoformat(),
            }
            for a in gate.authored_answers(self.user)
            .select_related("question")
            .order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_answers(self.user).delete()


@register
class FavouriteData(PersonalData):
    key = "curiosity_favourites"

    def export(self) -> list[dict[str, Any]]:
        return [
            {"question": f.question.slug, "created_at": f.created_at.isoformat()}
            for f in gate.authored_favourites(self.user).select_related("question")
        ]

    def delete(self) -> None:
        gate.authored_favourites(self.user).delete()


@register
class ServedQuestionData(PersonalData):
    key = "curiosity_question_days"

    def export(self) -> list[dict[str, Any]]:
        # Only the days served to me alone; a couple's days belong to both.
        return [
            {"day": s.day.isoformat(), "question": s.question.slug, "round": s.round}
            for s in gate.authored_served(self.user).select_related("question").order_by("day")
        ]

    def delete(self) -> None:
        gate.authored_served(self.user).delete()
