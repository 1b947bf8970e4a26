"""Who may do what on every curiosity route: one table, then what each response reveals.

Roles: owner Alice; partner Bob (in a couple with Alice); outsider Dave (another couple);
counsellor Carol (no consent, sees nothing); anonymous. Questions are shared content, so
everyone signed in may read and answer any of them; answers follow the mutual reveal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.curiosity import services
from turntoward.curiosity.models import Question
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {
    "owner": "alice",
    "partner": "bob",
    "outsider": "dave",
    "counsellor": "carol",
    "anonymous": None,
}

# Alice's words on the question they both answered (Bob may read them) and on today's
# question, which only she answered (nobody else may read them).
ALICE_SHARED = "alice-shared-kingfisher"
ALICE_TODAY = "alice-today-juniper"
TEXT = {"text": "A thought of my own"}
FAV_ON = {"favourite": "1"}


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None


# {shared} was answered by Alice and Bob; {today} is the couple's question of the day, answered
# only by Alice; Alice also keeps {shared} as a favourite.
# fmt: off
ROUTES = [
    #     method    url                                          own  par  out  cou  anon
    Route("GET",    "/questions/",                               200, 200, 200, 200, 302),
    Route("POST",   "/questions/",                               405, 405, 405, 405, 302),
    Route("GET",    "/questions/browse/",                        200, 200, 200, 200, 302),
    Route("GET",    "/questions/browse/?theme=us",               200, 200, 200, 200, 302),
    Route("POST",   "/questions/browse/",                        405, 405, 405, 405, 302),
    Route("GET",    "/questions/favourites/",                    200, 200, 200, 200, 302),
    Route("POST",   "/questions/favourites/",                    405, 405, 405, 405, 302),
    Route("GET",    "/questions/{shared}/",                      200, 200, 200, 200, 302),
    Route("GET",    "/questions/{today}/",                       200, 200, 200, 200, 302),
    Route("GET",    "/questions/no-such-question/",              404, 404, 404, 404, 302),
    Route("POST",   "/questions/{shared}/",                      405, 405, 405, 405, 302),
    Route("GET",    "/questions/{today}/panel/",                 200, 200, 200, 200, 302),
    Route("GET",    "/questions/no-such-question/panel/",        404, 404, 404, 404, 302),
    Route("POST",   "/questions/{today}/panel/",                 405, 405, 405, 405, 302),
    Route("POST",   "/questions/{shared}/answer/",               302, 302, 302, 302, 302, TEXT),
    Route("POST",   "/questions/no-such-question/answer/",       404, 404, 404, 404, 302, TEXT),
    Route("GET",    "/questions/{shared}/answer/",               405, 405, 405, 405, 302),
    Route("POST",   "/questions/{shared}/favourite/",            302, 302, 302, 302, 302, FAV_ON),
    Route("POST",   "/questions/no-such-question/favourite/",    404, 404, 404, 404, 302, FAV_ON),
    Route("GET",    "/questions/{shared}/favourite/",            405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/questions",                         200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/questions?theme=us&favourites=true", 200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/questions?theme=gossip",            422, 422, 422, 422, 401),
    Route("POST",   "/api/v1/questions",                         405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/questions/today",                   200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/questions/today",                   405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/questions/{shared}",                200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/questions/{today}",                 200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/questions/no-such-question",        404, 404, 404, 404, 401),
    Route("DELETE", "/api/v1/questions/{shared}",                405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/questions/{shared}/answer",         200, 200, 201, 201, 401, TEXT),
    Route("POST",   "/api/v1/questions/{today}/answer",          200, 201, 201, 201, 401, TEXT),
    Route("POST",   "/api/v1/questions/no-such-question/answer", 404, 404, 404, 404, 401, TEXT),
    Route("GET",    "/api/v1/questions/{shared}/answer",         405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/questions/{shared}/favourite",      200, 201, 201, 201, 401),
    Route("DELETE", "/api/v1/questions/{shared}/favourite",      204, 204, 204, 204, 401),
    Route("POST",   "/api/v1/questions/no-such-question/favourite", 404, 404, 404, 404, 401),
    Route("PUT",    "/api/v1/questions/{shared}/favourite",      405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{role}-{route.method}-{route.url}")
    for route in ROUTES
    for role in ROLES
]


@dataclass
class World:
    people: dict[str, Any]
    today: Question
    shared: Question

    def fill(self, text: str) -> str:
        return text.format(today=self.today.slug, shared=self.shared.slug)


@pytest.fixture
def world(alice, bob, couple, carol, dave, erin) -> World:
    today = services.question_of_the_day(alice)
    shared = Question.objects.filter(active=True).exclude(pk=today.pk).first()
    services.answer_question(alice, shared, ALICE_SHARED)
    services.answer_question(bob, shared, "bob-shared-answer")
    services.answer_question(alice, today, ALICE_TODAY)
    services.set_favourite(alice, shared, True)
    return World(
        people={"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin},
        today=today,
        shared=shared,
    )


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world.people.get(PERSON_OF_ROLE[role] or "")
    url = world.fill(route.url)
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, route.body)
    elif route.method == "POST":
        response = page_client(user).post(url, route.body or {})
    else:
        response = page_client(user).generic(route.method, url)

    assert response.status_code == expected, (role, route.method, url, response.content[:400])
    text = response.content.decode()
    if url.startswith("/api/") and expected >= 400:
        assert response.json().get("detail"), text
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    if expected == 405:
        assert route.method not in response["Allow"]
    # Nobody but Alice reads her answer to today's question; only Bob reads the shared one.
    if role != "owner":
        assert ALICE_TODAY not in text, (role, url)
    if role not in ("owner", "partner"):
        assert ALICE_SHARED not in text, (role, url)


def test_the_partner_reads_the_shared_answer_once_both_answered(world):
    bob = api_for(world.people["bob"])

    shared = bob.get(f"/api/v1/questions/{world.shared.slug}").json()
    today = bob.get("/api/v1/questions/today").json()

    assert shared["partner"]["text"] == ALICE_SHARED
    assert today["slug"] == world.today.slug
    assert today["partner"] is None
    assert today["partner_answered"] is True


def test_the_table_covers_every_curiosity_route():
    """A new page or endpoint of this app without a line in ROUTES fails here."""
    sample = {"today": "us-best-day", "shared": "us-best-day"}
    covered_pages = set()
    covered_api = set()
    for route in ROUTES:
        match = resolve(route.url.format(**sample).split("?")[0])
        if route.url.startswith("/api/"):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)

    pages = {
        f"curiosity:{p.name}"
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "namespace", None) == "curiosity"
        for p in pattern.url_patterns
    }
    assert len(pages) == 7
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/questions")
    }
    assert len(endpoints) == 6
    assert endpoints - covered_api == set()
