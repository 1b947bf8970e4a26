"""Content of the reflection practices: the pressures (in the database) and the step guides."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db import transaction

from turntoward.core.content import read_yaml

CONTENT = Path(__file__).parent / "content"


@lru_cache(maxsize=1)
def guides() -> dict[str, dict[str, Any]]:
    """Guides by slug: intro and steps keyed by field."""
    data = read_yaml(CONTENT / "guides.yaml")
    return {
        g["slug"]: {**g, "by_field": {s["field"]: s for s in g["steps"]}} for g in data["guides"]
    }


def load() -> int:
    """Upsert the pressures by slug (idempotent); return how many there are."""
    from turntoward.reflection.models import Pressure

    guides.cache_clear()
    items = read_yaml(CONTENT / "pressures.yaml")["pressures"]
    with transaction.atomic():
        for item in items:
            Pressure.objects.update_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "prompt": item["prompt"], "order": item["order"]},
            )
    return len(items)
