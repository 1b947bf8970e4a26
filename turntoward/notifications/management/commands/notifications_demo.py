"""Give the demo couple a daily reminder that is due now, so `make run` shows one at once."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand

from turntoward.accounts.models import User
from turntoward.notifications.models import NotificationPreferences

DEMO_DOMAIN = "@demo.turntoward.test"


class Command(BaseCommand):
    help = "Set the demo people's daily reminder to a minute ago (only if they never chose one)."

    def handle(self, *args, **options) -> None:
        for user in User.objects.filter(email__endswith=DEMO_DOMAIN, is_active=True):
            if NotificationPreferences.objects.filter(user=user).exists():
                continue
            at = (user.local_now() - timedelta(minutes=1)).time().replace(second=0, microsecond=0)
            NotificationPreferences.objects.create(user=user, daily_time=at)
            self.stdout.write(f"{user.email}: daily reminder at {at:%H:%M} ({user.time_zone})")
