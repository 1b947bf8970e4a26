"""Shapes of the signals and counsellor-listing API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from turntoward.api.schemas import Schema


class SignalOut(Schema):
    key: str = Field(description="The rule, e.g. `one_sided_effort`, `wellbeing_low`.")
    title: str
    why: str = Field(description="Why it fired, with the numbers.")
    clears_when: str = Field(description="What would make it go away.")
    suggestion: str = Field(description="One calm next step.")
    private: bool = Field(description="About your own answers: only you ever see it.")
    individual: bool = Field(description="Individual support is suggested.")
    help_url: str = Field(description="The Find help page.")
    since: datetime | None = Field(None, description="When it was first noticed, if recorded.")


class CounsellorPracticeOut(Schema):
    name: str
    website: str
    phone: str
    email: str


class CounsellorOut(Schema):
    id: str
    name: str
    practice: CounsellorPracticeOut | None
    qualifications: str
    approach: str
    works_with: str
    cities: list[str]
    online: bool
    in_person: bool
    languages: list[str]
    phone: str
    email: str
    website: str
    booking_url: str
    how_to_request: str
    fees: str


class CounsellorFilters(Schema):
    city: str | None = Field(None, max_length=100, description="In person in this city.")
    language: str | None = Field(None, max_length=100)
    mode: Literal["online", "in_person"] | None = None
