"""Who may do what on every bids route: one table, then what each response reveals.

Roles: owner Alice (logged the bids), partner Bob, outsider Dave (in a couple with
Dana), counsellor Carol (no consent: sees nothing), anonymous. Hidden objects are 404,
never 403; anonymous people get 401 on the API and the login page on pages.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve
from django.utils import timezone

from turntoward.api.api import api
from turntoward.bids.tests.conftest import make_bid
from turntoward.testing import api_for

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}
MISSED = "alice-missed-bid-quince"
OPEN = "alice-open-bid-juniper"
NEW_PAGE = {"by": "me", "kind": "help", "description": "Asked for a hand", "occurred_at": ""}
NEW_API = {"description": "Asked for a hand", "kind": "help", "by": "me"}
TOWARD = {"response": "toward", "note": "Glad you asked"}
NOTE = {"note": "I'm sorry I missed it"}


class Route(NamedTuple):
    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None


# {missed}: Alice's bid to Bob, turned away (Bob may repair it). {open}: Alice's fresh open bid.
# fmt: off
ROUTES = [
    #     method    url                                 own  par  out  cou  anon
    Route("GET",    "/bids/",                           200, 200, 200, 200, 302),
    Route("POST",   "/bids/",                           302, 302, 302, 200, 302, body=NEW_PAGE),
    Route("PUT",    "/bids/",                           405, 405, 405, 405, 302),
    Route("POST",   "/bids/{missed}/respond/",          302, 302, 404, 404, 302, body=TOWARD),
    Route("POST",   "/bids/{nosuch}/respond/",          404, 404, 404, 404, 302, body=TOWARD),
    Route("GET",    "/bids/{missed}/respond/",          405, 405, 405, 405, 302),
    Route("POST",   "/bids/{missed}/repair/",           200, 302, 404, 404, 302, body=NOTE),
    Route("POST",   "/bids/{open}/repair/",             200, 200, 404, 404, 302, body=NOTE),
    Route("GET",    "/bids/{missed}/repair/",           405, 405, 405, 405, 302),
    Route("GET",    "/api/v1/bids",                     200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/bids?since=2020-01-01",    200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/bids",                     201, 201, 201, 409, 401, body=NEW_API),
    Route("PUT",    "/api/v1/bids",                     405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/bids/stats",               200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/bids/stats?weeks=60",      422, 422, 422, 422, 401),
    Route("POST",   "/api/v1/bids/stats",               405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/bids/{missed}",            200, 200, 404, 404, 401),
    Route("GET",    "/api/v1/bids/{nosuch}",            404, 404, 404, 404, 401),
    Route("DELETE", "/api/v1/bids/{missed}",            405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/bids/{missed}/response",   200, 200, 404, 404, 401, body=TOWARD),
    Route("GET",    "/api/v1/bids/{missed}/response",   405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/bids/{missed}/repair",     409, 200, 404, 404, 401, body=NOTE),
    Route("POST",   "/api/v1/bids/{open}/repair",       422, 422, 404, 404, 401, body=NOTE),
    Route("GET",    "/api/v1/bids/{missed}/repair",     405, 405, 405, 405, 405),
]
# fmt: on


@pytest.fixture
def world(alice, bob, couple, carol, dave) -> dict[str, Any]:
    missed = make_bid(alice, bob, description=MISSED, response="away")
    fresh = make_bid(alice, bob, description=OPEN, occurred_at=timezone.now())
    return {
        "people": {"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        "ids": {
            "missed": str(missed.id),
            "open": str(fresh.id),
            "nosuch": "00000000-0000-4000-8000-000000000000",
        },
    }


def fill(world: dict[str, Any], text: str) -> str:
    return text.format(**world["ids"])


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
    url = fill(world, route.url)
    body = dict(route.body) if route.body else None
    if body is not None and "occurred_at" in body and user is not None:
        body["occurred_at"] = (
            (timezone.now() - timedelta(hours=1)).astimezone(user.tz).strftime("%Y-%m-%dT%H:%M")
        )
    expected = getattr(route, role)

    if url.startswith("/api/"):
        response = api_for(user).request(route.method, url, body)
    elif route.method == "POST":
        response = page_client(user).post(url, body or {})
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
        assert MISSED not in text
        assert OPEN not in text


def test_the_table_covers_every_bids_route(world):
    """A new bids page or endpoint without a row in ROUTES fails here."""
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        url = fill(world, route.url).split("?")[0]
        match = resolve(url)
        if url.startswith("/api/"):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "bids":
            pages |= {f"bids:{p.name}" for p in pattern.url_patterns}
    assert pages == {"bids:bids", "bids:respond", "bids:repair"}
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/bids")
    }
    assert len(endpoints) == 6
    assert endpoints - covered_api == set()


def test_bob_sees_alices_bids_and_outsiders_see_none(world):
    assert MISSED in page_client(world["people"]["bob"]).get("/bids/").content.decode()
    assert MISSED in api_for(world["people"]["bob"]).get("/api/v1/bids").content.decode()
    for person in ("dave", "carol"):
        assert api_for(world["people"][person]).get("/api/v1/bids").json() == []
        assert MISSED not in page_client(world["people"][person]).get("/bids/").content.decode()
        stats = api_for(world["people"][person]).get("/api/v1/bids/stats").json()
        assert all(w["together"]["bids"] == 0 for w in stats["weeks"])


def test_after_leaving_each_keeps_only_what_they_logged_and_wrote(world):
    from turntoward.couples.services import leave_couple

    alice, bob = world["people"]["alice"], world["people"]["bob"]
    api_for(bob).post(f"/api/v1/bids/{world['ids']['missed']}/repair", {"note": "bob-note-wren"})
    bob_logged = api_for(bob).post("/api/v1/bids", {**NEW_API, "description": "bob-bid-finch"})
    assert bob_logged.status_code == 201
    leave_couple(alice)

    alice_view = api_for(alice).get("/api/v1/bids").content.decode()
    bob_view = api_for(bob).get("/api/v1/bids").content.decode()

    assert MISSED in alice_view
    assert "bob-note-wren" not in alice_view  # Bob's words stay his
    assert "bob-bid-finch" not in alice_view
    assert MISSED not in bob_view
    assert "bob-bid-finch" in bob_view


def test_export_holds_my_bids_and_my_notes_and_deletion_removes_them(world):
    alice, bob = world["people"]["alice"], world["people"]["bob"]
    api_for(bob).post(f"/api/v1/bids/{world['ids']['missed']}/repair", {"note": "bob-note-wren"})

    alice_export = api_for(alice).get("/api/v1/me/export").json()
    bob_export = api_for(bob).get("/api/v1/me/export").json()

    assert {b["description"] for b in alice_export["bids"]} == {MISSED, OPEN}
    assert [n["repair_note"] for n in bob_export["bid_notes"]] == ["bob-note-wren"]
    assert MISSED not in str(bob_export)

    from turntoward.bids.models import Bid

    assert (
        api_for(bob).delete("/api/v1/me", {"password": "a-long-test-password-42"}).status_code
        == 204
    )
    bid = Bid.objects.get(pk=world["ids"]["missed"])
    assert bid.repair_note == ""
    assert bid.receiver is None
    assert (
        api_for(alice).delete("/api/v1/me", {"password": "a-long-test-password-42"}).status_code
        == 204
    )
    assert Bid.objects.count() == 0
