"""No trace of risk, anywhere but in the writer's own view.

Alice writes distinctive risky words into every private practice through the pages (so she
sees the panel), takes the safety screen with worrying answers (so her couple features
pause). Then Bob (her partner), Dave, Carol and anonymous visitors walk every page of the URL
resolver and every GET of the OpenAPI schema (the pattern of
turntoward/core/tests/test_privacy_sweep.py). None finds her words, a help line, the panel's
wording, her answers or the pause; and Bob's view is the same, word for word, as in a control
world where Alice wrote ordinary words and took no screen.
"""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from django.test import Client

from turntoward.accounts.models import User
from turntoward.core.tests.test_privacy_sweep import _api_gets, _page_gets
from turntoward.curiosity.models import ServedQuestion
from turntoward.safety import services
from turntoward.safety.screening import screen_text
from turntoward.testing import PASSWORD, api_for, make_couple

from .conftest import PANEL_TITLE, TRACES

RISKY = {
    "journal": "mk-jr-quartz: lately I keep thinking about ending it all",
    "checkin": "mk-ci-garnet: he shoved me against the wall during the row",
    "weekly": "mk-wk-basalt: I am afraid of what he will do when he gets home",
    "reflection": "mk-rf-onyx: she checks my phone and takes my money",
    "repair": "mk-rp-jasper: I want to kill myself, I can't go on",
    "coach": "mk-co-agate: he hit me again and I am scared",
}
CALM = {key: f"mk-calm-{key}: an ordinary evening with tea" for key in RISKY}
WORRYING = {q["slug"]: "no" for q in services.questions()} | {"afraid": "yes", "hurt": "sometimes"}


def _write_everything(alice, texts: dict[str, str], *, screen: bool) -> list[str]:
    """Alice writes through the pages; returns what she saw after each save."""
    client = Client()
    client.force_login(alice)
    seen = []

    def post(url, data):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200, (url, response.content[:300])
        seen.append(response.content.decode())

    post("/journal/new/", {"body": texts["journal"], "title": "", "prompt": ""})
    post(
        "/checkin/",
        {"mood": "2", "connection": "2", "good_thing": "Tea", "hard_thing": texts["checkin"]},
    )
    post(
        "/weekly/",
        {"appreciations": "Dinner", "went_well": "Sunday", "concern": texts["weekly"]},
    )
    post("/reflections/new/", {"noticed": texts["reflection"]})
    post("/repairs/new/", {"hurt": texts["repair"]})
    post("/coach/", {"text": texts["coach"]})
    if screen:
        post("/safety/", WORRYING)
    return seen


def _visible(body: str) -> str:
    """The text a person would read (or the JSON), with ids, emails and times evened out."""
    body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", body)
    body = re.sub(r"(?s)<[^>]+>", " ", body)
    body = htmllib.unescape(body)
    body = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>", body)
    body = re.sub(r"[\w.+-]+@[\w.-]+", "<email>", body)
    body = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)?", "<time>", body)
    body = re.sub(r"\b\d{1,2}:\d\d\b", "<hh:mm>", body)
    body = re.sub(r'"id":\s*\d+', '"id": <n>', body)
    body = re.sub(r"[A-Za-z0-9_-]{24,}", "<token>", body)  # calendar and invitation tokens
    return " ".join(body.split())


def _walk(person) -> dict[str, str]:
    api_client = api_for(person)
    client = Client()
    if person is not None:
        client.force_login(person)
    seen = {path: _text(api_client.get(path)) for path in _api_gets()}
    seen |= {path: _text(client.get(path)) for path in _page_gets()}
    return seen


def _text(response) -> str:
    """A response as text; binary files (a PDF report, an image) by their type and size."""
    try:
        return response.content.decode()
    except UnicodeDecodeError:
        return f"<{response.get('Content-Type')}: {response.status_code}>"


@pytest.fixture
def risky_world(alice, bob, couple, dave, carol):
    seen = _write_everything(alice, RISKY, screen=True)
    return {
        "alice": alice,
        "bob": bob,
        "dave": dave,
        "carol": carol,
        "couple": couple,
        "alice_saw": seen,
    }


def test_alice_saw_the_panel_after_each_risky_save_and_is_paused(risky_world):
    saw = risky_world["alice_saw"]
    for page in saw[:-1]:
        assert PANEL_TITLE in page
    assert "Support for you" in saw[-1]
    assert services.couple_paused(risky_world["alice"])
    for text in RISKY.values():
        assert screen_text(risky_world["alice"], text), text


@pytest.mark.parametrize("who", ["bob", "dave", "carol", None])
def test_nobody_else_finds_any_trace(risky_world, who):
    seen = _walk(risky_world[who] if who else None)
    blob = json.dumps(seen, ensure_ascii=False)
    for text in RISKY.values():
        assert text.split(":")[0] not in blob, text
    for trace in TRACES:
        # Everyone's own /safety/ pages carry general help; what is there is compared with
        # a control world below.
        hits = [
            path for path, body in seen.items() if trace in body and not path.startswith("/safety/")
        ]
        assert not hits, (trace, hits)
    # Her answers: they have answered nothing, so nothing is ticked and nothing returned.
    assert '"afraid": "yes"' not in blob and '"hurt": "sometimes"' not in blob
    assert "checked" not in seen["/safety/"]
    if who is not None:
        assert json.loads(seen["/api/v1/safety/screen"])["answers"] is None


def test_bobs_view_is_the_same_as_in_a_world_where_alice_wrote_calmly(risky_world, db):
    bob_view = {path: _visible(body) for path, body in _walk(risky_world["bob"]).items()}

    # The control: another Alice and Bob (same names, zones and country) in their own couple;
    # Alice writes ordinary words through the same pages and takes no screen.
    alice2 = User.objects.create_user(
        email="alice2@example.test",
        password=PASSWORD,
        name="Alice",
        time_zone="Europe/London",
        country="GB",
    )
    bob2 = User.objects.create_user(
        email="bob2@example.test",
        password=PASSWORD,
        name="Bob",
        time_zone="Europe/London",
        country="GB",
    )
    couple2 = make_couple(alice2, bob2)
    _write_everything(alice2, CALM, screen=False)
    # The question of the day is drawn at random per couple: give both couples the same.
    for served in ServedQuestion.objects.filter(couple=risky_world["couple"]):
        ServedQuestion.objects.update_or_create(
            couple=couple2, day=served.day, defaults={"question": served.question}
        )
    control = {path: _visible(body) for path, body in _walk(bob2).items()}

    assert bob_view.keys() == control.keys()
    differ = sorted(path for path in bob_view if bob_view[path] != control[path])
    assert not differ, [(p, _diff(bob_view[p], control[p])) for p in differ]


def _diff(a: str, b: str) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"...{a[max(0, at - 80) : at + 80]!r} != {b[max(0, at - 80) : at + 80]!r}"
