"""`couple`: my couple, invitations, joining and leaving."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from turntoward import privacy
from turntoward.api.common import local
from turntoward.api.schemas import CoupleOut, Error, InvitationOut, JoinIn
from turntoward.couples import services
from turntoward.couples.models import Couple, Invitation, Membership

router = Router(tags=["couple"])


def couple_out(viewer: Any, couple: Couple) -> dict[str, Any]:
    partner = privacy.partner_of(viewer)
    joined = (
        Membership.objects.filter(couple=couple, user=partner)
        .values_list("joined_at", flat=True)
        .first()
        if partner
        else None
    )
    return {
        "id": str(couple.id),
        "started_on": couple.started_on,
        "created_at": local(viewer, couple.created_at),
        "partner": {"name": partner.display_name, "joined_at": local(viewer, joined)}
        if partner
        else None,
    }


def invitation_out(request: HttpRequest, invitation: Invitation) -> dict[str, Any]:
    return {
        "id": invitation.code,
        "code": invitation.code,
        "url": request.build_absolute_uri(reverse("couples:join", args=[invitation.code])),
        "state": str(invitation.state),
        "created_at": local(request.auth, invitation.created_at),
        "expires_at": local(request.auth, invitation.expires_at),
    }


@router.get("", response={200: CoupleOut, 404: Error}, summary="My couple")
def get_couple(request: HttpRequest) -> dict[str, Any]:
    couple = privacy.get_couple_for_user(request.auth)
    return couple_out(request.auth, couple)


@router.delete(
    "",
    response={204: None, 404: Error},
    summary="Leave my couple",
    description=(
        "Either partner may leave alone. Each keeps what they wrote; neither sees the other's."
    ),
)
def leave(request: HttpRequest) -> Status:
    services.leave_couple(request.auth)
    return Status(204, None)


@router.get("/invitations", response=list[InvitationOut], summary="Invitations I created")
def list_invitations(request: HttpRequest) -> list[dict[str, Any]]:
    return [invitation_out(request, i) for i in privacy.invitations_of(request.auth)]


@router.post(
    "/invitations",
    response={201: InvitationOut, 409: Error},
    summary="Invite my partner",
    description="A single-use code and link, valid for 7 days, revocable.",
)
def create_invitation(request: HttpRequest) -> Status:
    invitation = services.create_invitation(request.auth)
    return Status(201, invitation_out(request, invitation))


@router.delete(
    "/invitations/{code}",
    response={204: None, 404: Error, 409: Error},
    summary="Withdraw an invitation",
)
def revoke_invitation(request: HttpRequest, code: str) -> Status:
    services.revoke_invitation(request.auth, code)
    return Status(204, None)


@router.post(
    "/join",
    response={201: CoupleOut, 404: Error, 409: Error, 410: Error, 422: Error},
    summary="Accept an invitation",
    description="404: unknown code. 410: used, withdrawn or expired. 409: already in a couple.",
)
def join(request: HttpRequest, payload: JoinIn) -> Status:
    couple = services.accept_invitation(request.auth, payload.code)
    return Status(201, couple_out(request.auth, couple))
