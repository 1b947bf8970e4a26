"""The Find help page and the counsellors API: active listings only, working filters."""

from __future__ import annotations

import pytest
from django.test import Client

from turntoward.findhelp.models import CounsellingPractice, Counsellor
from turntoward.findhelp.services import find_counsellors, load_demo_counsellors
from turntoward.testing import api_for

DEMO = {
    "demo-ada-okafor",
    "demo-tom-reyes",
    "demo-meera-iyer",
    "demo-sam-lindqvist",
}


@pytest.fixture
def listings(db):
    load_demo_counsellors()
    Counsellor.objects.create(
        slug="hidden-helen",
        name="Hidden Helen (fictional)",
        cities="Pune",
        languages="Hindi",
        online=True,
        is_active=False,
    )
    closed = CounsellingPractice.objects.create(slug="closed", name="Closed", is_active=False)
    Counsellor.objects.create(
        slug="closed-carl",
        name="Closed Carl (fictional)",
        practice=closed,
        cities="Pune",
        languages="Hindi",
        online=True,
    )


def slugs(found) -> set[str]:
    return {c.slug for c in found}


def page(query: str = "", user=None) -> str:
    client = Client()
    if user:
        client.force_login(user)
    response = client.get(f"/help/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_loading_the_demo_listings_twice_changes_nothing(db):
    assert load_demo_counsellors() == 4
    assert load_demo_counsellors() == 4
    assert Counsellor.objects.count() == 4
    assert CounsellingPractice.objects.count() == 2
    for c in Counsellor.objects.all():
        assert "(fictional)" in c.name
        assert not c.email or c.email.endswith("example.org")


def test_only_active_listings_in_active_practices_are_shown(listings, alice):
    assert slugs(find_counsellors()) == DEMO
    html = page(user=alice)
    assert "Ada Okafor (fictional)" in html
    assert "Hidden Helen" not in html and "Closed Carl" not in html
    names = [c["name"] for c in api_for(alice).get("/api/v1/counsellors").json()]
    assert len(names) == 4 and "Hidden Helen (fictional)" not in names


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"city": "pune"}, {"demo-meera-iyer"}),
        ({"city": "London"}, {"demo-ada-okafor", "demo-tom-reyes"}),
        ({"city": "Pun"}, set()),  # a whole city, not part of a name
        ({"language": "spanish"}, {"demo-tom-reyes"}),
        ({"mode": "in_person"}, DEMO - {"demo-sam-lindqvist"}),
        ({"mode": "online"}, DEMO),
        ({"city": "London", "language": "Yoruba"}, {"demo-ada-okafor"}),
    ],
)
def test_the_filters_narrow_the_listings(listings, filters, expected):
    assert slugs(find_counsellors(**filters)) == expected


def test_the_page_filters_with_a_plain_get_form(listings):
    html = page("?city=Pune&language=&mode=")
    assert "Meera Iyer (fictional)" in html
    assert "Ada Okafor" not in html
    assert "1 counsellor listed." in html
    assert 'option value="Pune" selected' in html

    html = page("?language=Swedish&mode=in_person")
    assert "No counsellor listed here matches all of that." in html


def test_an_unknown_city_is_an_error_next_to_the_field(listings):
    html = page("?city=Atlantis")
    assert 'id="id_city_error"' in html
    assert "Ada Okafor" not in html


def test_the_page_shows_how_to_request_and_how_to_choose(listings):
    html = page()
    assert "How to request a session" in html
    assert 'href="https://harbour-light.example.org/book"' in html
    assert 'href="mailto:tom@harbour-light.example.org"' in html
    assert "How to choose a counsellor" in html
    assert "Training and licence" in html
    assert "individual" in html.lower()


def test_an_empty_instance_still_guides_people(db):
    html = page()
    assert "No counsellors are listed on this instance yet." in html
    assert "How to choose a counsellor" in html


def test_the_counsellors_api_filters_and_shapes(listings, alice):
    client = api_for(alice)
    body = client.get("/api/v1/counsellors?city=Pune").json()
    assert [c["name"] for c in body] == ["Meera Iyer (fictional)"]
    meera = body[0]
    assert meera["cities"] == ["Pune", "Mumbai"]
    assert meera["languages"] == ["English", "Hindi", "Marathi"]
    assert meera["online"] and meera["in_person"]
    assert meera["practice"]["name"] == "The Banyan Room (fictional)"
    assert meera["booking_url"].startswith("https://banyan-room.example.org")

    sam = client.get("/api/v1/counsellors?language=swedish").json()[0]
    assert sam["practice"] is None and sam["in_person"] is False

    bad = client.get("/api/v1/counsellors?mode=teleport")
    assert bad.status_code == 422
    assert "mode" in bad.json()["fields"]


def test_the_signals_api_gives_why_and_when_it_clears(alice):
    from .conftest import assessment

    assessment(alice, "phq-9", 12)
    body = api_for(alice).get("/api/v1/signals").json()
    assert body[0]["key"] == "wellbeing_low"
    assert "PHQ-9 12" in body[0]["why"]
    assert body[0]["clears_when"] and body[0]["suggestion"]
    assert body[0]["help_url"] == "/help/"
    assert body[0]["since"] is None


def test_the_admin_pages_load_for_a_superuser(listings, django_user_model):
    admin = django_user_model.objects.create_superuser(email="root@example.test", password="x")
    client = Client()
    client.force_login(admin)
    practice = CounsellingPractice.objects.get(slug="demo-harbour-light")
    counsellor = Counsellor.objects.get(slug="demo-ada-okafor")
    for url in (
        "/admin/findhelp/",
        "/admin/findhelp/counsellingpractice/",
        "/admin/findhelp/counsellingpractice/add/",
        f"/admin/findhelp/counsellingpractice/{practice.pk}/change/",
        "/admin/findhelp/counsellor/",
        "/admin/findhelp/counsellor/?q=Pune&online__exact=1",
        "/admin/findhelp/counsellor/add/",
        f"/admin/findhelp/counsellor/{counsellor.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/findhelp/signalstate/").status_code == 404  # never browsable
