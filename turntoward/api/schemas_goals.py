"""Shapes of the goals API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.goals.models import NOTE_MAX, TITLE_MAX, WHY_MAX


class GoalIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[StrictStr, Field(min_length=1, max_length=TITLE_MAX)]
    why: Annotated[StrictStr, Field(max_length=WHY_MAX)] | None = ""


class GoalPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[StrictStr, Field(min_length=1, max_length=TITLE_MAX)] | None = None
    why: Annotated[StrictStr, Field(max_length=WHY_MAX)] | None = None
    status: Literal["active", "reached", "paused"] | None = None


class GoalUpdateIn(Schema):
    model_config = ConfigDict(extra="forbid")

    progress: Annotated[int, Field(strict=True, ge=0, le=100)] | None = None
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""


class GoalUpdateOut(Schema):
    id: str
    author: Literal["me", "partner"]
    progress: int | None
    note: str
    created_at: datetime


class GoalOut(Schema):
    id: str
    title: str
    why: str
    status: Literal["active", "reached", "paused"]
    shared: bool = Field(description="Shared with your partner; false for a personal goal.")
    created_by: Literal["me", "partner"]
    progress: int
    revisit_due: bool = Field(description="No update for 14 days: time to revisit.")
    last_update_at: datetime
    reached_at: datetime | None
    created_at: datetime
    updated_at: datetime
    updates: list[GoalUpdateOut]


class GoalUpdateResult(GoalUpdateOut):
    goal: GoalOut
    just_reached: bool


class GoalRange(Schema):
    since: datetime | None = None
    until: datetime | None = None
