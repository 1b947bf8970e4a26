"""The account page: profile, export and deletion."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.test.html import Element, parse_html

from turntoward import privacy
from turntoward.accounts.models import User
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Invitation
from turntoward.testing import PASSWORD, make_checkin, make_invitation, make_reply

# --- helpers ---------------------------------------------------------------


def _walk(node: Element, ancestors: tuple[Element, ...] = ()):
    for child in node.children:
        if isinstance(child, Element):
            yield child, ancestors
            yield from _walk(child, (*ancestors, child))


def _text(node: Element) -> str:
    return " ".join(c if isinstance(c, str) else _text(c) for c in node.children)


def _attr(element: Element, name: str) -> str:
    return dict(element.attributes).get(name) or ""


def field_box(html: str, name: str) -> str:
    """The text of the div.field around the control `name`."""
    for element, ancestors in _walk(parse_html(html)):
        if element.name in {"input", "textarea", "select"} and _attr(element, "name") == name:
            for outer in reversed(ancestors):
                if outer.name == "div" and "field" in _attr(outer, "class").split():
                    return _text(outer)
    raise AssertionError(f"no field named {name!r} on the page")


def input_value(html: str, name: str) -> str:
    for element, _ancestors in _walk(parse_html(html)):
        if element.name == "input" and _attr(element, "name") == name:
            return _attr(element, "value")
    raise AssertionError(f"no input named {name!r} on the page")


def selected_value(html: str, name: str) -> str | None:
    for element, _ancestors in _walk(parse_html(html)):
        if element.name == "select" and _attr(element, "name") == name:
            for option, _ in _walk(element):
                if option.name == "option" and "selected" in dict(option.attributes):
                    return _attr(option, "value")
            return None
    raise AssertionError(f"no select named {name!r} on the page")


def html_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def alice_client(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


# --- profile ---------------------------------------------------------------------


def test_the_account_page_shows_my_profile_and_my_data_choices(alice_client):
    response = alice_client.get("/me/")
    assert response.status_code == 200
    html = html_of(response)
    assert "alice@example.test" in html
    assert input_value(html, "name") == "Alice"
    assert selected_value(html, "time_zone") == "Europe/London"
    assert selected_value(html, "country") == "GB"
    assert 'href="/me/export.json"' in html
    assert 'href="/me/delete/"' in html
    assert "Two-factor authentication" in html


def test_it_saves_my_profile(alice_client, alice):
    response = alice_client.post(
        "/me/", {"name": "Ally", "time_zone": "Asia/Kolkata", "country": "IN"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/me/"
    alice.refresh_from_db()
    assert (alice.name, alice.time_zone, str(alice.country)) == ("Ally", "Asia/Kolkata", "IN")
    assert "Your profile is saved." in html_of(alice_client.get("/me/"))


def test_a_bad_time_zone_is_refused_next_to_it_and_my_typed_name_is_kept(alice_client, alice):
    response = alice_client.post(
        "/me/", {"name": "Ally", "time_zone": "Mars/Olympus_Mons", "country": "GB"}
    )
    assert response.status_code == 200
    html = html_of(response)
    assert "Select a valid choice" in field_box(html, "time_zone")
    assert "Select a valid choice" not in field_box(html, "name")
    assert input_value(html, "name") == "Ally"
    assert selected_value(html, "country") == "GB"
    alice.refresh_from_db()
    assert (alice.name, alice.time_zone) == ("Alice", "Europe/London")


def test_a_bad_country_is_refused_next_to_it(alice_client, alice):
    html = html_of(
        alice_client.post("/me/", {"name": "Ally", "time_zone": "Europe/London", "country": "ZZ"})
    )
    assert "Select a valid choice" in field_box(html, "country")
    assert input_value(html, "name") == "Ally"
    alice.refresh_from_db()
    assert alice.name == "Alice"


def test_a_too_long_name_is_refused_and_kept(alice_client, alice):
    name = "A" * 81
    html = html_of(alice_client.post("/me/", {"name": name, "time_zone": "Europe/London"}))
    assert "at most 80 characters" in field_box(html, "name")
    assert input_value(html, "name") == name
    alice.refresh_from_db()
    assert alice.name == "Alice"


# --- export -------------------------------------------------------------------------


def test_export_downloads_only_what_i_wrote_as_a_json_file(alice_client, alice, bob, couple):
    alices = make_checkin(alice, good_thing="Alice's own good thing")
    bobs = make_checkin(bob, good_thing="Bob's own good thing", hard_thing="Bob's hard thing")
    make_reply(alice, bobs, "Alice's reply to Bob")
    make_reply(bob, alices, "Bob's reply to Alice")
    make_invitation(alice)

    response = alice_client.get("/me/export.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="turntoward-export-')
    assert disposition.endswith('.json"')

    body = response.content.decode()
    data = json.loads(body)
    assert data["profile"]["email"] == "alice@example.test"
    assert [c["good_thing"] for c in data["checkins"]] == ["Alice's own good thing"]
    assert [r["text"] for r in data["checkin_replies"]] == ["Alice's reply to Bob"]
    assert len(data["invitations"]) == 1
    for not_hers in (
        "Bob's own good thing",
        "Bob's hard thing",
        "Bob's reply to Alice",
        "bob@example.test",
    ):
        assert not_hers not in body


# --- deletion ------------------------------------------------------------------------


def test_the_delete_page_asks_for_my_password(alice_client):
    response = alice_client.get("/me/delete/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Delete your account?" in html
    assert "Your password, to confirm" in field_box(html, "password")
    assert 'href="/me/export.json"' in html


def test_a_wrong_password_deletes_nothing_and_says_so_next_to_the_field(alice_client, alice):
    make_checkin(alice)
    response = alice_client.post("/me/delete/", {"password": "not-my-password"})
    assert response.status_code == 200
    html = html_of(response)
    assert "That password is not right." in field_box(html, "password")
    # The password itself is never echoed back into the page.
    assert "not-my-password" not in html
    assert User.objects.filter(pk=alice.pk).exists()
    assert CheckIn.objects.filter(author=alice).exists()
    assert alice_client.get("/me/").status_code == 200


def test_an_empty_password_deletes_nothing(alice_client, alice):
    html = html_of(alice_client.post("/me/delete/", {"password": ""}))
    assert "This field is required." in field_box(html, "password")
    assert User.objects.filter(pk=alice.pk).exists()


def test_the_right_password_deletes_me_and_all_i_wrote_and_logs_me_out(
    alice_client, alice, bob, couple
):
    alices = make_checkin(alice, good_thing="Alice's words")
    bobs = make_checkin(bob, good_thing="Bob's words")
    make_reply(alice, bobs, "Alice's reply")
    make_invitation(alice)

    response = alice_client.post("/me/delete/", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    html = html_of(response)
    assert "Your account and everything you wrote are deleted." in html
    assert "Create an account" in html  # the public landing page: logged out

    assert not User.objects.filter(pk=alice.pk).exists()
    assert not CheckIn.objects.filter(pk=alices.pk).exists()
    assert not CheckInReply.objects.exists()
    assert not Invitation.objects.exists()
    # Bob keeps what he wrote, and is no longer in a couple.
    assert CheckIn.objects.filter(pk=bobs.pk).exists()
    assert privacy.couple_of(bob) is None

    after = alice_client.get("/me/")
    assert after.status_code == 302
    assert after["Location"].startswith("/accounts/login/")


# --- access ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/me/", "/me/export.json", "/me/delete/"])
def test_anonymous_people_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


@pytest.mark.parametrize(
    ("method", "url"),
    [("put", "/me/"), ("post", "/me/export.json"), ("delete", "/me/delete/")],
)
def test_it_rejects_the_wrong_method(alice_client, method, url):
    assert getattr(alice_client, method)(url).status_code == 405


def test_an_anonymous_delete_post_deletes_nobody(client, alice):
    response = client.post("/me/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert User.objects.filter(pk=alice.pk).exists()
