"""Shapes of the weekly check-in API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.weekly.models import TEXT_MAX

Text = Annotated[StrictStr, Field(max_length=TEXT_MAX)]
RequiredText = Annotated[StrictStr, Field(min_length=1, max_length=TEXT_MAX)]


class WeeklyCheckInIn(Schema):
    model_config = ConfigDict(extra="forbid")

    week: date | None = Field(
        None, description="The Monday of the week (your local calendar); this week if omitted."
    )
    appreciations: RequiredText
    went_well: RequiredText
    concern: Text | None = Field("", description='One concern, e.g. "I feel … when … I need …".')
    goals: Text | None = ""
    quality_time: Text | None = ""


class WeeklyCheckInOut(Schema):
    id: str
    week: date
    author: Literal["me", "partner"]
    appreciations: str
    went_well: str
    concern: str
    goals: str
    quality_time: str
    created_at: datetime
    updated_at: datetime


class WeekOut(Schema):
    week: date
    mine: WeeklyCheckInOut | None
    partner: WeeklyCheckInOut | None = Field(
        description="Null until you have both submitted for this week."
    )
    partner_submitted: bool = Field(
        description="True when your partner has submitted this week, even before the reveal."
    )
