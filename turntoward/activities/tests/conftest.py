"""Shared helpers for the activities tests."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from turntoward.activities.models import ActivityIdea, ActivityPlan, ActivityReflection


def soon(hours: int = 24) -> datetime:
    return timezone.now() + timedelta(hours=hours)


def make_plan(planner, idea: str = "sunrise-walk", *, hours: int = 24, note: str = "", **kw):
    from turntoward import privacy

    kw.setdefault("couple", privacy.couple_of(planner))
    return ActivityPlan.objects.create(
        idea=ActivityIdea.objects.get(slug=idea),
        planner=planner,
        starts_at=soon(hours),
        note=note,
        **kw,
    )


def make_reflection(author, plan, feeling: int = 4, note: str = "") -> ActivityReflection:
    return ActivityReflection.objects.create(plan=plan, author=author, feeling=feeling, note=note)


@pytest.fixture
def plan(alice, couple):
    return make_plan(alice, note="alice-plan-note-saffron")
