"""Home-page cards and last-activity time for the activities practice."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward.activities import services
from turntoward.core.registry import HomeCard
from turntoward.privacy import activities as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def cards_for(user: User) -> list[HomeCard]:
    """A plan coming within two days; a done activity waiting for my reflection.

    Only the idea's title (our content) and the time show, never anyone's note.
    """
    if not user.is_authenticated:
        return []
    cards: list[HomeCard] = []
    soon = services.upcoming_soon(user)
    if soon:
        plan = soon[0]
        when = date_format(timezone.localtime(plan.starts_at, user.tz), "l j F, H:i")
        cards.append(
            HomeCard(
                key="activities-soon",
                title=_("Coming up: %(title)s") % {"title": gettext(plan.idea.title)},
                body=_("Planned for %(when)s. Something to look forward to.") % {"when": when},
                url=reverse("activities:plan_detail", args=[plan.pk]),
                action=_("See the plan"),
                priority=30,
            )
        )
    waiting = services.awaiting_my_reflection(user)
    if waiting:
        plan = waiting[0]
        cards.append(
            HomeCard(
                key="activities-reflect",
                title=_("How did %(title)s feel?") % {"title": gettext(plan.idea.title)},
                body=_("A few words while it's fresh: how it felt for you, from 1 to 5."),
                url=reverse("activities:plan_detail", args=[plan.pk]) + "#reflect",
                action=_("Reflect on it"),
                priority=35,
            )
        )
    return cards


def last_activity(user: User) -> datetime | None:
    times = [
        gate.authored_plans(user).aggregate(t=Max("created_at"))["t"],
        gate.authored_reflections(user).aggregate(t=Max("updated_at"))["t"],
    ]
    present = [t for t in times if t is not None]
    return max(present) if present else None
