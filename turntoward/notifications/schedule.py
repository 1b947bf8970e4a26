"""What is due for whom, at which instant, in each person's own time zone.

Every function takes `now` (an aware datetime) as an argument, so tests freeze time by
passing it rather than by patching the clock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction

from turntoward.notifications.models import Kind, Notification, NotificationPreferences
from turntoward.privacy import notifications as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

logger = logging.getLogger(__name__)

# Kinds that concern the couple; none of them reaches a person whose couple features
# are paused by the private safety screen.
COUPLE_KINDS = frozenset(
    {
        Kind.PARTNER_CHECKIN,
        Kind.APPRECIATION,
        Kind.BID_RESPONSE,
        Kind.REPAIR,
        Kind.QUESTION,
        Kind.WEEKLY_CHECKIN,
        Kind.ACTIVITY,
        Kind.GOAL,
    }
)
ACTIVITY_AHEAD = timedelta(hours=24)
EVENT_USEFUL_FOR = timedelta(days=7)

LINKS = {
    Kind.DAILY_CHECKIN: "/checkin/",
    Kind.PARTNER_CHECKIN: "/checkin/",
    Kind.APPRECIATION: "/appreciation/",
    Kind.BID_RESPONSE: "/bids/",
    Kind.REPAIR: "/repairs/",
    Kind.QUESTION: "/questions/",
    Kind.WEEKLY_CHECKIN: "/weekly/",
    Kind.ACTIVITY: "/activities/plans/",
    Kind.GOAL: "/goals/",
    Kind.RETAKE: "/assessments/",
}


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall-clock time on a local day.

    A time repeated when clocks go back resolves to its first occurrence (fold=0); a
    time skipped when clocks go forward resolves to the same distance after the gap
    (02:30 for 01:30 in London). Either way it is one instant, so it fires once.
    """
    return datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)


def start_of_next_day(day: date, zone: ZoneInfo) -> datetime:
    return local_moment(day + timedelta(days=1), time(0, 0), zone)


@dataclass(frozen=True)
class Due:
    kind: str
    key: str
    link: str
    due_at: datetime
    expires_at: datetime | None


def due_for(user: User, prefs: NotificationPreferences, now: datetime) -> list[Due]:
    """The time-based events due for one person at `now`, still useful today."""
    zone = user.tz
    today = now.astimezone(zone).date()
    midnight = start_of_next_day(today, zone)
    found: list[Due] = []

    daily_at = local_moment(today, prefs.daily_time, zone)
    if daily_at <= now < midnight and not gate.has_checked_in(user, today):
        found.append(
            Due(
                Kind.DAILY_CHECKIN, today.isoformat(), LINKS[Kind.DAILY_CHECKIN], daily_at, midnight
            )
        )

    if today.weekday() == prefs.weekly_day:
        weekly_at = local_moment(today, prefs.weekly_time, zone)
        if weekly_at <= now < midnight and not gate.has_weekly_checkin(user, today):
            found.append(
                Due(
                    Kind.WEEKLY_CHECKIN,
                    today.isoformat(),
                    LINKS[Kind.WEEKLY_CHECKIN],
                    weekly_at,
                    midnight,
                )
            )

    for plan in gate.upcoming_plans(user, now, now + ACTIVITY_AHEAD):
        found.append(
            Due(Kind.ACTIVITY, str(plan.pk), f"/activities/plans/{plan.pk}/", now, plan.starts_at)
        )

    for goal in gate.goals_to_revisit(user, now):
        touched = getattr(goal, "last_touch", None) or goal.created_at
        found.append(
            Due(
                Kind.GOAL,
                f"{goal.pk}:{touched.date().isoformat()}",
                f"/goals/{goal.pk}/",
                now,
                now + EVENT_USEFUL_FOR,
            )
        )

    latest = gate.latest_connection_check(user)
    if latest is not None and prefs.retake_weeks:
        response_id, taken_at = latest
        retake_at = taken_at + timedelta(weeks=prefs.retake_weeks)
        if retake_at <= now:
            found.append(Due(Kind.RETAKE, str(response_id), LINKS[Kind.RETAKE], retake_at, None))

    if gate.couple_paused(user):
        found = [d for d in found if d.kind not in COUPLE_KINDS]
    return found


def record(user: User, due: Due) -> Notification | None:
    """Create the row for one occurrence once; a second call (any worker) finds it."""
    try:
        with transaction.atomic():
            row, _created = Notification.objects.get_or_create(
                user=user,
                kind=due.kind,
                key=due.key,
                defaults={"link": due.link, "due_at": due.due_at, "expires_at": due.expires_at},
            )
    except IntegrityError:  # another worker created it a moment ago
        row = Notification.objects.filter(user=user, kind=due.kind, key=due.key).first()
    return row


def find_due(now: datetime) -> int:
    """Record every time-based event due at `now`; returns how many were looked at."""
    from turntoward.accounts.models import User

    count = 0
    for user in User.objects.filter(is_active=True).select_related("notification_prefs"):
        prefs = getattr(user, "notification_prefs", None) or NotificationPreferences(user=user)
        try:
            for due in due_for(user, prefs, now):
                record(user, due)
                count += 1
        except Exception:  # one person's odd data must not stop everyone's reminders
            logger.exception("scanning notifications for user %s failed", user.pk)
    return count


def notify(user: User, kind: str, key: str, link: str, now: datetime) -> None:
    """Record an event that just happened (a partner checked in, ...), if wanted."""
    if kind in COUPLE_KINDS and gate.couple_paused(user):
        return
    record(user, Due(kind, key, link, now, now + EVENT_USEFUL_FOR))
