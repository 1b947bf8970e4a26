"""API for the reflection practices: `reflections`, `repairs` and `boundaries`.

Each is private to its author until shared; a shared item is readable by the author's
current partner only. Objects a person may not see answer 404.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_reflection import (
    BoundaryIn,
    BoundaryOut,
    BoundaryPatch,
    ReflectionIn,
    ReflectionOut,
    ReflectionPatch,
    ReflectionRange,
    RepairIn,
    RepairOut,
    RepairPatch,
    RepairResponseIn,
    RepairResponseOut,
    ShareIn,
)
from turntoward.privacy import reflection as gate
from turntoward.reflection import services
from turntoward.reflection.models import Boundary, Reflection, Repair, RepairResponse

reflections_router = Router(tags=["reflections"])
repairs_router = Router(tags=["repairs"])
boundaries_router = Router(tags=["boundaries"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/reflections": reflections_router,
    "/repairs": repairs_router,
    "/boundaries": boundaries_router,
}


def _between(viewer: Any, qs: QuerySet, since: date | None, until: date | None) -> QuerySet:
    """Filter by the viewer's local days of creation."""
    if since:
        qs = qs.filter(created_at__gte=datetime.combine(since, time.min, tzinfo=viewer.tz))
    if until:
        qs = qs.filter(created_at__lt=datetime.combine(until, time.max, tzinfo=viewer.tz))
    return qs.order_by("-created_at")


def _common(viewer: Any, obj: Any) -> dict[str, Any]:
    mine = obj.author_id == viewer.pk
    return {
        "id": str(obj.id),
        "author": "me" if mine else "partner",
        "shared": services.is_shared_now(obj, viewer) if mine else True,
        "shared_at": local(viewer, obj.shared_at),
        "created_at": local(viewer, obj.created_at),
        "updated_at": local(viewer, obj.updated_at),
    }


# --- reflections -------------------------------------------------------------------


def reflection_out(viewer: Any, r: Reflection) -> dict[str, Any]:
    return {
        **_common(viewer, r),
        "pressures": r.pressures,
        "other_pressures": r.other_pressures,
        "noticed": r.noticed,
        "could_change": r.could_change,
    }


@reflections_router.get(
    "", response={200: list[ReflectionOut], 422: Error}, summary="My reflections and shared ones"
)
def list_reflections(request: HttpRequest, filters: Query[ReflectionRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = _between(viewer, gate.reflections_visible_to(viewer), filters.since, filters.until)
    return [reflection_out(viewer, r) for r in qs]


@reflections_router.post(
    "",
    response={201: ReflectionOut, 422: Error},
    summary="Write a reflection (private unless `shared`)",
)
def create_reflection(request: HttpRequest, payload: ReflectionIn) -> Status:
    r = services.create_reflection(request.auth, **payload.model_dump())
    return Status(201, reflection_out(request.auth, r))


@reflections_router.get(
    "/{id}", response={200: ReflectionOut, 404: Error}, summary="One reflection"
)
def get_reflection(request: HttpRequest, id: str) -> dict[str, Any]:
    return reflection_out(request.auth, gate.get_reflection_for_user(request.auth, id))


@reflections_router.patch(
    "/{id}",
    response={200: ReflectionOut, 404: Error, 422: Error},
    summary="Change my reflection; `shared` true or false shares or takes it back",
)
def patch_reflection(request: HttpRequest, id: str, payload: ReflectionPatch) -> dict[str, Any]:
    gate.get_own_reflection(request.auth, id)
    r = services.update_reflection(request.auth, id, **payload.model_dump(exclude_unset=True))
    return reflection_out(request.auth, r)


@reflections_router.delete(
    "/{id}", response={204: None, 404: Error}, summary="Delete my reflection"
)
def delete_reflection(request: HttpRequest, id: str) -> HttpResponse:
    services.delete_reflection(request.auth, id)
    return HttpResponse(status=204)


# --- repairs ---------------------------------------------------------------------------


def response_out(viewer: Any, r: RepairResponse) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "author": "me" if r.author_id == viewer.pk else "partner",
        "text": r.text,
        "created_at": local(viewer, r.created_at),
        "updated_at": local(viewer, r.updated_at),
    }


def repair_out(viewer: Any, r: Repair) -> dict[str, Any]:
    return {
        **_common(viewer, r),
        **{name: getattr(r, name) for name in services.REPAIR_FIELDS},
        "responses": [response_out(viewer, x) for x in services.responses_for(viewer, r)],
    }


@repairs_router.get(
    "", response={200: list[RepairOut], 422: Error}, summary="My repairs and shared ones"
)
def list_repairs(request: HttpRequest, filters: Query[ReflectionRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = _between(viewer, gate.repairs_visible_to(viewer), filters.since, filters.until)
    return [repair_out(viewer, r) for r in qs]


@repairs_router.post(
    "", response={201: RepairOut, 422: Error}, summary="Start a repair (a private draft)"
)
def create_repair(request: HttpRequest, payload: RepairIn) -> Status:
    r = services.create_repair(request.auth, **payload.model_dump())
    return Status(201, repair_out(request.auth, r))


@repairs_router.get("/{id}", response={200: RepairOut, 404: Error}, summary="One repair")
def get_repair(request: HttpRequest, id: str) -> dict[str, Any]:
    return repair_out(request.auth, gate.get_repair_for_user(request.auth, id))


@repairs_router.patch(
    "/{id}", response={200: RepairOut, 404: Error, 422: Error}, summary="Change my repair"
)
def patch_repair(request: HttpRequest, id: str, payload: RepairPatch) -> dict[str, Any]:
    gate.get_own_repair(request.auth, id)
    r = services.update_repair(request.auth, id, **payload.model_dump(exclude_unset=True))
    return repair_out(request.auth, r)


@repairs_router.post(
    "/{id}/share",
    response={200: RepairOut, 404: Error, 422: Error},
    summary="Share my repair with my partner (or take it back with shared: false)",
    description="Sharing needs `hurt`, `i_statement` and `need`, and a partner.",
)
def share_repair(request: HttpRequest, id: str, payload: ShareIn | None = None) -> dict[str, Any]:
    gate.get_own_repair(request.auth, id)
    shared = payload.shared if payload is not None else True
    return repair_out(request.auth, services.share_repair(request.auth, id, shared))


@repairs_router.post(
    "/{id}/response",
    response={200: RepairResponseOut, 201: RepairResponseOut, 404: Error, 422: Error},
    summary="Respond to a repair my partner shared with me",
    description='Send `{"text": ...}`. 201 the first time, 200 when changed.',
)
def respond(request: HttpRequest, id: str, payload: RepairResponseIn) -> Status:
    response, created = services.respond_to_repair(request.auth, id, payload.text)
    return Status(201 if created else 200, response_out(request.auth, response))


# --- boundaries ----------------------------------------------------------------------


def boundary_out(viewer: Any, b: Boundary) -> dict[str, Any]:
    return {
        **_common(viewer, b),
        "kind": b.kind,
        "statement": b.statement,
        "why": b.why,
        "acknowledged": b.acknowledged_at is not None,
        "acknowledged_at": local(viewer, b.acknowledged_at),
    }


@boundaries_router.get(
    "", response={200: list[BoundaryOut], 422: Error}, summary="My boundaries and shared ones"
)
def list_boundaries(request: HttpRequest, filters: Query[ReflectionRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = _between(viewer, gate.boundaries_visible_to(viewer), filters.since, filters.until)
    return [boundary_out(viewer, b) for b in qs]


@boundaries_router.post(
    "", response={201: BoundaryOut, 422: Error}, summary="Write a boundary (private unless shared)"
)
def create_boundary(request: HttpRequest, payload: BoundaryIn) -> Status:
    b = services.create_boundary(request.auth, **payload.model_dump())
    return Status(201, boundary_out(request.auth, b))


@boundaries_router.get("/{id}", response={200: BoundaryOut, 404: Error}, summary="One boundary")
def get_boundary(request: HttpRequest, id: str) -> dict[str, Any]:
    return boundary_out(request.auth, gate.get_boundary_for_user(request.auth, id))


@boundaries_router.patch(
    "/{id}",
    response={200: BoundaryOut, 404: Error, 422: Error},
    summary="Change my boundary; `shared` true or false shares or takes it back",
)
def patch_boundary(request: HttpRequest, id: str, payload: BoundaryPatch) -> dict[str, Any]:
    gate.get_own_boundary(request.auth, id)
    b = services.update_boundary(request.auth, id, **payload.model_dump(exclude_unset=True))
    return boundary_out(request.auth, b)


@boundaries_router.delete("/{id}", response={204: None, 404: Error}, summary="Delete my boundary")
def delete_boundary(request: HttpRequest, id: str) -> HttpResponse:
    services.delete_boundary(request.auth, id)
    return HttpResponse(status=204)


@boundaries_router.post(
    "/{id}/acknowledge",
    response={200: BoundaryOut, 404: Error},
    summary="Acknowledge a boundary my partner shared with me",
)
def acknowledge(request: HttpRequest, id: str) -> dict[str, Any]:
    return boundary_out(request.auth, services.acknowledge_boundary(request.auth, id))
