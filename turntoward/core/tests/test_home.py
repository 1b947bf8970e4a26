"""Home, and what every page shares: the quick exit and labelled form fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.test.html import Element, parse_html

from turntoward.testing import make_checkin, make_invitation, make_reply, make_user

EXIT_URL = "https://exit.example.test/weather"


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


NOT_FIELDS = {"hidden", "submit", "button", "image", "reset"}


def unlabelled_fields(html: str) -> list[str]:
    """Form controls with no <label> of their own (by for= or by being inside one)."""
    nodes = list(_walk(parse_html(html)))
    labelled = {_attr(el, "for") for el, _ in nodes if el.name == "label"}
    missing = []
    for element, ancestors in nodes:
        if element.name not in {"input", "select", "textarea"}:
            continue
        if element.name == "input" and _attr(element, "type") in NOT_FIELDS:
            continue
        inside_label = any(a.name == "label" for a in ancestors)
        if not inside_label and (not _attr(element, "id") or _attr(element, "id") not in labelled):
            missing.append(f"{element.name} name={_attr(element, 'name')!r}")
    return missing


def broken_descriptions(html: str) -> list[str]:
    """aria-describedby references that point at no element on the page."""
    nodes = [el for el, _ in _walk(parse_html(html))]
    ids = {_attr(el, "id") for el in nodes}
    return [
        f"{_attr(el, 'name') or el.name} -> {ref}"
        for el in nodes
        for ref in _attr(el, "aria-describedby").split()
        if ref not in ids
    ]


def quick_exit_links(html: str) -> list[Element]:
    return [el for el, _ in _walk(parse_html(html)) if _attr(el, "id") == "quick-exit"]


def html_of(response) -> str:
    return response.content.decode()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- home for someone not logged in ----------------------------------------------


def test_the_landing_page_invites_people_to_sign_up_or_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Small daily ways back to each other" in html
    assert 'href="/accounts/signup/"' in html
    assert 'href="/accounts/login/"' in html
    assert "not therapy" in html
    assert 'aria-label="Main"' not in html
    assert "Log out" not in html


# --- home on my own -------------------------------------------------------------------


def test_on_my_own_home_greets_me_and_offers_to_invite_my_partner(alice):
    response = client_for(alice).get("/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Hello, Alice" in html
    assert "Today's check-in is waiting" in html
    assert "Practising on your own" in html
    assert "Invite your partner" in html
    assert "You checked in on 0 days of the last seven." in html


def test_on_my_own_home_mentions_my_waiting_invitation(alice):
    make_invitation(alice)
    html = html_of(client_for(alice).get("/"))
    assert "Your invitation is waiting for your partner." in html
    assert "Invite your partner" not in html


def test_on_my_own_home_counts_my_days_this_week(alice):
    today = alice.local_today()
    for back in (0, 2, 6, 7):
        make_checkin(alice, today - timedelta(days=back))
    html = html_of(client_for(alice).get("/"))
    assert "You checked in on 3 days of the last seven." in html
    assert "Thank you for checking in" in html


def test_without_a_name_home_greets_me_by_my_email_name(db):
    frank = make_user("Frank")
    frank.name = ""
    frank.save()
    assert "Hello, frank" in html_of(client_for(frank).get("/"))


# --- home in a couple ------------------------------------------------------------------


def test_in_a_couple_home_invites_the_days_checkin(alice, couple):
    html = html_of(client_for(alice).get("/"))
    assert "Today's check-in is waiting" in html
    assert 'href="/checkin/"' in html
    assert "On 0 days of the last seven you both checked in." in html
    assert "Practising on your own" not in html


def test_bob_is_told_alice_checked_in_but_not_what_she_wrote(alice, bob, couple):
    make_checkin(alice, good_thing="Alice secret good thing", hard_thing="Alice hard bit")
    html = html_of(client_for(bob).get("/"))
    assert "Alice has checked in today" in html
    assert "Check in too and you'll see each other's answers." in html
    assert "Alice secret good thing" not in html
    assert "Alice hard bit" not in html


def test_alice_waiting_for_bob_sees_only_her_own_answers(alice, bob, couple):
    make_checkin(alice, good_thing="Alice good thing")
    html = html_of(client_for(alice).get("/"))
    assert "Bob hasn't checked in yet today." in html
    assert "Alice good thing" in html
    assert "Reply to Bob" not in html


def test_once_both_checked_in_each_sees_the_other_and_can_reply(alice, bob, couple):
    make_checkin(alice, good_thing="Alice good thing")
    make_checkin(bob, good_thing="Bob good thing")
    html = html_of(client_for(alice).get("/"))
    assert "You both checked in today" in html
    assert "Alice good thing" in html
    assert "Bob good thing" in html
    assert "Reply to Bob" in html
    assert '<input type="hidden" name="next" value="home">' in html
    assert "On 1 day of the last seven you both checked in." in html


def test_my_partners_reply_shows_under_my_checkin(alice, bob, couple):
    alices = make_checkin(alice)
    make_checkin(bob)
    make_reply(bob, alices, "So glad you had that walk")
    html = html_of(client_for(alice).get("/"))
    assert "Bob replied" in html
    assert "So glad you had that walk" in html


def test_the_week_counts_only_days_we_both_checked_in(alice, bob, couple):
    today = alice.local_today()
    for back in (0, 3):
        make_checkin(alice, today - timedelta(days=back))
        make_checkin(bob, today - timedelta(days=back))
    make_checkin(alice, today - timedelta(days=1))
    make_checkin(bob, today - timedelta(days=2))
    make_checkin(alice, today - timedelta(days=8))
    make_checkin(bob, today - timedelta(days=8))
    html = html_of(client_for(alice).get("/"))
    assert "On 2 days of the last seven you both checked in." in html


def test_an_outsider_home_shows_nothing_of_alice(alice, couple, dave):
    make_checkin(alice, good_thing="Alice good thing")
    html = html_of(client_for(dave).get("/"))
    assert "Hello, Dave" in html
    assert "Alice" not in html


def test_home_rejects_post(alice):
    assert client_for(alice).post("/").status_code == 405


def test_pages_for_a_signed_in_person_are_never_cached(alice):
    assert "no-store" in client_for(alice).get("/")["Cache-Control"]


# --- what every page shares --------------------------------------------------------------


@dataclass
class Cast:
    alice: object
    erin: object
    carol: object
    erins_code: str


@pytest.fixture
def cast(alice, bob, couple, carol, erin, settings) -> Cast:
    """Alice and Bob both checked in today (so reply forms show); Erin has an open invitation."""
    settings.QUICK_EXIT_URL = EXIT_URL
    make_checkin(alice)
    make_checkin(bob)
    return Cast(alice=alice, erin=erin, carol=carol, erins_code=make_invitation(erin).code)


PAGES = [
    ("anonymous", "/"),
    ("anonymous", "/accounts/login/"),
    ("anonymous", "/accounts/signup/"),
    ("anonymous", "/accounts/password/reset/"),
    ("anonymous", "/couple/join/{code}/"),
    ("alice", "/"),
    ("alice", "/checkin/"),
    ("alice", "/checkin/?edit=1"),
    ("alice", "/history/"),
    ("alice", "/couple/"),
    ("alice", "/couple/leave/"),
    ("alice", "/me/"),
    ("alice", "/me/delete/"),
    ("alice", "/accounts/password/change/"),
    ("alice", "/accounts/email/"),
    ("alice", "/accounts/2fa/"),
    ("alice", "/accounts/logout/"),
    ("erin", "/"),
    ("erin", "/checkin/"),
    ("erin", "/couple/"),
    ("erin", "/couple/join/"),
    ("carol", "/couple/join/{code}/"),
]


def get_page(cast: Cast, who: str, url: str):
    client = Client() if who == "anonymous" else client_for(getattr(cast, who))
    response = client.get(url.format(code=cast.erins_code))
    assert response.status_code == 200, (who, url, response.status_code)
    return html_of(response)


@pytest.mark.parametrize(("who", "url"), PAGES, ids=[f"{w}:{u}" for w, u in PAGES])
def test_every_page_has_the_quick_exit_link(cast, who, url):
    links = quick_exit_links(get_page(cast, who, url))
    assert len(links) == 1
    assert _attr(links[0], "href") == EXIT_URL
    assert _attr(links[0], "data-exit-url") == EXIT_URL
    assert _text(links[0]).strip() == "Quick exit"


@pytest.mark.parametrize(("who", "url"), PAGES, ids=[f"{w}:{u}" for w, u in PAGES])
def test_every_form_field_has_a_label(cast, who, url):
    assert unlabelled_fields(get_page(cast, who, url)) == []


def test_every_field_description_points_at_text_on_the_page(cast):
    problems = {}
    for who, url in PAGES:
        broken = broken_descriptions(get_page(cast, who, url))
        if broken:
            problems[f"{who} {url}"] = broken
    assert not problems, "\n".join(f"{page}: {', '.join(refs)}" for page, refs in problems.items())


def test_the_check_in_form_with_errors_still_labels_every_field(cast):
    response = client_for(cast.erin).post("/checkin/", {"mood": "9", "good_thing": "Kept"})
    assert unlabelled_fields(html_of(response)) == []


def test_a_page_not_found_still_has_the_quick_exit(cast):
    response = client_for(cast.alice).get("/no-such-page/")
    assert response.status_code == 404
    links = quick_exit_links(html_of(response))
    assert [_attr(link, "href") for link in links] == [EXIT_URL]


def test_a_hidden_object_answers_404_with_the_quick_exit(cast, dave):
    day = cast.alice.local_today().isoformat()
    response = client_for(dave).post(f"/checkin/{day}/reply/", {"text": "Hi"})
    assert response.status_code == 404
    assert [_attr(link, "href") for link in quick_exit_links(html_of(response))] == [EXIT_URL]
