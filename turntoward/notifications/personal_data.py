"""Notification preferences and notifications in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.notifications.models import NotificationPreferences
from turntoward.privacy import notifications as gate


@register
class NotificationData(PersonalData):
    key = "notifications"

    def export(self) -> dict[str, Any]:
        prefs = NotificationPreferences.objects.filter(user=self.user).first()
        return {
            "preferences": None
            if prefs is None
            else {
                "daily_time": prefs.daily_time.isoformat(),
                "weekly_day": prefs.weekly_day,
                "weekly_time": prefs.weekly_time.isoformat(),
                "retake_weeks": prefs.retake_weeks,
                "quiet_start": prefs.quiet_start.isoformat() if prefs.quiet_start else None,
                "quiet_end": prefs.quiet_end.isoformat() if prefs.quiet_end else None,
                "channels": prefs.channels,
            },
            "notifications": [
                {
                    "kind": n.kind,
                    "due_at": n.due_at.isoformat(),
                    "status": n.status,
                    "read_at": n.read_at.isoformat() if n.read_at else None,
                }
                for n in gate.authored_notifications(self.user).order_by("due_at")
            ],
        }

    def delete(self) -> None:
        gate.authored_notifications(self.user).delete()
        NotificationPreferences.objects.filter(user=self.user).delete()
