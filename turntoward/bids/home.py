"""The bids practice on the home page: open bids waiting, and when a person took part."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from turntoward.core.registry import HomeCard
from turntoward.privacy import bids as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def bid_cards(user: User) -> list[HomeCard]:
    """A card when my partner logged bids that still wait for a response (no content)."""
    if not user.is_authenticated:
        return []
    waiting = gate.couple_bids_visible_to(user).filter(response="").exclude(author=user).count()
    if not waiting:
        return []
    return [
        HomeCard(
            key="bids-open",
            title=_("A bid is waiting"),
            body=ngettext(
                "Your partner noted %(n)s bid that has no response yet.",
                "Your partner noted %(n)s bids that have no response yet.",
                waiting,
            )
            % {"n": waiting},
            url=reverse("bids:bids"),
            action=_("See the bids"),
            priority=40,
        )
    ]


def last_bid_activity(user: User) -> datetime | None:
    """The latest time the person logged, answered or repaired a bid."""
    times = (gate.authored_bids(user) | gate.bids_with_my_notes(user)).aggregate(
        logged=Max("created_at", filter=Q(author=user)),
        responded=Max("responded_at", filter=Q(responded_by=user)),
        repaired=Max("repaired_at", filter=Q(repaired_by=user)),
    )
    found = [t for t in times.values() if t is not None]
    return max(found) if found else None
