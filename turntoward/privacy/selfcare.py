"""Who sees self-care: only its author. Never the partner, never a counsellor (yet)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.selfcare.models import SelfCareItem, SelfCareLog

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def items_visible_to(viewer: User) -> QuerySet[SelfCareItem]:
    """The viewer's own plan items; nobody else's, whoever they are."""
    if not viewer.is_authenticated:
        return SelfCareItem.objects.none()
    return SelfCareItem.objects.filter(author=viewer)


def logs_visible_to(viewer: User) -> QuerySet[SelfCareLog]:
    """The viewer's own log."""
    if not viewer.is_authenticated:
        return SelfCareLog.objects.none()
    return SelfCareLog.objects.filter(author=viewer, item__author=viewer)


def _as_uuid(value: object) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError) as exc:
        raise Http404("Not found") from exc


def get_item_for_user(viewer: User, item_id: object) -> SelfCareItem:
    """One of the viewer's own plan items, or 404 (for anyone else's, too)."""
    item = items_visible_to(viewer).filter(pk=_as_uuid(item_id)).first()
    if item is None:
        raise Http404("Not found")
    return item


def get_log_for_user(viewer: User, log_id: object) -> SelfCareLog:
    """One of the viewer's own log entries, or 404."""
    log = logs_visible_to(viewer).select_related("item").filter(pk=_as_uuid(log_id)).first()
    if log is None:
        raise Http404("Not found")
    return log


def authored_items(viewer: User) -> QuerySet[SelfCareItem]:
    return items_visible_to(viewer)


def authored_logs(viewer: User) -> QuerySet[SelfCareLog]:
    if not viewer.is_authenticated:
        return SelfCareLog.objects.none()
    return SelfCareLog.objects.filter(author=viewer)
