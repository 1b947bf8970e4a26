"""Schemas for the private safety screen and the discreet-mode setting of `me`."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, StrictBool

from turntoward.api.schemas import MeOut, MePatch

ScreenAnswer = Literal["no", "sometimes", "yes"]


class MeDetailsOut(MeOut):
    discreet_mode: bool


class MeDetailsPatch(MePatch):
    discreet_mode: StrictBool | None = None


class SafetyQuestionOut(Schema):
    slug: str
    text: str


class SafetyScreenOut(Schema):
    questions: list[SafetyQuestionOut]
    answers: dict[str, ScreenAnswer] | None
    taken_at: datetime | None
    positive: bool | None
    couple_paused: bool


class SafetyScreenIn(Schema):
    model_config = ConfigDict(extra="forbid")

    answers: dict[str, ScreenAnswer]


class SafetyScreenPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    couple_paused: StrictBool
