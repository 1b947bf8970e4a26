"""The lessons must be loaded for every test (a transactional test flushes them)."""

from __future__ import annotations

import pytest

from turntoward.lessons.content import load_lessons
from turntoward.lessons.models import Lesson


@pytest.fixture(autouse=True)
def _lessons(db) -> None:
    if not Lesson.objects.filter(active=True).exists():
        load_lessons()
