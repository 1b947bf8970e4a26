"""Rules of the daily check-in: one per local day, the mutual reveal, replies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.checkins.models import (
    REPLY_MAX,
    SCALE_MAX,
    SCALE_MIN,
    TEXT_MAX,
    CheckIn,
    CheckInReply,
)
from turntoward.core.validation import clean_text as _clean_text

if TYPE_CHECKING:
    from turntoward.accounts.models import User


class CheckInLocked(Exception):
    """A check-in can only be changed on its own day."""


def _clean_scale(errors: dict, name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value))
        except (TypeError, ValueError):
            errors[name] = _("Choose a number from %(lo)s to %(hi)s.") % {
                "lo": SCALE_MIN,
                "hi": SCALE_MAX,
            }
            return 0
    if not SCALE_MIN <= value <= SCALE_MAX:
        errors[name] = _("Choose a number from %(lo)s to %(hi)s.") % {
            "lo": SCALE_MIN,
            "hi": SCALE_MAX,
        }
    return int(value)


def validate_day(author: User, day: date | None) -> date:
    """The local day a check-in is for: today by default, never in the future."""
    today = author.local_today()
    if day is None:
        return today
    if day > today:
        raise ValidationError({"day": _("That day hasn't happened yet where you are.")})
    if day < today - timedelta(days=settings.CHECKIN_BACKFILL_DAYS):
        raise ValidationError(
            {
                "day": _("You can add a missed check-in for up to %(n)s days back.")
                % {"n": settings.CHECKIN_BACKFILL_DAYS}
            }
        )
    return day


def submit_checkin(
    author: User,
    *,
    mood: object,
    connection: object,
    good_thing: object,
    hard_thing: object,
    need: object = "",
    day: date | None = None,
) -> tuple[CheckIn, bool]:
    """Create my check-in for a local day, or update today's; returns (checkin, created)."""
    errors: dict[str, str] = {}
    mood_v = _clean_scale(errors, "mood", mood)
    connection_v = _clean_scale(errors, "connection", connection)
    good = _clean_text(errors, "good_thing", good_thing, required=True, limit=TEXT_MAX)
    hard = _clean_text(errors, "hard_thing", hard_thing, required=True, limit=TEXT_MAX)
    need_v = _clean_text(errors, "need", need, required=False, limit=TEXT_MAX)
    try:
        day = validate_day(author, day)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)

    values = {
        "mood": mood_v,
        "connection": connection_v,
        "good_thing": good,
        "hard_thing": hard,
        "need": need_v,
    }
    now = timezone.now()
    with transaction.atomic():
        existing = privacy.own_checkins(author).select_for_update().filter(day=day).first()
        if existing is not None:
            if day != author.local_today():
                raise CheckInLocked(_("A check-in can only be changed on its own day."))
            for key, value in values.items():
                setattr(existing, key, value)
            existing.updated_at = now
            existing.save()
            return existing, False
        try:
            with transaction.atomic():
                checkin = CheckIn.objects.create(
                    author=author, day=day, created_at=now, updated_at=now, **values
                )
        except IntegrityError as exc:  # a double submit raced us
            raise CheckInLocked(_("You have already checked in for that day.")) from exc
        return checkin, True


def reply_to_checkin(author: User, day: date, text: object) -> tuple[CheckInReply, bool]:
    """Answer my partner's revealed check-in for a day; one reply each, editable."""
    errors: dict[str, str] = {}
    text_v = _clean_text(errors, "text", text, required=True, limit=REPLY_MAX)
    checkin = privacy.get_partner_checkin_for_user(author, day)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        reply = (
            CheckInReply.objects.select_for_update().filter(checkin=checkin, author=author).first()
        )
        if reply is not None:
            reply.text = text_v
            reply.updated_at = now
            reply.save(update_fields=["text", "updated_at"])
            return reply, False
        return (
            CheckInReply.objects.create(
                checkin=checkin,
                day=checkin.day,
                author=author,
                text=text_v,
                created_at=now,
                updated_at=now,
            ),
            True,
        )


@dataclass
class DayView:
    """What one person may see of one day."""

    day: date
    mine: CheckIn | None = None
    partner: CheckIn | None = None
    partner_checked_in: bool = False
    replies_to_mine: list[CheckInReply] = field(default_factory=list)
    my_reply: CheckInReply | None = None

    @property
    def waiting_for_me(self) -> bool:
        """My partner checked in and is waiting for me to answer mine."""
        return self.partner_checked_in and self.mine is None

    @property
    def waiting_for_partner(self) -> bool:
        return self.mine is not None and not self.partner_checked_in


def days_for(
    viewer: User,
    since: date | None = None,
    until: date | None = None,
    *,
    include: list[date] | None = None,
) -> list[DayView]:
    """Days, newest first, with my check-in and my partner's as the gate allows."""
    visible = privacy.checkins_visible_to(viewer).between(since, until).select_related("author")
    partner_days = privacy.partner_checkin_days(viewer, since, until)
    rows: dict[date, DayView] = {d: DayView(day=d) for d in include or []}
    for checkin in visible:
        row = rows.setdefault(checkin.day, DayView(day=checkin.day))
        if checkin.author_id == viewer.pk:
            row.mine = checkin
        else:
            row.partner = checkin
    for day in partner_days:
        rows.setdefault(day, DayView(day=day)).partner_checked_in = True
    shown = [c for r in rows.values() for c in (r.mine, r.partner) if c is not None]
    replies = privacy.replies_visible_to(viewer).filter(checkin__in=shown)
    for reply in replies:
        row = rows[reply.day]
        if row.mine is not None and reply.checkin_id == row.mine.pk:
            row.replies_to_mine.append(reply)
        elif (
            row.partner is not None
            and reply.checkin_id == row.partner.pk
            and reply.author_id == viewer.pk
        ):
            row.my_reply = reply
    return sorted(rows.values(), key=lambda r: r.day, reverse=True)


def day_for(viewer: User, day: date) -> DayView:
    """One day as the viewer may see it."""
    return days_for(viewer, day, day, include=[day])[0]
