"""Small builders for the weekly tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from turntoward import privacy
from turntoward.weekly.models import WeeklyCheckIn
from turntoward.weekly.services import current_week

ANSWERS = {
    "appreciations": "You made soup when I was tired",
    "went_well": "Sunday walk",
    "concern": "I feel rushed when mornings are chaotic and I need a plan",
    "goals": "Saving for the trip: on track",
    "quality_time": "Thursday film night",
}


def make_weekly(author: Any, week: date | None = None, **values: Any) -> WeeklyCheckIn:
    now = timezone.now()
    fields = {name: f"{author.name} {value}" for name, value in ANSWERS.items()}
    fields.update(values)
    return WeeklyCheckIn.objects.create(
        author=author,
        couple=privacy.couple_of(author),
        week=week or current_week(author),
        created_at=now,
        updated_at=now,
        **fields,
    )
