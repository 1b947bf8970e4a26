"""`assessments`: instruments as data, my private results, and summaries I choose to share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_assessments import (
    AssessmentDefinitionOut,
    AssessmentHistoryFilters,
    AssessmentResponseIn,
    AssessmentResponseOut,
    AssessmentSharedSummaryOut,
    AssessmentSharePatch,
)
from turntoward.assessments import services
from turntoward.assessments.models import AssessmentResponse
from turntoward.assessments.scoring import Instrument
from turntoward.privacy import assessments as gate

router = Router(tags=["assessments"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {"/assessments": router}


def definition_out(viewer: Any, inst: Instrument) -> dict[str, Any]:
    last = services.latest(viewer, inst.slug)
    return {
        "slug": inst.slug,
        "name": gettext(inst.name),
        "short_name": gettext(inst.short_name),
        "description": gettext(inst.description),
        "instructions": gettext(inst.instructions),
        "citation": inst.citation,
        "licence": inst.licence,
        "optional": inst.optional,
        "items": [
            {
                "number": item.number,
                "text": gettext(item.text),
                "reverse": item.reverse,
                "subscale": item.subscale,
                "options": [
                    {"position": o.position, "label": gettext(o.label), "points": o.points}
                    for o in item.options
                ],
            }
            for item in inst.items
        ],
        "subscales": [
            {"slug": s.slug, "name": gettext(s.name), "items": list(s.items), "max": s.max}
            for s in inst.subscales
        ],
        "range": {"min": inst.range_min, "max": inst.range_max},
        "cutoff": inst.cutoff,
        "bands": [
            {
                "slug": b.slug,
                "min": b.min,
                "max": b.max,
                "label": gettext(b.label),
                "meaning": gettext(b.meaning),
            }
            for b in inst.bands
        ],
        "follow_up": (
            {"min_score": inst.follow_up_min, "instrument": inst.follow_up_instrument}
            if inst.follow_up_instrument
            else None
        ),
        "crisis": (
            {"item": inst.crisis_item, "min_position": inst.crisis_min_position}
            if inst.crisis_item
            else None
        ),
        "last_taken_at": local(viewer, last.created_at) if last else None,
        "retake_due": inst.slug == services.CONNECTION_CHECK and services.retake_due(viewer),
    }


def _band_label(slug: str, band: str) -> str:
    inst = services.instrument(slug)
    found = inst.band(band) if inst else None
    return gettext(found.label) if found else band


def response_out(viewer: Any, r: AssessmentResponse) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "instrument": r.instrument,
        "answers": list(r.answers),
        "score": r.score,
        "band": r.band,
        "band_label": _band_label(r.instrument, r.band),
        "subscores": r.subscores or {},
        "follow_up": r.follow_up or None,
        "crisis": r.crisis,
        "note": r.note,
        "shared": r.shared_with_partner,
        "created_at": local(viewer, r.created_at),
    }


@router.get(
    "", response=list[AssessmentDefinitionOut], summary="Every instrument, with its definition"
)
def list_instruments(request: HttpRequest) -> list[dict[str, Any]]:
    return [definition_out(request.auth, i) for i in services.instruments()]


@router.get(
    "/shared",
    response=list[AssessmentSharedSummaryOut],
    summary="My partner's shared summaries (score, band, date only)",
)
def shared(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": str(s.id),
            "instrument": s.instrument,
            "score": s.score,
            "band": s.band,
            "band_label": _band_label(s.instrument, s.band),
            "created_at": local(request.auth, s.created_at),
        }
        for s in gate.shared_summaries_visible_to(request.auth)
    ]


@router.get(
    "/{slug}", response={200: AssessmentDefinitionOut, 404: Error}, summary="One instrument"
)
def get_instrument(request: HttpRequest, slug: str) -> dict[str, Any]:
    return definition_out(request.auth, services.get_instrument(slug))


@router.post(
    "/{slug}/responses",
    response={201: AssessmentResponseOut, 404: Error, 422: Error},
    summary="Answer an instrument",
    description=(
        "`answers` are option positions in the published order (0 = the first option), "
        "one per item. The score, band, follow-up and crisis flag are worked out here."
    ),
)
def submit(request: HttpRequest, slug: str, payload: AssessmentResponseIn) -> Status:
    services.get_instrument(slug)
    response = services.submit_response(
        request.auth, slug, payload.answers, note=payload.note or ""
    )
    return Status(201, response_out(request.auth, response))


@router.get(
    "/{slug}/responses",
    response={200: list[AssessmentResponseOut], 404: Error, 422: Error},
    summary="My results for an instrument, newest first",
)
def my_history(
    request: HttpRequest, slug: str, filters: Query[AssessmentHistoryFilters]
) -> list[dict[str, Any]]:
    inst = services.get_instrument(slug)
    found = services.history(request.auth, inst.slug, since=filters.since, until=filters.until)
    return [response_out(request.auth, r) for r in found]


@router.get(
    "/{slug}/responses/{response_id}",
    response={200: AssessmentResponseOut, 404: Error},
    summary="One of my results",
)
def one(request: HttpRequest, slug: str, response_id: str) -> dict[str, Any]:
    r = gate.get_response_for_user(request.auth, response_id)
    if r.instrument != slug:
        return Status(404, {"detail": "Not found."})
    return response_out(request.auth, r)


@router.patch(
    "/{slug}/responses/{response_id}",
    response={200: AssessmentResponseOut, 404: Error, 422: Error},
    summary="Share or stop sharing a summary with my partner",
)
def share(
    request: HttpRequest, slug: str, response_id: str, payload: AssessmentSharePatch
) -> dict[str, Any]:
    r = gate.get_response_for_user(request.auth, response_id)
    if r.instrument != slug:
        return Status(404, {"detail": "Not found."})
    r = services.set_shared(request.auth, r, payload.shared)
    return response_out(request.auth, r)
