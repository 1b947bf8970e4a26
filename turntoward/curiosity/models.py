"""Models of the curiosity practice: the question deck, answers, days served, favourites."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turntoward.core.fields import EncryptedTextField

ANSWER_MAX = 2000


class Theme(models.TextChoices):
    DREAMS = "dreams", _("Dreams")
    HISTORY = "history", _("History")
    DAILY_LIFE = "daily_life", _("Daily life")
    VALUES = "values", _("Values")
    FEELINGS = "feelings", _("Feelings")
    PLAY = "play", _("Play")
    US = "us", _("The two of us")


class QuestionQuerySet(models.QuerySet["Question"]):
    def active(self) -> QuestionQuerySet:
        return self.filter(active=True)


class Question(models.Model):
    """One open-ended question of the deck (content, loaded from YAML by slug)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    theme = models.CharField(max_length=20, choices=Theme.choices)
    text = models.CharField(max_length=300)
    # Questions dropped from the YAML stay (answers point at them) but leave the deck.
    active = models.BooleanField(default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["theme", "slug"]

    def __str__(self) -> str:
        return self.slug


class Answer(models.Model):
    """One person's answer to one question; shown to the partner once both answered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="curiosity_answers"
    )
    # The couple the answer was last written in; answers written alone stay private.
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL)
    text = EncryptedTextField(_("your answer"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"answer {self.id}"


class ServedQuestion(models.Model):
    """Which question was the question of the day, for a couple or a person alone."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    couple = models.ForeignKey(
        "couples.Couple",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="served_questions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="served_questions",
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    # A new round starts once every question of the deck has been served.
    round = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(couple__isnull=False, user__isnull=True)
                    | models.Q(couple__isnull=True, user__isnull=False)
                ),
                name="served_to_couple_or_person",
            ),
            models.UniqueConstraint(fields=["couple", "day"], name="one_question_a_day_couple"),
            models.UniqueConstraint(fields=["user", "day"], name="one_question_a_day_person"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.question_id}"


class Favourite(models.Model):
    """A question a person keeps for later; private to them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourite_questions"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="one_favourite_per_question"),
        ]

    def __str__(self) -> str:
        return f"favourite {self.id}"
