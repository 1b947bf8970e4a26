"""Shapes the bids endpoints take and give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.bids.models import DESCRIPTION_MAX, NOTE_MAX

Kind = Literal["attention", "affirmation", "affection", "help", "humour", "sharing_news"]
ResponseValue = Literal["toward", "away", "against"]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class BidIn(Strict):
    description: Annotated[StrictStr, Field(min_length=1, max_length=DESCRIPTION_MAX)]
    kind: Kind
    by: Literal["me", "partner"] = Field(
        description="`me` for a bid I made to my partner, `partner` for one they made to me."
    )
    occurred_at: datetime | None = Field(
        None, description="When it happened (ISO 8601); now if omitted."
    )


class ResponseIn(Strict):
    response: ResponseValue
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = ""


class BidRepairIn(Strict):
    note: Annotated[StrictStr, Field(min_length=1, max_length=NOTE_MAX)]


class BidOut(Schema):
    id: str
    description: str
    kind: Kind
    occurred_at: datetime
    by: Literal["me", "partner", "someone"] = Field(
        description="Who made the bid, from where you stand."
    )
    to: Literal["me", "partner", "someone"] = Field(description="Who received it.")
    logged_by: Literal["me", "partner", "someone"]
    response: ResponseValue | None
    response_note: str
    responded_by: Literal["me", "partner", "someone"] | None
    responded_at: datetime | None
    open: bool
    missed: bool = Field(description="Turned away or against, or still open after a day.")
    repaired: bool
    repair_note: str
    repaired_at: datetime | None
    can_repair: bool = Field(description="True when you are the receiver of a missed bid.")
    created_at: datetime


class TallyOut(Schema):
    bids: int
    toward: int
    away: int
    against: int
    open: int
    repaired: int
    ratio: float | None = Field(
        description="toward / (toward + away + against); null when no bid was answered."
    )


class BidWeekOut(Schema):
    week_start: date
    week_end: date
    together: TallyOut
    me: TallyOut = Field(description="Bids that came to me (I was the receiver).")
    partner: TallyOut | None = Field(description="Bids that came to my partner.")


class StatsOut(Schema):
    weeks: list[BidWeekOut]
    definition: str
    reference: str
