"""Shapes of the self-care API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StrictStr

from turntoward.api.schemas import Schema, Strict
from turntoward.selfcare.models import (
    FEELING_MAX,
    FEELING_MIN,
    NOTE_MAX,
    TIMES_MAX,
    TIMES_MIN,
    TITLE_MAX,
)

FrequencyName = Literal["daily", "times_a_week", "weekly"]
Times = Annotated[int, Field(strict=True, ge=TIMES_MIN, le=TIMES_MAX)]
FeelingScale = Annotated[int, Field(strict=True, ge=FEELING_MIN, le=FEELING_MAX)]


class SelfCareIdeaOut(Schema):
    slug: str
    title: str
    description: str
    category: str
    frequency: FrequencyName
    times_a_week: int


class ItemIn(Strict):
    title: Annotated[StrictStr, Field(max_length=TITLE_MAX)] | None = Field(
        None, description="Required unless `idea` is given (the idea's title is used)."
    )
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""
    frequency: FrequencyName | None = Field(
        None, description="Required unless `idea` is given (the idea's suggestion is used)."
    )
    times_a_week: Times | None = Field(None, description="For `times_a_week`: 1 to 7.")
    idea: Annotated[StrictStr, Field(max_length=80)] | None = Field(
        None, description="Slug of an idea from `self-care/ideas`."
    )


class ItemPatch(Strict):
    title: Annotated[StrictStr, Field(max_length=TITLE_MAX)] | None = None
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = None
    frequency: FrequencyName | None = None
    times_a_week: Times | None = None


class ItemOut(Schema):
    id: str
    title: str
    note: str
    frequency: FrequencyName
    times_a_week: int
    idea: str | None
    logged_today: bool
    created_at: datetime
    updated_at: datetime


class SelfCarePlanOut(Schema):
    today: date
    items: list[ItemOut]


class LogIn(Strict):
    item: Annotated[StrictStr, Field(max_length=64)]
    day: date | None = Field(None, description="Your local date; today where you are if omitted.")
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""
    feeling: FeelingScale | None = Field(None, description="How it felt, 1 to 5.")


class LogOut(Schema):
    id: str
    item: str
    item_title: str
    day: date
    note: str
    feeling: int | None
    created_at: datetime
    updated_at: datetime


class ItemWeekOut(Schema):
    item: str
    title: str
    frequency: FrequencyName
    intended: int
    done: int
    reached: bool
    days: list[date]
    message: str


class SelfCareWeekOut(Schema):
    week_start: date
    week_end: date
    in_progress: bool
    summary: str
    average_feeling: float | None
    items: list[ItemWeekOut]
