"""The coach page at /coach/ and its live-feedback partial."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.fixture
def client_alice(client, alice):
    client.force_login(alice)
    return client


@pytest.mark.django_db
def test_it_works(client_alice) -> None:
    response = client_alice.get("/coach/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_text"' in html
    assert 'hx-post="/coach/check/"' in html
    assert 'hx-trigger="input changed delay:400ms' in html
    assert 'aria-live="polite"' in html


@pytest.mark.django_db
def test_it_redirects_anonymous_people_to_log_in(client) -> None:
    for method, url in (("get", "/coach/"), ("post", "/coach/check/")):
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_the_partial_highlights_findings(client_alice) -> None:
    response = client_alice.post(
        "/coach/check/", {"text": "You never listen to me."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<mark class="coach-mark blame"' in html
    assert "<html" not in html
    assert "I feel" in html
    assert "data-coach-use" in html
    assert "likely to hurt" in html


@pytest.mark.django_db
def test_the_partial_is_calm_about_kind_words(client_alice) -> None:
    response = client_alice.post("/coach/check/", {"text": "I always love our Sunday walks."})
    html = response.content.decode()
    assert "<mark" not in html
    assert "reads kindly" in html


@pytest.mark.django_db
def test_the_partial_answers_an_empty_draft(client_alice) -> None:
    response = client_alice.post("/coach/check/", {"text": ""})
    assert response.status_code == 200
    assert "Start typing" in response.content.decode()


@pytest.mark.django_db
def test_the_page_keeps_the_draft_and_shows_feedback(client_alice) -> None:
    response = client_alice.post("/coach/", {"text": "Why don't you ever help?"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Why don&#x27;t you ever help?</textarea>" in html
    assert "coach-mark why_question" in html


@pytest.mark.django_db
def test_it_keeps_what_was_typed_when_too_long(client_alice) -> None:
    response = client_alice.post("/coach/", {"text": "a" * 5001})
    assert response.status_code == 422
    assert "a" * 5001 in response.content.decode()


@pytest.mark.django_db
def test_the_check_rejects_get(client_alice) -> None:
    assert client_alice.get("/coach/check/").status_code == 405


@pytest.mark.django_db
def test_it_stores_nothing(client_alice) -> None:
    from django.apps import apps

    before = {m._meta.label: m.objects.count() for m in apps.get_models()}
    client_alice.post("/coach/check/", {"text": "You're so selfish."})
    client_alice.post("/coach/", {"text": "You're so selfish."})
    after = {m._meta.label: m.objects.count() for m in apps.get_models()}
    assert after == before
