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
from turntoward.notifications.schedule import ACTIVITY_AHEAD, COUPLE_KINDS
from turntoward.privacy import notifications as gate

logger = logging.getLogger(__name__)
BATCH = 500
# Email tries before a row is delivered in the app alone; each waits longer than the last.
MAX_EMAIL_ATTEMPTS = 4
RETRY_AFTER = timedelta(minutes=2)


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
    if row.kind == Kind.ACTIVITY:
        # Cancelled or moved since it was recorded: no "coming up" for it.
        return gate.upcoming_plans(user, now, now + ACTIVITY_AHEAD).filter(pk=row.key).exists()
    if row.kind == Kind.GOAL:
        # The key carries the goal and the day it was last touched; an update since then
        # (or the goal reached) means there is nothing to revisit any more.
        return any(
            f"{goal.pk}:{(getattr(goal, 'last_touch', None) or goal.created_at).date()}" == row.key
            for goal in gate.goals_to_revisit(user, now)
        )
    return True


def email_address(user) -> str:
    """Where to email `user`: only an address they have confirmed, when the site asks for it."""
    if not user.email:
        return ""
    if settings.ACCOUNT_EMAIL_VERIFICATION != "mandatory":
        return user.email
    from allauth.account.models import EmailAddress

    confirmed = EmailAddress.objects.filter(user=user, verified=True, email__iexact=user.email)
    return user.email if confirmed.exists() else ""


def deliver(row: Notification, token: str, now: datetime, connection) -> str:
    """Send one claimed row; returns the status it ends in."""
    if not row.user.is_active or not still_useful(row, now):
        _finish(row, token, status=Status.SKIPPED, sent_at=timezone.now())
        return Status.SKIPPED
    prefs = prefs_for(row.user)
    local = now.astimezone(row.user.tz)
    if prefs.in_quiet_hours(local):
        # Delayed, not dropped: due again when the quiet window ends, and sent then if
        # still useful. Moving due_at keeps held rows out of every batch until then.
        _finish(
            row,
            token,
            status=Status.PENDING,
            claim="",
            claimed_at=None,
            due_at=prefs.quiet_ends_after(local),
        )
        return Status.PENDING
    channels = prefs.channels_for(row.kind)
    if not channels:
        _finish(row, token, status=Status.SKIPPED, sent_at=timezone.now())
        return Status.SKIPPED
    emailed = False
    address = email_address(row.user) if Channel.EMAIL in channels else ""
    if address:
        try:
            emails.build(row).send_via(connection)
            emailed = True
        except Exception:
            attempts = row.attempts + 1
            logger.exception("emailing notification %s failed (try %s)", row.pk, attempts)
            if attempts < MAX_EMAIL_ATTEMPTS:
                _finish(
                    row,
                    token,
                    status=Status.PENDING,
                    claim="",
                    claimed_at=None,
                    attempts=attempts,
                    due_at=now + RETRY_AFTER * (2 ** (attempts - 1)),
                )
                return Status.PENDING
            # The mail server keeps refusing: the app still shows it.
            row.attempts = attempts
    _finish(
        row,
        token,
        status=Status.SENT,
        sent_at=timezone.now(),
        emailed=emailed,
        in_app=Channel.IN_APP in channels,
        attempts=row.attempts,
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
