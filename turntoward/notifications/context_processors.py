"""The unread count for the navigation badge."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def unread_notifications(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count() -> int:
        from turntoward.notifications.services import unread_count

        return unread_count(user)

    # Lazy: pages that never show the badge never run the query.
    return {"UNREAD_NOTIFICATIONS": count}
