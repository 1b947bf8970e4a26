"""Who may do what on every activities route: one table of (role, method, url, status).

Roles as in core's access table: owner Alice (who planned), partner Bob, outsider Dave
(another couple), counsellor Carol (no consent: sees nothing), anonymous. {plan} is
Alice's upcoming plan with a private note; {done} is her plan already done.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve
from django.utils import timezone

from turntoward.activities.tests.conftest import make_plan
from turntoward.api.api import api
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
NOTE = "alice-plan-note-saffron"
PLAN_FORM = {"date": "{tomorrow}", "time": "19:00", "note": "Tea"}
PLAN_JSON = {"idea": "cloud-watching", "starts_at": "{soon}"}
REFLECT_FORM = {"feeling": "4", "note": "Lovely"}
REFLECT_JSON = {"feeling": 4, "note": "Lovely"}


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None


P = "/activities/plans/{plan}"
D = "/activities/plans/{done}"
A = "/api/v1/activities/plans/{plan}"
AD = "/api/v1/activities/plans/{done}"
# fmt: off
ROUTES = [
    #     method    url                                    own  par  out  cou  anon
    Route("GET",    "/activities/",                        200, 200, 200, 200, 302),
    Route("POST",   "/activities/",                        405, 405, 405, 405, 302),
    Route("GET",    "/activities/ideas/sunrise-walk/plan/", 200, 200, 200, 200, 302),
    Route("POST",   "/activities/ideas/sunrise-walk/plan/", 302, 302, 302, 302, 302,
          body=PLAN_FORM),
    Route("GET",    "/activities/ideas/no-such-idea/plan/", 404, 404, 404, 404, 302),
    Route("PUT",    "/activities/ideas/sunrise-walk/plan/", 405, 405, 405, 405, 302),
    Route("GET",    "/activities/plans/",                  200, 200, 200, 200, 302),
    Route("POST",   "/activities/plans/",                  405, 405, 405, 405, 302),
    Route("GET",    P + "/",                               200, 200, 404, 404, 302),
    Route("GET",    "/activities/plans/00000000-0000-0000-0000-000000000000/",
                                                           404, 404, 404, 404, 302),
    Route("POST",   P + "/",                               405, 405, 405, 405, 302),
    Route("POST",   P + "/done/",                          302, 302, 404, 404, 302),
    Route("GET",    P + "/done/",                          405, 405, 405, 405, 302),
    Route("POST",   D + "/reflect/",                       302, 302, 404, 404, 302,
          body=REFLECT_FORM),
    Route("GET",    D + "/reflect/",                       405, 405, 405, 405, 302),
    Route("POST",   P + "/cancel/",                        302, 302, 404, 404, 302),
    Route("GET",    P + "/cancel/",                        405, 405, 405, 405, 302),
    Route("GET",    P + "/plan.ics",                       200, 200, 404, 404, 302),
    Route("POST",   P + "/plan.ics",                       405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/activities",                  200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/activities",                  405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/activities/plans",            200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/activities/plans",            201, 201, 201, 201, 401,
          body=PLAN_JSON),
    Route("PUT",    "/api/v1/activities/plans",            405, 405, 405, 405, 405),
    Route("GET",    A,                                     200, 200, 404, 404, 401),
    Route("DELETE", A,                                     204, 403, 404, 404, 401),
    Route("PUT",    A,                                     405, 405, 405, 405, 405),
    Route("POST",   A + "/done",                           200, 200, 404, 404, 401),
    Route("GET",    A + "/done",                           405, 405, 405, 405, 405),
    Route("POST",   AD + "/reflection",                    201, 201, 404, 404, 401,
          body=REFLECT_JSON),
    Route("POST",   A + "/reflection",                     422, 422, 404, 404, 401,
          body=REFLECT_JSON),
    Route("GET",    AD + "/reflection",                    405, 405, 405, 405, 405),
    Route("GET",    A + ".ics",                            200, 200, 404, 404, 401),
    Route("POST",   A + ".ics",                            405, 405, 405, 405, 405),
    Route("GET",    A + "/ics",                            200, 200, 404, 404, 401),
    Route("POST",   A + "/ics",                            405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{role}-{route.method}-{route.url}")
    for route in ROUTES
    for role in ROLES
]


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> dict[str, Any]:
    plan = make_plan(alice, "sunrise-walk", hours=30, note=NOTE)
    done = make_plan(alice, "cloud-watching", hours=2, note=NOTE)
    done.status = "done"
    done.done_at = timezone.now()
    done.save()
    soon = (timezone.localtime(timezone.now(), alice.tz) + timezone.timedelta(days=2)).replace(
        microsecond=0
    )
    return {
        "people": {"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        "values": {
            "plan": str(plan.pk),
            "done": str(done.pk),
            "tomorrow": (alice.local_today() + timezone.timedelta(days=1)).isoformat(),
            "soon": soon.isoformat(),
        },
    }


def fill(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world["people"].get(PERSON.get(role, ""))
    url = fill(route.url, world["values"])
    body = fill(route.body, world["values"])
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, body)
    else:
        client = Client()
        if user is not None:
            client.force_login(user)
        if route.method == "POST":
            response = client.post(url, body or {})
        else:
            response = client.generic(route.method, url)

    assert response.status_code == expected, (role, route.method, url, response.content[:300])
    text = response.content.decode(errors="replace")
    if role in ("outsider", "counsellor", "anonymous") or expected >= 400:
        assert NOTE not in text
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]


def test_every_activities_page_route_has_a_row():
    resolver = get_resolver()
    names = {
        f"activities:{name}"
        for name in resolver.namespace_dict["activities"][1].reverse_dict
        if isinstance(name, str)
    }
    sample = {
        "plan": "00000000-0000-0000-0000-000000000001",
        "done": "0" * 8 + "-0000-0000-0000-" + "0" * 12,
    }
    covered = {
        resolve(fill(r.url, {**sample, "tomorrow": "", "soon": ""})).view_name
        for r in ROUTES
        if not r.url.startswith("/api/")
    }

    assert len(names) >= 8
    assert names - covered == set()


def test_every_activities_api_operation_has_a_row():
    def pattern(path: str) -> re.Pattern:
        return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")

    documented = [
        (method.upper(), path)
        for path, methods in api.get_openapi_schema()["paths"].items()
        if path.startswith("/api/v1/activities")
        for method in methods
    ]
    rows = [(r.method, r.url) for r in ROUTES if r.url.startswith("/api/")]

    missing = [
        (m, p)
        for m, p in documented
        if not any(rm == m and pattern(p).match(ru) for rm, ru in rows)
    ]
    assert documented and missing == []
