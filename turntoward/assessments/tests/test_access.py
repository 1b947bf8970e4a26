# ruff: noqa: E501
"""Who may do what on every assessments route: one table, then the content behind it.

Results are private: Bob (Alice's partner), Dave (an outsider) and Carol (a counsellor
without consent) get 404 for every one of Alice's responses, by page and by API. Bob sees
a summary (score, band, date) only when Alice shares it, and never her answers or note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve

from turntoward.api.api import api
from turntoward.assessments import services
from turntoward.testing import api_for

from .conftest import ALICE_MARKERS, ALICE_NOTE

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}

FORM = {f"item-{n}": "1" for n in range(1, 19)}
JSON = {"answers": [1] * 18}
SHARE = {"shared": True}
CC = "connection-check"


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
    #     method    url                                                  own  par  out  cou  anon
    Route("GET",    "/assessments/",                                     200, 200, 200, 200, 302),
    Route("POST",   "/assessments/",                                     405, 405, 405, 405, 302),
    Route("GET",    "/assessments/shared/",                              200, 200, 200, 200, 302),
    Route("POST",   "/assessments/shared/",                              405, 405, 405, 405, 302),
    Route("GET",    f"/assessments/{CC}/",                               200, 200, 200, 200, 302),
    Route("GET",    "/assessments/no-such-thing/",                       404, 404, 404, 404, 302),
    Route("POST",   f"/assessments/{CC}/",                               302, 302, 302, 302, 302, FORM),
    Route("POST",   f"/assessments/{CC}/",                               422, 422, 422, 422, 302, {}),
    Route("PUT",    f"/assessments/{CC}/",                               405, 405, 405, 405, 302),
    Route("GET",    f"/assessments/{CC}/history/",                       200, 200, 200, 200, 302),
    Route("GET",    "/assessments/no-such-thing/history/",               404, 404, 404, 404, 302),
    Route("POST",   f"/assessments/{CC}/history/",                       405, 405, 405, 405, 302),
    Route("GET",    f"/assessments/{CC}/{{resp}}/",                      200, 404, 404, 404, 302),
    Route("GET",    "/assessments/phq-9/{resp}/",                        404, 404, 404, 404, 302),
    Route("GET",    f"/assessments/{CC}/{{missing}}/",                   404, 404, 404, 404, 302),
    Route("POST",   f"/assessments/{CC}/{{resp}}/",                      405, 405, 405, 405, 302),
    Route("POST",   f"/assessments/{CC}/{{resp}}/share/",                302, 404, 404, 404, 302, {"shared": "on"}),
    Route("POST",   "/assessments/phq-9/{resp}/share/",                  404, 404, 404, 404, 302, {"shared": "on"}),
    Route("GET",    f"/assessments/{CC}/{{resp}}/share/",                405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/assessments",                               200, 200, 200, 200, 401),
    Route("POST",   "/api/v1/assessments",                               405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/assessments/shared",                        200, 200, 200, 200, 401),
    Route("GET",    f"/api/v1/assessments/{CC}",                         200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/assessments/no-such-thing",                 404, 404, 404, 404, 401),
    Route("DELETE", f"/api/v1/assessments/{CC}",                         405, 405, 405, 405, 405),
    Route("POST",   f"/api/v1/assessments/{CC}/responses",               201, 201, 201, 201, 401, JSON),
    Route("POST",   f"/api/v1/assessments/{CC}/responses",               422, 422, 422, 422, 401, {"answers": [9]}),
    Route("GET",    f"/api/v1/assessments/{CC}/responses",               200, 200, 200, 200, 401),
    Route("GET",    f"/api/v1/assessments/{CC}/responses/{{resp}}",      200, 404, 404, 404, 401),
    Route("GET",    "/api/v1/assessments/phq-9/responses/{resp}",        404, 404, 404, 404, 401),
    Route("GET",    f"/api/v1/assessments/{CC}/responses/{{missing}}",   404, 404, 404, 404, 401),
    Route("GET",    f"/api/v1/assessments/{CC}/responses/not-a-uuid",    404, 404, 404, 404, 401),
    Route("PATCH",  f"/api/v1/assessments/{CC}/responses/{{resp}}",      200, 404, 404, 404, 401, SHARE),
    Route("DELETE", f"/api/v1/assessments/{CC}/responses/{{resp}}",      405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} {route.body or ''} as {role}")
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
def world(alice, bob, couple, carol, dave, alice_check) -> World:
    """Alice took the connection check with a private note; Bob took his own."""
    services.submit_response(bob, CC, [0] * 18, note="Bob's own note")
    return World(
        people={"alice": alice, "bob": bob, "carol": carol, "dave": dave},
        values={"resp": str(alice_check.pk), "missing": "00000000-0000-0000-0000-000000000000"},
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


def test_the_table_covers_every_assessments_route():
    """A new assessments page or endpoint without a row in ROUTES fails here."""
    covered_pages = set()
    covered_api = set()
    for route in ROUTES:
        path = route.url.split("?")[0].replace("{resp}", "00000000-0000-0000-0000-000000000001")
        path = path.replace("{missing}", "00000000-0000-0000-0000-000000000000")
        if path.startswith("/api/"):
            covered_api.add((route.method, resolve(path).route))
        else:
            covered_pages.add(resolve(path).view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "assessments":
            pages |= {f"assessments:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 6
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/assessments")
    }
    assert len(endpoints) == 7
    assert endpoints - covered_api == set()


# --- nothing of Alice's anywhere Bob looks, and only a summary when she shares ----------

GETS = [
    "/",
    "/practices/",
    "/assessments/",
    "/assessments/shared/",
    f"/assessments/{CC}/",
    f"/assessments/{CC}/history/",
    "/me/export.json",
    "/api/v1/assessments",
    "/api/v1/assessments/shared",
    f"/api/v1/assessments/{CC}/responses",
    "/api/v1/me/export",
]


def _everything(user: Any) -> str:
    pages, client = page_client(user), api_for(user)
    out = []
    for url in GETS:
        response = client.get(url) if url.startswith("/api/") else pages.get(url)
        assert response.status_code == 200, url
        out.append(response.content.decode())
    return "\n".join(out)


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_no_route_shows_alices_results(world, person):
    text = _everything(world.people[person])
    for marker in ALICE_MARKERS:
        assert marker not in text
    mine = api_for(world.people[person]).get(f"/api/v1/assessments/{CC}/responses").json()
    assert [r["note"] for r in mine] == (["Bob's own note"] if person == "bob" else [])
    assert api_for(world.people[person]).get("/api/v1/assessments/shared").json() == []


def test_a_shared_crisis_result_shows_bob_only_score_band_and_date(alice, bob, couple):
    note = "alice-note-plover very low this week"
    r = services.submit_response(alice, "phq-9", [1, 1, 1, 1, 1, 1, 1, 2, 1], note=note)
    assert r.crisis and r.score == 10
    bob_pages = page_client(bob)
    assert "PHQ-9" not in bob_pages.get("/assessments/shared/").content.decode()

    services.set_shared(alice, r, True)
    page = bob_pages.get("/assessments/shared/").content.decode()
    assert "PHQ-9" in page and ">10<" in page
    [summary] = api_for(bob).get("/api/v1/assessments/shared").json()
    assert set(summary) == {"id", "instrument", "score", "band", "band_label", "created_at"}
    shared_api = api_for(bob).get("/api/v1/assessments/shared").content.decode()
    for hidden in ("alice-note-plover", "crisis", "answers", 'class="risk-panel', "subscores"):
        assert hidden not in page + shared_api, hidden
    assert "alice-note-plover" not in _everything(bob)
    assert bob_pages.get(f"/assessments/phq-9/{r.pk}/").status_code == 404

    services.set_shared(alice, r, False)
    assert "PHQ-9" not in bob_pages.get("/assessments/shared/").content.decode()


def test_alice_sees_her_own_note_where_the_others_saw_nothing(world):
    alice = world.people["alice"]
    assert (
        ALICE_NOTE
        in page_client(alice).get(f"/assessments/{CC}/{world.values['resp']}/").content.decode()
    )
    assert ALICE_NOTE in api_for(alice).get(f"/api/v1/assessments/{CC}/responses").content.decode()
    assert ALICE_NOTE in api_for(alice).get("/api/v1/me/export").content.decode()
