"""API for the curiosity practice: the question deck, the question of the day, answers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_curiosity import (
    AnswerIn,
    AnswerOut,
    FavouriteOut,
    QuestionFilters,
    QuestionOut,
    QuestionRowOut,
)
from turntoward.curiosity import services
from turntoward.curiosity.models import Answer, Question
from turntoward.privacy import curiosity as gate

questions_router = Router(tags=["questions"])


def answer_out(viewer: Any, answer: Answer) -> dict[str, Any]:
    return {
        "id": str(answer.id),
        "question": answer.question.slug,
        "author": "me" if answer.author_id == viewer.pk else "partner",
        "text": answer.text,
        "created_at": local(viewer, answer.created_at),
        "updated_at": local(viewer, answer.updated_at),
    }


def question_out(viewer: Any, question: Question, day: date | None = None) -> dict[str, Any]:
    view = services.question_view(viewer, question)
    return {
        "id": str(question.id),
        "slug": question.slug,
        "theme": question.theme,
        "text": gettext(question.text),
        "day": day,
        "favourite": view.favourite,
        "mine": answer_out(viewer, view.mine) if view.mine else None,
        "partner": answer_out(viewer, view.partner_answer) if view.partner_answer else None,
        "partner_answered": view.partner_answered,
    }


def _answered_between(viewer: Any, since: date | None, until: date | None) -> set:
    """Ids of questions I answered within my local days since..until."""
    qs = gate.own_answers(viewer)
    if since:
        qs = qs.filter(updated_at__gte=datetime.combine(since, time.min, tzinfo=viewer.tz))
    if until:
        end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=viewer.tz)
        qs = qs.filter(updated_at__lt=end)
    return set(qs.values_list("question_id", flat=True))


@questions_router.get(
    "",
    response={200: list[QuestionRowOut], 422: Error},
    summary="The question deck, with my state per question",
    description=(
        "Filter with `theme`, `favourites=true`, and `since`/`until` (local days on which I "
        "answered). Never includes anyone's answer text."
    ),
)
def list_questions(request: HttpRequest, filters: Query[QuestionFilters]) -> list[dict[str, Any]]:
    viewer = request.auth
    rows = services.question_rows(viewer, theme=filters.theme, favourites=filters.favourites)
    if filters.since or filters.until:
        answered = _answered_between(viewer, filters.since, filters.until)
        rows = [r for r in rows if r.question.pk in answered]
    return [
        {
            "id": str(r.question.id),
            "slug": r.question.slug,
            "theme": r.question.theme,
            "text": gettext(r.question.text),
            "answered": r.answered,
            "partner_answered": r.partner_answered,
            "favourite": r.favourite,
        }
        for r in rows
    ]


@questions_router.get(
    "/today",
    response={200: QuestionOut, 404: Error},
    summary="The question of the day",
    description=(
        "The couple's question for my local day (mine alone when I have no partner). "
        "`partner` stays null until I have answered it too."
    ),
)
def today(request: HttpRequest) -> dict[str, Any]:
    from django.http import Http404

    try:
        question = services.question_of_the_day(request.auth)
    except Question.DoesNotExist as exc:
        raise Http404("No questions loaded") from exc
    return question_out(request.auth, question, request.auth.local_today())


@questions_router.get("/{slug}", response={200: QuestionOut, 404: Error}, summary="One question")
def get_question(request: HttpRequest, slug: str) -> dict[str, Any]:
    return question_out(request.auth, gate.get_question(slug))


@questions_router.post(
    "/{slug}/answer",
    response={200: AnswerOut, 201: AnswerOut, 404: Error, 422: Error},
    summary="Answer a question (or change my answer)",
    description=(
        'Send `{"text": ...}`. 201 when created, 200 when my earlier answer is replaced. '
        "Answers can be changed at any time; my partner sees my latest answer once they "
        "have answered too."
    ),
)
def answer(request: HttpRequest, slug: str, payload: AnswerIn) -> Status:
    question = gate.get_question(slug)
    the_answer, created = services.answer_question(request.auth, question, payload.text)
    return Status(201 if created else 200, answer_out(request.auth, the_answer))


@questions_router.post(
    "/{slug}/favourite",
    response={200: FavouriteOut, 201: FavouriteOut, 404: Error},
    summary="Keep a question among my favourites (private to me)",
    description="201 when added, 200 when it already was a favourite.",
)
def add_favourite(request: HttpRequest, slug: str) -> Status:
    question = gate.get_question(slug)
    existed = gate.favourites_of(request.auth).filter(question=question).exists()
    services.set_favourite(request.auth, question, True)
    return Status(200 if existed else 201, {"question": question.slug, "favourite": True})


@questions_router.delete(
    "/{slug}/favourite",
    response={204: None, 404: Error},
    summary="Remove a question from my favourites",
)
def remove_favourite(request: HttpRequest, slug: str) -> Status:
    services.set_favourite(request.auth, gate.get_question(slug), False)
    return Status(204, None)


# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/questions": questions_router,
}
