"""Loads the self-care ideas from content/ideas.yaml, upserting by slug."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from turntoward.core.content import read_yaml

CONTENT = Path(__file__).parent / "content"


def read_ideas() -> dict[str, Any]:
    return read_yaml(CONTENT / "ideas.yaml")


def load() -> int:
    """Upsert every idea; returns how many the library holds."""
    from turntoward.selfcare.models import SelfCareIdea

    data = read_ideas()
    with transaction.atomic():
        for order, idea in enumerate(data["ideas"]):
            frequency = idea["frequency"]
            times = {"daily": 7, "weekly": 1}.get(frequency, int(idea.get("times", 1)))
            SelfCareIdea.objects.update_or_create(
                slug=idea["slug"],
                defaults={
                    "title": idea["title"],
                    "description": idea["description"],
                    "category": idea["category"],
                    "frequency": frequency,
                    "times": times,
                    "order": order,
                },
            )
    return len(data["ideas"])


def category_names() -> dict[str, str]:
    return {c["slug"]: c["name"] for c in read_ideas()["categories"]}
