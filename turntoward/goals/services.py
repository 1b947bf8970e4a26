"""Rules of shared goals: create, change, update progress, revisit, celebrate."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.goals.models import (
    NOTE_MAX,
    REVISIT_DAYS,
    TITLE_MAX,
    WHY_MAX,
    Goal,
    GoalStatus,
    GoalUpdate,
)
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import goals as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def _clean_text(errors: dict, name: str, value: object, *, required: bool, limit: int) -> str:
    if value is not None and not isinstance(value, str):
        errors[name] = _("Please write this as text.")
        return ""
    text = (value or "").strip()
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


def _clean_progress(errors: dict, value: object) -> int | None:
    if value is None or value == "":
        return None
    message = _("Choose a number from 0 to 100.")
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        errors["progress"] = message
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, float) else int(value)
    except (TypeError, ValueError):
        errors["progress"] = message
        return None
    if not 0 <= number <= 100:
        errors["progress"] = message
        return None
    return number


def _clean_status(errors: dict, value: object) -> str:
    if value not in GoalStatus.values:
        errors["status"] = _("Choose one of: in progress, reached, set aside.")
        return ""
    return str(value)


def create_goal(author: User, *, title: object, why: object = "") -> Goal:
    """A goal for the couple (both see and update it), or a personal one when alone."""
    errors: dict[str, str] = {}
    title_v = _clean_text(errors, "title", title, required=True, limit=TITLE_MAX)
    why_v = _clean_text(errors, "why", why, required=False, limit=WHY_MAX)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    return Goal.objects.create(
        author=author,
        couple=privacy.couple_of(author),
        title=title_v,
        why=why_v,
        created_at=now,
        updated_at=now,
    )


def _set_status(goal: Goal, status: str, now: datetime) -> None:
    if status == GoalStatus.REACHED and goal.status != GoalStatus.REACHED:
        goal.reached_at = now
    elif status != GoalStatus.REACHED:
        goal.reached_at = None
    goal.status = status


def change_goal(viewer: User, goal_id: object, **changes: object) -> tuple[Goal, bool]:
    """Change a goal's title, why or status; returns (goal, just_reached)."""
    goal = gate.get_goal_for_user(viewer, goal_id)
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    if "title" in changes:
        values["title"] = _clean_text(
            errors, "title", changes["title"], required=True, limit=TITLE_MAX
        )
    if "why" in changes:
        values["why"] = _clean_text(errors, "why", changes["why"], required=False, limit=WHY_MAX)
    if "status" in changes:
        values["status"] = _clean_status(errors, changes["status"])
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        goal = Goal.objects.select_for_update().get(pk=goal.pk)
        was_reached = goal.status == GoalStatus.REACHED
        for key in ("title", "why"):
            if key in values:
                setattr(goal, key, values[key])
        if "status" in values:
            _set_status(goal, str(values["status"]), now)
        goal.updated_at = now
        goal.save()
    return goal, goal.status == GoalStatus.REACHED and not was_reached


def add_update(
    viewer: User, goal_id: object, *, progress: object = None, note: object = ""
) -> tuple[GoalUpdate, bool]:
    """Record a step: progress 0-100 and/or a note. 100% reaches the goal.

    Returns (update, just_reached).
    """
    goal = gate.get_goal_for_user(viewer, goal_id)
    errors: dict[str, str] = {}
    progress_v = _clean_progress(errors, progress)
    note_v = _clean_text(errors, "note", note, required=False, limit=NOTE_MAX)
    if not errors and progress_v is None and not note_v:
        errors["note"] = _("Write a short note or choose how far along you are.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        goal = Goal.objects.select_for_update().get(pk=goal.pk)
        update = GoalUpdate.objects.create(
            goal=goal, author=viewer, progress=progress_v, note=note_v, created_at=now
        )
        just_reached = False
        if progress_v == 100 and goal.status != GoalStatus.REACHED:
            _set_status(goal, GoalStatus.REACHED, now)
            just_reached = True
        elif goal.status == GoalStatus.PAUSED:
            goal.status = GoalStatus.ACTIVE  # a new step picks a set-aside goal back up
        goal.updated_at = now
        goal.save()
    return update, just_reached


def updates_of(viewer: User, goal: Goal) -> list[GoalUpdate]:
    """A goal's updates the viewer may read, newest first."""
    return list(
        gate.updates_visible_to(viewer)
        .filter(goal=goal)
        .select_related("author")
        .order_by("-created_at")
    )


def progress_of(viewer: User, goal: Goal) -> int:
    """The latest progress given in an update I may see, 100 once reached, else 0."""
    if goal.status == GoalStatus.REACHED:
        return 100
    latest = (
        gate.updates_visible_to(viewer)
        .filter(goal=goal, progress__isnull=False)
        .order_by("-created_at")
        .values_list("progress", flat=True)
        .first()
    )
    return latest or 0


def last_touch(goal: Goal) -> datetime:
    """When the goal last moved: its latest update, or its creation."""
    latest = goal.updates.order_by("-created_at").values_list("created_at", flat=True).first()
    return latest or goal.created_at


def goals_to_revisit(viewer: User, now: datetime | None = None) -> list[Goal]:
    """Active goals with no update for REVISIT_DAYS days (computed from data)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=REVISIT_DAYS)
    return list(
        gate.goals_visible_to(viewer)
        .filter(status=GoalStatus.ACTIVE)
        .with_last_touch()
        .filter(last_touch__lte=cutoff)
    )


def needs_revisit(goal: Goal, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return goal.status == GoalStatus.ACTIVE and last_touch(goal) <= now - timedelta(
        days=REVISIT_DAYS
    )
