"""Who may do what on every safety route: one table. Everything is the person's own, so
every signed-in person gets their own (empty or not) answer; nobody can reach another's."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.safety import services
from turntoward.testing import api_for

from .conftest import client_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
ANSWERS = {q["slug"]: "no" for q in services.questions()}


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
    #     method    url                          own  par  out  cou  anon
    Route("GET",    "/safety/",                  200, 200, 200, 200, 302),
    Route("POST",   "/safety/",                  302, 302, 302, 302, 302, ANSWERS),
    Route("PUT",    "/safety/",                  405, 405, 405, 405, 302),
    Route("GET",    "/safety/support/",          200, 200, 200, 200, 302),
    Route("POST",   "/safety/support/",          405, 405, 405, 405, 302),
    Route("POST",   "/safety/couple/",           302, 302, 302, 302, 302, {"paused": "off"}),
    Route("GET",    "/safety/couple/",           405, 405, 405, 405, 302),
    Route("POST",   "/safety/delete/",           302, 302, 302, 302, 302),
    Route("GET",    "/safety/delete/",           405, 405, 405, 405, 302),
    Route("POST",   "/safety/dismiss/",          302, 302, 302, 302, 302),
    Route("GET",    "/safety/dismiss/",          405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/safety/screen",     200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/safety/screen",     201, 201, 201, 201, 401, {"answers": ANSWERS}),
    Route("PATCH",  "/api/v1/safety/screen",     200, 200, 200, 200, 401, {"couple_paused": False}),
    Route("DELETE", "/api/v1/safety/screen",     204, 204, 204, 204, 401),
    Route("PUT",    "/api/v1/safety/screen",     405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/safety/check",      200, 200, 200, 200, 401, {"text": "hello"}),
    Route("GET",    "/api/v1/safety/check",      405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} as {role}")
    for route in ROUTES
    for role in ROLES
]


@pytest.fixture
def people(alice, bob, couple, carol, dave) -> dict[str, Any]:
    """Alice answered the screen with fear and paused couple features."""
    services.take_screen(alice, {**ANSWERS, "afraid": "yes"})
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave}


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_table_gives(people, role, route):
    user = people.get(PERSON_OF_ROLE.get(role, ""))
    expected = getattr(route, role)
    if route.url.startswith("/api/"):
        response = api_for(user).request(route.method, route.url, route.body)
    elif route.method == "POST":
        response = client_for(user).post(route.url, route.body or {})
    else:
        response = client_for(user).generic(route.method, route.url)
    assert response.status_code == expected, (role, route.url, response.content[:300])
    if route.url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if role != "owner" and response.status_code == 200:
        text = response.content.decode()
        assert '"afraid": "yes"' not in text and "checked" not in text


def test_the_table_covers_every_safety_route():
    covered_pages = {resolve(r.url).view_name for r in ROUTES if not r.url.startswith("/api/")}
    covered_api = {(r.method, resolve(r.url).route) for r in ROUTES if r.url.startswith("/api/")}
    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "safety":
            pages |= {f"safety:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 5
    assert pages - covered_pages == set()
    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/safety")
    }
    assert len(endpoints) == 5
    assert endpoints - covered_api == set()
