"""Shapes of the activities and goals API."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.activities.models import FEELING_MAX, FEELING_MIN, NOTE_MAX


class ActivityIdeaOut(Schema):
    slug: str
    title: str
    description: str
    place: Literal["home", "outdoors", "out"]
    minutes: int
    cost: Literal["free", "low", "medium"]
    novel: bool = Field(description="Likely to be new for most couples.")
    done: bool = Field(description="You have done it together already.")


class IdeaFilters(Schema):
    place: Literal["home", "outdoors", "out"] | None = None
    cost: Literal["free", "low", "medium"] | None = None
    max_minutes: Annotated[int, Field(ge=1, le=10_000)] | None = None
    novel: bool | None = None
    suggested: bool = Field(False, description="Only ideas you have not done together yet.")


class PlanRange(Schema):
    since: datetime | None = None
    until: datetime | None = None


class PlanIn(Schema):
    model_config = ConfigDict(extra="forbid")

    idea: Annotated[StrictStr, Field(min_length=1, max_length=80)]
    starts_at: datetime = Field(description="ISO 8601 with an offset, e.g. 2025-05-01T19:00+01:00")
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""


class ActivityReflectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    feeling: Annotated[int, Field(strict=True, ge=FEELING_MIN, le=FEELING_MAX)]
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""


class ActivityReflectionOut(Schema):
    id: str
    author: Literal["me", "partner"]
    feeling: int
    note: str
    created_at: datetime
    updated_at: datetime


class ActivityPlanOut(Schema):
    id: str
    idea: ActivityIdeaOut
    starts_at: datetime
    note: str
    planned_by: Literal["me", "partner"]
    status: Literal["planned", "done"]
    done_at: datetime | None
    created_at: datetime
    shared: bool = Field(description="Shared with your partner (planned while in a couple).")
    reflections: list[ActivityReflectionOut]
    ics_url: str


def utc_bound(value: datetime | None, zone: tzinfo) -> datetime | None:
    """A `since`/`until` as UTC: naive ones are in the viewer's zone; extremes are clamped.

    Year 1 or 9999 shifted by an offset falls off the calendar; a bound that far out
    means "no limit", not an error worth a 500.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        edge = datetime.min if value.year < 5000 else datetime.max
        return edge.replace(tzinfo=UTC)
