"""Accounts through allauth: sign-up, login limits, reset email, two-factor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings as django_settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from turntoward.accounts.models import User
from turntoward.testing import PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def _post(client: Client, url: str, data: dict):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_api_signup_needs_only_email_and_password(db):
    response = _post(
        Client(),
        "/_allauth/app/v1/auth/signup",
        {"email": "new@example.test", "password": PASSWORD},
    )
    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    me = Client().get("/api/v1/me", HTTP_X_SESSION_TOKEN=token).json()
    assert me["email"] == "new@example.test"
    assert me["time_zone"] == django_settings.DEFAULT_USER_TIME_ZONE


def test_api_signup_takes_time_zone_and_country(db):
    response = _post(
        Client(),
        "/_allauth/app/v1/auth/signup",
        {
            "email": "kolkata@example.test",
            "password": PASSWORD,
            "time_zone": "Asia/Kolkata",
            "country": "IN",
            "name": "Asha",
        },
    )
    assert response.status_code == 200, response.content
    user = User.objects.get(email="kolkata@example.test")
    assert (user.time_zone, str(user.country), user.name) == ("Asia/Kolkata", "IN", "Asha")


def test_api_signup_refuses_an_unknown_time_zone(db):
    response = _post(
        Client(),
        "/_allauth/app/v1/auth/signup",
        {"email": "x@example.test", "password": PASSWORD, "time_zone": "Moon/Base"},
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="x@example.test").exists()


def test_page_signup_sets_time_zone_and_country(db):
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {
            "email": "page@example.test",
            "password1": PASSWORD,
            "time_zone": "America/Chicago",
            "country": "US",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="page@example.test")
    assert (user.time_zone, str(user.country)) == ("America/Chicago", "US")
    assert client.get("/").status_code == 200


def test_passwords_are_hashed_with_argon2_in_real_settings():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert Argon2PasswordHasher().encode("secret", "somesalt123").startswith("argon2$")


def test_repeated_failed_logins_are_rate_limited(alice):
    client = Client()
    codes = [
        _post(
            client, "/_allauth/app/v1/auth/login", {"email": alice.email, "password": "wrong"}
        ).json()["errors"][0]["code"]
        for _ in range(7)
    ]
    assert codes[0] == "email_password_mismatch"
    assert codes[-1] == "too_many_login_attempts"
    # Even the right password is refused while the limit holds.
    right = _post(
        client, "/_allauth/app/v1/auth/login", {"email": alice.email, "password": PASSWORD}
    )
    assert right.status_code == 400
    assert right.json()["errors"][0]["code"] == "too_many_login_attempts"


def test_password_reset_mail_arrives_over_real_smtp(alice, smtp_server, client):
    response = client.post("/accounts/password/reset/", {"email": alice.email})
    assert response.status_code == 302
    assert smtp_server.received.wait(10)
    message = smtp_server.messages[0]
    assert message["To"] == alice.email
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "/accounts/password/reset/key/" in body


def test_two_factor_login_needs_a_code_once_totp_is_on(alice):
    secret = generate_totp_secret()
    TOTP.activate(alice, secret)
    RecoveryCodes.activate(alice)
    client = Client()
    login = _post(
        client, "/_allauth/app/v1/auth/login", {"email": alice.email, "password": PASSWORD}
    )
    assert login.status_code == 401
    flows = login.json()["data"]["flows"]
    assert any(f["id"] == "mfa_authenticate" and f.get("is_pending") for f in flows)
    token = login.json()["meta"]["session_token"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    done = client.post(
        "/_allauth/app/v1/auth/2fa/authenticate",
        data=json.dumps({"code": code}),
        content_type="application/json",
        HTTP_X_SESSION_TOKEN=token,
    )
    assert done.status_code == 200, done.content
    api_token = done.json()["meta"]["session_token"]
    assert Client().get("/api/v1/me", HTTP_X_SESSION_TOKEN=api_token).status_code == 200


def test_recovery_codes_work_as_a_second_factor(alice):
    TOTP.activate(alice, generate_totp_secret())
    codes = RecoveryCodes.activate(alice).get_unused_codes()
    assert len(codes) >= 10
    client = Client()
    login = _post(
        client, "/_allauth/app/v1/auth/login", {"email": alice.email, "password": PASSWORD}
    )
    token = login.json()["meta"]["session_token"]
    done = client.post(
        "/_allauth/app/v1/auth/2fa/authenticate",
        data=json.dumps({"code": codes[0]}),
        content_type="application/json",
        HTTP_X_SESSION_TOKEN=token,
    )
    assert done.status_code == 200


def _prod_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FIELD_", "ALLOWED_"))
    }
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings.prod"
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ACCOUNT_EMAIL_VERIFICATION, s.EMAIL_BACKEND, s.DEBUG)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_its_secrets():
    result = _prod_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_makes_verification_mandatory_and_sends_by_smtp():
    from turntoward.lib.crypto import new_key

    result = _prod_settings(
        DJANGO_SECRET_KEY="x" * 50, FIELD_ENCRYPTION_KEYS=new_key(), ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "mandatory",
        "django.core.mail.backends.smtp.EmailBackend",
        "False",
    ]
