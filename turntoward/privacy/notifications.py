"""Who sees notifications, preferences and calendar feeds: only the person they belong to.

The worker also reads other practices' data through this module (and their own gate
modules) to decide whether something is still worth a nudge; it only ever learns
*that* something happened, never what anyone wrote.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.notifications.models import Notification, NotificationPreferences, Status

if TYPE_CHECKING:
    from turntoward.accounts.models import User

logger = logging.getLogger(__name__)


def notifications_of(viewer: User) -> QuerySet[Notification]:
    """The viewer's own in-app notifications that have been delivered."""
    if not viewer.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=viewer, in_app=True, status=Status.SENT)


def get_notification_for_user(viewer: User, notification_id: object) -> Notification:
    """One of the viewer's own notifications, or 404."""
    try:
        pk = uuid.UUID(str(notification_id))
    except (TypeError, ValueError) as exc:
        raise Http404("Not found") from exc
    found = notifications_of(viewer).filter(pk=pk).first()
    if found is None:
        raise Http404("Not found")
    return found


def prefs_by_calendar_token(token: str) -> NotificationPreferences:
    """The preferences whose feed token this is (the token is the secret), or 404."""
    if not token or len(token) > 64:
        raise Http404("Not found")
    prefs = (
        NotificationPreferences.objects.select_related("user")
        .filter(calendar_token=token, user__is_active=True)
        .first()
    )
    if prefs is None:
        raise Http404("Not found")
    return prefs


def authored_notifications(viewer: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=viewer)


# --- facts the worker needs, each read from the person's own point of view -----


def couple_paused(user: User) -> bool:
    """Whether the private safety screen paused couple features for this person."""
    try:
        from turntoward.safety.services import couple_paused as paused
    except ImportError:
        return False
    try:
        return bool(paused(user))
    except Exception:  # a fault there must not silence every reminder
        logger.exception("couple_paused failed")
        return False


def has_checked_in(user: User, day: date) -> bool:
    from turntoward.privacy import get_own_checkin

    return get_own_checkin(user, day) is not None


def has_weekly_checkin(user: User, day: date) -> bool:
    from turntoward.privacy.weekly import get_own_weekly_checkin
    from turntoward.weekly.services import monday_of

    return get_own_weekly_checkin(user, monday_of(day)) is not None


def partner_of(user: User):
    from turntoward.privacy import partner_of as gate_partner_of

    return gate_partner_of(user)


def upcoming_plans(user: User, now: datetime, until: datetime):
    """Planned activities the person can see that start between now and until."""
    from turntoward.activities.models import PlanStatus
    from turntoward.privacy.activities import plans_visible_to

    return (
        plans_visible_to(user)
        .filter(status=PlanStatus.PLANNED, starts_at__gt=now, starts_at__lte=until)
        .select_related("idea")
    )


def calendar_plans(user: User, since: datetime):
    from turntoward.activities.models import PlanStatus
    from turntoward.privacy.activities import plans_visible_to

    return (
        plans_visible_to(user)
        .filter(status__in=[PlanStatus.PLANNED, "done"], starts_at__gte=since)
        .select_related("idea")
        .order_by("starts_at")
    )


def goals_to_revisit(user: User, now: datetime) -> list:
    from turntoward.goals.services import goals_to_revisit as due_goals

    return due_goals(user, now)


def latest_connection_check(user: User) -> tuple[object, datetime] | None:
    """The id and time of the person's latest connection check, if any."""
    from turntoward.assessments.models import AssessmentResponse

    row = (
        AssessmentResponse.objects.filter(user=user, instrument="connection-check")
        .order_by("-created_at")
        .values_list("id", "created_at")
        .first()
    )
    return row


def answered_question(user: User, question_id: object) -> bool:
    from turntoward.privacy.curiosity import own_answers

    return own_answers(user).filter(question_id=question_id).exists()
