"""Who sees assessments: only the owner. The partner sees at most a shared summary.

Privacy table: connection check, well-being and self-esteem measures are the owner's;
the partner never sees them, except a summary (instrument, score, band, date) the owner
chose to share, and only within the couple it was shared in. Counsellors see nothing yet.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.assessments.models import AssessmentResponse
from turntoward.privacy import couple_of, partner_of

if TYPE_CHECKING:
    from turntoward.accounts.models import User


@dataclass(frozen=True)
class SharedSummary:
    """What a partner may see of a shared response: never answers, note, crisis or subscores."""

    id: uuid.UUID
    owner_id: int
    instrument: str
    score: int
    band: str
    created_at: datetime


def responses_visible_to(viewer: User) -> QuerySet[AssessmentResponse]:
    """The viewer's own responses; nobody else's, whoever they are."""
    if not viewer.is_authenticated:
        return AssessmentResponse.objects.none()
    return AssessmentResponse.objects.filter(user=viewer)


def get_response_for_user(viewer: User, response_id: object) -> AssessmentResponse:
    """One of the viewer's own responses, or 404 (for anyone else's, too)."""
    try:
        pk = response_id if isinstance(response_id, uuid.UUID) else uuid.UUID(str(response_id))
    except (TypeError, ValueError, AttributeError) as exc:
        raise Http404("Not found") from exc
    response = responses_visible_to(viewer).filter(pk=pk).first()
    if response is None:
        raise Http404("Not found")
    return response


def shared_summaries_visible_to(viewer: User) -> list[SharedSummary]:
    """My current partner's shared summaries, newest first; none outside a couple."""
    if not viewer.is_authenticated:
        return []
    partner = partner_of(viewer)
    couple = couple_of(viewer)
    if partner is None or couple is None:
        return []
    rows = (
        AssessmentResponse.objects.filter(
            user=partner, shared_with_partner=True, shared_couple=couple
        )
        .order_by("-created_at")
        .values_list("id", "user_id", "instrument", "score", "band", "created_at")
    )
    return [SharedSummary(*row) for row in rows]


def authored_responses(viewer: User) -> QuerySet[AssessmentResponse]:
    return responses_visible_to(viewer)
