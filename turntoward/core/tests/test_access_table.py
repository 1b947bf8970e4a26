"""Who may do what on every route: one table, then the content behind the statuses.

Each line of ROUTES is one route and method, with the status each role gets:

- owner: Alice, who wrote the data (or created the invitation);
- partner: Bob, in a couple with Alice;
- outsider: Dave, a partner in another couple (with Dana);
- counsellor: Carol, who has no consent from anyone, so she sees nothing;
- anonymous: nobody signed in.

The lines expand to one (role, method, url, status) test each. Hidden objects answer
404, never 403; anonymous people get 401 on the API and the login page on pages; a
wrong method is 405.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.couples.services import leave_couple
from turntoward.testing import PASSWORD, api_for, make_checkin, make_invitation, make_reply

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {
    "owner": "alice",
    "partner": "bob",
    "outsider": "dave",
    "counsellor": "carol",
    "anonymous": None,
}

# Distinctive words only Alice writes: if one shows up in a response, that viewer saw her text.
ALICE_YESTERDAY = "alice-yesterday-marigold"
ALICE_TODAY = "alice-today-heron"
ALICE_REPLY = "alice-reply-lantern"
BOB_YESTERDAY = "bob-yesterday-pebble"
BOB_REPLY = "bob-reply-thimble"
ALICE_MARKERS = (ALICE_YESTERDAY, ALICE_TODAY, ALICE_REPLY)
BOB_MARKERS = (BOB_YESTERDAY, BOB_REPLY)

# Bodies the rows send, and the one extra setup some rows need.
FORM = {"mood": "4", "connection": "4", "good_thing": "Tea", "hard_thing": "Rain"}
JSON = {"mood": 4, "connection": 4, "good_thing": "Tea", "hard_thing": "Rain"}
PROF = {"name": "Renamed", "time_zone": "Europe/London", "country": "GB"}
NAME = {"name": "Renamed"}
PW = {"password": PASSWORD}
REPLY = {"text": "Thinking of you"}
JOIN = {"code": "{code}"}
JOIN_OWN = {"code": "{own_code}"}
SOLO = "alice_leaves_bob_and_invites"


class Route(NamedTuple):
    """One route and method, and the status each role gets."""

    method: str
    url: str
    owner: int
    partner: int
    outsider: int
    counsellor: int
    anonymous: int
    body: dict[str, Any] | None = None
    setup: str | None = None


# The world every row starts from: Alice and Bob (Europe/London) both checked in {yesterday}
# and replied to each other, so that day is revealed; only Alice checked in {today}, so Bob may
# not see it (and replying to it is 404 for both). Dave is in a couple with Dana; Carol and
# Erin practise alone, and {code} is Erin's open invitation. Rows with setup=SOLO start after
# Alice has left Bob and opened her own invitation, {own_code}. Columns: own(er) Alice,
# par(tner) Bob, out(sider) Dave, cou(nsellor) Carol, anon(ymous).
# fmt: off
ROUTES = [
    #     method    url                                       own  par  out  cou  anon
    # --- pages: anonymous people are sent to log in, except on the landing page and the
    # shareable invitation link; refusals on pages come back as a message (302) or a form (200).
    Route("GET",    "/",                                      200, 200, 200, 200, 200),
    Route("POST",   "/",                                      405, 405, 405, 405, 405),
    Route("GET",    "/practices/",                            200, 200, 200, 200, 302),
    Route("POST",   "/practices/",                            405, 405, 405, 405, 302),
    Route("GET",    "/checkin/",                              200, 200, 200, 200, 302),
    Route("POST",   "/checkin/",                              302, 302, 302, 302, 302, body=FORM),
    Route("PUT",    "/checkin/",                              405, 405, 405, 405, 302),
    Route("GET",    "/checkin/today/",                        200, 200, 200, 200, 302),
    Route("POST",   "/checkin/today/",                        405, 405, 405, 405, 302),
    Route("POST",   "/checkin/{yesterday}/reply/",            302, 302, 404, 404, 302, body=REPLY),
    Route("POST",   "/checkin/{today}/reply/",                404, 404, 404, 404, 302, body=REPLY),
    Route("POST",   "/checkin/not-a-day/reply/",              404, 404, 404, 404, 302, body=REPLY),
    Route("GET",    "/checkin/{yesterday}/reply/",            405, 405, 405, 405, 302),
    Route("GET",    "/history/",                              200, 200, 200, 200, 302),
    Route("POST",   "/history/",                              405, 405, 405, 405, 302),
    Route("GET",    "/couple/",                               200, 200, 200, 200, 302),
    Route("POST",   "/couple/",                               405, 405, 405, 405, 302),
    Route("POST",   "/couple/invite/",                        302, 302, 302, 302, 302),
    Route("GET",    "/couple/invite/",                        405, 405, 405, 405, 302),
    Route("POST",   "/couple/invitations/{code}/revoke/",     404, 404, 404, 404, 302),
    Route("POST",   "/couple/invitations/{own_code}/revoke/", 302, 404, 404, 404, 302, setup=SOLO),
    Route("GET",    "/couple/invitations/{code}/revoke/",     405, 405, 405, 405, 302),
    Route("GET",    "/couple/leave/",                         200, 200, 200, 302, 302),
    Route("POST",   "/couple/leave/",                         302, 302, 302, 302, 302),
    Route("PUT",    "/couple/leave/",                         405, 405, 405, 405, 302),
    Route("GET",    "/couple/join/",                          200, 200, 200, 200, 302),
    Route("POST",   "/couple/join/",                          200, 200, 200, 302, 302, body=JOIN),
    Route("PUT",    "/couple/join/",                          405, 405, 405, 405, 302),
    Route("GET",    "/couple/join/{code}/",                   200, 200, 200, 200, 200),
    Route("POST",   "/couple/join/{code}/",                   200, 200, 200, 302, 200),
    Route("PUT",    "/couple/join/{code}/",                   405, 405, 405, 405, 405),
    Route("GET",    "/me/",                                   200, 200, 200, 200, 302),
    Route("POST",   "/me/",                                   302, 302, 302, 302, 302, body=PROF),
    Route("PUT",    "/me/",                                   405, 405, 405, 405, 302),
    Route("GET",    "/me/export.json",                        200, 200, 200, 200, 302),
    Route("POST",   "/me/export.json",                        405, 405, 405, 405, 302),
    Route("GET",    "/me/delete/",                            200, 200, 200, 200, 302),
    Route("POST",   "/me/delete/",                            302, 302, 302, 302, 302, body=PW),
    Route("PUT",    "/me/delete/",                            405, 405, 405, 405, 302),
    # --- API: anonymous people get 401; a wrong method is 405 for everyone.
    Route("GET",    "/api/v1/me",                             200, 200, 200, 200, 401),
    Route("PATCH",  "/api/v1/me",                             200, 200, 200, 200, 401, body=NAME),
    Route("DELETE", "/api/v1/me",                             204, 204, 204, 204, 401, body=PW),
    Route("POST",   "/api/v1/me",                             405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/me/export",                      200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/me/export",                      405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/couple",                         200, 200, 200, 404, 401),
    Route("DELETE", "/api/v1/couple",                         204, 204, 204, 404, 401),
    Route("POST",   "/api/v1/couple",                         405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/couple/invitations",             200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/couple/invitations",             409, 409, 409, 201, 401),
    Route("DELETE", "/api/v1/couple/invitations/{code}",      404, 404, 404, 404, 401),
    Route("DELETE", "/api/v1/couple/invitations/{own_code}",  204, 404, 404, 404, 401, setup=SOLO),
    Route("DELETE", "/api/v1/couple/invitations/NOSUCHCODE",  404, 404, 404, 404, 401),
    Route("GET",    "/api/v1/couple/invitations/{code}",      405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/couple/join",                    409, 409, 409, 201, 401, body=JOIN),
    Route("POST",   "/api/v1/couple/join",                    409, 201, 409, 201, 401,
          body=JOIN_OWN, setup=SOLO),
    Route("GET",    "/api/v1/couple/join",                    405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/checkins",                       200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/checkins",                       200, 201, 201, 201, 401, body=JSON),
    Route("PUT",    "/api/v1/checkins",                       405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/checkins/{today}",               200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/checkins/{yesterday}",           200, 200, 200, 200, 401),
    Route("DELETE", "/api/v1/checkins/{today}",               405, 405, 405, 405, 405),
    Route("POST",   "/api/v1/checkins/{yesterday}/reply",     200, 200, 404, 404, 401, body=REPLY),
    Route("POST",   "/api/v1/checkins/{today}/reply",         404, 404, 404, 404, 401, body=REPLY),
    Route("GET",    "/api/v1/checkins/{yesterday}/reply",     405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/no-such-thing",                  404, 404, 404, 404, 404),
    Route("GET",    "/api/v1/openapi.json",                   200, 200, 200, 200, 200),
    Route("GET",    "/api/v1/docs",                           200, 200, 200, 200, 200),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{role}-{route.method}-{route.url}-{route.setup or 'world'}")
    for route in ROUTES
    for role in ROLES
]


@dataclass
class World:
    """Alice and Bob with check-ins and replies; Dave, Carol and Erin around them."""

    people: dict[str, Any]
    today: date
    yesterday: date
    code: str
    own_code: str = ""

    def fill(self, text: str) -> str:
        return text.format(
            today=self.today.isoformat(),
            yesterday=self.yesterday.isoformat(),
            code=self.code,
            own_code=self.own_code,
        )

    def fill_body(self, body: dict[str, Any] | None) -> dict[str, Any] | None:
        if body is None:
            return None
        return {k: self.fill(v) if isinstance(v, str) else v for k, v in body.items()}


@pytest.fixture
def world(alice, bob, couple, carol, dave, erin) -> World:
    today = alice.local_today()
    yesterday = today - timedelta(days=1)
    alice_yesterday = make_checkin(
        alice,
        yesterday,
        good_thing=f"{ALICE_YESTERDAY} good",
        hard_thing=f"{ALICE_YESTERDAY} hard",
        need=f"{ALICE_YESTERDAY} need",
    )
    bob_yesterday = make_checkin(
        bob,
        yesterday,
        good_thing=f"{BOB_YESTERDAY} good",
        hard_thing=f"{BOB_YESTERDAY} hard",
        need=f"{BOB_YESTERDAY} need",
    )
    make_reply(alice, bob_yesterday, ALICE_REPLY)
    make_reply(bob, alice_yesterday, BOB_REPLY)
    make_checkin(
        alice,
        today,
        good_thing=f"{ALICE_TODAY} good",
        hard_thing=f"{ALICE_TODAY} hard",
        need=f"{ALICE_TODAY} need",
    )
    return World(
        people={"alice": alice, "bob": bob, "carol": carol, "dave": dave, "erin": erin},
        today=today,
        yesterday=yesterday,
        code=make_invitation(erin).code,
    )


def set_up(world: World, setup: str | None) -> None:
    if setup is None:
        return
    if setup == SOLO:
        alice = world.people["alice"]
        leave_couple(alice)
        world.own_code = make_invitation(alice).code
        return
    raise AssertionError(f"unknown setup {setup!r}")


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def is_api(url: str) -> bool:
    return url.startswith("/api/")


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(world, role, route):
    set_up(world, route.setup)
    user = world.people.get(PERSON_OF_ROLE[role] or "")
    url = world.fill(route.url)
    body = world.fill_body(route.body)
    expected = getattr(route, role)

    if is_api(url):
        response = api_for(user).request(route.method, url, body)
    elif route.method == "POST":
        response = page_client(user).post(url, body or {})
    else:
        response = page_client(user).generic(route.method, url)

    assert response.status_code == expected, (role, route.method, url, response.content[:500])

    if is_api(url):
        if expected == 204:
            assert response.content == b""
        elif url.endswith("/docs"):
            assert response["Content-Type"].startswith("text/html")
        else:
            assert response["Content-Type"].startswith("application/json"), response.content
            data = response.json()
            if expected >= 400:
                assert isinstance(data, dict)
                assert data.get("detail"), data
    elif expected == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next="), response["Location"]
    elif expected == 302:
        assert not response["Location"].startswith("/accounts/login/"), response["Location"]
    elif expected == 200 and route.method == "GET" and not url.endswith(".json"):
        assert response["Content-Type"].startswith("text/html")

    if expected == 405:
        assert response.has_header("Allow")
        assert route.method not in response["Allow"]
    if expected in (404, 405) or role in ("outsider", "counsellor", "anonymous"):
        text = response.content.decode()
        for marker in ALICE_MARKERS:
            assert marker not in text, (role, url, marker)


def test_the_join_link_shows_anonymous_people_how_to_sign_up_or_log_in(world):
    response = Client().get(f"/couple/join/{world.code}/")

    assert response.status_code == 200
    text = unquote(response.content.decode())
    assert f'href="/accounts/signup/?next=/couple/join/{world.code}/"' in text
    assert f'href="/accounts/login/?next=/couple/join/{world.code}/"' in text
    assert "erin" not in text.lower()  # the page names nobody to a stranger


def test_the_table_covers_every_route_of_the_project(world):
    """A new page or endpoint without a line in ROUTES fails here."""
    covered_pages: set[str] = set()
    covered_api: set[tuple[str, str]] = set()
    set_up(world, SOLO)
    for route in ROUTES:
        match = resolve(world.fill(route.url).split("?")[0]) if "no-such" not in route.url else None
        if match is None:
            continue
        if is_api(route.url):
            covered_api.add((route.method, match.route))
        else:
            covered_pages.add(match.view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if namespace in {"core", "checkins", "couples", "accounts"}:
            pages |= {f"{namespace}:{p.name}" for p in pattern.url_patterns}
    assert pages, "no page routes found"
    assert pages - covered_pages == set()

    # The foundation's endpoints; each practice app keeps its own table for its own
    # (me/notifications belongs to the notifications table).
    foundation = ("/api/v1/me", "/api/v1/couple", "/api/v1/checkins")
    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(foundation) and not path.startswith("/api/v1/me/notifications")
    }
    assert len(endpoints) == 14
    assert endpoints - covered_api == set()


# --- content-level privacy -----------------------------------------------------------

API_GETS = [
    "/api/v1/me",
    "/api/v1/me/export",
    "/api/v1/couple",
    "/api/v1/couple/invitations",
    "/api/v1/checkins",
    "/api/v1/checkins?since={yesterday}&until={today}",
    "/api/v1/checkins/{today}",
    "/api/v1/checkins/{yesterday}",
]
PAGE_GETS = [
    "/",
    "/checkin/",
    "/checkin/?edit=1",
    "/checkin/today/",
    "/history/",
    "/couple/",
    "/couple/leave/",
    "/couple/join/",
    "/couple/join/{code}/",
    "/me/",
    "/me/export.json",
    "/me/delete/",
]


def bodies_of_every_get(world: World, person: str) -> dict[str, str]:
    """Every GET route as this person sees it, by url."""
    user = world.people[person]
    api_client = api_for(user)
    pages = page_client(user)
    seen: dict[str, str] = {}
    for url in API_GETS:
        response = api_client.get(world.fill(url))
        assert response.status_code in (200, 404), (url, response.content)
        seen[url] = response.content.decode()
    for url in PAGE_GETS:
        response = pages.get(world.fill(url))
        assert response.status_code in (200, 302), (url, response.status_code)
        seen[url] = response.content.decode()
    return seen


def day_row(rows: list[dict[str, Any]], day: date) -> dict[str, Any]:
    matches = [r for r in rows if r["day"] == day.isoformat()]
    assert len(matches) == 1, rows
    return matches[0]


def test_it_hides_alices_checkin_from_bob_until_he_answers_the_same_day(world):
    bob = api_for(world.people["bob"])

    response = bob.get("/api/v1/checkins")

    assert response.status_code == 200
    today = day_row(response.json(), world.today)
    assert today["mine"] is None
    assert today["partner"] is None
    assert today["partner_checked_in"] is True
    assert ALICE_TODAY not in response.content.decode()

    one_day = bob.get(f"/api/v1/checkins/{world.today.isoformat()}")
    assert one_day.status_code == 200
    assert one_day.json()["partner"] is None
    assert one_day.json()["partner_checked_in"] is True
    assert ALICE_TODAY not in one_day.content.decode()

    assert bob.post("/api/v1/checkins", JSON).status_code == 201

    after = day_row(bob.get("/api/v1/checkins").json(), world.today)
    assert after["partner"] is not None
    assert after["partner"]["author"] == "partner"
    assert after["partner"]["good_thing"] == f"{ALICE_TODAY} good"
    assert after["partner_checked_in"] is True


def test_it_shows_each_partner_the_other_side_of_a_day_both_answered(world):
    bob = api_for(world.people["bob"])

    row = day_row(bob.get("/api/v1/checkins").json(), world.yesterday)

    assert row["mine"]["good_thing"] == f"{BOB_YESTERDAY} good"
    assert [r["text"] for r in row["mine"]["replies"]] == [ALICE_REPLY]
    assert row["mine"]["replies"][0]["author"] == "partner"
    assert row["partner"]["good_thing"] == f"{ALICE_YESTERDAY} good"
    assert row["partner"]["need"] == f"{ALICE_YESTERDAY} need"
    assert [r["text"] for r in row["partner"]["replies"]] == [BOB_REPLY]
    assert row["partner"]["replies"][0]["author"] == "me"


@pytest.mark.parametrize("url", API_GETS + PAGE_GETS)
def test_bob_never_sees_alices_text_for_today_before_checking_in(world, url):
    user = world.people["bob"]
    if is_api(url):
        response = api_for(user).get(world.fill(url))
    else:
        response = page_client(user).get(world.fill(url))

    assert response.status_code in (200, 404)
    assert ALICE_TODAY not in response.content.decode()


@pytest.mark.parametrize("person", ["dave", "carol"])
def test_outsiders_never_see_alices_text_on_any_get_route(world, person):
    seen = bodies_of_every_get(world, person)

    assert seen["/api/v1/me"], "the search must have something to look through"
    for url, text in seen.items():
        for marker in ALICE_MARKERS + BOB_MARKERS:
            assert marker not in text, (person, url, marker)


def test_outsiders_get_empty_days_rather_than_alices(world):
    for person in ("dave", "carol"):
        client = api_for(world.people[person])
        for day in (world.today, world.yesterday):
            response = client.get(f"/api/v1/checkins/{day.isoformat()}")
            assert response.status_code == 200
            assert response.json() == {
                "day": day.isoformat(),
                "mine": None,
                "partner": None,
                "partner_checked_in": False,
            }
        assert client.get("/api/v1/checkins").json() == []


def test_alice_sees_her_own_text_on_the_routes_that_show_it(world):
    """The marker search above is only meaningful if the markers do show to their author."""
    seen = bodies_of_every_get(world, "alice")

    assert ALICE_TODAY in seen["/api/v1/checkins"]
    assert ALICE_YESTERDAY in seen["/api/v1/checkins"]
    assert ALICE_REPLY in seen["/api/v1/checkins"]
    assert ALICE_TODAY in seen["/api/v1/me/export"]
    assert ALICE_TODAY in seen["/me/export.json"]
    assert ALICE_TODAY in seen["/"]
    assert ALICE_YESTERDAY in seen["/history/"]
    assert BOB_YESTERDAY in seen["/history/"]


def test_after_alice_leaves_neither_sees_the_others_checkins_or_replies(world):
    alice = api_for(world.people["alice"])

    assert alice.delete("/api/v1/couple").status_code == 204

    alice_seen = bodies_of_every_get(world, "alice")
    bob_seen = bodies_of_every_get(world, "bob")
    for url, text in alice_seen.items():
        for marker in BOB_MARKERS:
            assert marker not in text, ("alice", url, marker)
    for url, text in bob_seen.items():
        for marker in ALICE_MARKERS:
            assert marker not in text, ("bob", url, marker)

    alice_yesterday = day_row(alice.get("/api/v1/checkins").json(), world.yesterday)
    assert alice_yesterday["partner"] is None
    assert alice_yesterday["partner_checked_in"] is False
    assert alice_yesterday["mine"]["replies"] == []
    assert (
        alice.post(
            f"/api/v1/checkins/{world.yesterday.isoformat()}/reply", {"text": "x"}
        ).status_code
        == 404
    )


def test_after_alice_leaves_each_still_exports_what_they_wrote(world):
    alice = api_for(world.people["alice"])
    bob = api_for(world.people["bob"])
    assert bob.delete("/api/v1/couple").status_code == 204

    alice_export = alice.get("/api/v1/me/export")
    bob_export = bob.get("/api/v1/me/export")

    assert alice_export.status_code == 200
    assert bob_export.status_code == 200
    alice_data, bob_data = alice_export.json(), bob_export.json()
    assert alice_data["couple"] is None
    assert sorted(c["good_thing"] for c in alice_data["checkins"]) == [
        f"{ALICE_TODAY} good",
        f"{ALICE_YESTERDAY} good",
    ]
    assert [r["text"] for r in alice_data["checkin_replies"]] == [ALICE_REPLY]
    assert [c["good_thing"] for c in bob_data["checkins"]] == [f"{BOB_YESTERDAY} good"]
    assert [r["text"] for r in bob_data["checkin_replies"]] == [BOB_REPLY]
    for marker in BOB_MARKERS:
        assert marker not in json.dumps(alice_data)
    for marker in ALICE_MARKERS:
        assert marker not in json.dumps(bob_data)

    page_export = page_client(world.people["bob"]).get("/me/export.json")
    assert page_export.status_code == 200
    assert BOB_YESTERDAY in page_export.content.decode()
    assert ALICE_YESTERDAY not in page_export.content.decode()
