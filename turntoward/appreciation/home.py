"""Appreciation on the home page: the daily prompt, and kindnesses waiting to be seen."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.appreciation import services
from turntoward.core.registry import HomeCard
from turntoward.privacy import appreciation as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

RECENT_KINDNESS = timedelta(days=7)


def appreciation_cards(user: User) -> list[HomeCard]:
    """Today's prompt until I have appreciated today; a recent kindness waiting for me."""
    if not user.is_authenticated or privacy.partner_of(user) is None:
        return []
    cards = []
    if not services.appreciated_today(user):
        prompt = services.prompt_for(user)
        body = gettext(prompt.text) if prompt else _("Tell your partner one thing you value.")
        cards.append(
            HomeCard(
                key="appreciation-today",
                title=_("Appreciate your partner today"),
                body=body,
                url=reverse("appreciation:appreciations"),
                action=_("Write an appreciation"),
                priority=45,
            )
        )
    waiting = (
        gate.partner_acts_visible_to(user)
        .filter(landed_at__isnull=True, done_at__gte=timezone.now() - RECENT_KINDNESS)
        .exists()
    )
    if waiting:
        cards.append(
            HomeCard(
                key="kindness-landed",
                title=_("Your partner did something kind"),
                body=_("They marked a small act of kindness. Did it reach you?"),
                url=reverse("appreciation:kindness"),
                action=_("See it"),
                priority=46,
            )
        )
    return cards


def last_activity(user: User) -> datetime | None:
    times = [
        gate.authored_appreciations(user).aggregate(t=Max("created_at"))["t"],
        gate.authored_kindness_acts(user).aggregate(t=Max("done_at"))["t"],
    ]
    found = [t for t in times if t is not None]
    return max(found) if found else None
