"""Who may do what on every goals route: one table of (role, method, url, status).

Owner Alice set {goal} (shared with Bob) with private words; {reached} is one already
reached. Outsider Dave and counsellor Carol get 404 on every object; anonymous people
the login page or 401.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.goals.models import GoalStatus
from turntoward.goals.tests.conftest import make_goal
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
SECRET = "alice-goal-juniper"
GOAL_FORM = {"title": "Cook on Fridays", "why": "Fun"}
STEP_FORM = {"progress": "30", "note": "Started"}
STEP_JSON = {"progress": 30, "note": "Started"}


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None


G = "/goals/{goal}"
R = "/goals/{reached}"
A = "/api/v1/goals/{goal}"
# fmt: off
ROUTES = [
    #     method    url                        own  par  out  cou  anon
    Route("GET",    "/goals/",                 200, 200, 200, 200, 302),
    Route("POST",   "/goals/",                 302, 302, 302, 302, 302, body=GOAL_FORM),
    Route("PUT",    "/goals/",                 405, 405, 405, 405, 302),
    Route("GET",    G + "/",                   200, 200, 404, 404, 302),
    Route("GET",    "/goals/00000000-0000-0000-0000-000000000000/",
                                               404, 404, 404, 404, 302),
    Route("POST",   G + "/",                   405, 405, 405, 405, 302),
    Route("POST",   G + "/edit/",              302, 302, 404, 404, 302, body=GOAL_FORM),
    Route("GET",    G + "/edit/",              405, 405, 405, 405, 302),
    Route("POST",   G + "/update/",            302, 302, 404, 404, 302, body=STEP_FORM),
    Route("GET",    G + "/update/",            405, 405, 405, 405, 302),
    Route("POST",   G + "/status/",            302, 302, 404, 404, 302, body={"status": "paused"}),
    Route("GET",    G + "/status/",            405, 405, 405, 405, 302),
    Route("GET",    R + "/celebrate/",         200, 200, 404, 404, 302),
    Route("GET",    G + "/celebrate/",         302, 302, 404, 404, 302),
    Route("POST",   R + "/celebrate/",         405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/goals",           200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/goals",           201, 201, 201, 201, 401, body={"title": "x"}),
    Route("PUT",    "/api/v1/goals",           405, 405, 405, 405, 405),
    Route("GET",    A,                         200, 200, 404, 404, 401),
    Route("PATCH",  A,                         200, 200, 404, 404, 401, body={"why": "More"}),
    Route("DELETE", A,                         405, 405, 405, 405, 405),
    Route("POST",   A + "/updates",            201, 201, 404, 404, 401, body=STEP_JSON),
    Route("GET",    A + "/updates",            405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{role}-{route.method}-{route.url}")
    for route in ROUTES
    for role in ROLES
]


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> dict[str, Any]:
    goal = make_goal(alice, SECRET, why="alice-why-meadow")
    reached = make_goal(alice, SECRET, status=GoalStatus.REACHED)
    return {
        "people": {"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        "values": {"goal": str(goal.pk), "reached": str(reached.pk)},
    }


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world["people"].get(PERSON.get(role, ""))
    url = route.url.format(**world["values"])
    expected = getattr(route, role)

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

    assert response.status_code == expected, (role, route.method, url, response.content[:300])
    text = response.content.decode(errors="replace")
    if role in ("outsider", "counsellor", "anonymous") or expected >= 400:
        assert SECRET not in text
    shows_goal = "{goal}" in route.url or "{reached}" in route.url
    if role in ("owner", "partner") and expected == 200 and route.method == "GET" and shows_goal:
        assert SECRET in text
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]


def test_every_goals_page_route_has_a_row():
    names = {
        f"goals:{name}"
        for name in get_resolver().namespace_dict["goals"][1].reverse_dict
        if isinstance(name, str)
    }
    sample = {
        "goal": "00000000-0000-0000-0000-000000000001",
        "reached": "0" * 8 + "-0000-0000-0000-" + "0" * 12,
    }
    covered = {
        resolve(r.url.format(**sample)).view_name for r in ROUTES if not r.url.startswith("/api/")
    }

    assert len(names) >= 6
    assert names - covered == set()


def test_every_goals_api_operation_has_a_row():
    def pattern(path: str) -> re.Pattern:
        return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")

    documented = [
        (method.upper(), path)
        for path, methods in api.get_openapi_schema()["paths"].items()
        if path.startswith("/api/v1/goals")
        for method in methods
    ]
    rows = [(r.method, r.url) for r in ROUTES if r.url.startswith("/api/")]

    missing = [
        (m, p)
        for m, p in documented
        if not any(rm == m and pattern(p).match(ru) for rm, ru in rows)
    ]
    assert documented and missing == []
