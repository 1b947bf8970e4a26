"""Who may do what on every journal route: one table, then the content behind it.

The journal is private: only its author sees it. Bob (Alice's partner), Dave (an outsider)
and Carol (a counsellor without consent) get 404 for every one of Alice's entries, by page
and by API; no list, search or count shows them that her entries exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.journal import services
from turntoward.testing import api_for

from .conftest import ALICE_BODY, ALICE_MARKERS, ALICE_TITLE

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}

FORM = {"body": "New words", "title": "", "prompt": ""}
JSON = {"body": "New words"}
PATCH = {"title": "Changed"}


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
    Route("GET",    "/journal/",                             200, 200, 200, 200, 302),
    Route("GET",    "/journal/?q=heron&feeling=sadness",     200, 200, 200, 200, 302),
    Route("POST",   "/journal/",                             405, 405, 405, 405, 302),
    Route("GET",    "/journal/new/",                         200, 200, 200, 200, 302),
    Route("GET",    "/journal/new/?prompt=any",              200, 200, 200, 200, 302),
    Route("POST",   "/journal/new/",                         302, 302, 302, 302, 302, FORM),
    Route("PUT",    "/journal/new/",                         405, 405, 405, 405, 302),
    Route("GET",    "/journal/{entry}/",                     200, 404, 404, 404, 302),
    Route("GET",    "/journal/{missing}/",                   404, 404, 404, 404, 302),
    Route("POST",   "/journal/{entry}/",                     405, 405, 405, 405, 302),
    Route("GET",    "/journal/{entry}/edit/",                200, 404, 404, 404, 302),
    Route("POST",   "/journal/{entry}/edit/",                302, 404, 404, 404, 302, FORM),
    Route("PUT",    "/journal/{entry}/edit/",                405, 405, 405, 405, 302),
    Route("GET",    "/journal/{entry}/delete/",              200, 404, 404, 404, 302),
    Route("POST",   "/journal/{entry}/delete/",              302, 404, 404, 404, 302),
    Route("PUT",    "/journal/{entry}/delete/",              405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/journal",                       200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/journal?q=heron",               200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/journal",                       201, 201, 201, 201, 401, JSON),
    Route("PUT",    "/api/v1/journal",                       405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/journal/prompts",               200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/journal/prompts",               405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/journal/feelings",              200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/journal/feelings",              405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/journal/{entry}",               200, 404, 404, 404, 401),
    Route("GET",    "/api/v1/journal/{missing}",             404, 404, 404, 404, 401),
    Route("GET",    "/api/v1/journal/not-a-uuid",            404, 404, 404, 404, 401),
    Route("PATCH",  "/api/v1/journal/{entry}",               200, 404, 404, 404, 401, PATCH),
    Route("DELETE", "/api/v1/journal/{entry}",               204, 404, 404, 404, 401),
    Route("POST",   "/api/v1/journal/{entry}",               405, 405, 405, 405, 405),
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


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> World:
    """Alice wrote one entry (from a prompt, with feelings); Bob wrote his own."""
    entry = services.write_entry(
        alice, title=ALICE_TITLE, body=ALICE_BODY, prompt="right-now", feelings=["lonely"]
    )
    services.write_entry(bob, body="Bob's own page")
    return World(
        people={"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        values={"entry": str(entry.pk), "missing": "00000000-0000-0000-0000-000000000000"},
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
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, route.body)
    elif route.method == "POST":
        response = page_client(user).post(url, route.body or {})
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


def test_the_table_covers_every_journal_route():
    """A new journal page or endpoint without a row in ROUTES fails here."""
    covered_pages = set()
    covered_api = set()
    for route in ROUTES:
        path = route.url.split("?")[0].replace("{entry}", "00000000-0000-0000-0000-000000000001")
        path = path.replace("{missing}", "00000000-0000-0000-0000-000000000000")
        if path.startswith("/api/"):
            covered_api.add((route.method, resolve(path).route))
        else:
            covered_pages.add(resolve(path).view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "journal":
            pages |= {f"journal:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 5
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/journal")
    }
    assert len(endpoints) == 7
    assert endpoints - covered_api == set()


# --- nothing of Alice's, not even a count, anywhere Bob looks --------------------------

GETS = [
    "/",
    "/practices/",
    "/journal/",
    "/journal/?q=heron",
    "/journal/?feeling=sadness",
    "/journal/?feeling=lonely",
    "/journal/new/",
    "/me/export.json",
    "/api/v1/journal",
    "/api/v1/journal?q=heron",
    "/api/v1/journal?feeling=lonely",
    "/api/v1/me/export",
]


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_no_route_shows_alices_entries_or_how_many_there_are(world, person):
    user = world.people[person]
    pages, api_client = page_client(user), api_for(user)

    for url in GETS:
        response = api_client.get(url) if url.startswith("/api/") else pages.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (person, url, marker)

    own = ["Bob's own page"] if person == "bob" else []
    assert [e["body"] for e in api_client.get("/api/v1/journal").json()] == own
    assert api_client.get("/api/v1/journal?feeling=lonely").json() == []
    assert api_client.get("/api/v1/me/export").json()["journal"] == [
        e for e in api_client.get("/api/v1/me/export").json()["journal"] if e["body"] in own
    ]
    listing = pages.get("/journal/?feeling=lonely").content.decode()
    assert "1 entry found" not in listing
    assert "Nothing matched" in listing


def test_alice_sees_her_own_entry_where_the_others_saw_nothing(world):
    alice = world.people["alice"]
    pages, api_client = page_client(alice), api_for(alice)

    assert ALICE_TITLE in pages.get("/journal/").content.decode()
    assert ALICE_TITLE in pages.get("/journal/?feeling=lonely").content.decode()
    assert "1 entry found" in pages.get("/journal/?q=heron").content.decode()
    assert ALICE_BODY in api_client.get("/api/v1/journal?q=heron").content.decode()
    assert ALICE_BODY in api_client.get("/api/v1/me/export").content.decode()


def test_after_leaving_the_couple_bob_still_sees_nothing_of_alices(world):
    from turntoward.couples.services import leave_couple

    leave_couple(world.people["bob"])
    bob = api_for(world.people["bob"])

    assert [e["body"] for e in bob.get("/api/v1/journal").json()] == ["Bob's own page"]
    assert bob.get(f"/api/v1/journal/{world.values['entry']}").status_code == 404
