"""A sweep across every practice: what Alice writes reaches only whom the privacy table allows.

Alice writes a distinctive marker into every practice through the public API. Then Bob (her
partner, who has answered nothing yet), Dave (another couple), Carol (a counsellor without
consent) and anonymous visitors read every page and every GET endpoint that takes no
parameters. Markers of private or not-yet-revealed writing must never appear for anyone but
Alice; markers of writing shared by nature ("both" in PRODUCT.md) may reach Bob, never Dave or
Carol.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from turntoward.api.api import api
from turntoward.testing import api_for

PRIVATE = {
    "checkin": "mk-checkin-otter",
    "answer": "mk-answer-quince",
    "weekly": "mk-weekly-larch",
    "journal": "mk-journal-wren",
    "selfcare": "mk-selfcare-moss",
    "reflection": "mk-reflection-fjord",
    "repair": "mk-repair-ember",
    "boundary": "mk-boundary-slate",
}
SHARED = {
    "bid": "mk-bid-heron",
    "appreciation": "mk-appreciation-plum",
    "goal": "mk-goal-cedar",
    "plan": "mk-plan-tide",
    "kindness": "mk-kindness-dune",
}


def _ok(response, status=(200, 201)):
    assert response.status_code in status, (response.status_code, response.content[:500])
    return response.json()


@pytest.fixture
def written(alice, bob, couple, dave, carol):
    a = api_for(alice)
    _ok(
        a.post(
            "checkins",
            {"mood": 3, "connection": 3, "good_thing": PRIVATE["checkin"], "hard_thing": "x"},
        )
    )
    today = _ok(a.get("questions/today"))
    slug = today.get("slug") or today["question"]["slug"]
    _ok(a.post(f"questions/{slug}/answer", {"text": PRIVATE["answer"]}))
    _ok(a.post("weekly-checkins", {"appreciations": PRIVATE["weekly"], "went_well": "y"}))
    _ok(a.post("journal", {"body": PRIVATE["journal"]}))
    item = _ok(
        a.post(
            "self-care/items", {"title": "Walk", "note": PRIVATE["selfcare"], "frequency": "daily"}
        )
    )
    _ok(a.post("self-care/log", {"item": str(item["id"]), "note": PRIVATE["selfcare"]}))
    _ok(a.post("reflections", {"noticed": PRIVATE["reflection"]}))
    _ok(a.post("repairs", {"hurt": PRIVATE["repair"]}))
    _ok(a.post("boundaries", {"statement": PRIVATE["boundary"]}))
    _ok(a.post("bids", {"description": SHARED["bid"], "kind": "attention", "by": "me"}))
    _ok(a.post("appreciations", {"text": SHARED["appreciation"]}))
    _ok(a.post("goals", {"title": SHARED["goal"]}))
    idea = _ok(a.get("activities"))[0]
    starts = (timezone.now() + timedelta(days=2)).isoformat()
    _ok(
        a.post(
            "activities/plans", {"idea": idea["slug"], "starts_at": starts, "note": SHARED["plan"]}
        )
    )
    kindness = _ok(a.get("kindness"))[0]
    _ok(a.post("kindness/acts", {"idea": kindness["slug"], "note": SHARED["kindness"]}))
    return {"alice": alice, "bob": bob, "dave": dave, "carol": carol}


def _api_gets() -> list[str]:
    return sorted(
        path
        for path, methods in api.get_openapi_schema()["paths"].items()
        if "get" in methods and "{" not in path
    )


def _page_gets() -> list[str]:
    found = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if str(p.pattern).startswith(("admin", "_allauth", "api", "accounts")):
                    continue
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and "<" not in str(p.pattern):
                found.append("/" + prefix + str(p.pattern))

    walk(get_resolver().url_patterns)
    return sorted(set(found))


def _everything_seen_by(person) -> str:
    api_client = api_for(person) if person else api_for(None)
    client = Client()
    if person:
        client.force_login(person)
    # The report is a PDF (its own tests read its text); the rest is JSON.
    seen = [api_client.get(path).content.decode(errors="replace") for path in _api_gets()]
    seen += [client.get(path).content.decode() for path in _page_gets()]
    return json.dumps(seen, ensure_ascii=False)


def test_the_sweep_reaches_every_practice():
    pages, endpoints = _page_gets(), _api_gets()
    for page in ("/journal/", "/self-care/", "/bids/", "/questions/", "/weekly/", "/goals/"):
        assert page in pages
    assert "/api/v1/journal" in endpoints and "/api/v1/me/export" in endpoints


def test_alice_sees_everything_she_wrote(written):
    seen = _everything_seen_by(written["alice"])
    for marker in [*PRIVATE.values(), *SHARED.values()]:
        assert marker in seen, marker


def test_her_partner_sees_only_what_is_shared_by_nature(written):
    seen = _everything_seen_by(written["bob"])
    for name, marker in PRIVATE.items():
        assert marker not in seen, name
    for name, marker in SHARED.items():
        assert marker in seen, name


@pytest.mark.parametrize("who", ["dave", "carol", None])
def test_outsiders_counsellors_and_strangers_see_nothing_of_hers(written, who):
    seen = _everything_seen_by(written[who] if who else None)
    for marker in [*PRIVATE.values(), *SHARED.values()]:
        assert marker not in seen, marker
