"""The curiosity deck must be loaded for every test (a transactional test flushes it)."""

from __future__ import annotations

import pytest

from turntoward.curiosity.content import load_questions
from turntoward.curiosity.models import Question


@pytest.fixture(autouse=True)
def _deck(db) -> None:
    if not Question.objects.filter(active=True).exists():
        load_questions()


@pytest.fixture
def small_deck(db) -> list[Question]:
    """Only three questions stay in the deck, so a round is quick to use up."""
    keep = ["us-best-day", "play-dance", "values-good-life"]
    Question.objects.exclude(slug__in=keep).update(active=False)
    return list(Question.objects.filter(slug__in=keep))
