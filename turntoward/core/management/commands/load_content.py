"""Load or refresh every practice's content from its data files."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from turntoward.core.content import load_all


class Command(BaseCommand):
    help = "Load questions, ideas, lessons and other content from the apps' data files."

    def handle(self, *args: Any, **options: Any) -> None:
        for key, count in load_all().items():
            self.stdout.write(f"{key}: {count}")
