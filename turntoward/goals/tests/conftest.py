"""Shared helpers for the goals tests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from turntoward.goals.models import Goal, GoalUpdate


def make_goal(author, title: str = "Walk together on Sundays", *, days_ago: int = 0, **kw):
    from turntoward import privacy

    kw.setdefault("couple", privacy.couple_of(author))
    when = timezone.now() - timedelta(days=days_ago)
    return Goal.objects.create(author=author, title=title, created_at=when, updated_at=when, **kw)


def make_update(author, goal, *, progress=None, note: str = "", days_ago: float = 0):
    return GoalUpdate.objects.create(
        goal=goal,
        author=author,
        progress=progress,
        note=note,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.fixture
def goal(alice, couple):
    return make_goal(alice, "alice-goal-juniper", why="alice-why-meadow")
