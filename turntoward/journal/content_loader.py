"""Loads journal prompts from content/prompts.yaml (upserting by slug) and checks the vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from turntoward.core.content import read_yaml

CONTENT = Path(__file__).parent / "content"


def read_prompts() -> dict[str, Any]:
    return read_yaml(CONTENT / "prompts.yaml")


def theme_names() -> dict[str, str]:
    return {t["slug"]: t["name"] for t in read_prompts()["themes"]}


def load() -> int:
    """Upsert every prompt; returns how many prompts the library holds."""
    from turntoward.journal import feelings
    from turntoward.journal.models import JournalPrompt

    feelings.core_feelings()  # a broken vocabulary fails loudly here, at migrate time
    data = read_prompts()
    with transaction.atomic():
        for order, prompt in enumerate(data["prompts"]):
            JournalPrompt.objects.update_or_create(
                slug=prompt["slug"],
                defaults={"theme": prompt["theme"], "text": prompt["text"], "order": order},
            )
    return len(data["prompts"])
