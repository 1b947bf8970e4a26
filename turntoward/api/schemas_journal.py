"""Shapes of the journal API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StrictStr

from turntoward.api.schemas import Schema, Strict
from turntoward.journal.models import BODY_MAX, FEELINGS_MAX, TITLE_MAX

Slug = Annotated[StrictStr, Field(max_length=80)]


class JournalPromptOut(Schema):
    slug: str
    theme: str
    text: str


class FeelingWordOut(Schema):
    slug: str
    word: str


class CoreFeelingOut(Schema):
    slug: str
    word: str
    description: str
    words: list[FeelingWordOut]


class FeelingTagOut(Schema):
    slug: str
    word: str
    core: str


class EntryIn(Strict):
    body: Annotated[StrictStr, Field(max_length=BODY_MAX)]
    title: Annotated[StrictStr, Field(max_length=TITLE_MAX)] | None = ""
    prompt: Slug | None = Field(None, description="Slug of a prompt from `journal/prompts`.")
    feelings: Annotated[list[Slug], Field(max_length=FEELINGS_MAX)] | None = Field(
        None, description="Slugs from `journal/feelings` (core feelings or finer words)."
    )


class EntryPatch(Strict):
    body: Annotated[StrictStr, Field(max_length=BODY_MAX)] | None = None
    title: Annotated[StrictStr, Field(max_length=TITLE_MAX)] | None = None
    prompt: Slug | None = None
    feelings: Annotated[list[Slug], Field(max_length=FEELINGS_MAX)] | None = None


class EntryOut(Schema):
    id: str
    day: date
    title: str
    body: str
    prompt: JournalPromptOut | None
    feelings: list[FeelingTagOut]
    created_at: datetime
    updated_at: datetime
