"""Rules for preferences, the in-app list and unsubscribing; views and the API call these."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward.notifications.models import (
    Channel,
    Kind,
    NotificationPreferences,
    new_calendar_token,
    prefs_for,
)
from turntoward.privacy import notifications as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

RETAKE_MIN, RETAKE_MAX = 1, 52
LIST_MAX = 100


def _time(errors: dict, name: str, value: Any, *, required: bool) -> time | None:
    if value in (None, ""):
        if required:
            errors[name] = _("Choose a time.")
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    try:
        return time.fromisoformat(str(value)).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        errors[name] = _("Enter a time such as 21:00.")
        return None


def clean_channels(errors: dict, value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        errors["channels"] = _("Give a list of channels for each kind of event.")
        return {}
    cleaned: dict[str, list[str]] = {}
    for kind, chosen in value.items():
        if kind not in Kind.values:
            errors["channels"] = _("%(kind)s is not a kind of event.") % {"kind": kind}
            continue
        if not isinstance(chosen, list) or any(c not in Channel.values for c in chosen):
            errors["channels"] = _("Channels are 'email' and 'in_app'.")
            continue
        cleaned[kind] = [c for c in Channel.values if c in chosen]
    return cleaned


def update_preferences(user: User, **changes: Any) -> NotificationPreferences:
    """Change some preferences; ValidationError names every wrong field."""
    prefs = prefs_for(user)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in ("daily_time", "weekly_time"):
        if name in changes:
            values[name] = _time(errors, name, changes[name], required=True)
    for name in ("quiet_start", "quiet_end"):
        if name in changes:
            values[name] = _time(errors, name, changes[name], required=False)
    if "weekly_day" in changes:
        day = changes["weekly_day"]
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            errors["weekly_day"] = _("Choose a day of the week (0 is Monday, 6 is Sunday).")
        else:
            values["weekly_day"] = day
    if "retake_weeks" in changes:
        weeks = changes["retake_weeks"]
        if (
            isinstance(weeks, bool)
            or not isinstance(weeks, int)
            or not (RETAKE_MIN <= weeks <= RETAKE_MAX)
        ):
            errors["retake_weeks"] = _("Choose between %(low)s and %(high)s weeks.") % {
                "low": RETAKE_MIN,
                "high": RETAKE_MAX,
            }
        else:
            values["retake_weeks"] = weeks
    if "channels" in changes:
        channels = clean_channels(errors, changes["channels"])
        values["channels"] = {**(prefs.channels or {}), **channels}
    start = values.get("quiet_start", prefs.quiet_start) if "quiet_start" not in errors else None
    end = values.get("quiet_end", prefs.quiet_end) if "quiet_end" not in errors else None
    if not errors and (start is None) != (end is None):
        missing = "quiet_end" if end is None else "quiet_start"
        errors[missing] = _("Give both ends of the quiet hours, or neither.")
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(prefs, name, value)
    prefs.save()
    return prefs


def new_calendar_link(user: User) -> NotificationPreferences:
    """A fresh feed token; the old address stops working at once."""
    prefs = prefs_for(user)
    prefs.calendar_token = new_calendar_token()
    prefs.save(update_fields=["calendar_token"])
    return prefs


def unsubscribe(public_id: str, kind: str) -> User | None:
    """Stop emails of one kind for the person with this public id."""
    from turntoward.accounts.models import User

    user = User.objects.filter(public_id=public_id, is_active=True).first()
    if user is None:
        return None
    with transaction.atomic():
        prefs = prefs_for(user)
        prefs = NotificationPreferences.objects.select_for_update().get(pk=prefs.pk)
        chosen = [c for c in prefs.channels_for(kind) if c != Channel.EMAIL]
        prefs.channels = {**(prefs.channels or {}), kind: chosen}
        prefs.save(update_fields=["channels"])
    return user


def unread_count(user: User) -> int:
    return gate.notifications_of(user).filter(read_at__isnull=True).count()


def recent(
    user: User, *, since: date | None = None, until: date | None = None, unread: bool = False
) -> list:
    """My in-app notifications, newest first; `since`/`until` are my local dates."""
    if since and until and since > until:
        raise ValidationError({"since": _("The start date is after the end date.")})
    rows = gate.notifications_of(user)
    zone = user.tz
    if since:
        rows = rows.filter(sent_at__gte=datetime.combine(since, time(0, 0), tzinfo=zone))
    if until:
        end = datetime.combine(until + timedelta(days=1), time(0, 0), tzinfo=zone)
        rows = rows.filter(sent_at__lt=end)
    if unread:
        rows = rows.filter(read_at__isnull=True)
    return list(rows.order_by("-sent_at", "-due_at")[:LIST_MAX])


def mark_read(user: User, notification_id: object):
    row = gate.get_notification_for_user(user, notification_id)
    if row.read_at is None:
        row.read_at = timezone.now()
        row.save(update_fields=["read_at"])
    return row


def mark_all_read(user: User) -> int:
    return gate.notifications_of(user).filter(read_at__isnull=True).update(read_at=timezone.now())
