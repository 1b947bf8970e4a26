"""`me` over the API: sign-up, profile, time zone, export, deletion, and the API's own docs."""

from __future__ import annotations

import json
import re
import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone

from turntoward.accounts.models import User
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Invitation
from turntoward.testing import (
    PASSWORD,
    ApiClient,
    api_for,
    make_checkin,
    make_invitation,
    make_reply,
)


def signup(email: str, password: str = PASSWORD):
    return Client().post(
        "/_allauth/app/v1/auth/signup",
        data=json.dumps({"email": email, "password": password}),
        content_type="application/json",
    )


def local_today(zone: str):
    return datetime.now(zoneinfo.ZoneInfo(zone)).date()


# --- sign-up and who I am --------------------------------------------------------------


def test_signing_up_with_only_email_and_password_gives_a_token_that_works_at_me(db, settings):
    response = signup("newcomer@example.test")

    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    assert token

    me = ApiClient(token).get("me")
    assert me.status_code == 200
    data = me.json()
    assert data["email"] == "newcomer@example.test"
    assert data["name"] == ""
    assert data["display_name"] == "newcomer"
    assert data["time_zone"] == settings.DEFAULT_USER_TIME_ZONE
    assert data["country"] == settings.DEFAULT_USER_COUNTRY
    assert data["in_couple"] is False
    assert data["today"] == local_today(settings.DEFAULT_USER_TIME_ZONE).isoformat()
    assert User.objects.get(email="newcomer@example.test").check_password(PASSWORD)


def test_signing_up_twice_with_one_email_is_refused_and_creates_no_second_account(db):
    assert signup("twice@example.test").status_code == 200

    again = signup("twice@example.test")

    assert again.status_code == 400
    assert User.objects.filter(email="twice@example.test").count() == 1


def test_a_token_from_login_shows_me_who_i_am(alice, bob, couple):
    response = api_for(alice).get("me")

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == str(alice.public_id)
    assert data["email"] == "alice@example.test"
    assert data["name"] == "Alice"
    assert data["display_name"] == "Alice"
    assert data["time_zone"] == "Europe/London"
    assert data["country"] == "GB"
    assert data["today"] == alice.local_today().isoformat()
    assert data["in_couple"] is True
    assert datetime.fromisoformat(data["date_joined"]).utcoffset() is not None


def test_me_shows_times_with_my_own_offset(carol):
    data = api_for(carol).get("me").json()

    assert data["date_joined"].endswith("+05:30")


def test_the_session_token_cannot_be_replaced_by_a_login_cookie(alice):
    client = Client()
    client.force_login(alice)

    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert "detail" in response.json()


# --- changing my profile ---------------------------------------------------------------


def test_patching_my_name_changes_only_my_name(alice):
    response = api_for(alice).patch("me", {"name": "  Ally  "})

    assert response.status_code == 200
    assert response.json()["name"] == "Ally"
    assert response.json()["display_name"] == "Ally"
    alice.refresh_from_db()
    assert (alice.name, alice.time_zone, alice.country) == ("Ally", "Europe/London", "GB")


def test_patching_my_country_accepts_a_lowercase_code(alice):
    response = api_for(alice).patch("me", {"country": "in"})

    assert response.status_code == 200
    assert response.json()["country"] == "IN"
    alice.refresh_from_db()
    assert alice.country == "IN"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"time_zone": "Europe/Atlantis"}, "time_zone"),
        ({"time_zone": "london"}, "time_zone"),
        ({"country": "XX"}, "country"),
        ({"country": "UK"}, "country"),
    ],
)
def test_patching_an_unknown_time_zone_or_country_answers_422_naming_it(alice, body, field):
    response = api_for(alice).patch("me", body)

    assert response.status_code == 422
    data = response.json()
    assert list(data["fields"]) == [field]
    assert any(field in item["loc"] for item in data["detail"])
    alice.refresh_from_db()
    assert (alice.time_zone, alice.country) == ("Europe/London", "GB")


def test_changing_my_time_zone_changes_my_today(alice):
    client = api_for(alice)

    ahead = client.patch("me", {"time_zone": "Pacific/Kiritimati"})  # UTC+14
    behind_today = local_today("Pacific/Pago_Pago")  # UTC-11
    ahead_today = local_today("Pacific/Kiritimati")

    assert ahead.status_code == 200
    assert ahead.json()["time_zone"] == "Pacific/Kiritimati"
    assert ahead.json()["today"] == ahead_today.isoformat()
    assert ahead.json()["date_joined"].endswith("+14:00")

    behind = client.patch("me", {"time_zone": "Pacific/Pago_Pago"})
    assert behind.json()["today"] == behind_today.isoformat()
    assert behind_today < ahead_today  # 25 hours apart: never the same date


def test_my_check_in_without_a_day_is_for_today_where_i_now_am(alice):
    client = api_for(alice)
    assert client.patch("me", {"time_zone": "Pacific/Kiritimati"}).status_code == 200

    response = client.post(
        "checkins", {"mood": 3, "connection": 3, "good_thing": "Sun", "hard_thing": "Heat"}
    )

    assert response.status_code == 201
    assert response.json()["day"] == local_today("Pacific/Kiritimati").isoformat()
    assert response.json()["created_at"].endswith("+14:00")


def test_a_day_that_is_tomorrow_in_london_is_today_in_kiritimati(alice):
    kiritimati_today = local_today("Pacific/Kiritimati")
    client = api_for(alice)
    body = {
        "mood": 3,
        "connection": 3,
        "good_thing": "Sun",
        "hard_thing": "Heat",
        "day": kiritimati_today.isoformat(),
    }
    if kiritimati_today > alice.local_today():
        assert client.post("checkins", body).status_code == 422

    assert client.patch("me", {"time_zone": "Pacific/Kiritimati"}).status_code == 200

    assert client.post("checkins", body).status_code == 201


# --- export ----------------------------------------------------------------------------


def test_my_export_holds_only_what_i_wrote(alice, bob, couple):
    today = alice.local_today()
    mine = make_checkin(alice, today, good_thing="alice-only-good", need="alice-only-need")
    theirs = make_checkin(bob, today, good_thing="bob-only-good", hard_thing="bob-only-hard")
    make_reply(alice, theirs, "alice-reply-to-bob")
    make_reply(bob, mine, "bob-reply-to-alice")

    response = api_for(alice).get("me/export")

    assert response.status_code == 200
    data = response.json()
    assert data["format"] == "turntoward-export/1"
    assert data["profile"]["email"] == "alice@example.test"
    assert data["couple"] == {"id": str(couple.id), "started_on": couple.started_on.isoformat()}
    assert [c["good_thing"] for c in data["checkins"]] == ["alice-only-good"]
    assert data["checkins"][0]["need"] == "alice-only-need"
    assert data["checkins"][0]["id"] == str(mine.id)
    assert [r["text"] for r in data["checkin_replies"]] == ["alice-reply-to-bob"]
    assert data["checkin_replies"][0]["day"] == today.isoformat()
    text = response.content.decode()
    for secret in ("bob-only-good", "bob-only-hard", "bob-reply-to-alice", "bob@example.test"):
        assert secret not in text


def test_an_export_is_never_someone_elses(alice, dave):
    make_checkin(alice, good_thing="alice-only-good")

    response = api_for(dave).get("me/export")

    assert response.status_code == 200
    assert response.json()["profile"]["email"] == "dave@example.test"
    assert response.json()["checkins"] == []
    assert "alice" not in response.content.decode().lower()


# --- deleting my account ---------------------------------------------------------------


def test_deleting_me_with_a_wrong_password_answers_422_and_keeps_everything(alice, bob, couple):
    make_checkin(alice)
    client = api_for(alice)

    response = client.delete("me", {"password": "not-my-password"})

    assert response.status_code == 422
    assert list(response.json()["fields"]) == ["password"]
    assert User.objects.filter(pk=alice.pk).exists()
    assert CheckIn.objects.filter(author=alice).count() == 1
    assert client.get("me").status_code == 200
    assert api_for(bob).get("couple").status_code == 200


def test_deleting_me_without_a_body_answers_422_and_keeps_everything(alice):
    response = api_for(alice).delete("me")

    assert response.status_code == 422
    # With no body at all, naming the whole body is as precise as naming its one field.
    assert set(response.json()["fields"]) in ({"password"}, {"body"})
    assert User.objects.filter(pk=alice.pk).exists()


def test_deleting_me_removes_all_i_wrote_ends_the_couple_and_the_token(alice, bob, couple):
    today = alice.local_today()
    alice_checkin = make_checkin(alice, today)
    bob_checkin = make_checkin(bob, today, good_thing="bob keeps this")
    make_reply(alice, bob_checkin, "from alice")
    alice_client = api_for(alice)
    bob_client = api_for(bob)

    response = alice_client.delete("me", {"password": PASSWORD})

    assert response.status_code == 204
    assert response.content == b""
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not CheckIn.objects.filter(pk=alice_checkin.pk).exists()
    assert not CheckInReply.objects.filter(text="from alice").exists()

    gone = alice_client.get("me")
    assert gone.status_code == 401
    assert "detail" in gone.json()

    assert bob_client.get("couple").status_code == 404
    assert bob_client.get("me").json()["in_couple"] is False
    assert Couple.objects.get(pk=couple.pk).ended_at is not None
    assert [c["good_thing"] for c in bob_client.get("me/export").json()["checkins"]] == [
        "bob keeps this"
    ]
    login = Client().post(
        "/_allauth/app/v1/auth/login",
        data=json.dumps({"email": "alice@example.test", "password": PASSWORD}),
        content_type="application/json",
    )
    assert login.status_code == 400


def test_deleting_me_withdraws_my_open_invitations(carol):
    code = make_invitation(carol).code

    assert api_for(carol).delete("me", {"password": PASSWORD}).status_code == 204

    assert not Invitation.objects.filter(code=code).exists()


# --- the API documents itself ----------------------------------------------------------

ROUTES = {
    "/api/v1/me": {"get", "patch", "delete"},
    "/api/v1/me/export": {"get"},
    "/api/v1/couple": {"get", "delete"},
    "/api/v1/couple/invitations": {"get", "post"},
    "/api/v1/couple/invitations/{code}": {"delete"},
    "/api/v1/couple/join": {"post"},
    "/api/v1/checkins": {"get", "post"},
    "/api/v1/checkins/{day}": {"get"},
    "/api/v1/checkins/{day}/reply": {"post"},
}


def test_openapi_json_lists_every_route_with_its_methods(db):
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Turn Toward API"
    paths = {path: set(methods) for path, methods in schema["paths"].items()}
    # The foundation's routes, exactly; each practice's tests check their own.
    assert {p: m for p, m in paths.items() if p in ROUTES} == ROUTES
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert operation.get("summary"), (method, path)
            assert operation.get("security") == [{"SessionTokenAuth": []}], (method, path)
    scheme = schema["components"]["securitySchemes"]["SessionTokenAuth"]
    assert scheme == {"type": "apiKey", "in": "header", "name": "X-Session-Token"}


def test_openapi_json_documents_the_bodies_the_contract_fixes(db):
    schema = Client().get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]

    def body_of(path: str, method: str) -> dict:
        ref = schema["paths"][path][method]["requestBody"]["content"]["application/json"]
        return components[ref["schema"]["$ref"].rsplit("/", 1)[-1]]

    assert set(body_of("/api/v1/couple/join", "post")["properties"]) == {"code"}
    assert set(body_of("/api/v1/checkins/{day}/reply", "post")["properties"]) == {"text"}
    assert set(body_of("/api/v1/me", "delete")["properties"]) == {"password"}
    assert set(body_of("/api/v1/me", "patch")["properties"]) == {
        "name",
        "time_zone",
        "country",
        "discreet_mode",
    }


def test_the_docs_page_serves_html_whose_scripts_and_styles_are_local(db):
    response = Client().get("/api/v1/docs")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "/api/v1/openapi.json" in html
    assert "cdn" not in html.lower()
    sources = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", html)
    styles = re.findall(r"<link[^>]*\shref=\"([^\"]+)\"", html)
    assert sources, html
    for url in sources + styles:
        assert not re.match(r"^(https?:)?//", url), url
        assert url.startswith("/static/"), url
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a shipped static file"


def test_times_in_responses_carry_an_offset(alice):
    make_checkin(alice, created_at=timezone.now() - timedelta(hours=1))

    rows = api_for(alice).get("checkins").json()

    stamp = rows[0]["mine"]["created_at"]
    assert datetime.fromisoformat(stamp.replace("Z", "+00:00")).utcoffset() is not None
