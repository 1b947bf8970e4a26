"""Rules of novelty and quality time: ideas, suggestions, plans, done, reflections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.activities.models import (
    FEELING_MAX,
    FEELING_MIN,
    NOTE_MAX,
    ActivityIdea,
    ActivityPlan,
    ActivityReflection,
    Cost,
    Place,
    PlanStatus,
)
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import activities as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User

PLAN_AHEAD_DAYS = 366
SOON_HOURS = 48
# A plan may be entered a little after its time ("we're starting now"), not long after.
GRACE = timedelta(hours=1)


class PlanError(Exception):
    """A plan cannot be changed that way (not a matter of bad input)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def clean_text(errors: dict, name: str, value: object, *, limit: int) -> str:
    """An optional free text: stripped, without control characters, under the limit."""
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        errors[name] = _("Please remove the invisible control characters from this text.")
    elif len(text) > limit:
        errors[name] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": limit,
            "n": len(text),
        }
    return text


# --- ideas -------------------------------------------------------------------


def done_idea_ids(viewer: User) -> set[int]:
    """Ideas the viewer (with their current partner) has already done together."""
    return set(
        gate.plans_visible_to(viewer)
        .filter(status=PlanStatus.DONE)
        .values_list("idea_id", flat=True)
    )


def ideas_for(
    viewer: User,
    *,
    place: str | None = None,
    cost: str | None = None,
    max_minutes: int | None = None,
    novel: bool | None = None,
    suggested: bool = False,
) -> QuerySet[ActivityIdea]:
    """Ideas matching the filters; `suggested` keeps only those not done yet."""
    qs = ActivityIdea.objects.all()
    if place:
        qs = qs.filter(place=place)
    if cost:
        qs = qs.filter(cost=cost)
    if max_minutes:
        qs = qs.filter(minutes__lte=max_minutes)
    if novel is not None:
        qs = qs.filter(novel=novel)
    if suggested:
        qs = qs.exclude(pk__in=done_idea_ids(viewer))
    return qs


def valid_place(value: str | None) -> bool:
    return value in (None, "") or value in Place.values


def valid_cost(value: str | None) -> bool:
    return value in (None, "") or value in Cost.values


# --- times ---------------------------------------------------------------------


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A wall-clock date and time in a zone as an aware datetime, or ValidationError.

    A time skipped by a clock change does not exist there; saying so beats
    silently moving the plan by an hour.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None))
    moment = naive.replace(tzinfo=zone)
    try:
        round_trip = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    except OverflowError as exc:  # year 1 or 9999 shifted off the calendar
        raise ValidationError({"starts_at": _("Please plan within the coming year.")}) from exc
    if round_trip != naive:
        raise ValidationError(
            {"time": _("The clocks change around then, so that time doesn't exist. Try another.")}
        )
    return moment


def validate_start(starts_at: datetime) -> datetime:
    """A plan starts from about now up to a year ahead; stored in UTC."""
    if starts_at.tzinfo is None or starts_at.utcoffset() is None:
        raise ValidationError({"starts_at": _("Give the time with its offset from UTC.")})
    now = timezone.now()
    if starts_at < now - GRACE:
        raise ValidationError({"starts_at": _("That time has already passed. Pick a time ahead.")})
    if starts_at > now + timedelta(days=PLAN_AHEAD_DAYS):
        raise ValidationError({"starts_at": _("Please plan within the coming year.")})
    return starts_at.astimezone(UTC).replace(microsecond=0)


# --- plans ---------------------------------------------------------------------


def plan_activity(
    planner: User, *, idea: object, starts_at: datetime | None, note: object = ""
) -> ActivityPlan:
    """Plan an idea for a moment; shared with my current couple, if any."""
    errors: dict[str, str] = {}
    the_idea = ActivityIdea.objects.filter(slug=str(idea or "")).first()
    if the_idea is None:
        errors["idea"] = _("Choose one of the ideas.")
    note_v = clean_text(errors, "note", note, limit=NOTE_MAX)
    start = None
    if starts_at is None:
        errors["starts_at"] = _("Choose a date and time.")
    else:
        try:
            start = validate_start(starts_at)
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return ActivityPlan.objects.create(
        idea=the_idea,
        planner=planner,
        couple=privacy.couple_of(planner),
        starts_at=start,
        note=note_v,
    )


def cancel_plan(viewer: User, plan_id: object) -> None:
    """Cancel (delete) a plan not done yet; only its planner may."""
    plan = gate.get_plan_for_user(viewer, plan_id)
    if plan.planner_id != viewer.pk:
        raise PlanError("not_planner", _("Only the person who planned it can cancel it."))
    if plan.is_done:
        raise PlanError("done", _("This one has already happened, so it stays in your story."))
    plan.delete()


def mark_done(viewer: User, plan_id: object) -> tuple[ActivityPlan, bool]:
    """Mark a plan done (either partner); returns (plan, changed). Done twice is fine."""
    with transaction.atomic():
        plan = gate.get_plan_for_user(viewer, plan_id)
        plan = ActivityPlan.objects.select_for_update().select_related("idea").get(pk=plan.pk)
        if plan.is_done:
            return plan, False
        plan.status = PlanStatus.DONE
        plan.done_at = timezone.now()
        plan.save(update_fields=["status", "done_at"])
        return plan, True


def _clean_feeling(errors: dict, value: object) -> int:
    message = _("Choose how it felt, from %(lo)s to %(hi)s.") % {
        "lo": FEELING_MIN,
        "hi": FEELING_MAX,
    }
    if isinstance(value, bool):
        errors["feeling"] = message
        return 0
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        errors["feeling"] = message
        return 0
    if not FEELING_MIN <= number <= FEELING_MAX:
        errors["feeling"] = message
    return number


def reflect(
    viewer: User, plan_id: object, *, feeling: object, note: object = ""
) -> tuple[ActivityReflection, bool]:
    """My reflection on a done plan: one each, editable; returns (reflection, created)."""
    plan = gate.get_plan_for_user(viewer, plan_id)
    errors: dict[str, str] = {}
    feeling_v = _clean_feeling(errors, feeling)
    note_v = clean_text(errors, "note", note, limit=NOTE_MAX)
    if not plan.is_done:
        errors["plan"] = _("Mark it done first; then you can each say how it felt.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        existing = (
            ActivityReflection.objects.select_for_update().filter(plan=plan, author=viewer).first()
        )
        if existing is not None:
            existing.feeling = feeling_v
            existing.note = note_v
            existing.updated_at = now
            existing.save(update_fields=["feeling", "note", "updated_at"])
            return existing, False
        return (
            ActivityReflection.objects.create(
                plan=plan,
                author=viewer,
                feeling=feeling_v,
                note=note_v,
                created_at=now,
                updated_at=now,
            ),
            True,
        )


@dataclass
class PlanView:
    """A plan as one person may see it, with the reflections they may read."""

    plan: ActivityPlan
    mine: ActivityReflection | None
    partner: ActivityReflection | None

    @property
    def waiting_for_my_reflection(self) -> bool:
        return self.plan.is_done and self.mine is None


def plan_view(viewer: User, plan: ActivityPlan) -> PlanView:
    return plan_views(viewer, [plan])[0]


def plan_views(viewer: User, plans: list[ActivityPlan]) -> list[PlanView]:
    """Plans with my reflection and my partner's, as the gate allows."""
    by_plan: dict[object, dict[str, ActivityReflection]] = {p.pk: {} for p in plans}
    reflections = gate.reflections_visible_to(viewer).filter(plan__in=[p.pk for p in plans])
    for r in reflections:
        by_plan[r.plan_id]["mine" if r.author_id == viewer.pk else "partner"] = r
    return [
        PlanView(plan=p, mine=by_plan[p.pk].get("mine"), partner=by_plan[p.pk].get("partner"))
        for p in plans
    ]


def plans_for(
    viewer: User, since: datetime | None = None, until: datetime | None = None
) -> list[PlanView]:
    plans = list(
        gate.plans_visible_to(viewer).between(since, until).select_related("idea", "planner")
    )
    return plan_views(viewer, plans)


def upcoming_soon(viewer: User, now: datetime | None = None) -> list[ActivityPlan]:
    """Plans not done yet that start within the next two days."""
    now = now or timezone.now()
    return list(
        gate.plans_visible_to(viewer)
        .filter(
            status=PlanStatus.PLANNED,
            starts_at__gte=now,
            starts_at__lte=now + timedelta(hours=SOON_HOURS),
        )
        .select_related("idea")
    )


def awaiting_my_reflection(viewer: User) -> list[ActivityPlan]:
    """Done plans I have not reflected on yet."""
    mine = gate.authored_reflections(viewer).filter(plan__isnull=False).values("plan_id")
    return list(
        gate.plans_visible_to(viewer)
        .filter(status=PlanStatus.DONE)
        .exclude(pk__in=mine)
        .select_related("idea")
    )


# --- calendar --------------------------------------------------------------------


def ics_for(viewer: User, plan: ActivityPlan) -> bytes:
    """The plan as an iCalendar file: the idea's title only, never anyone's note."""
    from icalendar import Calendar, Event

    zone = viewer.tz
    start = plan.starts_at.astimezone(zone)
    cal = Calendar()
    cal.add("prodid", "-//Turn Toward//Activities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", f"{plan.pk}@turntoward")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=plan.idea.minutes or 60))
    event.add("summary", gettext(plan.idea.title))
    cal.add_component(event)
    if str(zone) != "UTC":
        cal.add_missing_timezones()
    return cal.to_ical()
