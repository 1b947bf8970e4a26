"""Write turntoward/assessments/instrument_messages.py from the instrument YAML files."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from turntoward.assessments.messages import TARGET, collect, render


class Command(BaseCommand):
    help = "Mark every instrument's wording for translation (--check: only verify)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        messages = collect()
        wanted = render(messages)
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
        if options["check"]:
            if current != wanted:
                raise CommandError(f"{TARGET.name} is out of date; run instrument_messages.")
            self.stdout.write(f"{TARGET.name} is up to date ({len(messages)} strings).")
            return
        if current != wanted:
            TARGET.write_text(wanted, encoding="utf-8", newline="\n")
        self.stdout.write(f"Wrote {TARGET.name} ({len(messages)} strings).")
