"""Shapes of the curiosity questions API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.curiosity.models import ANSWER_MAX, Theme

ThemeName = Literal[tuple(Theme.values)]  # type: ignore[valid-type]


class QuestionFilters(Schema):
    theme: ThemeName | None = Field(None, description="Only questions of this theme.")
    favourites: bool = Field(False, description="Only the questions I keep as favourites.")
    since: date | None = Field(None, description="Only questions I answered on or after this day.")
    until: date | None = Field(None, description="Only questions I answered on or before this day.")


class AnswerIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[StrictStr, Field(min_length=1, max_length=ANSWER_MAX)]


class AnswerOut(Schema):
    id: str
    question: str = Field(description="The question's slug.")
    author: Literal["me", "partner"]
    text: str
    created_at: datetime
    updated_at: datetime


class QuestionRowOut(Schema):
    id: str
    slug: str
    theme: str
    text: str
    answered: bool = Field(description="True when I have answered it.")
    partner_answered: bool = Field(description="True when my partner has answered it.")
    favourite: bool


class QuestionOut(Schema):
    id: str
    slug: str
    theme: str
    text: str
    day: date | None = Field(
        None, description="For the question of the day: the local day it is for."
    )
    favourite: bool
    mine: AnswerOut | None
    partner: AnswerOut | None = Field(
        description="My partner's answer: null until we have both answered this question."
    )
    partner_answered: bool = Field(
        description="True when my partner has answered, even before it is revealed."
    )


class FavouriteOut(Schema):
    question: str
    favourite: bool
