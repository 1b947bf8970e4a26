"""Who may do what on every notification route: one table, and a test that it covers all."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve
from django.utils import timezone

from turntoward.api.api import api
from turntoward.notifications.emails import unsubscribe_token
from turntoward.notifications.models import Kind, Notification, Status, prefs_for
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
PREFS_FORM = {"daily_time": "20:30", "weekly_day": "6", "weekly_time": "19:00", "retake_weeks": "4"}
PATCH = {"retake_weeks": 6}
MISSING = "00000000-0000-0000-0000-000000000000"


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None


# fmt: off
ROUTES = [
    #     method   url                                        own  par  out  cou  anon
    Route("GET",   "/notifications/",                         200, 200, 200, 200, 302),
    Route("PUT",   "/notifications/",                         405, 405, 405, 405, 302),
    Route("POST",  "/notifications/{note}/read/",             302, 404, 404, 404, 302),
    Route("GET",   "/notifications/{note}/read/",             405, 405, 405, 405, 302),
    Route("POST",  "/notifications/{missing}/read/",          404, 404, 404, 404, 302),
    Route("POST",  "/notifications/read-all/",                302, 302, 302, 302, 302),
    Route("GET",   "/notifications/read-all/",                405, 405, 405, 405, 302),
    Route("GET",   "/account/notifications/",                 200, 200, 200, 200, 302),
    Route("POST",  "/account/notifications/",                 302, 302, 302, 302, 302, PREFS_FORM),
    Route("PUT",   "/account/notifications/",                 405, 405, 405, 405, 302),
    Route("POST",  "/account/notifications/calendar/",        302, 302, 302, 302, 302),
    Route("GET",   "/account/notifications/calendar/",        405, 405, 405, 405, 302),
    # The token is the secret: the same answer whoever asks, logged in or not.
    Route("GET",   "/calendar/{token}.ics",                   200, 200, 200, 200, 200),
    Route("GET",   "/calendar/not-a-token.ics",               404, 404, 404, 404, 404),
    Route("POST",  "/calendar/{token}.ics",                   405, 405, 405, 405, 405),
    Route("GET",   "/unsubscribe/daily_checkin/{unsub}/",     200, 200, 200, 200, 200),
    Route("POST",  "/unsubscribe/daily_checkin/{unsub}/",     200, 200, 200, 200, 200),
    Route("GET",   "/unsubscribe/weekly_checkin/{unsub}/",    404, 404, 404, 404, 404),
    Route("PUT",   "/unsubscribe/daily_checkin/{unsub}/",     405, 405, 405, 405, 405),
    # --- API
    Route("GET",   "/api/v1/notifications",                   200, 200, 200, 200, 401),
    Route("PUT",   "/api/v1/notifications",                   405, 405, 405, 405, 405),
    Route("POST",  "/api/v1/notifications/{note}/read",       200, 404, 404, 404, 401),
    Route("POST",  "/api/v1/notifications/{missing}/read",    404, 404, 404, 404, 401),
    Route("POST",  "/api/v1/notifications/not-a-uuid/read",   404, 404, 404, 404, 401),
    Route("GET",   "/api/v1/notifications/{note}/read",       405, 405, 405, 405, 405),
    Route("POST",  "/api/v1/notifications/read-all",          200, 200, 200, 200, 401),
    Route("GET",   "/api/v1/me/notifications",                200, 200, 200, 200, 401),
    Route("PATCH", "/api/v1/me/notifications",                200, 200, 200, 200, 401, PATCH),
    Route("POST",  "/api/v1/me/notifications",                405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} as {role}")
    for route in ROUTES
    for role in ROLES
]


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> dict[str, Any]:
    note = Notification.objects.create(
        user=alice,
        kind=Kind.APPRECIATION,
        key="k1",
        link="/appreciation/",
        status=Status.SENT,
        in_app=True,
        sent_at=timezone.now(),
    )
    return {
        "people": {"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        "values": {
            "note": str(note.pk),
            "missing": MISSING,
            "token": prefs_for(alice).calendar_token,
            "unsub": unsubscribe_token(alice, Kind.DAILY_CHECKIN),
        },
    }


def fill(url: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        url = url.replace("{" + key + "}", value)
    return url


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_table_gives(world, role, route):
    user = world["people"].get(PERSON_OF_ROLE.get(role, ""))
    url = fill(route.url, world["values"])
    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, route.body)
    else:
        client = Client()
        if user is not None:
            client.force_login(user)
        if route.method == "POST":
            response = client.post(url, route.body or {})
        else:
            response = client.generic(route.method, url)
    assert response.status_code == route._asdict()[role], (role, url, response.content[:300])
    if url.startswith("/api/") and response.status_code >= 400:
        assert response.json()["detail"]
    if response.status_code == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


def test_bob_never_sees_alices_notification_in_his_list(world):
    bob = api_for(world["people"]["bob"]).get("/api/v1/notifications").json()
    assert bob == {"unread": 0, "items": []}
    alice = api_for(world["people"]["alice"]).get("/api/v1/notifications").json()
    assert alice["unread"] == 1
    assert [i["id"] for i in alice["items"]] == [world["values"]["note"]]


def test_the_table_covers_every_notification_route():
    values = {
        "note": MISSING,
        "missing": MISSING,
        "token": "t",
        "unsub": "u",
    }
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        path = fill(route.url.split("?")[0], values)
        if path.startswith("/api/"):
            covered_api.add((route.method, resolve(path).route))
        else:
            covered_pages.add(resolve(path).view_name)
    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "notifications":
            pages |= {f"notifications:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 7
    assert pages - covered_pages == set()
    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(("/api/v1/notifications", "/api/v1/me/notifications"))
    }
    assert len(endpoints) == 5
    assert endpoints - covered_api == set()
