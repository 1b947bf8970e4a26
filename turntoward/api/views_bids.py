"""API for the bids practice: `bids`, `bids/{id}`, `bids/{id}/response`,
`bids/{id}/repair` and `bids/stats`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from turntoward import privacy
from turntoward.api.common import local
from turntoward.api.schemas import Error
from turntoward.api.schemas_bids import BidIn, BidOut, BidRepairIn, ResponseIn, StatsOut
from turntoward.bids import services
from turntoward.bids.models import Bid
from turntoward.privacy import bids as gate

bids_router = Router(tags=["bids"])

# Mounted by turntoward/api/api.py under /api/v1/<prefix>.
ROUTERS = {
    "/bids": bids_router,
}

DEFINITION = (
    "ratio = toward / (toward + away + against), over the bids that happened in that local "
    "week (Monday to Sunday). Open bids are counted in `open` but not in the ratio; the "
    "ratio is null when no bid was answered. `me` counts bids that came to you, `partner` "
    "bids that came to your partner, `together` all of the couple's bids."
)
REFERENCE = (
    "In John Gottman's study of newlywed couples, those still together years later had "
    "turned toward about 86% of each other's bids; those who later divorced, about 33%. "
    "It describes couples in a study, not a verdict on anyone: a pattern to notice "
    "together, never a score of one partner against the other."
)


def _who(viewer: Any, person_id: Any) -> str | None:
    if person_id is None:
        return None
    if person_id == viewer.pk:
        return "me"
    partner = privacy.partner_of(viewer)
    return "partner" if partner is not None and partner.pk == person_id else "someone"


def bid_out(viewer: Any, bid: Bid) -> dict[str, Any]:
    notes = gate.notes_visible_to(viewer, bid)
    return {
        "id": str(bid.id),
        "description": bid.description,
        "kind": bid.kind,
        "occurred_at": local(viewer, bid.occurred_at),
        "by": _who(viewer, bid.maker_id) or "someone",
        "to": _who(viewer, bid.receiver_id) or "someone",
        "logged_by": _who(viewer, bid.author_id) or "someone",
        "response": bid.response or None,
        "response_note": notes["response_note"],
        "responded_by": _who(viewer, bid.responded_by_id) if bid.response else None,
        "responded_at": local(viewer, bid.responded_at),
        "open": bid.is_open,
        "missed": bid.is_missed(),
        "repaired": bid.is_repaired,
        "repair_note": notes["repair_note"],
        "repaired_at": local(viewer, bid.repaired_at),
        "can_repair": services.can_repair(viewer, bid),
        "created_at": local(viewer, bid.created_at),
    }


class BidRange(Schema):
    since: date | datetime | None = None
    until: date | datetime | None = None


class StatsQuery(Schema):
    weeks: int = Field(4, ge=1, le=services.MAX_WEEKS)


def _bound(viewer: Any, value: datetime | date | None, *, end: bool) -> datetime | None:
    """A date means the whole local day; a datetime without offset is local time."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=viewer.tz)
    day = value + timedelta(days=1) if end else value
    moment = datetime.combine(day, time.min, tzinfo=viewer.tz)
    return moment - timedelta(microseconds=1) if end else moment


def _conflict(exc: Exception) -> HttpError:
    return HttpError(409, str(exc))


@bids_router.get(
    "",
    response=list[BidOut],
    summary="Bids I may see, newest first",
    description="Optional `since`/`until` (dates or ISO datetimes) filter on when it happened.",
)
def list_bids(request: HttpRequest, filters: Query[BidRange]) -> list[dict[str, Any]]:
    viewer = request.auth
    bids = services.list_bids(
        viewer, _bound(viewer, filters.since, end=False), _bound(viewer, filters.until, end=True)
    )
    return [bid_out(viewer, b) for b in bids]


@bids_router.post(
    "",
    response={201: BidOut, 409: Error, 422: Error},
    summary="Log a bid I made (`by: me`) or one I noticed from my partner (`by: partner`)",
    description="409 when you have no partner in the app yet.",
)
def create_bid(request: HttpRequest, payload: BidIn) -> Status:
    try:
        bid = services.log_bid(
            request.auth,
            description=payload.description,
            kind=payload.kind,
            by=payload.by,
            occurred_at=payload.occurred_at,
        )
    except services.NeedsPartner as exc:
        raise _conflict(exc) from exc
    return Status(201, bid_out(request.auth, bid))


@bids_router.get(
    "/stats",
    response={200: StatsOut, 422: Error},
    summary="The weekly turn-toward pattern, this week first",
)
def stats(request: HttpRequest, filters: Query[StatsQuery]) -> dict[str, Any]:
    weeks = services.weekly_stats(request.auth, filters.weeks)
    return {
        "weeks": [
            {
                "week_start": w.start,
                "week_end": w.end,
                "together": w.together.as_dict(),
                "me": w.me.as_dict(),
                "partner": w.partner.as_dict() if w.partner else None,
            }
            for w in weeks
        ],
        "definition": DEFINITION,
        "reference": REFERENCE,
    }


@bids_router.get("/{bid_id}", response={200: BidOut, 404: Error}, summary="One bid")
def get_bid(request: HttpRequest, bid_id: str) -> dict[str, Any]:
    return bid_out(request.auth, gate.get_bid_for_user(request.auth, bid_id))


@bids_router.post(
    "/{bid_id}/response",
    response={200: BidOut, 404: Error, 409: Error, 422: Error},
    summary="Record how a bid was met",
    description='Send `{"response": "toward" | "away" | "against", "note": ...}`.',
)
def respond(request: HttpRequest, bid_id: str, payload: ResponseIn) -> dict[str, Any]:
    gate.get_bid_for_user(request.auth, bid_id)
    try:
        bid = services.respond_to_bid(
            request.auth, bid_id, response=payload.response, note=payload.note or ""
        )
    except services.BidConflict as exc:
        raise _conflict(exc) from exc
    return bid_out(request.auth, bid)


@bids_router.post(
    "/{bid_id}/repair",
    response={200: BidOut, 404: Error, 409: Error, 422: Error},
    summary="Come back to a bid I missed",
    description=(
        'Send `{"note": ...}`. Only the receiver of a missed bid (turned away or against, '
        "or open for more than a day) may repair it: 422 when it was not missed, 409 when "
        "it is not yours to repair or is already repaired."
    ),
)
def repair(request: HttpRequest, bid_id: str, payload: BidRepairIn) -> dict[str, Any]:
    gate.get_bid_for_user(request.auth, bid_id)
    try:
        bid = services.repair_bid(request.auth, bid_id, note=payload.note)
    except services.BidConflict as exc:
        raise _conflict(exc) from exc
    return bid_out(request.auth, bid)
