"""Shapes of the lessons API."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class LessonFilters(Schema):
    since: date | None = Field(None, description="Only lessons I marked read on or after this day.")
    until: date | None = Field(
        None, description="Only lessons I marked read on or before this day."
    )


class LessonOut(Schema):
    id: str
    slug: str
    title: str
    summary: str
    read: bool
    read_at: datetime | None
    practice_url: str | None = Field(description="The page of the related practice, if any.")


class LessonDetailOut(LessonOut):
    body: str
    paragraphs: list[str]
    practice: str = Field(description="A small practice to try.")


class ReadOut(Schema):
    lesson: str
    read: bool
    read_at: datetime
