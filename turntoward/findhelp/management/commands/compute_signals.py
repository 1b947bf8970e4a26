"""Evaluate every person's signals and record when each starts and clears."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from turntoward.findhelp.signals import compute_all_signals


class Command(BaseCommand):
    help = "Compute escalation signals for everyone (run daily, e.g. from cron)."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        result = compute_all_signals()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{result['active']} active signals ({result['started']} new, "
            f"{result['cleared']} cleared) in {seconds:.1f}s"
        )
