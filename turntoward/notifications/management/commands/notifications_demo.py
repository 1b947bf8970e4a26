"""Give the demo couple a daily reminder that is due now, so `make run` shows one at once.

Seeding the demo records its appreciations, bids and repairs as fresh events; they are put in
the app's list as already delivered rather than mailed, so the first start sends the one
reminder that shows the worker at work instead of a pile of emails about seed data.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from turntoward.accounts.models import User
from turntoward.notifications.models import Kind, Notification, NotificationPreferences, Status

DEMO_DOMAIN = "@demo.turntoward.test"


class Command(BaseCommand):
    help = "Set the demo people's daily reminder to a minute ago (only if they never chose one)."

    def handle(self, *args, **options) -> None:
        for user in User.objects.filter(email__endswith=DEMO_DOMAIN, is_active=True):
            if NotificationPreferences.objects.filter(user=user).exists():
                continue
            local = user.local_now()
            earlier = local - timedelta(minutes=1)
            # Just after local midnight a minute ago is yesterday: midnight is due already.
            at = earlier.time() if earlier.date() == local.date() else dt.time(0, 0)
            at = at.replace(second=0, microsecond=0)
            NotificationPreferences.objects.create(user=user, daily_time=at)
            Notification.objects.filter(user=user, status=Status.PENDING).exclude(
                kind=Kind.DAILY_CHECKIN
            ).update(status=Status.SENT, in_app=True, sent_at=timezone.now())
            self.stdout.write(f"{user.email}: daily reminder at {at:%H:%M} ({user.time_zone})")
