"""`signals` (my own escalation signals) and `counsellors` (the instance's listings)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_findhelp import CounsellorFilters, CounsellorOut, SignalOut
from turntoward.findhelp import services
from turntoward.findhelp.models import Counsellor
from turntoward.findhelp.signals import signals_for

signals_router = Router(tags=["signals"])
counsellors_router = Router(tags=["counsellors"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/signals": signals_router,
    "/counsellors": counsellors_router,
}


@signals_router.get(
    "",
    response=list[SignalOut],
    summary="My active signals",
    description=(
        "Reasons to consider professional help, each with why it fired and when it clears. "
        "Only ever the caller's own; private ones (well-being, satisfaction, own low "
        "connection) never reach a partner."
    ),
)
def my_signals(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {**s.__dict__, "since": local(request.auth, s.since)} for s in signals_for(request.auth)
    ]


def counsellor_out(c: Counsellor) -> dict[str, Any]:
    practice = c.practice
    return {
        "id": str(c.id),
        "name": c.name,
        "practice": (
            {
                "name": practice.name,
                "website": practice.website,
                "phone": practice.phone,
                "email": practice.email,
            }
            if practice
            else None
        ),
        "qualifications": c.qualifications,
        "approach": c.approach,
        "works_with": c.works_with,
        "cities": c.city_list,
        "online": c.online,
        "in_person": c.in_person,
        "languages": c.language_list,
        "phone": c.phone,
        "email": c.email,
        "website": c.website,
        "booking_url": c.booking_url,
        "how_to_request": c.how_to_request,
        "fees": c.fees,
    }


@counsellors_router.get(
    "",
    response={200: list[CounsellorOut], 422: Error},
    summary="Counsellors listed on this instance",
    description="Only active listings. Optional `city`, `language` and `mode` filters.",
)
def counsellors(request: HttpRequest, filters: Query[CounsellorFilters]) -> list[dict[str, Any]]:
    found = services.find_counsellors(
        city=filters.city or "", language=filters.language or "", mode=filters.mode or ""
    )
    return [counsellor_out(c) for c in found]
