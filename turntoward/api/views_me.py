"""`me`: the person calling, their export and account deletion."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from turntoward import privacy
from turntoward.accounts.services import delete_account, export_account, update_profile
from turntoward.api.common import local
from turntoward.api.schemas import Error, PasswordIn
from turntoward.api.schemas_safetyscreen import MeDetailsOut, MeDetailsPatch
from turntoward.safety.services import set_discreet_mode

router = Router(tags=["me"])


def me_out(user: Any) -> dict[str, Any]:
    return {
        "id": str(user.public_id),
        "email": user.email,
        "name": user.name,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "country": str(user.country or ""),
        "date_joined": local(user, user.date_joined),
        "today": user.local_today(),
        "in_couple": privacy.couple_of(user) is not None,
        "discreet_mode": bool(user.discreet_mode),
    }


@router.get("", response=MeDetailsOut, summary="Who I am")
def get_me(request: HttpRequest) -> dict[str, Any]:
    return me_out(request.auth)


@router.patch(
    "",
    response={200: MeDetailsOut, 422: Error},
    summary="Change my name, time zone, country or discreet mode",
    description=(
        "`discreet_mode`: true shows a neutral name and icon in the browser tab and neutral "
        "email subjects."
    ),
)
def patch_me(request: HttpRequest, payload: MeDetailsPatch) -> dict[str, Any]:
    changes = payload.model_dump(exclude_unset=True)
    discreet = changes.pop("discreet_mode", None)
    update_profile(request.auth, **changes)
    if discreet is not None:
        set_discreet_mode(request.auth, discreet)
    return me_out(request.auth)


@router.delete(
    "",
    response={204: None, 422: Error},
    summary="Delete my account and everything I wrote",
    description='Send `{"password": ...}` to confirm. Leaves any couple first.',
)
def delete_me(request: HttpRequest, payload: PasswordIn) -> Status:
    user = request.auth
    if not user.check_password(payload.password):
        raise ValidationError({"password": _("That password is not right.")})
    delete_account(user)
    return Status(204, None)


@router.get("/export", summary="Everything I wrote, as JSON")
def export_me(request: HttpRequest) -> dict[str, Any]:
    return export_account(request.auth)
