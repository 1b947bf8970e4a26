"""Who may do what on every weekly route: one table of (role, method, url, status) rows.

Roles: owner Alice (wrote this week's check-in), partner Bob (in a couple with Alice, has
not filled in this week yet; both filled in last week), outsider Dave (another couple),
counsellor Carol (no consent, sees nothing), anonymous. Hidden things are 404, never 403.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.testing import api_for
from turntoward.weekly import services
from turntoward.weekly.tests.helpers import ANSWERS, make_weekly

ALICE_THIS_WEEK = "alice-this-week-heron"
ALICE_LAST_WEEK = "alice-last-week-marigold"
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
    body: dict[str, Any] | None = None


# fmt: off
ROUTES = [
    #     method   url                                      own  par  out  cou  anon
    Route("GET",   "/weekly/",                              200, 200, 200, 200, 302),
    Route("POST",  "/weekly/",                              302, 302, 302, 302, 302, body=ANSWERS),
    Route("PUT",   "/weekly/",                              405, 405, 405, 405, 302),
    Route("GET",   "/weekly/{week}/",                       200, 200, 200, 200, 302),
    Route("GET",   "/weekly/{last_week}/",                  200, 200, 200, 200, 302),
    Route("GET",   "/weekly/{tuesday}/",                    404, 404, 404, 404, 302),
    Route("GET",   "/weekly/not-a-week/",                   404, 404, 404, 404, 302),
    Route("POST",  "/weekly/{week}/",                       405, 405, 405, 405, 302),
    Route("GET",   "/api/v1/weekly-checkins",               200, 200, 200, 200, 401),
    Route("GET",   "/api/v1/weekly-checkins?since={last_week}&until={week}",
                                                            200, 200, 200, 200, 401),
    Route("POST",  "/api/v1/weekly-checkins",               200, 201, 201, 201, 401, body=ANSWERS),
    Route("POST",  "/api/v1/weekly-checkins",               422, 422, 422, 422, 401, body={}),
    Route("PUT",   "/api/v1/weekly-checkins",               405, 405, 405, 405, 405),
    Route("GET",   "/api/v1/weekly-checkins/{week}",        200, 200, 200, 200, 401),
    Route("GET",   "/api/v1/weekly-checkins/{last_week}",   200, 200, 200, 200, 401),
    Route("GET",   "/api/v1/weekly-checkins/{tuesday}",     422, 422, 422, 422, 401),
    Route("POST",  "/api/v1/weekly-checkins/{week}",        405, 405, 405, 405, 405),
    Route("DELETE", "/api/v1/weekly-checkins/{week}",       405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{role}-{route.method}-{route.url}")
    for route in ROUTES
    for role in PERSON_OF_ROLE
]


@dataclass
class World:
    people: dict[str, Any]
    week: date

    def fill(self, url: str) -> str:
        return url.format(
            week=self.week.isoformat(),
            last_week=(self.week - timedelta(weeks=1)).isoformat(),
            tuesday=(self.week + timedelta(days=1)).isoformat(),
        )


@pytest.fixture
def world(alice, bob, couple, carol, dave):
    week = services.current_week(alice)
    make_weekly(alice, week, appreciations=ALICE_THIS_WEEK)
    make_weekly(alice, week - timedelta(weeks=1), appreciations=ALICE_LAST_WEEK)
    make_weekly(bob, week - timedelta(weeks=1))
    return World(people={"alice": alice, "bob": bob, "carol": carol, "dave": dave}, week=week)


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world.people.get(PERSON_OF_ROLE[role] or "")
    url = world.fill(route.url)
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

    expected = getattr(route, role)
    assert response.status_code == expected, (role, route, response.content[:300])
    text = response.content.decode()
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if expected == 405:
        assert route.method not in response["Allow"]
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    # Nobody but Alice sees this week's words (Bob has not filled his in yet); only Alice
    # and Bob see last week's.
    if role != "owner":
        assert ALICE_THIS_WEEK not in text, (role, url)
    if role in ("outsider", "counsellor", "anonymous"):
        assert ALICE_LAST_WEEK not in text, (role, url)


def test_the_owner_and_partner_do_see_last_weeks_shared_words(world):
    for person in ("alice", "bob"):
        text = api_for(world.people[person]).get("/api/v1/weekly-checkins").content.decode()
        assert ALICE_LAST_WEEK in text


def test_the_table_covers_every_weekly_route(world):
    covered_pages: set[str] = set()
    covered_api: set[tuple[str, str]] = set()
    for route in ROUTES:
        url = world.fill(route.url).split("?")[0]
        match = resolve(url)
        if url.startswith("/api/"):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "weekly":
            pages |= {f"weekly:{p.name}" for p in pattern.url_patterns}
    assert pages == {"weekly:weekly", "weekly:week"}
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/weekly-checkins")
    }
    assert len(endpoints) == 3
    assert endpoints - covered_api == set()
