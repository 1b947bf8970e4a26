"""Who may do what on every appreciation and kindness route: one table.

Roles: owner Alice (wrote the appreciation and the kindness), partner Bob, outsider Dave
(in a couple with Dana), counsellor Carol (no consent, practises alone), anonymous.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.appreciation import services
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
THANKS = "alice-thanks-larkspur"
ACT_NOTE = "alice-kindness-bramble"
SEND = {"kind": "did", "text": "Thank you"}
NOTE = {"note": "Done"}
ACT = {"idea": "long-hug", "note": "Done"}


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
    #     method    url                                        own  par  out  cou  anon
    Route("GET",    "/appreciation/",                          200, 200, 200, 200, 302),
    Route("POST",   "/appreciation/",                          302, 302, 302, 200, 302, body=SEND),
    Route("PUT",    "/appreciation/",                          405, 405, 405, 405, 302),
    Route("GET",    "/kindness/",                              200, 200, 200, 200, 302),
    Route("GET",    "/kindness/?category=time",                200, 200, 200, 200, 302),
    Route("POST",   "/kindness/",                              405, 405, 405, 405, 302),
    Route("POST",   "/kindness/long-hug/did/",                 302, 302, 302, 302, 302, body=NOTE),
    Route("POST",   "/kindness/no-such-idea/did/",             404, 404, 404, 404, 302, body=NOTE),
    Route("GET",    "/kindness/long-hug/did/",                 405, 405, 405, 405, 302),
    Route("POST",   "/kindness/acts/{act}/landed/",            302, 302, 404, 404, 302),
    Route("POST",   "/kindness/acts/{nosuch}/landed/",         404, 404, 404, 404, 302),
    Route("GET",    "/kindness/acts/{act}/landed/",            405, 405, 405, 405, 302),
    Route("GET",    "/api/v1/appreciations",                   200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/appreciations",                   201, 201, 201, 409, 401, body=SEND),
    Route("PUT",    "/api/v1/appreciations",                   405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/appreciations/prompt",            200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/appreciations/prompt",            405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/appreciations/{thanks}",          200, 200, 404, 404, 401),
    Route("GET",    "/api/v1/appreciations/{nosuch}",          404, 404, 404, 404, 401),
    Route("DELETE", "/api/v1/appreciations/{thanks}",          405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/kindness",                        200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/kindness?category=nope",          422, 422, 422, 422, 401),
    Route("POST",   "/api/v1/kindness",                        405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/kindness/acts",                   200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/kindness/acts",                   201, 201, 201, 201, 401, body=ACT),
    Route("PUT",    "/api/v1/kindness/acts",                   405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/kindness/acts/{act}/landed",      409, 200, 404, 404, 401),
    Route("GET",    "/api/v1/kindness/acts/{act}/landed",      405, 405, 405, 405, 405),
]
# fmt: on


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> dict[str, Any]:
    thanks = services.send_appreciation(alice, text=THANKS, kind="did")
    act = services.record_kindness(alice, idea="long-hug", note=ACT_NOTE)
    return {
        "people": {"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        "ids": {
            "thanks": str(thanks.id),
            "act": str(act.id),
            "nosuch": "00000000-0000-4000-8000-000000000000",
        },
    }


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "route"),
    [
        pytest.param(r, route, id=f"{r}-{route.method}-{route.url}")
        for route in ROUTES
        for r in ROLES
    ],
)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    user = world["people"].get(PERSON.get(role, ""))
    url = route.url.format(**world["ids"])
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, route.body)
    elif route.method == "POST":
        response = page_client(user).post(url, route.body or {})
    else:
        response = page_client(user).generic(route.method, url)

    assert response.status_code == expected, (role, route.method, url, response.content[:400])
    if url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    if role in ("outsider", "counsellor", "anonymous"):
        text = response.content.decode()
        assert THANKS not in text
        assert ACT_NOTE not in text


def test_the_table_covers_every_appreciation_and_kindness_route(world):
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        url = route.url.format(**world["ids"]).split("?")[0]
        match = resolve(url)
        if url.startswith("/api/"):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "appreciation":
            pages |= {f"appreciation:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 4
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(("/api/v1/appreciations", "/api/v1/kindness"))
    }
    assert len(endpoints) == 8
    assert endpoints - covered_api == set()


def test_bob_sees_alices_words_and_outsiders_never_do(world):
    bob = world["people"]["bob"]
    assert THANKS in page_client(bob).get("/appreciation/").content.decode()
    assert ACT_NOTE in page_client(bob).get("/kindness/").content.decode()
    for person in ("dave", "carol"):
        user = world["people"][person]
        for url in ("/appreciation/", "/kindness/", "/"):
            text = page_client(user).get(url).content.decode()
            assert THANKS not in text
            assert ACT_NOTE not in text


def test_after_leaving_each_keeps_only_what_they_wrote(world):
    from turntoward.couples.services import leave_couple

    alice, bob = world["people"]["alice"], world["people"]["bob"]
    leave_couple(bob)

    assert THANKS in api_for(alice).get("/api/v1/appreciations").content.decode()
    assert api_for(bob).get("/api/v1/appreciations").json() == []
    assert api_for(bob).get("/api/v1/kindness/acts").json() == []


def test_export_and_deletion_cover_appreciations_and_kindness(world):
    from turntoward.appreciation.models import Appreciation, KindnessAct

    alice = world["people"]["alice"]
    data = api_for(alice).get("/api/v1/me/export").json()
    assert [a["text"] for a in data["appreciations"]] == [THANKS]
    assert [a["note"] for a in data["kindness_acts"]] == [ACT_NOTE]
    assert THANKS not in str(api_for(world["people"]["bob"]).get("/api/v1/me/export").json())

    response = api_for(alice).delete("/api/v1/me", {"password": "a-long-test-password-42"})

    assert response.status_code == 204
    assert Appreciation.objects.count() == 0
    assert KindnessAct.objects.count() == 0
