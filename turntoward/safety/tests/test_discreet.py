"""Discreet mode: a neutral tab name and icon on every page, neutral account-email subjects."""

from __future__ import annotations

from .conftest import client_for


def test_the_profile_form_turns_it_on_and_every_page_has_a_neutral_tab(alice):
    client = client_for(alice)
    html = client.get("/me/").content.decode()
    assert "Discreet mode" in html
    assert "<title>Account · Turn Toward</title>" in html
    response = client.post(
        "/me/",
        {"name": "Alice", "time_zone": "UTC", "country": "GB", "discreet_mode": "on"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.discreet_mode
    for url in ("/", "/journal/", "/me/", "/safety/", "/coach/"):
        html = client.get(url).content.decode()
        assert "<title>Notes</title>" in html, url
        assert "safety/notes" in html and "turntoward/icon.svg" not in html, url
    client.post("/me/", {"name": "Alice", "time_zone": "UTC", "country": "GB"})
    alice.refresh_from_db()
    assert not alice.discreet_mode


def test_the_partner_tab_is_unchanged(alice, bob, couple):
    alice.discreet_mode = True
    alice.save()
    assert "Turn Toward</title>" in client_for(bob).get("/").content.decode()


def test_account_email_subjects_are_neutral_in_discreet_mode(alice, client, smtp_server):
    client.post("/accounts/password/reset/", {"email": alice.email})
    assert smtp_server.received.wait(5)
    normal = str(smtp_server.messages[-1]["Subject"])
    assert "Turn Toward" in normal or "assword" in normal
    smtp_server.received.clear()
    alice.discreet_mode = True
    alice.save()
    client.post("/accounts/password/reset/", {"email": alice.email})
    assert smtp_server.received.wait(5)
    subject = str(smtp_server.messages[-1]["Subject"])
    assert subject == "A message about your account", (normal, subject)
    assert "reset" not in subject.lower() and "Turn Toward" not in subject
