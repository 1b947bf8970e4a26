"""API for the safety endpoint: check the caller's own text for risk, store nothing."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import ConfigDict, Field, StrictStr

from turntoward.api.schemas import Error
from turntoward.language.helplines import help_for
from turntoward.language.risk import analyse

safety_router = Router(tags=["safety"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/safety": safety_router}

TEXT_MAX = 10_000
ALL_CATEGORIES = ("self_harm", "partner_violence", "fear_of_partner", "coercive_control")

RiskCategory = Literal["self_harm", "partner_violence", "fear_of_partner", "coercive_control"]
Purpose = Literal["crisis", "domestic_abuse", "emergency"]


class SafetyCheckIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[StrictStr, Field(max_length=TEXT_MAX)]


class HelpLineOut(Schema):
    name: str
    number: str | None = None
    text: str | None = Field(None, description="How to reach the service by text message.")
    url: str | None = None
    for_: list[Purpose] = Field(alias="for")
    hours: str | None = None
    country: str = Field(description='The country code of the entry; "*" for international.')
    reviewed: str | None = Field(None, description="When the entry was last checked.")

    model_config = ConfigDict(populate_by_name=True)


class SafetyCheckOut(Schema):
    risk: list[RiskCategory]
    help: list[HelpLineOut]


@safety_router.post(
    "/check",
    response={200: SafetyCheckOut, 422: Error},
    by_alias=True,
    summary="Check my own text for signs of risk",
    description=(
        'Send `{"text": ...}` (your own words, up to 10,000 characters). Nothing is stored. '
        "`risk` lists what was found among `self_harm`, `partner_violence`, "
        "`fear_of_partner` and `coercive_control` (empty when none); `help` lists help "
        "lines for your country (the international list when there is none for it): "
        "those that fit what was found first, and all of them when nothing was."
    ),
)
def check(request: HttpRequest, payload: SafetyCheckIn) -> dict[str, Any]:
    categories = list(analyse(payload.text).categories)
    country = str(getattr(request.auth, "country", "") or "")
    # Help lines come back even when nothing was found: a client may offer them anyway, and
    # words can miss what a person means.
    return {"risk": categories, "help": help_for(country, categories or ALL_CATEGORIES)}
