"""API for the private safety screen: the caller's own answers and couple pause, no one else's."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_safetyscreen import (
    SafetyScreenIn,
    SafetyScreenOut,
    SafetyScreenPatch,
)
from turntoward.safety import services

router = Router(tags=["safety"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/safety/screen": router}


def _out(user: Any) -> dict[str, Any]:
    result = services.screen_result(user)
    return {
        "questions": [{"slug": q["slug"], "text": _(q["text"])} for q in services.questions()],
        "answers": result["answers"] if result else None,
        "taken_at": local(user, result["taken_at"]) if result else None,
        "positive": result["positive"] if result else None,
        "couple_paused": services.couple_paused(user),
    }


@router.get("", response=SafetyScreenOut, summary="My private safety screen")
def get_screen(request: HttpRequest) -> dict[str, Any]:
    return _out(request.auth)


@router.post(
    "",
    response={201: SafetyScreenOut, 422: Error},
    summary="Answer the private safety screen",
    description=(
        'Send `{"answers": {"<slug>": "no" | "sometimes" | "yes", ...}}` with every question. '
        "Only you ever see the answers. When any answer is `sometimes` or `yes`, couple "
        "features are paused for you (`couple_paused`); you can turn them back on with PATCH."
    ),
)
def post_screen(request: HttpRequest, payload: SafetyScreenIn) -> Status:
    answers, errors = services.clean_answers(payload.answers)
    if errors:
        raise ValidationError(errors)
    services.take_screen(request.auth, answers)
    return Status(201, _out(request.auth))


@router.patch(
    "",
    response={200: SafetyScreenOut, 422: Error},
    summary="Pause couple features for me, or turn them back on",
)
def patch_screen(request: HttpRequest, payload: SafetyScreenPatch) -> dict[str, Any]:
    services.set_couple_paused(request.auth, payload.couple_paused)
    return _out(request.auth)


@router.delete("", response={204: None}, summary="Delete my safety screen answers")
def delete_screen(request: HttpRequest) -> Status:
    services.delete_screen(request.auth)
    return Status(204, None)
