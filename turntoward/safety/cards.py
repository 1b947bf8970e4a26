"""Home cards only the person sees: the once-only offer of the screen, and support."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turntoward.core.registry import HomeCard
from turntoward.safety import services

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def cards_for(user: User) -> list[HomeCard]:
    if not user.is_authenticated:
        return []
    if services.couple_paused(user):
        return [
            HomeCard(
                key="safety-support",
                title=_("Support for you"),
                body=_(
                    "Couple practices are paused for you. Your journal, self-care and "
                    "lessons are here, and confidential help is one tap away."
                ),
                url=reverse("safety:support"),
                action=_("See support"),
                priority=0,
            )
        ]
    if services.offer_pending(user):
        return [
            HomeCard(
                key="safety-offer",
                title=_("A private question first"),
                body=_(
                    "Before practising as a couple, take a minute to check that home feels "
                    "safe. Only you see this and your answers."
                ),
                url=reverse("safety:screen"),
                action=_("Answer privately"),
                priority=5,
            )
        ]
    return []
