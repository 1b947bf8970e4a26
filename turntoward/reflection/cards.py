"""Home cards: a repair or boundary my partner shared and that waits for me (no content)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turntoward.core.registry import HomeCard
from turntoward.privacy import reflection as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def home_cards(user: User) -> list[HomeCard]:
    cards = []
    repair = (
        gate.partner_shared_repairs(user).filter(responses__isnull=True).order_by("-shared_at")
    ).first()
    if repair is not None:
        cards.append(
            HomeCard(
                key="repair",
                title=_("Your partner shared a repair with you"),
                body=_(
                    "They wrote about a hurt and what could help. Read it when you have a "
                    "quiet moment, and answer if you can."
                ),
                url=reverse("reflection:repair", args=[repair.pk]),
                action=_("Read it"),
                priority=30,
            )
        )
    boundary = (
        gate.partner_shared_boundaries(user)
        .filter(acknowledged_at__isnull=True)
        .order_by("-shared_at")
        .first()
    )
    if boundary is not None:
        cards.append(
            HomeCard(
                key="boundary",
                title=_("Your partner shared a boundary with you"),
                body=_("Reading it and acknowledging it shows you take it seriously."),
                url=reverse("reflection:boundary", args=[boundary.pk]),
                action=_("Read it"),
                priority=35,
            )
        )
    return cards
