"""Shapes of the assessments API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StrictBool, StrictInt, StrictStr

from turntoward.api.schemas import Schema, Strict
from turntoward.assessments.services import NOTE_MAX


class AssessmentOptionOut(Schema):
    position: int
    label: str
    points: int


class AssessmentItemOut(Schema):
    number: int
    text: str
    reverse: bool
    subscale: str | None
    options: list[AssessmentOptionOut]


class AssessmentBandOut(Schema):
    slug: str
    min: int
    max: int
    label: str
    meaning: str


class AssessmentSubscaleOut(Schema):
    slug: str
    name: str
    items: list[int]
    max: int


class AssessmentFollowUpRuleOut(Schema):
    min_score: int
    instrument: str


class AssessmentCrisisRuleOut(Schema):
    item: int
    min_position: int


class AssessmentRangeOut(Schema):
    min: int
    max: int


class AssessmentDefinitionOut(Schema):
    slug: str
    name: str
    short_name: str
    description: str
    instructions: str
    citation: str
    licence: str
    optional: bool
    items: list[AssessmentItemOut]
    subscales: list[AssessmentSubscaleOut]
    range: AssessmentRangeOut
    cutoff: float | None
    bands: list[AssessmentBandOut]
    follow_up: AssessmentFollowUpRuleOut | None
    crisis: AssessmentCrisisRuleOut | None
    last_taken_at: datetime | None
    retake_due: bool


class AssessmentResponseIn(Strict):
    answers: Annotated[list[StrictInt], Field(max_length=200)] = Field(
        description="Option positions, one per item in order (0 = the first option)."
    )
    note: Annotated[StrictStr, Field(max_length=NOTE_MAX)] | None = None


class AssessmentSharePatch(Strict):
    shared: StrictBool


class AssessmentResponseOut(Schema):
    id: str
    instrument: str
    answers: list[int]
    score: int
    band: str
    band_label: str
    subscores: dict[str, int]
    follow_up: str | None
    crisis: bool
    note: str
    shared: bool
    created_at: datetime


class AssessmentSharedSummaryOut(Schema):
    id: str
    instrument: str
    score: int
    band: str
    band_label: str
    created_at: datetime


class AssessmentHistoryFilters(Schema):
    since: date | None = None
    until: date | None = None
