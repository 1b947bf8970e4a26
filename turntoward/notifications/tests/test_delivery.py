"""Delivery rules: a mail server that refuses, quiet hours, confirmed addresses, stale news."""

from __future__ import annotations

import socket
from datetime import time, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from turntoward.notifications.models import Kind, Notification, Status, prefs_for
from turntoward.notifications.schedule import Due, record
from turntoward.notifications.sending import MAX_EMAIL_ATTEMPTS, send_due
from turntoward.notifications.tasks import scan
from turntoward.privacy import notifications as gate
from turntoward.testing import make_user

from .conftest import at, rows


def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refusing_mail_server_is_retried_then_the_app_still_shows_it(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_TIMEOUT = 2
    ann = make_user("Ann", time_zone="Europe/London")
    now = at("2027-06-10 20:00")  # 21:00 in London
    scan(now)
    (row,) = rows(ann, Kind.DAILY_CHECKIN)
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    assert row.due_at > now  # waits before the next try
    assert gate.notifications_of(ann).count() == 0

    clock = now
    for _ in range(MAX_EMAIL_ATTEMPTS - 1):
        clock = Notification.objects.get(pk=row.pk).due_at
        send_due(clock)
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert (row.emailed, row.in_app, row.attempts) == (False, True, MAX_EMAIL_ATTEMPTS)
    assert list(gate.notifications_of(ann)) == [row]
    assert clock < at("2027-06-10 23:00")  # given up well within the evening


def test_quiet_hours_hold_a_message_until_they_end_without_blocking_others(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.quiet_start, prefs.quiet_end = time(20, 30), time(21, 30)
    prefs.save()
    scan(at("2027-06-10 20:00"))  # 21:00 London: inside the quiet window
    (row,) = rows(ann, Kind.DAILY_CHECKIN)
    assert row.status == Status.PENDING
    assert row.due_at == at("2027-06-10 20:30")  # 21:30 London, when the window ends
    assert mail.outbox == []
    # Not picked up again while held.
    assert send_due(at("2027-06-10 20:10"))[Status.PENDING] == 0
    scan(at("2027-06-10 20:30"))
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(mail.outbox) == 1


def test_quiet_hours_over_midnight_end_the_next_morning(db):
    ann = make_user("Ann", time_zone="Asia/Kolkata")
    prefs = prefs_for(ann)
    prefs.quiet_start, prefs.quiet_end = time(22, 0), time(7, 0)
    local = at("2027-06-10 17:00").astimezone(ann.tz)  # 22:30 in Kolkata
    assert prefs.in_quiet_hours(local)
    assert prefs.quiet_ends_after(local) == at("2027-06-11 01:30")  # 07:00 in Kolkata


def test_only_confirmed_addresses_get_email_when_the_site_asks_for_confirmation(db, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    ann = make_user("Ann", time_zone="Europe/London")
    ben = make_user("Ben", time_zone="Europe/London")
    EmailAddress.objects.create(user=ann, email=ann.email, verified=True, primary=True)
    EmailAddress.objects.create(user=ben, email=ben.email, verified=False, primary=True)
    scan(at("2027-06-10 20:00"))
    assert [m.to for m in mail.outbox] == [[ann.email]]
    # Ben still sees his reminder in the app.
    (row,) = rows(ben, Kind.DAILY_CHECKIN)
    assert (row.status, row.emailed, row.in_app) == (Status.SENT, False, True)


@pytest.mark.parametrize("cancel", [False, True])
def test_a_cancelled_plan_gets_no_coming_up_message(db, cancel):
    from turntoward.activities.models import ActivityIdea, ActivityPlan

    ann = make_user("Ann", time_zone="Europe/London")
    starts = at("2027-06-11 17:00")
    plan = ActivityPlan.objects.create(
        idea=ActivityIdea.objects.order_by("order").first(), planner=ann, starts_at=starts
    )
    now = at("2027-06-10 19:00")
    record(ann, Due(Kind.ACTIVITY, str(plan.pk), f"/activities/plans/{plan.pk}/", now, starts))
    if cancel:
        plan.delete()  # what cancelling a plan does
    send_due(now + timedelta(minutes=1))
    (row,) = rows(ann, Kind.ACTIVITY)
    assert row.status == (Status.SKIPPED if cancel else Status.SENT)
    assert len(mail.outbox) == (0 if cancel else 1)
