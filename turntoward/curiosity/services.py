"""Rules of the curiosity practice: the question of the day, answers, the reveal, favourites.

Answers stay editable at any time: a second answer replaces the first, and once both
partners have answered, each sees the other's latest words. Answering while in a couple
stamps the answer with that couple, so an answer written alone is shared only when its
author answers (or edits) it again as part of the couple.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.curiosity.models import (
    ANSWER_MAX,
    Answer,
    Favourite,
    Question,
    ServedQuestion,
    Theme,
)
from turntoward.lib.text import has_forbidden_characters
from turntoward.privacy import curiosity as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User
    from turntoward.couples.models import Couple


def clean_answer_text(value: object) -> str:
    """The answer as it will be saved, or ValidationError({"text": ...})."""
    text = "" if value is None else str(value).strip()
    if has_forbidden_characters(text):
        raise ValidationError(
            {"text": _("Please remove the invisible control characters from this text.")}
        )
    if not text:
        raise ValidationError({"text": _("Please write a few words here.")})
    if len(text) > ANSWER_MAX:
        raise ValidationError(
            {
                "text": _("Please keep this under %(limit)s characters (you wrote %(n)s).")
                % {"limit": ANSWER_MAX, "n": len(text)}
            }
        )
    return text


def clean_theme(value: object) -> str | None:
    """A theme filter: None for all, or ValidationError({"theme": ...})."""
    if value in (None, ""):
        return None
    if value not in Theme.values:
        raise ValidationError(
            {"theme": _("Choose one of: %(themes)s.") % {"themes": ", ".join(Theme.values)}}
        )
    return str(value)


# --- the question of the day -------------------------------------------------


def pick_question(seed: str, unserved: list[Question]) -> Question:
    """A deterministic but shuffled choice: the same seed and deck give the same question."""
    ordered = sorted(unserved, key=lambda q: q.slug)
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    # Not a secret: a reproducible shuffle, so the same day gives the same question.
    return random.Random(int(digest, 16)).choice(ordered)  # noqa: S311


def _next_question(served, owner_key: str, day: date) -> tuple[Question, int]:
    """The question for a new day: one not served yet in this round, or a new round."""
    current = served.aggregate(m=Max("round"))["m"] or 1
    used = set(served.filter(round=current).values_list("question_id", flat=True))
    unserved = [q for q in gate.deck() if q.pk not in used]
    if not unserved:
        current += 1
        unserved = list(gate.deck())
    if not unserved:
        raise Question.DoesNotExist("The question deck is empty.")
    return pick_question(f"{owner_key}:{current}:{day.isoformat()}", unserved), current


def question_of_the_day(viewer: User, day: date | None = None) -> Question:
    """My couple's question for my local day (mine alone when I have no partner).

    The first person to ask for a day fixes it; it is never repeated until the whole
    deck has been served to that couple or person.
    """
    day = day or viewer.local_today()
    couple: Couple | None = privacy.couple_of(viewer)
    served = gate.served_to(viewer)
    existing = served.select_related("question").filter(day=day).first()
    if existing is not None:
        return existing.question
    owner = {"couple": couple} if couple is not None else {"user": viewer}
    owner_key = f"couple:{couple.pk}" if couple is not None else f"user:{viewer.pk}"
    question, round_ = _next_question(served, owner_key, day)
    try:
        with transaction.atomic():
            ServedQuestion.objects.create(question=question, day=day, round=round_, **owner)
    except IntegrityError:  # my partner opened the app at the same moment
        return served.select_related("question").get(day=day).question
    return question


# --- answers -----------------------------------------------------------------


def answer_question(author: User, question: Question, text: object) -> tuple[Answer, bool]:
    """Write or change my answer to a question; returns (answer, created)."""
    text_v = clean_answer_text(text)
    couple = privacy.couple_of(author)
    now = timezone.now()
    with transaction.atomic():
        existing = gate.own_answers(author).select_for_update().filter(question=question).first()
        if existing is not None:
            existing.text = text_v
            existing.couple = couple
            existing.updated_at = now
            existing.save(update_fields=["text", "couple", "updated_at"])
            return existing, False
        try:
            with transaction.atomic():
                answer = Answer.objects.create(
                    question=question,
                    author=author,
                    couple=couple,
                    text=text_v,
                    created_at=now,
                    updated_at=now,
                )
        except IntegrityError:  # a double submit raced us: update the one that won
            existing = gate.own_answers(author).get(question=question)
            existing.text = text_v
            existing.couple = couple
            existing.updated_at = now
            existing.save(update_fields=["text", "couple", "updated_at"])
            return existing, False
        return answer, True


def set_favourite(user: User, question: Question, favourite: bool) -> bool:
    """Keep or drop a question among my favourites; returns the new state."""
    if favourite:
        Favourite.objects.get_or_create(user=user, question=question)
    else:
        gate.favourites_of(user).filter(question=question).delete()
    return favourite


# --- what a person sees of a question --------------------------------------


@dataclass
class QuestionView:
    """One question as one person may see it."""

    question: Question
    mine: Answer | None = None
    partner_answer: Answer | None = None
    partner_answered: bool = False
    favourite: bool = False
    has_partner: bool = False

    @property
    def revealed(self) -> bool:
        return self.mine is not None and self.partner_answer is not None

    @property
    def waiting_for_me(self) -> bool:
        """My partner answered and is waiting for mine."""
        return self.partner_answered and self.mine is None

    @property
    def waiting_for_partner(self) -> bool:
        return self.has_partner and self.mine is not None and not self.partner_answered

    @property
    def mine_is_shared(self) -> bool:
        """My answer belongs to the couple (answers written alone stay with me)."""
        return self.mine is not None and self.mine.couple_id is not None


def question_view(viewer: User, question: Question) -> QuestionView:
    """A question with my answer, and my partner's as the gate allows."""
    partner = privacy.partner_of(viewer)
    return QuestionView(
        question=question,
        mine=gate.get_own_answer(viewer, question),
        partner_answer=gate.get_partner_answer(viewer, question),
        partner_answered=question.pk in gate.partner_answered_question_ids(viewer, [question]),
        favourite=gate.favourites_of(viewer).filter(question=question).exists(),
        has_partner=partner is not None,
    )


@dataclass
class QuestionRow:
    """A question in a list, with my state (never my partner's words)."""

    question: Question
    answered: bool
    partner_answered: bool
    favourite: bool


def question_rows(
    viewer: User, *, theme: str | None = None, favourites: bool = False
) -> list[QuestionRow]:
    """The deck (or my favourites), optionally one theme, with my state per question."""
    qs = gate.deck()
    if theme:
        qs = qs.filter(theme=theme)
    fav_ids = set(gate.favourites_of(viewer).values_list("question_id", flat=True))
    if favourites:
        qs = qs.filter(pk__in=fav_ids)
    questions = list(qs)
    answered = set(
        gate.own_answers(viewer)
        .filter(question__in=questions)
        .values_list("question_id", flat=True)
    )
    partner_ids = gate.partner_answered_question_ids(viewer, questions)
    return [
        QuestionRow(
            question=q,
            answered=q.pk in answered,
            partner_answered=q.pk in partner_ids,
            favourite=q.pk in fav_ids,
        )
        for q in questions
    ]


def last_answer_time(user: User):
    return (
        gate.authored_answers(user)
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    )
