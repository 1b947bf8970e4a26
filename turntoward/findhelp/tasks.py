"""The worker's daily run of the escalation signals, so "noticed since" needs no cron."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from turntoward.findhelp.signals import compute_all_signals


@db_periodic_task(crontab(minute="7", hour="*/6"))
def compute_signals_regularly() -> dict[str, int]:
    """Every six hours (people's local days start at different hours); safe to repeat."""
    return compute_all_signals()
