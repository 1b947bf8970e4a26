"""Load the question deck from content/questions.yaml, upserting by slug."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from turntoward.core.content import read_yaml

CONTENT = Path(__file__).parent / "content" / "questions.yaml"


def read_questions(path: Path = CONTENT) -> list[dict[str, str]]:
    """The questions of the file as flat rows: slug, theme, text."""
    data = read_yaml(path) or {}
    rows = []
    for theme, items in (data.get("themes") or {}).items():
        for item in items or []:
            rows.append({"slug": item["slug"], "theme": theme, "text": item["text"].strip()})
    return rows


def load_questions() -> int:
    """Upsert the deck; questions no longer in the file leave the deck but keep answers."""
    from turntoward.curiosity.models import Question

    rows = read_questions()
    with transaction.atomic():
        for row in rows:
            Question.objects.update_or_create(
                slug=row["slug"],
                defaults={"theme": row["theme"], "text": row["text"], "active": True},
            )
        Question.objects.exclude(slug__in=[r["slug"] for r in rows]).update(active=False)
    return len(rows)
