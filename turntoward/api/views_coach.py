"""API for the I-statement coach: analyse a draft message without storing it."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import AliasChoices, ConfigDict, Field, StrictStr

from turntoward.api.schemas import Error
from turntoward.language.coach import MAX_CHARS, coach

coach_router = Router(tags=["coach"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/coach": coach_router}


class CoachIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[
        StrictStr,
        Field(
            min_length=1,
            max_length=MAX_CHARS,
            validation_alias=AliasChoices("text", "draft"),
            description="The draft message. `draft` is accepted as another name for it.",
        ),
    ]


class FindingOut(Schema):
    kind: str = Field(
        description="blame, absolute, label, contempt, demand, why_question or mind_reading"
    )
    start: int = Field(description="Character offset where the finding starts in `text`.")
    end: int = Field(description="Character offset just past its end.")
    explanation: str


class CoachOut(Schema):
    verdict: str = Field(description="i_statement, gentler (could be gentler) or hurtful")
    findings: list[FindingOut]
    suggestion: str


@coach_router.post(
    "/i-statement",
    response={200: CoachOut, 422: Error},
    summary="Coach a draft message towards an I-statement",
    description=(
        'Send `{"text": ...}` (1 to 5,000 characters). Answers the findings with their '
        "character spans, a verdict and a suggested I-statement. Nothing is stored."
    ),
)
def i_statement(request: HttpRequest, payload: CoachIn) -> dict[str, Any]:
    result = coach(payload.text)
    return {
        "verdict": result.verdict,
        "findings": [
            {"kind": f.kind, "start": f.start, "end": f.end, "explanation": f.explanation}
            for f in result.findings
        ],
        "suggestion": result.suggestion,
    }
