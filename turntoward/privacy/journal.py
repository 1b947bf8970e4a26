"""Who sees the journal: only its author. Never the partner, never a counsellor (yet)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.journal.models import JournalEntry

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def entries_visible_to(viewer: User) -> QuerySet[JournalEntry]:
    """The viewer's own entries; nobody else's, whoever they are."""
    if not viewer.is_authenticated:
        return JournalEntry.objects.none()
    return JournalEntry.objects.filter(author=viewer)


def get_entry_for_user(viewer: User, entry_id: object) -> JournalEntry:
    """One of the viewer's own entries, or 404 (for anyone else's, too)."""
    try:
        pk = entry_id if isinstance(entry_id, uuid.UUID) else uuid.UUID(str(entry_id))
    except (TypeError, ValueError) as exc:
        raise Http404("Not found") from exc
    entry = (
        entries_visible_to(viewer)
        .select_related("prompt")
        .prefetch_related("feelings")
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404("Not found")
    return entry


def authored_entries(viewer: User) -> QuerySet[JournalEntry]:
    return entries_visible_to(viewer)
