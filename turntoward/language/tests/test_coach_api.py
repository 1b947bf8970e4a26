"""POST /api/v1/coach/i-statement: shape, errors, and nothing stored."""

from __future__ import annotations

import pytest
from django.apps import apps

from turntoward.testing import api_for

URL = "coach/i-statement"


def _counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


@pytest.mark.django_db
def test_it_works(alice) -> None:
    text = "You never listen to me."
    response = api_for(alice).post(URL, {"text": text})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"verdict", "findings", "suggestion"}
    assert body["verdict"] == "hurtful"
    assert body["suggestion"].startswith("I feel")
    kinds = {f["kind"] for f in body["findings"]}
    assert {"blame", "absolute"} <= kinds
    for finding in body["findings"]:
        assert set(finding) == {"kind", "start", "end", "explanation"}
        assert text[finding["start"] : finding["end"]]


@pytest.mark.django_db
def test_it_accepts_draft_as_another_name(alice) -> None:
    response = api_for(alice).post(URL, {"draft": "I feel tired and I need rest."})
    assert response.status_code == 200
    assert response.json()["verdict"] == "i_statement"
    assert response.json()["findings"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": 42}, {"text": None}, {"text": "x" * 5001}, {"other": "hi"}],
)
def test_it_rejects_bad_input(alice, body) -> None:
    response = api_for(alice).post(URL, body)
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.django_db
def test_it_rejects_a_body_that_is_not_json(alice) -> None:
    response = api_for(alice).post(URL, raw="{not json")
    assert response.status_code == 422


@pytest.mark.django_db
def test_it_requires_login() -> None:
    response = api_for(None).post(URL, {"text": "You never listen."})
    assert response.status_code == 401
    assert "detail" in response.json()


@pytest.mark.django_db
def test_it_rejects_get(alice) -> None:
    assert api_for(alice).get(URL).status_code == 405


@pytest.mark.django_db
def test_it_stores_nothing(alice) -> None:
    client = api_for(alice)
    before = _counts()
    assert client.post(URL, {"text": "You're so selfish, you never help."}).status_code == 200
    assert _counts() == before
