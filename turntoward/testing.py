"""Shared people and objects for tests: Alice and Bob (a couple), Carol (their
counsellor), Dave and Dana (another couple), Erin (another counsellor)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from turntoward.accounts.models import User
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Invitation, Membership

PASSWORD = "a-long-test-password-42"


def make_user(name: str, *, time_zone: str = "UTC", country: str = "GB") -> User:
    return User.objects.create_user(
        email=f"{name.lower()}@example.test",
        password=PASSWORD,
        name=name,
        time_zone=time_zone,
        country=country,
    )


def make_couple(a: User, b: User, *, started_on: date | None = None) -> Couple:
    couple = Couple.objects.create(started_on=started_on or (a.local_today() - timedelta(days=60)))
    Membership.objects.create(user=a, couple=couple)
    Membership.objects.create(user=b, couple=couple)
    return couple


def make_checkin(author: User, day: date | None = None, **values: Any) -> CheckIn:
    now = timezone.now()
    fields = {
        "mood": 3,
        "connection": 3,
        "good_thing": f"{author.name} good thing",
        "hard_thing": f"{author.name} hard thing",
        "need": "",
        "created_at": now,
        "updated_at": now,
    }
    fields.update(values)
    return CheckIn.objects.create(author=author, day=day or author.local_today(), **fields)


def make_reply(author: User, checkin: CheckIn, text: str = "Thank you") -> CheckInReply:
    return CheckInReply.objects.create(author=author, checkin=checkin, day=checkin.day, text=text)


def make_invitation(inviter: User, **values: Any) -> Invitation:
    values.setdefault("expires_at", timezone.now() + timedelta(days=7))
    return Invitation.objects.create(inviter=inviter, **values)


def session_token(user: User, password: str = PASSWORD) -> str:
    """Log in through allauth's headless app API, as a real client would."""
    response = Client().post(
        "/_allauth/app/v1/auth/login",
        data=json.dumps({"email": user.email, "password": password}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


class ApiClient:
    """A JSON client for /api/v1/ that sends X-Session-Token when it has one."""

    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.token = token

    def request(self, method: str, path: str, data: Any = None, *, raw: str | None = None):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        headers = {"HTTP_X_SESSION_TOKEN": self.token} if self.token else {}
        body = raw if raw is not None else (json.dumps(data) if data is not None else "")
        return self.client.generic(
            method.upper(), url, body, content_type="application/json", **headers
        )

    def get(self, path: str, **kw: Any):
        return self.request("GET", path, **kw)

    def post(self, path: str, data: Any = None, **kw: Any):
        return self.request("POST", path, data, **kw)

    def patch(self, path: str, data: Any = None, **kw: Any):
        return self.request("PATCH", path, data, **kw)

    def delete(self, path: str, data: Any = None, **kw: Any):
        return self.request("DELETE", path, data, **kw)


def api_for(user: User | None) -> ApiClient:
    return ApiClient(session_token(user) if user is not None else None)
