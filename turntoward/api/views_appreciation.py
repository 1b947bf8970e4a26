"""API for appreciation and kindness: `appreciations`, `kindness`, `kindness/acts`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError

from turntoward import privacy
from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_appreciation import (
    ActIn,
    ActOut,
    AppreciationIn,
    AppreciationOut,
    AppreciationPromptOut,
    CategoryValue,
    KindnessIdeaOut,
)
from turntoward.appreciation import services
from turntoward.appreciation.models import Appreciation, KindnessAct, KindnessIdea
from turntoward.privacy import appreciation as gate

appreciations_router = Router(tags=["appreciations"])
kindness_router = Router(tags=["kindness"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/appreciations": appreciations_router,
    "/kindness": kindness_router,
}


class AppreciationRange(Schema):
    since: date | datetime | None = None
    until: date | datetime | None = None


class CategoryQuery(Schema):
    category: CategoryValue | None = None


def _bound(viewer: Any, value: datetime | date | None, *, end: bool) -> datetime | None:
    """A date means the whole local day; a datetime without offset is local time."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=viewer.tz)
    moment = datetime.combine(value + timedelta(days=1) if end else value, time.min, viewer.tz)
    return moment - timedelta(microseconds=1) if end else moment


def _who(viewer: Any, person_id: Any) -> str:
    if person_id == viewer.pk:
        return "me"
    partner = privacy.partner_of(viewer)
    return "partner" if partner is not None and person_id == partner.pk else "someone"


def appreciation_out(viewer: Any, item: Appreciation) -> dict[str, Any]:
    return {
        "id": str(item.id),
        "text": item.text,
        "kind": item.kind,
        "author": _who(viewer, item.author_id),
        "to": _who(viewer, item.recipient_id),
        "created_at": local(viewer, item.created_at),
    }


def idea_out(idea: KindnessIdea) -> dict[str, Any]:
    return {
        "slug": idea.slug,
        "category": idea.category,
        "title": gettext(idea.title),
        "text": gettext(idea.text),
    }


def act_out(viewer: Any, act: KindnessAct) -> dict[str, Any]:
    return {
        "id": str(act.id),
        "idea": idea_out(act.idea),
        "note": act.note,
        "author": _who(viewer, act.author_id),
        "done_at": local(viewer, act.done_at),
        "landed": act.landed_at is not None,
        "landed_at": local(viewer, act.landed_at),
    }


# --- appreciations --------------------------------------------------------------------


@appreciations_router.get(
    "", response=list[AppreciationOut], summary="Appreciations both ways, newest first"
)
def list_appreciations(
    request: HttpRequest, filters: Query[AppreciationRange]
) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = gate.appreciations_visible_to(viewer).between(
        _bound(viewer, filters.since, end=False), _bound(viewer, filters.until, end=True)
    )
    return [appreciation_out(viewer, a) for a in qs]


@appreciations_router.post(
    "",
    response={201: AppreciationOut, 409: Error, 422: Error},
    summary="Send my partner an appreciation",
    description="Both of you see it at once. 409 when you have no partner in the app yet.",
)
def send(request: HttpRequest, payload: AppreciationIn) -> Status:
    try:
        item = services.send_appreciation(request.auth, text=payload.text, kind=payload.kind)
    except services.NeedsPartner as exc:
        raise HttpError(409, str(exc)) from exc
    return Status(201, appreciation_out(request.auth, item))


@appreciations_router.get(
    "/prompt", response=AppreciationPromptOut, summary="Today's prompt to appreciate"
)
def prompt(request: HttpRequest) -> dict[str, Any]:
    viewer = request.auth
    today = viewer.local_today()
    found = services.prompt_for(viewer, today)
    return {
        "day": today,
        "slug": found.slug if found else None,
        "text": gettext(found.text) if found else None,
        "appreciated_today": services.appreciated_today(viewer),
    }


@appreciations_router.get(
    "/{appreciation_id}", response={200: AppreciationOut, 404: Error}, summary="One appreciation"
)
def get_appreciation(request: HttpRequest, appreciation_id: str) -> dict[str, Any]:
    item = gate.get_appreciation_for_user(request.auth, appreciation_id)
    return appreciation_out(request.auth, item)


# --- kindness --------------------------------------------------------------------------


@kindness_router.get(
    "",
    response={200: list[KindnessIdeaOut], 422: Error},
    summary="Ideas for small acts of kindness",
    description="Optional `category`: words, touch, help, time or surprise.",
)
def list_ideas(request: HttpRequest, filters: Query[CategoryQuery]) -> list[dict[str, Any]]:
    return [idea_out(i) for i in services.ideas(filters.category)]


@kindness_router.get(
    "/acts", response=list[ActOut], summary="Kindnesses done by either of us, newest first"
)
def list_acts(request: HttpRequest, filters: Query[AppreciationRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    qs = gate.kindness_acts_visible_to(viewer).between(
        _bound(viewer, filters.since, end=False),
        _bound(viewer, filters.until, end=True),
        field="done_at",
    )
    return [act_out(viewer, a) for a in qs]


@kindness_router.post(
    "/acts",
    response={201: ActOut, 422: Error},
    summary="I did this",
    description='Send `{"idea": slug, "note": ...}`. Works on your own too.',
)
def create_act(request: HttpRequest, payload: ActIn) -> Status:
    act = services.record_kindness(request.auth, idea=payload.idea, note=payload.note or "")
    return Status(201, act_out(request.auth, act))


@kindness_router.post(
    "/acts/{act_id}/landed",
    response={200: ActOut, 404: Error, 409: Error},
    summary="Say my partner's kindness landed",
    description="409 on your own kindness: only your partner can say it landed.",
)
def landed(request: HttpRequest, act_id: str) -> dict[str, Any]:
    try:
        act = services.mark_landed(request.auth, act_id)
    except services.KindnessConflict as exc:
        raise HttpError(409, str(exc)) from exc
    return act_out(request.auth, act)
