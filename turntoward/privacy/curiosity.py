"""Who sees which curiosity answers: the mutual reveal, per question.

My partner sees my answer to a question only once they have answered the same
question themselves, and only while we are a couple and both answers were written
in it; until then they learn only *that* I answered. Favourites are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from turntoward.curiosity.models import Answer, Favourite, Question, ServedQuestion
from turntoward.privacy import couple_of, partner_of

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def deck() -> QuerySet[Question]:
    """The questions anyone may browse (content, not personal data)."""
    return Question.objects.active()


def get_question(slug: str) -> Question:
    """A question of the deck by slug, or 404."""
    question = deck().filter(slug=str(slug)).first()
    if question is None:
        raise Http404("No such question")
    return question


def own_answers(viewer: User) -> QuerySet[Answer]:
    """Only the answers the viewer wrote."""
    if not viewer.is_authenticated:
        return Answer.objects.none()
    return Answer.objects.filter(author=viewer)


def _partner_answers(viewer: User) -> QuerySet[Answer]:
    """My current partner's answers written in our current couple (content NOT yet gated)."""
    couple = couple_of(viewer)
    partner = partner_of(viewer)
    if couple is None or partner is None:
        return Answer.objects.none()
    return Answer.objects.filter(author=partner, couple=couple)


def answers_visible_to(viewer: User) -> QuerySet[Answer]:
    """My answers, and my partner's to the questions we have both answered in our couple."""
    if not viewer.is_authenticated:
        return Answer.objects.none()
    condition = Q(author=viewer)
    couple = couple_of(viewer)
    partner = partner_of(viewer)
    if couple is not None and partner is not None:
        mine_too = Answer.objects.filter(
            author=viewer, couple=couple, question=OuterRef("question")
        )
        condition |= Q(author=partner, couple=couple) & Q(Exists(mine_too))
    return Answer.objects.filter(condition)


def get_own_answer(viewer: User, question: Question) -> Answer | None:
    return own_answers(viewer).filter(question=question).first()


def get_partner_answer(viewer: User, question: Question) -> Answer | None:
    """My partner's answer to a question once revealed to me, else None."""
    partner = partner_of(viewer)
    if partner is None:
        return None
    return answers_visible_to(viewer).filter(author=partner, question=question).first()


def partner_answered_question_ids(viewer: User, questions: list[Question] | None = None) -> set:
    """Ids of questions my partner answered in our couple, without their content."""
    qs = _partner_answers(viewer)
    if questions is not None:
        qs = qs.filter(question__in=questions)
    return set(qs.values_list("question_id", flat=True))


def favourites_of(viewer: User) -> QuerySet[Favourite]:
    if not viewer.is_authenticated:
        return Favourite.objects.none()
    return Favourite.objects.filter(user=viewer)


def served_to(viewer: User) -> QuerySet[ServedQuestion]:
    """The questions of the day of my current couple, or mine when I practise alone."""
    if not viewer.is_authenticated:
        return ServedQuestion.objects.none()
    couple = couple_of(viewer)
    if couple is not None:
        return ServedQuestion.objects.filter(couple=couple)
    return ServedQuestion.objects.filter(user=viewer)


# --- everything a person wrote (export and deletion) -----------------------


def authored_answers(viewer: User) -> QuerySet[Answer]:
    return Answer.objects.filter(author=viewer)


def authored_favourites(viewer: User) -> QuerySet[Favourite]:
    return Favourite.objects.filter(user=viewer)


def authored_served(viewer: User) -> QuerySet[ServedQuestion]:
    """A person's own (solo) days of questions."""
    return ServedQuestion.objects.filter(user=viewer)
