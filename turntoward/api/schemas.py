"""Shapes of what the API takes and gives."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.checkins.models import REPLY_MAX, SCALE_MAX, SCALE_MIN, TEXT_MAX

Scale = Annotated[int, Field(strict=True, ge=SCALE_MIN, le=SCALE_MAX)]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class Error(Schema):
    detail: str | list[dict]


class MeOut(Schema):
    id: str
    email: str
    name: str
    display_name: str
    time_zone: str
    country: str
    date_joined: datetime
    today: date
    in_couple: bool


class MePatch(Strict):
    name: Annotated[StrictStr, Field(max_length=80)] | None = None
    time_zone: Annotated[StrictStr, Field(max_length=64)] | None = None
    country: Annotated[StrictStr, Field(max_length=2)] | None = None


class PasswordIn(Schema):
    password: Annotated[StrictStr, Field(min_length=1, max_length=4096)]


class PartnerOut(Schema):
    name: str
    joined_at: datetime


class CoupleOut(Schema):
    id: str
    started_on: date
    created_at: datetime
    partner: PartnerOut | None


class InvitationOut(Schema):
    id: str = Field(description="The invitation's public identifier: its code.")
    code: str
    url: str
    state: str
    created_at: datetime
    expires_at: datetime


class JoinIn(Schema):
    code: Annotated[StrictStr, Field(min_length=1, max_length=64)]


class CheckInIn(Schema):
    day: date | None = Field(None, description="Your local date; today where you are if omitted.")
    mood: Scale
    connection: Scale = Field(description="How connected you felt today, 1 to 5.")
    good_thing: Annotated[StrictStr, Field(min_length=1, max_length=TEXT_MAX)]
    hard_thing: Annotated[StrictStr, Field(min_length=1, max_length=TEXT_MAX)]
    need: Annotated[StrictStr, Field(max_length=TEXT_MAX)] | None = ""


class ReplyIn(Schema):
    text: Annotated[StrictStr, Field(min_length=1, max_length=REPLY_MAX)]


class ReplyOut(Schema):
    id: str
    day: date
    author: Literal["me", "partner"]
    text: str
    created_at: datetime
    updated_at: datetime


class CheckInOut(Schema):
    id: str
    day: date
    author: Literal["me", "partner"]
    mood: int
    connection: int
    good_thing: str
    hard_thing: str
    need: str
    created_at: datetime
    updated_at: datetime
    replies: list[ReplyOut]


class DayOut(Schema):
    day: date
    mine: CheckInOut | None
    partner: CheckInOut | None
    partner_checked_in: bool = Field(
        description="True when your partner checked in that day, even before it is revealed."
    )
