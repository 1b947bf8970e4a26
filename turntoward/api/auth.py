"""API authentication by allauth's headless session token."""

from __future__ import annotations

from typing import Any

from allauth.headless.internal.sessionkit import authenticate_by_x_session_token
from django.http import HttpRequest
from ninja.security import APIKeyHeader


class SessionTokenAuth(APIKeyHeader):
    """Accepts the `X-Session-Token` from `/_allauth/app/v1/auth/login` or `signup`."""

    param_name = "X-Session-Token"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not key:
            return None
        found = authenticate_by_x_session_token(key)
        if not found:
            return None
        # allauth before 65.22 returned a (user, session) tuple, later a result object.
        user = getattr(found, "user", None) if not isinstance(found, tuple) else found[0]
        if user is None or not user.is_active:
            return None
        request.user = user
        return user


session_token = SessionTokenAuth()
