"""Who may do what on every findhelp route, and that private signals reach nobody else.

Alice has private signals (her well-being and satisfaction scores, her own low felt
connection). Bob (her partner), Dave (an outsider), Carol (a counsellor without consent)
and anonymous visitors never see them, by page, API or home card; nor their numbers.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.findhelp.services import load_demo_counsellors
from turntoward.findhelp.signals import compute_all_signals
from turntoward.testing import api_for

from .conftest import assessment, checkins

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
# What only Alice may ever see: her signals' keys, titles and numbers.
ALICE_MARKERS = (
    'data-signal="wellbeing_low"',
    'data-signal="csi_low_twice"',
    'data-signal="low_connection"',
    "wellbeing_low",
    "csi_low_twice",
    "low_connection",
    "PHQ-9 17",
    "scored 9 and 8",
    "Your well-being answers were low",
    "Relationship satisfaction has been low",
    "Connection has felt low",
)


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int


# fmt: off
ROUTES = [
    #     method    url                                        own  par  out  cou  anon
    Route("GET",    "/help/",                                  200, 200, 200, 200, 200),
    Route("GET",    "/help/?city=Pune&language=Hindi&mode=online", 200, 200, 200, 200, 200),
    Route("GET",    "/help/?city=Atlantis",                    200, 200, 200, 200, 200),
    Route("POST",   "/help/",                                  405, 405, 405, 405, 405),
    # --- API
    Route("GET",    "/api/v1/signals",                         200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/signals",                         405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/counsellors",                     200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/counsellors?city=Pune&mode=online", 200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/counsellors?mode=teleport",       422, 422, 422, 422, 401),
    Route("POST",   "/api/v1/counsellors",                     405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} as {role}")
    for route in ROUTES
    for role in ROLES
]


@pytest.fixture
def people(alice, bob, couple, carol, dave) -> dict[str, Any]:
    """Alice has three private signals; Bob has none of his own."""
    assessment(alice, "phq-9", 17)
    assessment(alice, "csi-4", 8, days_ago=9)
    assessment(alice, "csi-4", 9, days_ago=1)
    checkins(alice, {0: 1, 1: 2, 2: 1, 3: 2, 4: 1})
    checkins(bob, {5: 4})
    load_demo_counsellors()
    compute_all_signals()  # their start times are stored too
    return {"alice": alice, "bob": bob, "carol": carol, "dave": dave}


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(people, role, route):
    user = people.get(PERSON_OF_ROLE.get(role, ""))
    expected = getattr(route, role)

    if route.url.startswith("/api/"):
        response = api_for(user).request(route.method, route.url)
    else:
        response = page_client(user).generic(route.method, route.url)

    assert response.status_code == expected, (role, route.method, route.url, response.content[:300])
    if route.url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if expected == 405:
        assert route.method not in response["Allow"]
    if role != "owner":
        text = response.content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (role, route.url, marker)


def test_the_table_covers_every_findhelp_route():
    """A new findhelp page or endpoint without a row in ROUTES fails here."""
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        path = route.url.split("?")[0]
        if path.startswith("/api/"):
            covered_api.add((route.method, resolve(path).route))
        else:
            covered_pages.add(resolve(path).view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "findhelp":
            pages |= {f"findhelp:{p.name}" for p in pattern.url_patterns}
    assert pages == {"findhelp:help"}
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(("/api/v1/signals", "/api/v1/counsellors"))
    }
    assert len(endpoints) == 2
    assert endpoints - covered_api == set()


def test_alice_sees_her_private_signals_everywhere_they_are_shown(people):
    alice = people["alice"]
    page = page_client(alice).get("/help/").content.decode()
    for key in ("wellbeing_low", "csi_low_twice", "low_connection"):
        assert f'data-signal="{key}"' in page
    assert "Only you see this" in page
    assert "PHQ-9 17" in page and "scored 9 and 8" in page

    body = api_for(alice).get("/api/v1/signals").json()
    assert {s["key"] for s in body} == {"wellbeing_low", "csi_low_twice", "low_connection"}
    assert all(s["private"] for s in body)
    assert all(s["since"] for s in body)
    exported = api_for(alice).get("/api/v1/me/export").json()["signals"]
    assert {s["key"] for s in exported} == {"wellbeing_low", "csi_low_twice", "low_connection"}

    home = page_client(alice).get("/").content.decode()
    assert "Your well-being answers were low" in home
    assert "/help/" in home
    assert (
        "17" not in re.sub(r"<[^>]+>", "", home).split("Your well-being answers were low")[1][:300]
    )


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_no_route_shows_alices_private_signals(people, person):
    user = people[person]
    pages, api_client = page_client(user), api_for(user)
    for url in ("/", "/help/", "/me/export.json", "/practices/"):
        text = pages.get(url).content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (person, url, marker)
    assert api_client.get("/api/v1/signals").json() == []
    assert api_client.get("/api/v1/me/export").json()["signals"] == []


def test_anonymous_visitors_see_the_listings_but_no_signals(people):
    page = Client().get("/help/").content.decode()
    assert "Ada Okafor (fictional)" in page
    assert "Worth a closer look" not in page
