"""A calm home card while a signal is active: one next step, no numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from turntoward.core.registry import HomeCard
from turntoward.findhelp.signals import signals_for

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def signal_cards(user: User) -> list[HomeCard]:
    """One card for the most pressing of my own signals; the details wait on Find help."""
    if not user.is_authenticated:
        return []
    signals = signals_for(user)
    if not signals:
        return []
    first = signals[0]
    return [
        HomeCard(
            key="findhelp-signal",
            title=first.title,
            body=_(
                "Something in how things have been going may be worth a closer look. "
                "See why, when it clears, and who could help."
            ),
            url=first.help_url,
            action=_("See why"),
            priority=30,
        )
    ]
