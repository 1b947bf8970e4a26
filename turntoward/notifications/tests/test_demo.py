"""`make run`'s demo: the worker mails the two due reminders, not the seeded history."""

from __future__ import annotations

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from turntoward.notifications.models import Kind, Notification, Status
from turntoward.notifications.tasks import scan


def test_the_demo_mails_one_due_reminder_each_and_keeps_seed_news_in_the_app(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    seeded = Notification.objects.exclude(kind=Kind.DAILY_CHECKIN).count()
    assert seeded > 0  # seeding did record events (appreciations, bids, ...)

    call_command("notifications_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    scan(timezone.now())

    assert sorted(m.to[0] for m in mail.outbox) == [
        "arjun@demo.turntoward.test",
        "maya@demo.turntoward.test",
    ]
    assert {m.subject for m in mail.outbox} == {"Your daily check-in is waiting"}
    events = Notification.objects.exclude(kind=Kind.DAILY_CHECKIN)
    assert set(events.values_list("status", "in_app", "emailed")) == {(Status.SENT, True, False)}
