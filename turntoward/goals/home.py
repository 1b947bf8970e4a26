"""Home-page cards and last-activity time for the goals practice."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from turntoward.core.registry import HomeCard
from turntoward.goals import services
from turntoward.privacy import goals as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def cards_for(user: User) -> list[HomeCard]:
    """A revisit nudge when a goal has had no update for two weeks (no goal text shown)."""
    if not user.is_authenticated:
        return []
    due = services.goals_to_revisit(user)
    if not due:
        return []
    url = reverse("goals:goal", args=[due[0].pk]) if len(due) == 1 else reverse("goals:goals")
    return [
        HomeCard(
            key="goals-revisit",
            title=_("Time to revisit a goal"),
            body=ngettext(
                "A goal hasn't had an update for two weeks. A small step or a note "
                "on where things stand keeps it alive.",
                "%(n)s goals haven't had an update for two weeks. A small step or a note "
                "on where things stand keeps them alive.",
                len(due),
            )
            % {"n": len(due)},
            url=url,
            action=_("Revisit"),
            priority=40,
        )
    ]


def last_activity(user: User) -> datetime | None:
    times = [
        gate.authored_goals(user).aggregate(t=Max("updated_at"))["t"],
        gate.authored_updates(user).aggregate(t=Max("created_at"))["t"],
    ]
    present = [t for t in times if t is not None]
    return max(present) if present else None
