"""Rules of self-care: the plan, the log, and the gentle weekly look."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import selfcare as gate
from turntoward.selfcare.models import (
    FEELING_MAX,
    FEELING_MIN,
    NOTE_MAX,
    TIMES_MAX,
    TIMES_MIN,
    TITLE_MAX,
    Frequency,
    SelfCareIdea,
    SelfCareItem,
    SelfCareLog,
)

if TYPE_CHECKING:
    from turntoward.accounts.models import User

LOG_BACKFILL_DAYS = 14
PLAN_MAX_ITEMS = 50
_UNSET = object()


def _clean_text(errors: dict, name: str, value: object, *, required: bool, limit: int) -> str:
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif required and not text:
        errors[name] = _("Please write a few words here.")
    elif len(text) > limit:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": limit,
            "n": len(text),
        }
    return text


def _clean_int(errors: dict, name: str, value: object, lo: int, hi: int) -> int | None:
    if isinstance(value, bool):
        value = None
    if not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except (TypeError, ValueError):
            value = None
    if value is None or not lo <= value <= hi:
        errors[name] = _("Choose a number from %(lo)s to %(hi)s.") % {"lo": lo, "hi": hi}
        return None
    return value


def _clean_frequency(errors: dict, frequency: object, times: object) -> tuple[str, int]:
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose how often: every day, a few times a week, or weekly.")
        return "", 0
    if frequency == Frequency.DAILY:
        return frequency, 7
    if frequency == Frequency.WEEKLY:
        return frequency, 1
    n = _clean_int(errors, "times_a_week", times, TIMES_MIN, TIMES_MAX)
    return frequency, n or 0


def idea_by_slug(slug: object) -> SelfCareIdea | None:
    if not slug:
        return None
    return SelfCareIdea.objects.filter(slug=str(slug)).first()


def add_item(
    author: User,
    *,
    title: object = None,
    note: object = "",
    frequency: object = None,
    times_a_week: object = None,
    idea: object = None,
) -> SelfCareItem:
    """Add an activity to my plan, written by me or taken from an idea (slug)."""
    errors: dict[str, str] = {}
    the_idea = idea_by_slug(idea)
    if idea and the_idea is None:
        errors["idea"] = _("That idea isn't in the library.")
    times = times_a_week
    if the_idea is not None:
        if not title:
            title = gettext(the_idea.title)  # my plan item, in the words I read
        if frequency is None:
            frequency, times = the_idea.frequency, times or the_idea.times
    title_v = _clean_text(errors, "title", title, required=True, limit=TITLE_MAX)
    note_v = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    freq_v, times_v = _clean_frequency(errors, frequency, times)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if gate.items_visible_to(author).count() >= PLAN_MAX_ITEMS:
            raise ValidationError(
                {"title": _("Your plan already has %(n)s activities.") % {"n": PLAN_MAX_ITEMS}}
            )
        now = timezone.now()
        return SelfCareItem.objects.create(
            author=author,
            title=title_v,
            note=note_v,
            frequency=freq_v,
            times=times_v,
            idea=the_idea,
            created_at=now,
            updated_at=now,
        )


def update_item(
    author: User,
    item_id: object,
    *,
    title: object = _UNSET,
    note: object = _UNSET,
    frequency: object = _UNSET,
    times_a_week: object = _UNSET,
) -> SelfCareItem:
    """Change my plan item; only the fields given."""
    item = gate.get_item_for_user(author, item_id)
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    if title is not _UNSET:
        values["title"] = _clean_text(errors, "title", title, required=True, limit=TITLE_MAX)
    if note is not _UNSET:
        values["note"] = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    times = times_a_week
    if frequency is not _UNSET or times is not _UNSET:
        freq = item.frequency if frequency is _UNSET else frequency
        n = (item.times if freq == item.frequency else None) if times is _UNSET else times
        values["frequency"], values["times"] = _clean_frequency(errors, freq, n)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for key, value in values.items():
            setattr(item, key, value)
        item.updated_at = timezone.now()
        item.save()
    return item


def remove_item(author: User, item_id: object) -> None:
    """Take an activity out of my plan, with its log."""
    gate.get_item_for_user(author, item_id).delete()


def validate_log_day(author: User, day: date | None) -> date:
    """Today where I am by default; never in the future, at most two weeks back."""
    today = author.local_today()
    if day is None:
        return today
    if day > today:
        raise ValidationError({"day": _("That day hasn't happened yet where you are.")})
    if day < today - timedelta(days=LOG_BACKFILL_DAYS):
        raise ValidationError(
            {"day": _("You can log up to %(n)s days back.") % {"n": LOG_BACKFILL_DAYS}}
        )
    return day


def log_activity(
    author: User,
    *,
    item: object,
    day: date | None = None,
    note: object = "",
    feeling: object = None,
) -> tuple[SelfCareLog, bool]:
    """I did this on a local day; a second log for the same day updates the first."""
    the_item = gate.get_item_for_user(author, item)
    errors: dict[str, str] = {}
    note_v = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    feeling_v = None
    if feeling not in (None, ""):
        feeling_v = _clean_int(errors, "feeling", feeling, FEELING_MIN, FEELING_MAX)
    try:
        day = validate_log_day(author, day)
    except ValidationError as exc:
        errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        existing = (
            gate.logs_visible_to(author).select_for_update().filter(item=the_item, day=day).first()
        )
        if existing is not None:
            if note_v:
                existing.note = note_v
            if feeling_v is not None:
                existing.feeling = feeling_v
            existing.updated_at = now
            existing.save()
            return existing, False
        try:
            with transaction.atomic():
                log = SelfCareLog.objects.create(
                    author=author,
                    item=the_item,
                    day=day,
                    note=note_v,
                    feeling=feeling_v,
                    created_at=now,
                    updated_at=now,
                )
        except IntegrityError:  # a double tap raced us: the day is logged either way
            return gate.logs_visible_to(author).get(item=the_item, day=day), False
        return log, True


def remove_log(author: User, log_id: object) -> None:
    gate.get_log_for_user(author, log_id).delete()


def week_start(day: date) -> date:
    """The Monday of the week holding this day."""
    return day - timedelta(days=day.weekday())


@dataclass
class ItemWeek:
    """How one plan item went in one week."""

    item: SelfCareItem
    done: int
    intended: int
    days: list[date] = field(default_factory=list)
    feelings: list[int] = field(default_factory=list)
    in_progress: bool = False

    @property
    def reached(self) -> bool:
        return self.done >= self.intended

    @property
    def message(self) -> str:
        if self.reached:
            return _("You made room for this as often as you hoped. That is worth noticing.")
        if self.done:
            return _(
                "You found time for this %(n)s of the %(m)s times you hoped. Each one counted."
            ) % {"n": self.done, "m": self.intended}
        if self.in_progress:
            return _("There's still time this week if it fits. A smaller version counts too.")
        return _("This one didn't find a place this week. Would a smaller version fit next week?")


@dataclass
class WeekLook:
    start: date
    end: date
    in_progress: bool
    items: list[ItemWeek]

    @property
    def went_well(self) -> list[ItemWeek]:
        return [i for i in self.items if i.done]

    @property
    def invitations(self) -> list[ItemWeek]:
        """Items not done at all this week: offered again, gently."""
        return [i for i in self.items if not i.done]

    @property
    def average_feeling(self) -> float | None:
        values = [f for i in self.items for f in i.feelings]
        return round(sum(values) / len(values), 1) if values else None

    @property
    def summary(self) -> str:
        if not self.items:
            return _("Your plan is empty so far. Pick one small thing to start with.")
        if not self.went_well:
            if self.in_progress:
                return _("The week is still young. One small thing for yourself is plenty.")
            return _("This week was full. Self-care can start again any day, gently.")
        return _("You made time for yourself this week. Here is what went well.")


def week_look(author: User, any_day: date | None = None) -> WeekLook:
    """Done against intended for each plan item, for the Monday-to-Sunday week of any_day."""
    today = author.local_today()
    start = week_start(any_day or today)
    end = start + timedelta(days=6)
    items = list(gate.items_visible_to(author))
    logs = gate.logs_visible_to(author).between(start, end)
    by_item: dict[object, list[SelfCareLog]] = {}
    for log in logs:
        by_item.setdefault(log.item_id, []).append(log)
    in_progress = start <= today <= end
    rows = []
    for item in items:
        mine = sorted(by_item.get(item.pk, []), key=lambda lg: lg.day)
        rows.append(
            ItemWeek(
                item=item,
                done=len(mine),
                intended=item.times,
                days=[lg.day for lg in mine],
                feelings=[lg.feeling for lg in mine if lg.feeling],
                in_progress=in_progress,
            )
        )
    return WeekLook(start=start, end=end, in_progress=in_progress, items=rows)


def daily_items_waiting_today(author: User) -> list[SelfCareItem]:
    """My daily items with nothing logged for my today (for a gentle home card)."""
    today = author.local_today()
    done = gate.logs_visible_to(author).filter(day=today).values("item_id")
    return list(
        gate.items_visible_to(author).filter(frequency=Frequency.DAILY).exclude(pk__in=done)
    )


def logged_today(author: User) -> set:
    """Ids of my items logged for my today."""
    today = author.local_today()
    return set(gate.logs_visible_to(author).filter(day=today).values_list("item_id", flat=True))
