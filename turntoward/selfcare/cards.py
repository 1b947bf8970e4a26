"""The self-care home card and activity time."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from turntoward.core.registry import HomeCard
from turntoward.privacy import selfcare as gate
from turntoward.selfcare import services

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def home_cards(user: User) -> list[HomeCard]:
    """One gentle card when a daily item has nothing logged today; none otherwise."""
    waiting = services.daily_items_waiting_today(user)
    if not waiting:
        return []
    if len(waiting) == 1:
        body = _("%(title)s is waiting whenever you have a moment. A few minutes is plenty.") % {
            "title": waiting[0].title
        }
    else:
        body = _(
            "%(n)s things from your daily plan are waiting, like %(title)s. "
            "Even one small one is a kindness to yourself."
        ) % {"n": len(waiting), "title": waiting[0].title}
    return [
        HomeCard(
            key="selfcare-today",
            title=_("A little time for you"),
            body=body,
            url=reverse("selfcare:plan"),
            action=_("Open my self-care plan"),
            priority=70,
        )
    ]


def last_activity(user: User) -> datetime | None:
    logs = gate.logs_visible_to(user).order_by("-created_at")
    items = gate.items_visible_to(user).order_by("-created_at")
    present = [
        t
        for t in (
            logs.values_list("created_at", flat=True).first(),
            items.values_list("created_at", flat=True).first(),
        )
        if t is not None
    ]
    return max(present) if present else None
