"""Send what is due, exactly once: claim a row, send it, mark it sent.

The claim is one atomic UPDATE ... WHERE status is 'pending' (or a 'sending' whose
claimer has been gone longer than the lease), so two workers never both own a row,
and a worker killed mid-send leaves a row that the next run takes up again.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Q
from django.utils import timezone

from turntoward.notifications import emails
from turntoward.notifications.models import Channel, Kind, Notification, Status, prefs_for
from turntoward.notifications.schedule import COUPLE_KINDS
from turntoward.privacy import notifications as gate

logger = logging.getLogger(__name__)
BATCH = 500


def _claimable(clock: datetime) -> Q:
    stale = clock - timedelta(seconds=settings.NOTIFICATIONS_CLAIM_LEASE)
    return Q(status=Status.PENDING) | Q(status=Status.SENDING, claimed_at__lt=stale)


def claim(notification_id: object) -> str | None:
    """Take one row for this worker; None when someone else has it or it is done."""
    token = uuid.uuid4().hex
    clock = timezone.now()
    taken = Notification.objects.filter(_claimable(clock), pk=notification_id).update(
        status=Status.SENDING, claim=token, claimed_at=clock
    )
    return token if taken == 1 else None


def _finish(row: Notification, token: str, **values: object) -> None:
    Notification.objects.filter(pk=row.pk, claim=token).update(**values)


def still_useful(row: Notification, now: datetime) -> bool:
    """Whether the nudge still makes sense; late reminders are sent only while they do."""
    if row.expires_at is not None and now >= row.expires_at:
        return False
    user = row.user
    if row.kind in COUPLE_KINDS and gate.couple_paused(user):
        return False
    if row.kind in (Kind.DAILY_CHECKIN, Kind.PARTNER_CHECKIN):
        day = date.fromisoformat(row.key[:10])
        if day < now.astimezone(user.tz).date() - timedelta(days=1):
            return False
        return not gate.has_checked_in(user, day)
    if row.kind == Kind.WEEKLY_CHECKIN:
        return not gate.has_weekly_checkin(user, date.fromisoformat(row.key))
    return True


def deliver(row: Notification, token: str, now: datetime, connection) -> str:
    """Send one claimed row; returns the status it ends in."""
    if not row.user.is_active or not still_useful(row, now):
        _finish(row, token, status=Status.SKIPPED, sent_at=timezone.now())
        return Status.SKIPPED
    prefs = prefs_for(row.user)
    if prefs.in_quiet_hours(now.astimezone(row.user.tz)):
        # Delayed, not dropped: give it back; a later run sends it if still useful.
        _finish(row, token, status=Status.PENDING, claim="", claimed_at=None)
        return Status.PENDING
    channels = prefs.channels_for(row.kind)
    if not channels:
        _finish(row, token, status=Status.SKIPPED, sent_at=timezone.now())
        return Status.SKIPPED
    emailed = False
    if Channel.EMAIL in channels and row.user.email:
        emails.build(row).send_via(connection)
        emailed = True
    _finish(
        row,
        token,
        status=Status.SENT,
        sent_at=timezone.now(),
        emailed=emailed,
        in_app=Channel.IN_APP in channels,
    )
    return Status.SENT


def send_due(now: datetime) -> dict[str, int]:
    """Send every row due at `now` that no other worker holds."""
    counts = {Status.SENT: 0, Status.SKIPPED: 0, Status.PENDING: 0}
    ids = list(
        Notification.objects.filter(_claimable(timezone.now()), due_at__lte=now)
        .order_by("due_at")
        .values_list("pk", flat=True)[:BATCH]
    )
    if not ids:
        return counts
    connection = get_connection()
    try:
        for pk in ids:
            token = claim(pk)
            if token is None:
                continue
            row = Notification.objects.select_related("user").get(pk=pk)
            try:
                counts[deliver(row, token, now, connection)] += 1
            except Exception:
                # Leave it claimed: after the lease another run tries again.
                logger.exception("sending notification %s failed", pk)
    finally:
        connection.close()
    return counts
