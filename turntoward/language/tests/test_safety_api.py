"""`POST /api/v1/safety/check`: shape, help lines by country, nothing stored, errors."""

from __future__ import annotations

from django.apps import apps

from turntoward.testing import api_for, make_user

URL = "safety/check"


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_no_risk_answers_no_categories_but_still_the_help_lines(alice):
    response = api_for(alice).post(URL, {"text": "We had a lovely walk by the river."})
    assert response.status_code == 200
    data = response.json()
    assert data["risk"] == []
    names = [line["name"] for line in data["help"]]
    assert "Samaritans" in names  # alice is in GB
    assert {line["country"] for line in data["help"]} == {"GB"}


def test_risk_answers_categories_and_help_lines_for_my_country(alice):
    response = api_for(alice).post(URL, {"text": "I don't want to be here anymore."})
    assert response.status_code == 200
    data = response.json()
    assert data["risk"] == ["self_harm"]
    first = data["help"][0]
    assert first["name"] == "Samaritans"  # alice is in GB
    assert set(first) == {"name", "number", "text", "url", "for", "hours", "country", "reviewed"}
    assert first["for"] == ["crisis"]
    assert first["reviewed"] == "2026-11-22"


def test_categories_come_in_the_fixed_order(alice):
    response = api_for(alice).post(URL, {"text": "He checks my phone. I'm scared of him."})
    assert response.json()["risk"] == ["fear_of_partner", "coercive_control"]
    assert response.json()["help"][0]["for"] == ["domestic_abuse"]


def test_help_lines_follow_the_callers_country(db):
    indian = make_user("Priya", country="IN")
    american = make_user("Sam", country="US")
    text = {"text": "He hit me last night."}
    assert api_for(indian).post(URL, text).json()["help"][0]["number"] == "181"
    assert api_for(american).post(URL, text).json()["help"][0]["number"] == "1-800-799-7233"


def test_a_country_without_lines_gets_the_international_fallback(db):
    french = make_user("Camille", country="FR")
    data = api_for(french).post(URL, {"text": "I want to die."}).json()
    assert data["risk"] == ["self_harm"]
    assert data["help"][0]["url"] == "https://findahelpline.com"
    assert data["help"][0]["country"] == "*"


def test_nothing_is_stored(alice, bob, couple):
    client = api_for(alice)
    before = row_counts()
    for text in ["I want to die.", "He hit me.", "A calm day."]:
        assert client.post(URL, {"text": text}).status_code == 200
    assert row_counts() == before


def test_anonymous_callers_get_401(db):
    response = api_for(None).post(URL, {"text": "I want to die."})
    assert response.status_code == 401


def test_other_methods_get_405(alice):
    assert api_for(alice).get(URL).status_code == 405


def test_bad_input_gets_422(alice):
    client = api_for(alice)
    assert client.post(URL, {}).status_code == 422
    assert client.post(URL, {"text": 5}).status_code == 422
    assert client.post(URL, {"text": None}).status_code == 422
    assert client.post(URL, {"text": "x" * 10_001}).status_code == 422
    assert client.post(URL, {"text": "fine", "extra": 1}).status_code == 422
    assert client.post(URL, raw="{not json").status_code == 422
    response = client.post(URL, {"text": 5})
    assert "text" in response.json()["fields"]


def test_the_longest_allowed_text_is_accepted(alice):
    assert api_for(alice).post(URL, {"text": "calm " * 2000}).status_code == 200
