"""Shapes the appreciation and kindness endpoints take and give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.appreciation.models import NOTE_MAX, TEXT_MAX

CategoryValue = Literal["words", "touch", "help", "time", "surprise"]
Who = Literal["me", "partner", "someone"]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class AppreciationIn(Strict):
    text: Annotated[StrictStr, Field(min_length=1, max_length=TEXT_MAX)]
    kind: Literal["did", "quality"] = Field(
        "did", description="`did` for something they did, `quality` for who they are."
    )


class AppreciationOut(Schema):
    id: str
    text: str
    kind: Literal["did", "quality"]
    author: Who
    to: Who
    created_at: datetime


class AppreciationPromptOut(Schema):
    day: date
    slug: str | None
    text: str | None
    appreciated_today: bool


class KindnessIdeaOut(Schema):
    slug: str
    category: CategoryValue
    title: str
    text: str


class ActIn(Strict):
    idea: Annotated[StrictStr, Field(min_length=1, max_length=80)]
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""


class ActOut(Schema):
    id: str
    idea: KindnessIdeaOut
    note: str
    author: Who
    done_at: datetime
    landed: bool
    landed_at: datetime | None
