"""Who may do what on every reflection, repair and boundary route: one table of rows.

The world: Alice (owner) has, of each kind, one item shared with Bob (partner) and one
private ({rs}/{rp} reflections, {ps}/{pd} repairs, {bs}/{bp} boundaries). Dave is another
couple's partner, Carol a counsellor without consent. Hidden things are 404, never 403;
pages send anonymous people to log in, the API answers 401; a wrong method is 405.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.reflection import services
from turntoward.testing import api_for

PRIVATE = "alice-private-juniper"
SHARED = "alice-shared-willow"
PERSON_OF_ROLE = {
    "owner": "alice",
    "partner": "bob",
    "outsider": "dave",
    "counsellor": "carol",
    "anonymous": None,
}
R_FORM = {"noticed": "A form reflection", "pressures": ["work"]}
P_FORM = {"hurt": "A form hurt"}
B_FORM = {"kind": "need", "statement": "A form boundary"}
SHARE = {"shared": "1"}
TEXT = {"text": "Thank you for telling me"}
NOTICED = {"noticed": "Changed"}


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
    #     method    url                                   own  par  out  cou  anon
    # --- reflection pages
    Route("GET",    "/reflections/",                      200, 200, 200, 200, 302),
    Route("POST",   "/reflections/",                      405, 405, 405, 405, 302),
    Route("GET",    "/reflections/new/",                  200, 200, 200, 200, 302),
    Route("POST",   "/reflections/new/",                  302, 302, 302, 302, 302, body=R_FORM),
    Route("PUT",    "/reflections/new/",                  405, 405, 405, 405, 302),
    Route("GET",    "/reflections/{rs}/",                 200, 200, 404, 404, 302),
    Route("GET",    "/reflections/{rp}/",                 200, 404, 404, 404, 302),
    Route("GET",    "/reflections/not-an-id/",            404, 404, 404, 404, 302),
    Route("POST",   "/reflections/{rs}/",                 405, 405, 405, 405, 302),
    Route("GET",    "/reflections/{rs}/edit/",            200, 404, 404, 404, 302),
    Route("POST",   "/reflections/{rs}/edit/",            302, 404, 404, 404, 302, body=R_FORM),
    Route("PUT",    "/reflections/{rs}/edit/",            405, 405, 405, 405, 302),
    Route("POST",   "/reflections/{rp}/share/",           302, 404, 404, 404, 302, body=SHARE),
    Route("GET",    "/reflections/{rp}/share/",           405, 405, 405, 405, 302),
    Route("POST",   "/reflections/{rs}/delete/",          302, 404, 404, 404, 302),
    Route("GET",    "/reflections/{rs}/delete/",          405, 405, 405, 405, 302),
    # --- repair pages
    Route("GET",    "/repairs/",                          200, 200, 200, 200, 302),
    Route("POST",   "/repairs/",                          405, 405, 405, 405, 302),
    Route("GET",    "/repairs/new/",                      200, 200, 200, 200, 302),
    Route("POST",   "/repairs/new/",                      302, 302, 302, 302, 302, body=P_FORM),
    Route("PUT",    "/repairs/new/",                      405, 405, 405, 405, 302),
    Route("GET",    "/repairs/{ps}/",                     200, 200, 404, 404, 302),
    Route("GET",    "/repairs/{pd}/",                     200, 404, 404, 404, 302),
    Route("POST",   "/repairs/{ps}/",                     405, 405, 405, 405, 302),
    Route("GET",    "/repairs/{pd}/edit/",                200, 404, 404, 404, 302),
    Route("POST",   "/repairs/{pd}/edit/",                302, 404, 404, 404, 302, body=P_FORM),
    Route("PUT",    "/repairs/{pd}/edit/",                405, 405, 405, 405, 302),
    Route("POST",   "/repairs/{ps}/share/",               302, 404, 404, 404, 302, body=SHARE),
    Route("GET",    "/repairs/{ps}/share/",               405, 405, 405, 405, 302),
    Route("POST",   "/repairs/{ps}/respond/",             404, 302, 404, 404, 302, body=TEXT),
    Route("POST",   "/repairs/{pd}/respond/",             404, 404, 404, 404, 302, body=TEXT),
    Route("GET",    "/repairs/{ps}/respond/",             405, 405, 405, 405, 302),
    # --- boundary pages
    Route("GET",    "/boundaries/",                       200, 200, 200, 200, 302),
    Route("POST",   "/boundaries/",                       405, 405, 405, 405, 302),
    Route("GET",    "/boundaries/new/",                   200, 200, 200, 200, 302),
    Route("POST",   "/boundaries/new/",                   302, 302, 302, 302, 302, body=B_FORM),
    Route("PUT",    "/boundaries/new/",                   405, 405, 405, 405, 302),
    Route("GET",    "/boundaries/{bs}/",                  200, 200, 404, 404, 302),
    Route("GET",    "/boundaries/{bp}/",                  200, 404, 404, 404, 302),
    Route("POST",   "/boundaries/{bs}/",                  405, 405, 405, 405, 302),
    Route("GET",    "/boundaries/{bs}/edit/",             200, 404, 404, 404, 302),
    Route("POST",   "/boundaries/{bs}/edit/",             302, 404, 404, 404, 302, body=B_FORM),
    Route("PUT",    "/boundaries/{bs}/edit/",             405, 405, 405, 405, 302),
    Route("POST",   "/boundaries/{bp}/share/",            302, 404, 404, 404, 302, body=SHARE),
    Route("GET",    "/boundaries/{bp}/share/",            405, 405, 405, 405, 302),
    Route("POST",   "/boundaries/{bs}/delete/",           302, 404, 404, 404, 302),
    Route("GET",    "/boundaries/{bs}/delete/",           405, 405, 405, 405, 302),
    Route("POST",   "/boundaries/{bs}/acknowledge/",      404, 302, 404, 404, 302),
    Route("POST",   "/boundaries/{bp}/acknowledge/",      404, 404, 404, 404, 302),
    Route("GET",    "/boundaries/{bs}/acknowledge/",      405, 405, 405, 405, 302),
    # --- API: reflections
    Route("GET",    "/api/v1/reflections",                200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/reflections",                201, 201, 201, 201, 401, body=R_FORM),
    Route("PUT",    "/api/v1/reflections",                405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/reflections/{rs}",           200, 200, 404, 404, 401),
    Route("GET",    "/api/v1/reflections/{rp}",           200, 404, 404, 404, 401),
    Route("GET",    "/api/v1/reflections/not-an-id",      404, 404, 404, 404, 401),
    Route("PATCH",  "/api/v1/reflections/{rs}",           200, 404, 404, 404, 401, body=NOTICED),
    Route("DELETE", "/api/v1/reflections/{rp}",           204, 404, 404, 404, 401),
    Route("POST",   "/api/v1/reflections/{rs}",           405, 405, 405, 405, 405),
    # --- API: repairs
    Route("GET",    "/api/v1/repairs",                    200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/repairs",                    201, 201, 201, 201, 401, body=P_FORM),
    Route("PUT",    "/api/v1/repairs",                    405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/repairs/{ps}",               200, 200, 404, 404, 401),
    Route("GET",    "/api/v1/repairs/{pd}",               200, 404, 404, 404, 401),
    Route("PATCH",  "/api/v1/repairs/{pd}",               200, 404, 404, 404, 401, body=P_FORM),
    Route("DELETE", "/api/v1/repairs/{pd}",               405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/repairs/{ps}/share",         200, 404, 404, 404, 401),
    Route("GET",    "/api/v1/repairs/{ps}/share",         405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/repairs/{ps}/response",      404, 201, 404, 404, 401, body=TEXT),
    Route("POST",   "/api/v1/repairs/{pd}/response",      404, 404, 404, 404, 401, body=TEXT),
    Route("GET",    "/api/v1/repairs/{ps}/response",      405, 405, 405, 405, 405),
    # --- API: boundaries
    Route("GET",    "/api/v1/boundaries",                 200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/boundaries",                 201, 201, 201, 201, 401, body=B_FORM),
    Route("PUT",    "/api/v1/boundaries",                 405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/boundaries/{bs}",            200, 200, 404, 404, 401),
    Route("GET",    "/api/v1/boundaries/{bp}",            200, 404, 404, 404, 401),
    Route("PATCH",  "/api/v1/boundaries/{bs}",            200, 404, 404, 404, 401, body=B_FORM),
    Route("DELETE", "/api/v1/boundaries/{bp}",            204, 404, 404, 404, 401),
    Route("POST",   "/api/v1/boundaries/{bs}",            405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/boundaries/{bs}/acknowledge", 404, 200, 404, 404, 401),
    Route("POST",   "/api/v1/boundaries/{bp}/acknowledge", 404, 404, 404, 404, 401),
    Route("GET",    "/api/v1/boundaries/{bs}/acknowledge", 405, 405, 405, 405, 405),
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
    ids: dict[str, str]

    def fill(self, url: str) -> str:
        return url.format(**self.ids)


@pytest.fixture
def world(alice, bob, couple, carol, dave):
    rs = services.create_reflection(alice, noticed=SHARED, shared=True)
    rp = services.create_reflection(alice, noticed=PRIVATE)
    ps = services.create_repair(alice, hurt=SHARED, i_statement="I feel", need="Talk")
    services.share_repair(alice, ps.pk)
    pd = services.create_repair(alice, hurt=PRIVATE)
    bs = services.create_boundary(alice, statement=SHARED, shared=True)
    bp = services.create_boundary(alice, statement=PRIVATE)
    ids = {k: str(v.pk) for k, v in dict(rs=rs, rp=rp, ps=ps, pd=pd, bs=bs, bp=bp).items()}
    return World(people={"alice": alice, "bob": bob, "carol": carol, "dave": dave}, ids=ids)


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world.people.get(PERSON_OF_ROLE[role] or "")
    url = world.fill(route.url)
    if url.startswith("/api/"):
        body = route.body
        if body is R_FORM:
            body = {**R_FORM}
        response = api_for(user).request(route.method, url, body)
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
    elif expected == 302:
        assert not response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if role != "owner":
        assert PRIVATE not in text, (role, url)
    if role in ("outsider", "counsellor", "anonymous"):
        assert SHARED not in text, (role, url)


def test_the_partner_does_see_the_shared_words_on_the_lists(world):
    bob = world.people["bob"]
    client = Client()
    client.force_login(bob)
    for url in ("/api/v1/reflections", "/api/v1/repairs", "/api/v1/boundaries"):
        assert SHARED in api_for(bob).get(url).content.decode()
    for url in ("/boundaries/",):
        assert SHARED in client.get(url).content.decode()


def test_the_table_covers_every_route_of_the_reflection_practices(world):
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
        if getattr(pattern, "namespace", None) == "reflection":
            pages |= {f"reflection:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 19
    assert pages - covered_pages == set()

    prefixes = ("/api/v1/reflections", "/api/v1/repairs", "/api/v1/boundaries")
    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(prefixes)
    }
    assert len(endpoints) == 17
    assert endpoints - covered_api == set()
