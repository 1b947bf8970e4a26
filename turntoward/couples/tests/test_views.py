"""Pages to invite a partner, accept an invitation and leave a couple."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.test.html import Element, parse_html
from django.utils import timezone

from turntoward import privacy
from turntoward.couples.models import Couple, Invitation
from turntoward.testing import make_checkin, make_invitation

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


def html_of(response) -> str:
    return response.content.decode()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the couple page -----------------------------------------------------------


def test_on_my_own_the_couple_page_offers_an_invitation_and_a_code_box(alice):
    response = client_for(alice).get("/couple/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Invite your partner" in html
    assert "Create an invitation" in html
    assert "Invitation code" in field_box(html, "code")
    assert "Open invitations" not in html


def test_in_a_couple_the_couple_page_names_my_partner_and_how_to_leave(alice, couple):
    html = html_of(client_for(alice).get("/couple/"))
    assert "You practise together with Bob" in html
    assert 'href="/couple/leave/"' in html
    assert "Create an invitation" not in html


# --- inviting ------------------------------------------------------------------


def test_inviting_creates_one_invitation_with_a_code_and_a_link(alice):
    client = client_for(alice)
    response = client.post("/couple/invite/")
    assert response.status_code == 302
    assert response["Location"] == "/couple/"
    invitation = Invitation.objects.get(inviter=alice)
    assert invitation.state == Invitation.State.OPEN

    html = html_of(client.get("/couple/"))
    assert "Your invitation is ready." in html
    assert invitation.code in html
    assert f'value="http://testserver/couple/join/{invitation.code}/"' in html
    assert "Create another invitation" in html


def test_someone_in_a_couple_cannot_invite_another_person(alice, couple):
    response = client_for(alice).post("/couple/invite/", follow=True)
    assert "You are already in a couple." in html_of(response)
    assert not Invitation.objects.exists()


def test_withdrawing_an_invitation_stops_its_code(alice):
    invitation = make_invitation(alice)
    client = client_for(alice)
    response = client.post(f"/couple/invitations/{invitation.code}/revoke/", follow=True)
    html = html_of(response)
    assert "The invitation is withdrawn; its code no longer works." in html
    assert invitation.code not in html
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.REVOKED


def test_someone_else_cannot_withdraw_alices_invitation(alice, dave):
    invitation = make_invitation(alice)
    response = client_for(dave).post(f"/couple/invitations/{invitation.code}/revoke/")
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.OPEN


# --- joining by code ---------------------------------------------------------------


def test_a_typed_code_leads_to_the_join_page_whatever_its_case_and_dashes(alice, erin):
    invitation = make_invitation(alice)
    typed = f"{invitation.code[:4].lower()}-{invitation.code[4:].lower()}"
    response = client_for(erin).post("/couple/join/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/couple/join/{invitation.code}/"


def test_an_unknown_code_is_explained_next_to_the_code_box_and_kept(erin):
    response = client_for(erin).post("/couple/join/", {"code": "NOPE2345"})
    assert response.status_code == 200
    html = html_of(response)
    assert "We could not find that invitation code." in field_box(html, "code")
    assert input_value(html, "code") == "NOPE2345"


def test_an_empty_code_is_explained_next_to_the_code_box(erin):
    html = html_of(client_for(erin).post("/couple/join/", {"code": ""}))
    assert "This field is required." in field_box(html, "code")


def test_my_own_code_is_explained_next_to_the_code_box(alice):
    invitation = make_invitation(alice)
    html = html_of(client_for(alice).post("/couple/join/", {"code": invitation.code}))
    assert "This is your own invitation" in field_box(html, "code")


def test_the_join_form_page_works(erin):
    response = client_for(erin).get("/couple/join/")
    assert response.status_code == 200
    assert "Invitation code" in field_box(html_of(response), "code")


# --- the join link -----------------------------------------------------------------


def test_the_join_link_offers_sign_up_and_log_in_that_come_back_here(client, alice):
    invitation = make_invitation(alice)
    response = client.get(f"/couple/join/{invitation.code}/")
    assert response.status_code == 200
    html = html_of(response)
    assert "You're invited to Turn Toward" in html
    next_param = f"next=/couple/join/{invitation.code}/"
    assert f'href="/accounts/signup/?{next_param}"' in html
    assert f'href="/accounts/login/?{next_param}"' in html
    # A stranger holding the link learns nothing about who sent it.
    assert "Alice" not in html


def test_signing_up_through_the_join_link_comes_back_to_it(client, alice):
    invitation = make_invitation(alice)
    join_path = f"/couple/join/{invitation.code}/"
    response = client.post(
        f"/accounts/signup/?next={join_path}",
        {
            "email": "erin.new@example.test",
            "password1": "a-long-test-password-42",
            "next": join_path,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == join_path
    assert "Alice invited you to practise together" in html_of(client.get(join_path))


def test_the_join_link_shows_who_invited_me(alice, erin):
    invitation = make_invitation(alice)
    html = html_of(client_for(erin).get(f"/couple/join/{invitation.code}/"))
    assert "Alice invited you to practise together" in html
    assert "Join Alice" in html


def test_joining_forms_the_couple(alice, erin):
    invitation = make_invitation(alice)
    client = client_for(erin)
    response = client.post(f"/couple/join/{invitation.code}/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert privacy.partner_of(erin) == alice
    assert privacy.partner_of(alice) == erin
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert "You and Alice are now practising together." in html_of(client.get("/"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"revoked_at": timezone.now()}, "This invitation was withdrawn."),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "This invitation has expired."),
    ],
    ids=["withdrawn", "expired"],
)
def test_a_dead_invitation_cannot_be_joined(alice, erin, change, message):
    invitation = make_invitation(alice, **change)
    client = client_for(erin)
    assert message in html_of(client.get(f"/couple/join/{invitation.code}/"))
    html = html_of(client.post(f"/couple/join/{invitation.code}/"))
    assert message in html
    assert privacy.couple_of(erin) is None


def test_a_used_invitation_cannot_be_joined_again(alice, erin, dave):
    invitation = make_invitation(alice)
    client_for(erin).post(f"/couple/join/{invitation.code}/")
    html = html_of(client_for(dave).post(f"/couple/join/{invitation.code}/"))
    assert "This invitation has already been used." in html
    assert privacy.partner_of(alice) == erin


def test_someone_in_a_couple_cannot_join_another(alice, bob, couple, erin):
    invitation = make_invitation(erin)
    html = html_of(client_for(bob).post(f"/couple/join/{invitation.code}/"))
    assert "You are already in a couple." in html
    assert privacy.partner_of(bob) == alice


def test_an_unknown_join_link_says_so(erin):
    html = html_of(client_for(erin).get("/couple/join/NOPE2345/"))
    assert "We could not find that invitation code." in html
    assert "invited you to practise together" not in html
    assert "Go to your couple page" in html


# --- leaving -------------------------------------------------------------------------


def test_leaving_asks_first_and_names_my_partner(alice, couple):
    response = client_for(alice).get("/couple/leave/")
    assert response.status_code == 200
    html = html_of(response)
    assert "Leave the couple?" in html
    assert "You and Bob will no longer see each other" in html
    assert "Yes, leave" in html
    couple.refresh_from_db()
    assert couple.ended_at is None


def test_leaving_ends_the_couple_without_the_partners_agreement(alice, bob, couple):
    make_checkin(alice, good_thing="Alice private words")
    make_checkin(bob)
    client = client_for(alice)
    response = client.post("/couple/leave/", follow=True)
    html = html_of(response)
    assert response.redirect_chain == [("/couple/", 302)]
    assert "You have left the couple." in html
    assert "Invite your partner" in html
    couple.refresh_from_db()
    assert couple.ended_at is not None
    assert privacy.partner_of(bob) is None
    # Bob no longer sees what Alice wrote, even for a day they both answered.
    assert "Alice private words" not in html_of(client_for(bob).get("/history/"))


def test_leaving_when_not_in_a_couple_goes_back_to_the_couple_page(alice):
    response = client_for(alice).get("/couple/leave/")
    assert response.status_code == 302
    assert response["Location"] == "/couple/"
    assert not Couple.objects.exists()


# --- access ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/couple/"),
        ("post", "/couple/invite/"),
        ("post", "/couple/invitations/ABCD2345/revoke/"),
        ("get", "/couple/join/"),
        ("get", "/couple/leave/"),
        ("post", "/couple/leave/"),
    ],
)
def test_anonymous_people_are_sent_to_log_in(client, db, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


def test_an_anonymous_post_to_a_join_link_forms_no_couple(client, alice):
    invitation = make_invitation(alice)
    response = client.post(f"/couple/join/{invitation.code}/")
    assert "Create an account" in html_of(response)
    assert not Couple.objects.exists()


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/couple/"),
        ("get", "/couple/invite/"),
        ("get", "/couple/invitations/ABCD2345/revoke/"),
        ("put", "/couple/join/"),
        ("put", "/couple/join/ABCD2345/"),
        ("delete", "/couple/leave/"),
    ],
)
def test_it_rejects_the_wrong_method(alice, method, url):
    assert getattr(client_for(alice), method)(url).status_code == 405
