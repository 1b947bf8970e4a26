"""Rules of the weekly check-in: one per local week, editable while it is current, mutual reveal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import weekly as gate
from turntoward.weekly.models import ANSWER_FIELDS, REQUIRED_FIELDS, TEXT_MAX, WeeklyCheckIn

if TYPE_CHECKING:
    from turntoward.accounts.models import User

# How many past weeks may still be filled in or changed (the current one always can).
BACKFILL_WEEKS = 1
# Weekday (Monday = 0) from which the home page reminds about this week's check-in.
DEFAULT_REMIND_FROM_WEEKDAY = 4


class WeekBusy(Exception):
    """Two submissions for the same week raced each other."""


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def current_week(person: User) -> date:
    """The Monday of the person's current local week."""
    return monday_of(person.local_today())


def remind_from_weekday() -> int:
    value = getattr(settings, "WEEKLY_CHECKIN_REMIND_FROM_WEEKDAY", DEFAULT_REMIND_FROM_WEEKDAY)
    try:
        value = int(value)
    except (TypeError, ValueError):
        return DEFAULT_REMIND_FROM_WEEKDAY
    return value if 0 <= value <= 6 else DEFAULT_REMIND_FROM_WEEKDAY


def validate_week(author: User, week: date | None) -> date:
    """The week a check-in is for: this week by default, a Monday, not future, not too old."""
    this_week = current_week(author)
    if week is None:
        return this_week
    if week.weekday() != 0:
        raise ValidationError(
            {
                "week": _("Name a week by its Monday, for example %(d)s.")
                % {"d": this_week.isoformat()}
            }
        )
    if week > this_week:
        raise ValidationError({"week": _("That week hasn't started yet where you are.")})
    if week < this_week - timedelta(weeks=BACKFILL_WEEKS):
        raise ValidationError(
            {"week": _("You can fill in or change this week's check-in and last week's.")}
        )
    return week


def _clean_text(errors: dict, name: str, value: object, *, required: bool) -> str:
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif required and not text:
        errors[name] = _("Please write a few words here.")
    elif len(text) > TEXT_MAX:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": TEXT_MAX,
            "n": len(text),
        }
    return text


def submit_weekly_checkin(
    author: User, *, week: date | None = None, **answers: object
) -> tuple[WeeklyCheckIn, bool]:
    """Create my check-in for a week or change it; returns (checkin, created)."""
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise ValidationError({name: _("This is not part of the check-in.") for name in unknown})
    errors: dict[str, str] = {}
    values = {
        name: _clean_text(errors, name, answers.get(name), required=name in REQUIRED_FIELDS)
        for name in ANSWER_FIELDS
    }
    try:
        week = validate_week(author, week)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)

    now = timezone.now()
    couple = privacy.couple_of(author)
    with transaction.atomic():
        existing = gate.own_weekly_checkins(author).select_for_update().filter(week=week).first()
        if existing is not None:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.updated_at = now
            existing.save()
            return existing, False
        try:
            with transaction.atomic():
                checkin = WeeklyCheckIn.objects.create(
                    author=author,
                    couple=couple,
                    week=week,
                    created_at=now,
                    updated_at=now,
                    **values,
                )
        except IntegrityError as exc:
            raise WeekBusy(_("This week's check-in was just saved; please try again.")) from exc
        return checkin, True


@dataclass
class WeekView:
    """What one person may see of one week."""

    week: date
    mine: WeeklyCheckIn | None = None
    partner: WeeklyCheckIn | None = None
    partner_submitted: bool = False

    @property
    def end(self) -> date:
        return self.week + timedelta(days=6)

    @property
    def both(self) -> bool:
        return self.mine is not None and self.partner is not None


def weeks_for(
    viewer: User,
    since: date | None = None,
    until: date | None = None,
    *,
    include: list[date] | None = None,
) -> list[WeekView]:
    """Weeks, newest first, with my answers and my partner's as the gate allows."""
    rows: dict[date, WeekView] = {w: WeekView(week=w) for w in include or []}
    visible = gate.weekly_checkins_visible_to(viewer).between(since, until)
    for item in visible:
        row = rows.setdefault(item.week, WeekView(week=item.week))
        if item.author_id == viewer.pk:
            row.mine = item
        else:
            row.partner = item
    for week in gate.partner_submitted_weeks(viewer, since, until):
        rows.setdefault(week, WeekView(week=week)).partner_submitted = True
    return sorted(rows.values(), key=lambda r: r.week, reverse=True)


def week_for(viewer: User, week: date) -> WeekView:
    return weeks_for(viewer, week, week, include=[week])[0]


def couple_goal_titles(viewer: User) -> list[str]:
    """Titles of the couple's goals, if the goals practice offers them through its gate."""
    try:
        from turntoward.privacy import goals as goals_gate  # optional: another practice
    except ImportError:
        return []
    finder = getattr(goals_gate, "goals_visible_to", None)
    if finder is None:
        return []
    try:
        return [str(g.title) for g in finder(viewer)[:10] if getattr(g, "title", "")]
    except Exception:  # a hint only: it must never break the check-in
        return []
