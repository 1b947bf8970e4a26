"""Where practices announce themselves: the practices page, home-page cards, activity.

Each practice app registers in its AppConfig.ready(), so core never imports them and a
new practice needs no edit here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from turntoward.accounts.models import User


@dataclass(frozen=True)
class Practice:
    """A practice shown on the practices page."""

    key: str
    name: str | Promise
    description: str | Promise
    url_name: str
    order: int = 100
    needs_partner: bool = False


@dataclass(frozen=True)
class HomeCard:
    """A nudge on the home page: something due or waiting, with one next step."""

    key: str
    title: str | Promise
    body: str | Promise
    url: str
    action: str | Promise
    priority: int = 50  # lower shows first


_PRACTICES: dict[str, Practice] = {}
_CARD_PROVIDERS: dict[str, Callable[[User], list[HomeCard]]] = {}
_ACTIVITY_PROVIDERS: dict[str, Callable[[User], datetime | None]] = {}
# Practices whose use a partner may not learn of, even as a time (journal, self-care, ...).
_PRIVATE_ACTIVITY: set[str] = set()


def register_practice(practice: Practice) -> None:
    _PRACTICES[practice.key] = practice


def practices() -> list[Practice]:
    return sorted(_PRACTICES.values(), key=lambda p: (p.order, p.key))


def register_home_cards(key: str, provider: Callable[[User], list[HomeCard]]) -> None:
    """provider(user) returns the cards due for this person now (often none)."""
    _CARD_PROVIDERS[key] = provider


def home_cards(user: User) -> list[HomeCard]:
    cards: list[HomeCard] = []
    for provider in _CARD_PROVIDERS.values():
        cards.extend(provider(user))
    return sorted(cards, key=lambda c: (c.priority, c.key))


def register_activity(
    key: str, provider: Callable[[User], datetime | None], *, private: bool = False
) -> None:
    """provider(user) returns when this person last took part in the practice; `private`
    practices (the privacy table's "never" rows) never count towards what a partner sees."""
    _ACTIVITY_PROVIDERS[key] = provider
    if private:
        _PRIVATE_ACTIVITY.add(key)
    else:
        _PRIVATE_ACTIVITY.discard(key)


def last_activity(user: User, *, shared_only: bool = False) -> datetime | None:
    """When the person last did anything in any practice (no content, only a time).

    `shared_only` counts only practices a partner sees by their nature: use it for
    anything shown to someone else (a quiet partner, the disengaged-partner signal).
    """
    times = [
        t
        for key, provider in _ACTIVITY_PROVIDERS.items()
        if not (shared_only and key in _PRIVATE_ACTIVITY)
        for t in [provider(user)]
        if t is not None
    ]
    return max(times) if times else None
