"""Builders of constructed histories for the signal tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from turntoward.appreciation.models import Appreciation
from turntoward.assessments.models import AssessmentResponse
from turntoward.checkins.models import CheckIn
from turntoward.couples.models import Couple


def noon(user, day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=user.tz)


def week_day(user, k: int) -> date:
    """A day in the middle of week k back (0 = the 7 days ending today)."""
    return user.local_today() - timedelta(days=7 * k + 3)


def appreciations(author, recipient, couple: Couple, day: date, n: int) -> None:
    """n appreciations from author on a local day (only their count matters here)."""
    Appreciation.objects.bulk_create(
        [
            Appreciation(
                couple=couple,
                author=author,
                recipient=recipient,
                kind="did",
                text="thanks",
                created_at=noon(author, day) + timedelta(minutes=i),
            )
            for i in range(n)
        ]
    )


def weekly_actions(alice, bob, couple, weeks: list[tuple[int, int]]) -> None:
    """[(alice's, bob's) actions] for week 0, 1, 2... back."""
    for k, (mine, theirs) in enumerate(weeks):
        appreciations(alice, bob, couple, week_day(alice, k), mine)
        appreciations(bob, alice, couple, week_day(bob, k), theirs)


def checkins(author, values: dict[int, int]) -> None:
    """{days back: felt connection} as check-ins."""
    today = author.local_today()
    now = timezone.now()
    CheckIn.objects.bulk_create(
        [
            CheckIn(
                author=author,
                day=today - timedelta(days=back),
                mood=3,
                connection=value,
                good_thing="g",
                hard_thing="h",
                created_at=now,
                updated_at=now,
            )
            for back, value in values.items()
        ]
    )


def weekly_connection(author, per_week: list[int], per_week_count: int = 4) -> None:
    """Check-ins with the same felt connection on several days of each week back."""
    values = {}
    for k, value in enumerate(per_week):
        for i in range(per_week_count):
            values[7 * k + i] = value
    checkins(author, values)


def assessment(user, instrument: str, score: int, days_ago: int = 0) -> AssessmentResponse:
    return AssessmentResponse.objects.create(
        user=user,
        instrument=instrument,
        answers=[],
        score=score,
        band="band",
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def make_quiet(couple: Couple, days: int = 60) -> None:
    Couple.objects.filter(pk=couple.pk).update(created_at=timezone.now() - timedelta(days=days))
