"""The worker's tasks: every minute, find what is due and send it."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from turntoward.notifications.schedule import find_due
from turntoward.notifications.sending import send_due


def scan(now=None) -> dict:
    """Record what is due at `now` for everyone, then send what nobody else holds."""
    now = now or timezone.now()
    found = find_due(now)
    sent = send_due(now)
    return {"found": found, **{str(k): v for k, v in sent.items()}}


@db_periodic_task(crontab(minute="*"))
def scan_every_minute() -> dict:
    return scan()


@db_task()
def scan_now(now: str | None = None) -> dict:
    """Run a scan at once: on start-up, or at a given ISO instant (tests, catching up)."""
    return scan(datetime.fromisoformat(now) if now else None)
