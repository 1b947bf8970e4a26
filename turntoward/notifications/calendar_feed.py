"""A person's private calendar feed: recurring check-ins in their zone, and planned activities."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from turntoward.notifications.models import NotificationPreferences
from turntoward.privacy import notifications as gate

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
HISTORY = timedelta(days=60)


def _event(uid: str, summary: str, start: datetime, minutes: int, url: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=minutes))
    event.add("dtstamp", timezone.now())
    event.add("url", url)
    return event


def feed(prefs: NotificationPreferences) -> bytes:
    """The .ics for one person. Summaries are ours, never text a person wrote."""
    user = prefs.user
    zone = user.tz
    discreet = bool(getattr(user, "discreet_mode", False))
    host = settings.SITE_URL.split("://", 1)[-1].split("/")[0] or "localhost"
    first_day = user.date_joined.astimezone(zone).date()
    with translation.override(settings.LANGUAGE_CODE):
        cal = Calendar()
        cal.add("prodid", "-//Turn Toward//Reminders//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", _("Reminders") if discreet else _("Turn Toward check-ins"))
        cal.add("x-wr-timezone", zone.key)

        daily = _event(
            f"daily-{user.public_id}@{host}",
            _("Reminder") if discreet else _("Daily check-in"),
            datetime.combine(first_day, prefs.daily_time, tzinfo=zone),
            15,
            settings.SITE_URL + "/checkin/",
        )
        daily.add("rrule", vRecur({"FREQ": "DAILY"}))
        cal.add_component(daily)

        offset = (prefs.weekly_day - first_day.weekday()) % 7
        weekly = _event(
            f"weekly-{user.public_id}@{host}",
            _("Reminder") if discreet else _("Weekly check-in"),
            datetime.combine(first_day + timedelta(days=offset), prefs.weekly_time, tzinfo=zone),
            30,
            settings.SITE_URL + "/weekly/",
        )
        weekly.add("rrule", vRecur({"FREQ": "WEEKLY", "BYDAY": DAYS[prefs.weekly_day]}))
        cal.add_component(weekly)

        for plan in gate.calendar_plans(user, timezone.now() - HISTORY):
            # Idea titles come from our own content, not from anyone's writing.
            title = _("Plan") if discreet else _(plan.idea.title)
            cal.add_component(
                _event(
                    f"plan-{plan.pk}@{host}",
                    title,
                    plan.starts_at.astimezone(zone),
                    plan.idea.minutes or 60,
                    f"{settings.SITE_URL}/activities/plans/{plan.pk}/",
                )
            )
        cal.add_missing_timezones()
    return cal.to_ical()
