"""Who sees which bids: both partners while the couple lasts; afterwards each keeps
only the bids they logged, and only their own notes on them."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from turntoward.bids.models import Bid
from turntoward.privacy import couple_of, get_or_404, shared_with_couple

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def bids_visible_to(viewer: User) -> QuerySet[Bid]:
    """Bids I logged, and every bid of my current couple."""
    if not viewer.is_authenticated:
        return Bid.objects.none()
    return Bid.objects.filter(shared_with_couple(viewer)).select_related(
        "maker", "receiver", "author"
    )


def couple_bids_visible_to(viewer: User) -> QuerySet[Bid]:
    """Only the bids of my current couple (none when I practise alone)."""
    couple = couple_of(viewer)
    if couple is None:
        return Bid.objects.none()
    return bids_visible_to(viewer).filter(couple=couple)


def get_bid_for_user(viewer: User, bid_id: object) -> Bid:
    """One bid the viewer may see, or 404."""
    try:
        pk = uuid.UUID(str(bid_id))
    except ValueError as exc:
        raise Http404("No such bid") from exc
    return get_or_404(bids_visible_to(viewer), pk=pk)


def notes_visible_to(viewer: User, bid: Bid) -> dict[str, str]:
    """The response and repair notes the viewer may read on a bid they can see.

    While the couple lasts both read both notes; after it ends each keeps only what
    they wrote themselves.
    """
    current = couple_of(viewer)
    shared = current is not None and bid.couple_id == current.pk
    return {
        "response_note": bid.response_note if shared or bid.responded_by_id == viewer.pk else "",
        "repair_note": bid.repair_note if shared or bid.repaired_by_id == viewer.pk else "",
    }


# --- what a person wrote (export and deletion) ------------------------------


def authored_bids(viewer: User) -> QuerySet[Bid]:
    return Bid.objects.filter(author=viewer)


def bids_with_my_notes(viewer: User) -> QuerySet[Bid]:
    """Bids (anyone's) carrying a response or repair note the viewer wrote."""
    # Encrypted notes cannot be filtered in SQL; callers look at the text.
    return Bid.objects.filter(Q(responded_by=viewer) | Q(repaired_by=viewer))
