"""Builders of practice history for insights tests and the benchmark (real rows, no mocks)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from turntoward.appreciation.models import Appreciation
from turntoward.assessments.models import AssessmentResponse
from turntoward.bids.models import Bid
from turntoward.checkins.models import CheckIn
from turntoward.curiosity.models import Answer, Question
from turntoward.privacy import couple_of
from turntoward.weekly.models import WeeklyCheckIn


def at_noon(user, day: date) -> datetime:
    """Midday of a person's local day, as an aware time."""
    return datetime.combine(day, time(12), tzinfo=user.tz)


def make_bid(couple, maker, receiver, day: date, response: str = "", **values: Any) -> Bid:
    when = at_noon(maker, day)
    fields = {
        "couple": couple,
        "author": maker,
        "maker": maker,
        "receiver": receiver,
        "description": "a reach-out",
        "kind": "attention",
        "occurred_at": when,
        "response": response,
        "responded_by": receiver if response else None,
        "responded_at": when if response else None,
    }
    fields.update(values)
    return Bid.objects.create(**fields)


def make_appreciation(couple, author, recipient, day: date) -> Appreciation:
    return Appreciation.objects.create(
        couple=couple,
        author=author,
        recipient=recipient,
        kind="did",
        text="thank you",
        created_at=at_noon(author, day),
    )


def make_answer(couple, author, slug: str, day: date) -> Answer:
    question, _ = Question.objects.get_or_create(
        slug=slug, defaults={"theme": "daily_life", "text": f"Question {slug}?"}
    )
    return Answer.objects.create(
        question=question,
        author=author,
        couple=couple,
        text="an answer",
        created_at=at_noon(author, day),
        updated_at=at_noon(author, day),
    )


def make_weekly(couple, author, week: date) -> WeeklyCheckIn:
    return WeeklyCheckIn.objects.create(
        author=author, couple=couple, week=week, appreciations="thanks", went_well="a walk"
    )


def make_measure(
    user, instrument: str, score: int, day: date, band: str = "some", shared: bool = False
) -> AssessmentResponse:
    return AssessmentResponse.objects.create(
        user=user,
        instrument=instrument,
        answers=[0],
        score=score,
        band=band,
        shared_with_partner=shared,
        shared_couple=couple_of(user) if shared else None,
        created_at=at_noon(user, day),
    )


def bulk_history(couple, a, b, days: int, *, end: date | None = None) -> None:
    """`days` days of daily practice for a couple, written with bulk_create.

    Both check in every day (b skips every fifth), a bid each way a day, an appreciation
    every other day, a curiosity answer each every third day, weekly check-ins each week.
    """
    end = end or a.local_today()
    start = end - timedelta(days=days - 1)
    now = timezone.now()
    checkins, bids, apps, answers, weeklies = [], [], [], [], []
    questions = Question.objects.bulk_create(
        [
            Question(slug=f"bench-{couple.pk}-{i}", theme="daily_life", text=f"Q{i}?")
            for i in range(days // 3 + 1)
        ]
    )
    responses = ["toward", "toward", "away", "toward", "against", ""]
    for i in range(days):
        day = start + timedelta(days=i)
        noon = at_noon(a, day)
        for person, skip in ((a, False), (b, i % 5 == 4)):
            if not skip:
                checkins.append(
                    CheckIn(
                        author=person,
                        day=day,
                        mood=1 + (i % 5),
                        connection=1 + ((i + person.pk) % 5),
                        good_thing="good",
                        hard_thing="hard",
                        created_at=now,
                        updated_at=now,
                    )
                )
        for maker, receiver in ((a, b), (b, a)):
            response = responses[(i + maker.pk) % len(responses)]
            bids.append(
                Bid(
                    couple=couple,
                    author=maker,
                    maker=maker,
                    receiver=receiver,
                    description="bid",
                    kind="attention",
                    occurred_at=noon,
                    response=response,
                    responded_by=receiver if response else None,
                    responded_at=noon if response else None,
                    repaired_at=noon if response == "away" and i % 2 else None,
                )
            )
        if i % 2 == 0:
            apps.append(
                Appreciation(
                    couple=couple,
                    author=a if i % 4 else b,
                    recipient=b,
                    kind="did",
                    text="t",
                    created_at=noon,
                )
            )
        if i % 3 == 0:
            q = questions[i // 3]
            for person in (a, b):
                answers.append(
                    Answer(
                        question=q,
                        author=person,
                        couple=couple,
                        text="x",
                        created_at=noon,
                        updated_at=noon,
                    )
                )
        if day.weekday() == 0:
            for person in (a, b):
                weeklies.append(
                    WeeklyCheckIn(
                        author=person, couple=couple, week=day, appreciations="a", went_well="w"
                    )
                )
    CheckIn.objects.bulk_create(checkins, batch_size=2000)
    Bid.objects.bulk_create(bids, batch_size=2000)
    Appreciation.objects.bulk_create(apps, batch_size=2000)
    Answer.objects.bulk_create(answers, batch_size=2000)
    WeeklyCheckIn.objects.bulk_create(weeklies, batch_size=2000)
