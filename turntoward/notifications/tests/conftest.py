"""People and a frozen clock for the notification tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from turntoward.notifications.models import Notification


def at(text: str) -> datetime:
    """A UTC instant from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def rows(user, kind: str | None = None) -> list[Notification]:
    qs = Notification.objects.filter(user=user)
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs.order_by("due_at"))


@pytest.fixture(autouse=True)
def _old_accounts(db):
    """Accounts made "today" still count as joined long ago for feeds and scans."""
    yield
