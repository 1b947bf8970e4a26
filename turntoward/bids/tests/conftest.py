"""Helpers for the bids tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from turntoward.bids.models import Bid


def make_bid(
    maker: Any,
    receiver: Any,
    *,
    author: Any = None,
    couple: Any = None,
    description: str = "Showed me a photo of the sunset",
    kind: str = "sharing_news",
    occurred_at: datetime | None = None,
    response: str = "",
    **values: Any,
) -> Bid:
    from turntoward import privacy

    author = author or maker
    return Bid.objects.create(
        couple=couple if couple is not None else privacy.couple_of(author),
        author=author,
        maker=maker,
        receiver=receiver,
        description=description,
        kind=kind,
        occurred_at=occurred_at or timezone.now() - timedelta(hours=1),
        response=response,
        responded_by=receiver if response else None,
        responded_at=timezone.now() if response else None,
        **values,
    )
