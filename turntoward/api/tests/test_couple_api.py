"""`couple` over the API: invitations, joining, leaving."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from turntoward.couples.models import CODE_ALPHABET, CODE_LENGTH, Couple, Invitation, Membership
from turntoward.testing import api_for, make_checkin, make_couple, make_invitation, make_user


def invite(person) -> str:
    response = api_for(person).post("couple/invitations")
    assert response.status_code == 201, response.content
    return response.json()["code"]


# --- invitations -----------------------------------------------------------------------


def test_creating_an_invitation_answers_201_with_code_url_and_expiry(carol, settings):
    before = timezone.now()

    response = api_for(carol).post("couple/invitations")

    assert response.status_code == 201
    data = response.json()
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", data["code"])
    assert data["url"] == f"http://testserver/couple/join/{data['code']}/"
    assert data["state"] == "open"
    expires_at = datetime.fromisoformat(data["expires_at"])
    assert expires_at.utcoffset() == timedelta(hours=5, minutes=30)  # Carol's own offset
    valid = timedelta(days=settings.INVITATION_VALID_DAYS)
    assert before + valid <= expires_at <= timezone.now() + valid
    invitation = Invitation.objects.get(code=data["code"])
    assert invitation.inviter == carol


def test_the_invitation_url_opens_the_join_page(carol, erin):
    url = api_for(carol).post("couple/invitations").json()["url"]
    from django.test import Client

    client = Client()
    client.force_login(erin)

    response = client.get(url.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert "Carol" in response.content.decode()


def test_i_see_only_my_own_invitations_newest_first_with_their_state(carol, erin):
    first = invite(carol)
    second = invite(carol)
    make_invitation(erin)
    assert api_for(carol).delete(f"couple/invitations/{first}").status_code == 204

    response = api_for(carol).get("couple/invitations")

    assert response.status_code == 200
    assert [(i["code"], i["state"]) for i in response.json()] == [
        (second, "open"),
        (first, "revoked"),
    ]


def test_i_have_no_invitations_until_i_create_one(carol):
    response = api_for(carol).get("couple/invitations")

    assert response.status_code == 200
    assert response.json() == []


def test_creating_an_invitation_while_in_a_couple_answers_409(alice, couple):
    response = api_for(alice).post("couple/invitations")

    assert response.status_code == 409
    assert response.json()["code"] == "already_in_couple"
    assert not Invitation.objects.filter(inviter=alice).exists()


def test_revoking_my_invitation_answers_204_and_the_code_stops_working(carol, erin):
    code = invite(carol)

    response = api_for(carol).delete(f"couple/invitations/{code}")

    assert response.status_code == 204
    assert response.content == b""
    assert Invitation.objects.get(code=code).state == "revoked"
    join = api_for(erin).post("couple/join", {"code": code})
    assert join.status_code == 410
    assert join.json()["code"] == "revoked"
    assert not Membership.objects.filter(user=erin).exists()


def test_revoking_someone_elses_invitation_answers_404_and_keeps_it_open(carol, erin):
    code = invite(carol)

    response = api_for(erin).delete(f"couple/invitations/{code}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert Invitation.objects.get(code=code).state == "open"


# --- joining ---------------------------------------------------------------------------


def test_joining_answers_201_and_forms_a_couple_both_can_see(carol, erin):
    code = invite(carol)

    response = api_for(erin).post("couple/join", {"code": code})

    assert response.status_code == 201
    data = response.json()
    assert data["partner"]["name"] == "Carol"
    assert data["id"]
    couple = Couple.objects.get(pk=data["id"])
    assert set(couple.memberships.values_list("user__name", flat=True)) == {"Carol", "Erin"}

    carols_view = api_for(carol).get("couple")
    assert carols_view.status_code == 200
    assert carols_view.json()["id"] == data["id"]
    assert carols_view.json()["partner"]["name"] == "Erin"
    assert api_for(carol).get("me").json()["in_couple"] is True

    invitations = api_for(carol).get("couple/invitations").json()
    assert [(i["code"], i["state"]) for i in invitations] == [(code, "accepted")]


def test_joining_accepts_a_code_typed_in_lowercase_with_spaces_and_dashes(carol, erin):
    code = invite(carol)
    typed = f" {code[:4].lower()}-{code[4:].lower()} "

    response = api_for(erin).post("couple/join", {"code": typed})

    assert response.status_code == 201
    assert response.json()["partner"]["name"] == "Carol"


def test_joining_withdraws_the_other_open_invitations_of_both(carol, erin):
    carols_other = make_invitation(carol).code
    erins_own = invite(erin)
    code = invite(carol)

    assert api_for(erin).post("couple/join", {"code": code}).status_code == 201

    assert Invitation.objects.get(code=carols_other).state == "revoked"
    assert Invitation.objects.get(code=erins_own).state == "revoked"


def test_the_couple_starts_on_the_earlier_of_the_two_local_days(carol, erin):
    code = invite(carol)  # Asia/Kolkata, ahead of Erin's UTC or level with it

    data = api_for(erin).post("couple/join", {"code": code}).json()

    assert data["started_on"] == min(carol.local_today(), erin.local_today()).isoformat()


@pytest.mark.parametrize(
    ("make_state", "status", "code"),
    [
        ("used", 410, "used"),
        ("revoked", 410, "revoked"),
        ("expired", 410, "expired"),
    ],
)
def test_joining_with_a_spent_code_answers_410(carol, erin, make_state, status, code):
    invitation = make_invitation(carol)
    now = timezone.now()
    if make_state == "used":
        other = make_user("Frank")
        assert api_for(other).post("couple/join", {"code": invitation.code}).status_code == 201
        assert api_for(other).delete("couple").status_code == 204
    elif make_state == "revoked":
        invitation.revoked_at = now
        invitation.save()
    else:
        invitation.expires_at = now - timedelta(minutes=1)
        invitation.save()

    response = api_for(erin).post("couple/join", {"code": invitation.code})

    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Membership.objects.filter(user=erin).exists()


def test_joining_with_an_unknown_code_answers_404(erin):
    response = api_for(erin).post("couple/join", {"code": "QQQQQQQQ"})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not Couple.objects.exists()


def test_joining_my_own_invitation_answers_409(carol):
    code = invite(carol)

    response = api_for(carol).post("couple/join", {"code": code})

    assert response.status_code == 409
    assert response.json()["code"] == "own_invitation"
    assert Invitation.objects.get(code=code).state == "open"
    assert not Couple.objects.exists()


def test_joining_while_already_in_a_couple_answers_409(alice, couple, carol):
    code = invite(carol)

    response = api_for(alice).post("couple/join", {"code": code})

    assert response.status_code == 409
    assert response.json()["code"] == "already_in_couple"
    assert Invitation.objects.get(code=code).state == "open"
    assert Couple.objects.count() == 1


def test_joining_someone_who_paired_up_meanwhile_answers_409(carol, erin):
    code = invite(carol)
    make_couple(carol, make_user("Gus"))

    response = api_for(erin).post("couple/join", {"code": code})

    assert response.status_code == 409
    assert response.json()["code"] == "inviter_taken"


# --- my couple and leaving it -----------------------------------------------------------


def test_my_couple_answers_404_when_i_practise_alone(carol):
    response = api_for(carol).get("couple")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_my_couple_shows_my_partner_and_when_we_began(alice, bob, couple):
    response = api_for(alice).get("couple")

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == str(couple.id)
    assert data["started_on"] == couple.started_on.isoformat()
    assert data["partner"]["name"] == "Bob"
    assert datetime.fromisoformat(data["partner"]["joined_at"]).utcoffset() is not None
    assert "email" not in str(data)


def test_leaving_answers_204_then_my_couple_is_404_for_both(alice, bob, couple):
    alice_client, bob_client = api_for(alice), api_for(bob)

    response = alice_client.delete("couple")

    assert response.status_code == 204
    assert response.content == b""
    assert alice_client.get("couple").status_code == 404
    assert bob_client.get("couple").status_code == 404
    assert bob_client.get("me").json()["in_couple"] is False
    assert Couple.objects.get(pk=couple.pk).ended_at is not None
    assert alice_client.delete("couple").status_code == 404


def test_either_partner_may_leave_alone_and_then_invite_someone_new(alice, bob, couple, erin):
    assert api_for(bob).delete("couple").status_code == 204

    code = invite(alice)
    response = api_for(erin).post("couple/join", {"code": code})

    assert response.status_code == 201
    assert api_for(alice).get("couple").json()["partner"]["name"] == "Erin"
    assert api_for(bob).get("couple").status_code == 404


def test_leaving_keeps_what_each_wrote(alice, bob, couple):
    make_checkin(alice, good_thing="alice wrote this")
    make_checkin(bob, good_thing="bob wrote this")

    assert api_for(alice).delete("couple").status_code == 204

    alice_export = api_for(alice).get("me/export").json()
    bob_export = api_for(bob).get("me/export").json()
    assert [c["good_thing"] for c in alice_export["checkins"]] == ["alice wrote this"]
    assert [c["good_thing"] for c in bob_export["checkins"]] == ["bob wrote this"]
