"""Who may do what on every self-care route: one table, then the content behind it.

Self-care is private: only its author sees it. Bob (Alice's partner), Dave (an outsider)
and Carol (a counsellor without consent) get 404 for every one of Alice's objects, by
page and by API; each of them sees only their own (empty) plan on the list routes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.selfcare import services
from turntoward.testing import api_for

from .conftest import ALICE_LOG_NOTE, ALICE_MARKERS, ALICE_NOTE, ALICE_TITLE

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}

ITEM_FORM = {"title": "A walk", "frequency": "weekly", "note": ""}
LOG_FORM = {"item": "{item}", "day": "{today}", "note": "ok"}
ITEM_JSON = {"title": "A walk", "frequency": "weekly"}
PATCH_JSON = {"note": "changed"}
LOG_JSON = {"item": "{item}"}


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
    #     method    url                                      own  par  out  cou  anon
    Route("GET",    "/self-care/",                           200, 200, 200, 200, 302),
    Route("POST",   "/self-care/",                           405, 405, 405, 405, 302),
    Route("GET",    "/self-care/items/new/",                 200, 200, 200, 200, 302),
    Route("POST",   "/self-care/items/new/",                 302, 302, 302, 302, 302, ITEM_FORM),
    Route("PUT",    "/self-care/items/new/",                 405, 405, 405, 405, 302),
    Route("GET",    "/self-care/items/{item}/edit/",         200, 404, 404, 404, 302),
    Route("POST",   "/self-care/items/{item}/edit/",         302, 404, 404, 404, 302, ITEM_FORM),
    Route("PUT",    "/self-care/items/{item}/edit/",         405, 405, 405, 405, 302),
    Route("GET",    "/self-care/items/{missing}/edit/",      404, 404, 404, 404, 302),
    Route("GET",    "/self-care/items/{item}/delete/",       200, 404, 404, 404, 302),
    Route("POST",   "/self-care/items/{item}/delete/",       302, 404, 404, 404, 302),
    Route("PUT",    "/self-care/items/{item}/delete/",       405, 405, 405, 405, 302),
    Route("POST",   "/self-care/items/{item}/done/",         302, 404, 404, 404, 302),
    Route("GET",    "/self-care/items/{item}/done/",         405, 405, 405, 405, 302),
    Route("GET",    "/self-care/log/",                       200, 200, 200, 200, 302),
    # Someone else's item is not among the choices: the form says so (and logs nothing).
    Route("POST",   "/self-care/log/",                       302, 200, 200, 200, 302, LOG_FORM),
    Route("PUT",    "/self-care/log/",                       405, 405, 405, 405, 302),
    Route("GET",    "/self-care/week/",                      200, 200, 200, 200, 302),
    Route("GET",    "/self-care/week/?week={today}",         200, 200, 200, 200, 302),
    Route("POST",   "/self-care/week/",                      405, 405, 405, 405, 302),
    Route("GET",    "/self-care/ideas/",                     200, 200, 200, 200, 302),
    Route("POST",   "/self-care/ideas/",                     405, 405, 405, 405, 302),
    Route("POST",   "/self-care/ideas/brisk-walk/add/",      302, 302, 302, 302, 302),
    Route("POST",   "/self-care/ideas/no-such-idea/add/",    404, 404, 404, 404, 302),
    Route("GET",    "/self-care/ideas/brisk-walk/add/",      405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/self-care",                     200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/self-care",                     405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/self-care/items",               201, 201, 201, 201, 401, ITEM_JSON),
    Route("GET",    "/api/v1/self-care/items",               405, 405, 405, 405, 405),
    Route("PATCH",  "/api/v1/self-care/items/{item}",        200, 404, 404, 404, 401, PATCH_JSON),
    Route("PATCH",  "/api/v1/self-care/items/{missing}",     404, 404, 404, 404, 401, PATCH_JSON),
    Route("PATCH",  "/api/v1/self-care/items/not-a-uuid",    404, 404, 404, 404, 401, PATCH_JSON),
    Route("DELETE", "/api/v1/self-care/items/{item}",        204, 404, 404, 404, 401),
    Route("GET",    "/api/v1/self-care/items/{item}",        405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/self-care/log",                 200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/self-care/log?since={today}",   200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/self-care/log",                 200, 404, 404, 404, 401, LOG_JSON),
    Route("DELETE", "/api/v1/self-care/log",                 405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/self-care/week",                200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/self-care/week?week={today}",   200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/self-care/week",                405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/self-care/ideas",               200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/self-care/ideas",               405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} as {role}")
    for route in ROUTES
    for role in ROLES
]


@dataclass
class World:
    people: dict[str, Any]
    values: dict[str, str] = field(default_factory=dict)

    def fill(self, text: str) -> str:
        for key, value in self.values.items():
            text = text.replace("{" + key + "}", value)
        return text

    def fill_body(self, body: dict[str, Any] | None) -> dict[str, Any] | None:
        if body is None:
            return None
        return {k: self.fill(v) if isinstance(v, str) else v for k, v in body.items()}


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> World:
    """Alice has a daily item, logged today with a note; Bob has his own plan."""
    item = services.add_item(alice, title=ALICE_TITLE, note=ALICE_NOTE, frequency="daily")
    services.log_activity(alice, item=item.pk, note=ALICE_LOG_NOTE, feeling=4)
    services.add_item(bob, title="Bob's own swim", frequency="weekly")
    return World(
        people={"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        values={
            "item": str(item.pk),
            "missing": "00000000-0000-0000-0000-000000000000",
            "today": alice.local_today().isoformat(),
        },
    )


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world.people.get(PERSON_OF_ROLE.get(role, ""))
    url = world.fill(route.url)
    body = world.fill_body(route.body)
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, body)
    elif route.method == "POST":
        response = page_client(user).post(url, body or {})
    else:
        response = page_client(user).generic(route.method, url)

    assert response.status_code == expected, (role, route.method, url, response.content[:300])
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    if role != "owner":
        text = response.content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (role, url, marker)


def test_the_table_covers_every_self_care_route():
    """A new self-care page or endpoint without a row in ROUTES fails here."""
    covered_pages = set()
    covered_api = set()
    for route in ROUTES:
        path = route.url.split("?")[0].replace("{item}", "00000000-0000-0000-0000-000000000001")
        path = path.replace("{missing}", "00000000-0000-0000-0000-000000000000")
        if path.startswith("/api/"):
            route_path = resolve(path).route
            covered_api.add((route.method, route_path))
        else:
            covered_pages.add(resolve(path).view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "selfcare":
            pages |= {f"selfcare:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 9
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/self-care")
    }
    assert len(endpoints) == 8
    assert endpoints - covered_api == set()


# --- nothing of Alice's, not even a count, anywhere Bob looks --------------------------

GETS = [
    "/",
    "/practices/",
    "/self-care/",
    "/self-care/items/new/",
    "/self-care/log/",
    "/self-care/week/",
    "/self-care/week/?week={today}",
    "/self-care/ideas/",
    "/me/export.json",
    "/api/v1/self-care",
    "/api/v1/self-care/log",
    "/api/v1/self-care/week",
    "/api/v1/me/export",
]


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_no_route_shows_alices_plan_or_how_much_of_it_there_is(world, person):
    user = world.people[person]
    pages, api_client = page_client(user), api_for(user)

    for url in GETS:
        url = world.fill(url)
        response = api_client.get(url) if url.startswith("/api/") else pages.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (person, url, marker)

    assert [i["title"] for i in api_client.get("/api/v1/self-care").json()["items"]] == (
        ["Bob's own swim"] if person == "bob" else []
    )
    assert api_client.get("/api/v1/self-care/log").json() == []
    week = api_client.get("/api/v1/self-care/week").json()
    assert all(row["done"] == 0 for row in week["items"])
    assert "selfcare-today" not in pages.get("/").content.decode()
    export = api_client.get("/api/v1/me/export").json()
    assert export["selfcare_log"] == []


def test_alice_sees_her_own_plan_where_the_others_saw_nothing(world):
    alice = world.people["alice"]
    pages, api_client = page_client(alice), api_for(alice)

    assert ALICE_TITLE in pages.get("/self-care/").content.decode()
    assert ALICE_LOG_NOTE in pages.get("/self-care/log/").content.decode()
    assert ALICE_TITLE in pages.get("/self-care/week/").content.decode()
    assert ALICE_NOTE in api_client.get("/api/v1/self-care").content.decode()
    assert ALICE_LOG_NOTE in api_client.get("/api/v1/me/export").content.decode()


def test_after_leaving_the_couple_bob_still_sees_nothing_of_alices(world):
    from turntoward.couples.services import leave_couple

    leave_couple(world.people["alice"])
    bob = api_for(world.people["bob"])

    for url in ("/api/v1/self-care", "/api/v1/self-care/log", "/api/v1/self-care/week"):
        for marker in ALICE_MARKERS:
            assert marker not in bob.get(url).content.decode()
    assert (
        bob.patch(f"/api/v1/self-care/items/{world.values['item']}", PATCH_JSON).status_code == 404
    )
