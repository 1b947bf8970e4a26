"""Load the lessons from content/lessons.yaml, upserting by slug."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from turntoward.core.content import read_yaml

CONTENT = Path(__file__).parent / "content" / "lessons.yaml"


def read_lessons(path: Path = CONTENT) -> list[dict]:
    data = read_yaml(path) or {}
    return list(data.get("lessons") or [])


def load_lessons() -> int:
    """Upsert every lesson; lessons dropped from the file leave the list, read marks stay."""
    from turntoward.lessons.models import Lesson

    rows = read_lessons()
    with transaction.atomic():
        for order, row in enumerate(rows, start=1):
            Lesson.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "title": row["title"].strip(),
                    "summary": row["summary"].strip(),
                    "body": row["body"].strip(),
                    "practice": row["practice"].strip(),
                    "related": (row.get("related") or "").strip(),
                    "order": order,
                    "active": True,
                },
            )
        Lesson.objects.exclude(slug__in=[r["slug"] for r in rows]).update(active=False)
    return len(rows)
