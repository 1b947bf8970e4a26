"""One error shape for the API: `{"detail": ...}`; 422 also names the fields."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from turntoward.checkins.services import CheckInLocked
from turntoward.couples.services import CoupleError

logger = logging.getLogger(__name__)

COUPLE_ERROR_STATUS = {
    "not_found": 404,
    "used": 410,
    "revoked": 410,
    "expired": 410,
    "not_open": 409,
    "own_invitation": 409,
    "already_in_couple": 409,
    "inviter_taken": 409,
    "busy": 503,
}

_PARAM_NAMES = {"payload", "filters"}
_LOCATIONS = {"body", "query", "path", "payload", "form", "header", "cookie", "data"}


def _field_of(loc: list[Any]) -> str:
    names = [str(p) for p in loc if str(p) not in _LOCATIONS and not isinstance(p, int)]
    return names[-1] if names else "body"


def validation_response(api: NinjaAPI, request: HttpRequest, errors: list[dict]) -> HttpResponse:
    detail = [
        {
            # Ninja puts its parameter name ("payload", "filters") in the path; clients
            # only care where the field is and what it is called.
            "loc": [str(p) for p in e.get("loc", []) if str(p) not in _PARAM_NAMES],
            "msg": str(e.get("msg", "")),
            "type": e.get("type", "invalid"),
        }
        for e in errors
    ]
    fields: dict[str, str] = {}
    for item, raw in zip(detail, errors, strict=True):
        fields.setdefault(_field_of(list(raw.get("loc", []))), item["msg"])
    return api.create_response(request, {"detail": detail, "fields": fields}, status=422)


def install(api: NinjaAPI) -> None:
    """Register the handlers that keep every error in the one shape."""

    @api.exception_handler(NinjaValidationError)
    def on_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return validation_response(api, request, exc.errors)

    @api.exception_handler(DjangoValidationError)
    def on_rule(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = [
                {"loc": ["body", name], "msg": str(msgs[0]), "type": "value_error"}
                for name, msgs in exc.message_dict.items()
            ]
        else:
            errors = [{"loc": ["body"], "msg": str(m), "type": "value_error"} for m in exc.messages]
        return validation_response(api, request, errors)

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(
            request, {"detail": "Authentication required: send X-Session-Token."}, status=401
        )

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
            return validation_response(
                api,
                request,
                [
                    {
                        "loc": ["body"],
                        "msg": "The request body is not valid JSON.",
                        "type": "json_invalid",
                    }
                ],
            )
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"detail": "Not found."}, status=404)

    @api.exception_handler(CoupleError)
    def on_couple_rule(request: HttpRequest, exc: CoupleError) -> HttpResponse:
        status = COUPLE_ERROR_STATUS.get(exc.code, 409)
        return api.create_response(
            request, {"detail": exc.message, "code": exc.code}, status=status
        )

    @api.exception_handler(CheckInLocked)
    def on_locked(request: HttpRequest, exc: CheckInLocked) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=409)

    @api.exception_handler(Exception)
    def on_crash(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return api.create_response(
            request, {"detail": "Something went wrong on our side."}, status=500
        )
