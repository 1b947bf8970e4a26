"""Who may do what on every lessons route: one table, and read marks stay private."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.lessons import services
from turntoward.lessons.models import Lesson
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {
    "owner": "alice",
    "partner": "bob",
    "outsider": "dave",
    "counsellor": "carol",
    "anonymous": None,
}


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int


# Lessons are shared content; only Alice has marked "appreciation" as read.
# fmt: off
ROUTES = [
    #     method    url                                        own  par  out  cou  anon
    Route("GET",    "/lessons/",                               200, 200, 200, 200, 302),
    Route("POST",   "/lessons/",                               405, 405, 405, 405, 302),
    Route("GET",    "/lessons/appreciation/",                  200, 200, 200, 200, 302),
    Route("GET",    "/lessons/no-such-lesson/",                404, 404, 404, 404, 302),
    Route("POST",   "/lessons/appreciation/",                  405, 405, 405, 405, 302),
    Route("POST",   "/lessons/appreciation/read/",             302, 302, 302, 302, 302),
    Route("POST",   "/lessons/no-such-lesson/read/",           404, 404, 404, 404, 302),
    Route("GET",    "/lessons/appreciation/read/",             405, 405, 405, 405, 302),
    Route("GET",    "/api/v1/lessons",                         200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/lessons",                         405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/lessons/appreciation",            200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/lessons/no-such-lesson",          404, 404, 404, 404, 401),
    Route("PUT",    "/api/v1/lessons/appreciation",            405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/lessons/appreciation/read",       200, 201, 201, 201, 401),
    Route("POST",   "/api/v1/lessons/no-such-lesson/read",     404, 404, 404, 404, 401),
    Route("DELETE", "/api/v1/lessons/appreciation/read",       204, 204, 204, 204, 401),
    Route("DELETE", "/api/v1/lessons/no-such-lesson/read",     404, 404, 404, 404, 401),
    Route("GET",    "/api/v1/lessons/appreciation/read",       405, 405, 405, 405, 405),
]
# fmt: on


@pytest.fixture
def people(alice, bob, couple, carol, dave) -> dict[str, Any]:
    services.mark_read(alice, Lesson.objects.get(slug="appreciation"))
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave}


@pytest.mark.parametrize(
    ("role", "route"),
    [pytest.param(r, x, id=f"{r}-{x.method}-{x.url}") for x in ROUTES for r in ROLES],
)
def test_every_role_gets_the_status_the_privacy_table_gives(people, role, route):
    user = people.get(PERSON_OF_ROLE[role] or "")
    expected = getattr(route, role)

    if route.url.startswith("/api/"):
        response = api_for(user).request(route.method, route.url)
    else:
        client = Client()
        if user is not None:
            client.force_login(user)
        response = client.generic(route.method, route.url)

    assert response.status_code == expected, (role, route, response.content[:300])
    if route.url.startswith("/api/") and expected >= 400:
        assert response.json().get("detail")
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if expected == 405:
        assert route.method not in response["Allow"]


def test_alices_read_mark_is_hers_alone(people):
    for person in ("bob", "dave", "carol"):
        rows = api_for(people[person]).get("/api/v1/lessons").json()
        assert not [r for r in rows if r["read"]], person
    alice_rows = api_for(people["alice"]).get("/api/v1/lessons").json()
    assert [r["slug"] for r in alice_rows if r["read"]] == ["appreciation"]


def test_the_table_covers_every_lessons_route():
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        match = resolve(route.url)
        if route.url.startswith("/api/"):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)
    pages = {
        f"lessons:{p.name}"
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "namespace", None) == "lessons"
        for p in pattern.url_patterns
    }
    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/lessons")
    }

    assert len(pages) == 3 and pages - covered_pages == set()
    assert len(endpoints) == 4 and endpoints - covered_api == set()
