"""Rules of assessments: taking an instrument, reading my results, sharing a summary."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward.assessments import scoring
from turntoward.assessments.models import AssessmentResponse
from turntoward.assessments.scoring import Instrument
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import assessments as gate
from turntoward.privacy import couple_of

if TYPE_CHECKING:
    from turntoward.accounts.models import User

CONNECTION_CHECK = "connection-check"
NOTE_MAX = 2000
HISTORY_MAX = 200


def instruments() -> list[Instrument]:
    """Every instrument definition, in the order offered."""
    return scoring.instruments()


def instrument(slug: str) -> Instrument | None:
    """One instrument definition by slug, or None."""
    return scoring.instrument(slug)


def get_instrument(slug: str) -> Instrument:
    """One instrument definition, or 404."""
    found = scoring.instrument(slug)
    if found is None:
        raise Http404("No such instrument")
    return found


def submit_response(user: User, slug: str, answers: object, note: str = "") -> AssessmentResponse:
    """Score and save my answers. ValidationError names `answers` or `note` when they don't fit."""
    inst = get_instrument(slug)
    errors: dict[str, str] = {}
    try:
        result = scoring.score(inst, answers)
    except scoring.InvalidAnswers as exc:
        errors["answers"] = str(exc)
    text = "" if note is None else str(note).strip()
    if has_forbidden_characters(text):
        errors["note"] = _("Please remove the invisible control characters from this text.")
    elif len(text) > NOTE_MAX:
        errors["note"] = _("Please keep this under %(limit)s characters (you wrote %(n)s).") % {
            "limit": NOTE_MAX,
            "n": len(text),
        }
    if errors:
        raise ValidationError(errors)
    return AssessmentResponse.objects.create(
        user=user,
        instrument=inst.slug,
        answers=list(result.answers),
        score=result.score,
        band=result.band,
        subscores=result.subscores,
        follow_up=result.follow_up or "",
        crisis=result.crisis,
        note=text,
    )


def latest(user: User, slug: str) -> AssessmentResponse | None:
    """My newest response to an instrument, or None."""
    return gate.responses_visible_to(user).filter(instrument=slug).order_by("-created_at").first()


def _start(user: User, day: date | datetime) -> datetime:
    if isinstance(day, datetime):
        return day
    return datetime.combine(day, time.min, tzinfo=user.tz)


def history(
    user: User,
    slug: str,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
) -> QuerySet[AssessmentResponse]:
    """My responses to an instrument, newest first; since/until are my local dates (inclusive)."""
    qs = gate.responses_visible_to(user).filter(instrument=slug)
    if since is not None:
        qs = qs.filter(created_at__gte=_start(user, since))
    if until is not None:
        if isinstance(until, datetime):
            qs = qs.filter(created_at__lte=until)
        else:
            qs = qs.filter(created_at__lt=_start(user, until + timedelta(days=1)))
    return qs.order_by("-created_at")[:HISTORY_MAX]


def earlier(response: AssessmentResponse, limit: int = 5) -> list[AssessmentResponse]:
    """The owner's earlier results for the same instrument, newest first."""
    return list(
        gate.responses_visible_to(response.user)
        .filter(instrument=response.instrument, created_at__lt=response.created_at)
        .order_by("-created_at")[:limit]
    )


def retake_weeks(user: User) -> int:
    from turntoward.notifications.models import prefs_for

    return int(prefs_for(user).retake_weeks or 4)


def retake_due(user: User) -> bool:
    """True when my last connection check is older than my retake interval (weeks).

    Someone who never took it is not "due a retake"; pages invite them to a first take.
    """
    if not user.is_authenticated:
        return False
    last = latest(user, CONNECTION_CHECK)
    if last is None:
        return False
    return last.created_at <= timezone.now() - timedelta(weeks=retake_weeks(user))


def set_shared(user: User, response: AssessmentResponse, shared: bool) -> AssessmentResponse:
    """Share (or stop sharing) a summary of one of my responses with my partner."""
    response = gate.get_response_for_user(user, response.pk)
    couple = couple_of(user) if shared else None
    if response.shared_with_partner != bool(shared) or response.shared_couple_id != (
        couple.pk if couple else None
    ):
        response.shared_with_partner = bool(shared)
        response.shared_couple = couple
        response.save(update_fields=["shared_with_partner", "shared_couple"])
    return response


def pending_follow_up(user: User) -> AssessmentResponse | None:
    """My newest screener whose follow-up I have not taken since, if any."""
    for inst in instruments():
        if not inst.follow_up_instrument:
            continue
        last = latest(user, inst.slug)
        if last is None or not last.follow_up:
            continue
        done = latest(user, last.follow_up)
        if done is None or done.created_at < last.created_at:
            return last
    return None
