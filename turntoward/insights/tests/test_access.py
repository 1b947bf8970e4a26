"""Who may do what on every insights route: one table, then what each person sees.

Insights are never about an object in a URL: every signed-in person gets their own. The
table checks that Bob, Dave and Carol each get a page or a PDF about themselves, and
nothing of Alice's private things (her measures) or of Bob's unrevealed check-ins.
"""

from __future__ import annotations

import io
import re
from typing import Any, NamedTuple

import pytest
from django.test import Client
from django.urls import get_resolver, resolve
from pypdf import PdfReader

from turntoward.api.api import api
from turntoward.testing import api_for

from .conftest import ALICE_PHQ_BAND, BOB_PHQ_BAND

ROLES = ("owner", "partner", "outsider", "counsellor", "anonymous")
PERSON_OF_ROLE = {"owner": "alice", "partner": "bob", "outsider": "dave", "counsellor": "carol"}


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
    #     method    url                                      own  par  out  cou  anon
    Route("GET",    "/insights/",                            200, 200, 200, 200, 302),
    Route("GET",    "/insights/?period=all",                 200, 200, 200, 200, 302),
    Route("GET",    "/insights/?period=bad",                 200, 200, 200, 200, 302),
    Route("POST",   "/insights/",                            405, 405, 405, 405, 302),
    Route("GET",    "/insights/report/",                     200, 200, 200, 200, 302),
    Route("POST",   "/insights/report/",                     405, 405, 405, 405, 302),
    # Bob took PHQ-9 himself; Dave and Carol have no such measure to tick.
    Route("GET",    "/insights/report/pdf/?period=4w&include=phq-9", 200, 200, 422, 422, 302),
    Route("GET",    "/insights/report/pdf/?period=1y",       200, 200, 200, 200, 302),
    Route("POST",   "/insights/report/pdf/",                 405, 405, 405, 405, 302),
    # --- API
    Route("GET",    "/api/v1/insights",                      200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/insights?period=3m",            200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/insights?period=9m",            422, 422, 422, 422, 401),
    Route("POST",   "/api/v1/insights",                      405, 405, 405, 405, 405),
    Route("GET",    "/api/v1/report?period=4w&include=phq-9", 200, 200, 200, 200, 401),
    Route("GET",    "/api/v1/report?include=journal",        422, 422, 422, 422, 401),
    Route("DELETE", "/api/v1/report",                        405, 405, 405, 405, 405),
]
# fmt: on

TABLE = [
    pytest.param(role, route, id=f"{route.method} {route.url} as {role}")
    for route in ROUTES
    for role in ROLES
]


def page_client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def body_text(response) -> str:
    if response.get("Content-Type") == "application/pdf":
        reader = PdfReader(io.BytesIO(response.content))
        return "\n".join(page.extract_text() for page in reader.pages)
    return response.content.decode()


@pytest.mark.parametrize(("role", "route"), TABLE)
def test_every_role_gets_the_status_the_privacy_table_gives(story, carol, dave, role, route):
    from turntoward.accounts.models import User

    people = {u.name.lower(): u for u in User.objects.all()}
    user = people.get(PERSON_OF_ROLE.get(role, ""))
    expected = getattr(route, role)

    if route.url.startswith("/api/"):
        response = api_for(user).request(route.method, route.url)
    else:
        response = page_client(user).generic(route.method, route.url)

    assert response.status_code == expected, (role, route, response.content[:300])
    if route.url.startswith("/api/") and expected >= 400:
        assert response.json()["detail"]
    if expected == 302:
        assert response["Location"].startswith("/accounts/login/")
    if expected == 405:
        assert route.method not in response["Allow"]
    text = body_text(response)
    if role != "owner":
        assert ALICE_PHQ_BAND not in text
    for marker in ("bob-secret-12", "bob-secret-20"):
        assert marker not in text
    if role != "partner":
        assert BOB_PHQ_BAND not in text


def test_the_table_covers_every_insights_route():
    """A new insights page or endpoint without a row in ROUTES fails here."""
    covered_pages, covered_api = set(), set()
    for route in ROUTES:
        path = route.url.split("?")[0]
        if path.startswith("/api/"):
            covered_api.add((route.method, resolve(path).route))
        else:
            covered_pages.add(resolve(path).view_name)

    pages = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "insights":
            pages |= {f"insights:{p.name}" for p in pattern.url_patterns}
    assert len(pages) == 3
    assert pages - covered_pages == set()

    endpoints = {
        (method.upper(), re.sub(r"{(\w+)}", r"<\1>", path).lstrip("/"))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if path.startswith(("/api/v1/insights", "/api/v1/report"))
    }
    assert len(endpoints) == 2
    assert endpoints - covered_api == set()


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_nobody_else_sees_alices_measures_anywhere(story, carol, dave, person):
    from turntoward.accounts.models import User

    user = User.objects.get(name=person.capitalize())
    pages, client = page_client(user), api_for(user)
    for url in ("/insights/?period=all", "/insights/report/", "/insights/report/pdf/?period=all"):
        text = body_text(pages.get(url))
        assert ALICE_PHQ_BAND not in text and "bob-secret" not in text
    data = client.get("/api/v1/insights?period=all").json()
    assert all(m["points"][0]["band"] != ALICE_PHQ_BAND for m in data["measures"])
    if person != "bob":
        assert data["partner_summaries"] == []
        assert data["measures"] == []
    else:
        # Alice shared nothing with Bob: he sees his own measures only.
        assert [m["slug"] for m in data["measures"]] == ["csi-4", "phq-9"]
        assert data["partner_summaries"] == []


def test_my_report_never_holds_my_partners_unrevealed_days_or_private_measures(story, alice):
    client = page_client(alice)
    text = body_text(client.get("/insights/report/pdf/?period=all&include=csi-4&include=phq-9"))

    assert "bob-secret" not in text
    assert BOB_PHQ_BAND not in text
    assert "PHQ-9" in text  # mine, ticked
