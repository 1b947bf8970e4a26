"""Load activity ideas from content/*.yaml, upserted by slug (idempotent)."""

from __future__ import annotations

from pathlib import Path

from turntoward.core.content import read_yaml

CONTENT_DIR = Path(__file__).parent / "content"
FIELDS = ("title", "description", "place", "minutes", "cost", "novel")


def read_ideas() -> list[dict]:
    items: list[dict] = []
    for path in sorted(CONTENT_DIR.glob("*.yaml")):
        items.extend(read_yaml(path) or [])
    return items


def load_ideas() -> int:
    from turntoward.activities.models import ActivityIdea

    items = read_ideas()
    for order, item in enumerate(items):
        ActivityIdea.objects.update_or_create(
            slug=item["slug"],
            defaults={**{k: item[k] for k in FIELDS}, "order": order},
        )
    return ActivityIdea.objects.count()
