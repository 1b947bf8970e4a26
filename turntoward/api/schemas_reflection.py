"""Shapes of the reflection, repair and boundary APIs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StrictStr

from turntoward.reflection.models import RESPONSE_MAX, STATEMENT_MAX, TEXT_MAX

Text = Annotated[StrictStr, Field(max_length=TEXT_MAX)]
RequiredText = Annotated[StrictStr, Field(min_length=1, max_length=TEXT_MAX)]
Slug = Annotated[StrictStr, Field(max_length=60)]
BoundaryKind = Literal["need", "not_acceptable"]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class ReflectionRange(Schema):
    since: date | None = Field(None, description="Created on or after this local day.")
    until: date | None = Field(None, description="Created on or before this local day.")


class Times(Schema):
    shared: bool = Field(description="Shared with your current partner.")
    shared_at: datetime | None
    created_at: datetime
    updated_at: datetime


# --- reflections ---------------------------------------------------------------


class ReflectionIn(Strict):
    pressures: Annotated[list[Slug], Field(max_length=30)] = Field(
        default_factory=list,
        description="Slugs: work, children, household, screens, health, money, ...",
    )
    other_pressures: Annotated[StrictStr, Field(max_length=300)] | None = ""
    noticed: RequiredText
    could_change: Text | None = ""
    shared: StrictBool = False


class ReflectionPatch(Strict):
    pressures: Annotated[list[Slug], Field(max_length=30)] | None = None
    other_pressures: Annotated[StrictStr, Field(max_length=300)] | None = None
    noticed: Text | None = None
    could_change: Text | None = None
    shared: StrictBool | None = None


class ReflectionOut(Times):
    id: str
    author: Literal["me", "partner"]
    pressures: list[str]
    other_pressures: str
    noticed: str
    could_change: str


# --- repairs -----------------------------------------------------------------------


class RepairIn(Strict):
    hurt: RequiredText
    i_statement: Text | None = ""
    need: Text | None = ""
    offer: Text | None = ""
    let_go: Text | None = ""


class RepairPatch(Strict):
    hurt: Text | None = None
    i_statement: Text | None = None
    need: Text | None = None
    offer: Text | None = None
    let_go: Text | None = None


class ShareIn(Strict):
    shared: StrictBool = Field(True, description="false takes a share back.")


class RepairResponseIn(Strict):
    text: Annotated[StrictStr, Field(min_length=1, max_length=RESPONSE_MAX)]


class RepairResponseOut(Schema):
    id: str
    author: Literal["me", "partner"]
    text: str
    created_at: datetime
    updated_at: datetime


class RepairOut(Times):
    id: str
    author: Literal["me", "partner"]
    hurt: str
    i_statement: str
    need: str
    offer: str
    let_go: str
    responses: list[RepairResponseOut]


# --- boundaries -------------------------------------------------------------------


class BoundaryIn(Strict):
    kind: BoundaryKind = "need"
    statement: Annotated[StrictStr, Field(min_length=1, max_length=STATEMENT_MAX)]
    why: Text | None = ""
    shared: StrictBool = False


class BoundaryPatch(Strict):
    kind: BoundaryKind | None = None
    statement: Annotated[StrictStr, Field(max_length=STATEMENT_MAX)] | None = None
    why: Text | None = None
    shared: StrictBool | None = None


class BoundaryOut(Times):
    id: str
    author: Literal["me", "partner"]
    kind: BoundaryKind
    statement: str
    why: str
    acknowledged: bool
    acknowledged_at: datetime | None
