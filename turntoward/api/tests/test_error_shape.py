"""Every error the API can give has one shape: JSON with a `detail`.

In the manner of datasette's error tests, this walks every route with every error it can
produce: no token, a bad token, unknown URLs and codes, wrong methods, malformed and
mistyped bodies, out-of-range values and the couple rules (409/410). 422s must name the
offending fields in `fields` and in `detail[*].loc`, and must leave nothing half-saved.
No request, however odd, may get a 500.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from turntoward.accounts.models import User
from turntoward.api.api import api
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Invitation, Membership
from turntoward.testing import (
    PASSWORD,
    ApiClient,
    api_for,
    make_checkin,
    make_couple,
    make_invitation,
    make_user,
)

CHECKIN = {"mood": 4, "connection": 3, "good_thing": "A walk", "hard_thing": "Traffic"}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


SAMPLES = {"day": "2024-01-01", "week": "2024-01-01", "code": "ABCDEFGH"}


def sample_value(name: str) -> str:
    """A well-formed value for a path parameter that names nothing anyone owns."""
    if name in SAMPLES:
        return SAMPLES[name]
    if name == "id" or name.endswith("_id"):
        return "00000000-0000-0000-0000-000000000000"
    return "no-such-thing"


def operations() -> list[tuple[str, str]]:
    """Every (method, path) the API documents, with path parameters filled in."""
    found = []
    for path, methods in api.get_openapi_schema()["paths"].items():
        filled = re.sub(r"{(\w+)}", lambda m: sample_value(m.group(1)), path)
        found.extend((method.upper(), filled) for method in methods)
    return sorted(found)


def paths_and_wrong_methods() -> list[tuple[str, str]]:
    allowed: dict[str, set[str]] = {}
    for method, path in operations():
        allowed.setdefault(path, set()).add(method)
    return [(m, p) for p, ok in sorted(allowed.items()) for m in METHODS if m not in ok]


OPERATIONS = operations()
WRONG_METHODS = paths_and_wrong_methods()


def assert_error(response, status: int) -> dict[str, Any]:
    """The one error shape; returns the parsed body."""
    assert response.status_code == status, response.content[:1000]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    data = response.json()
    assert isinstance(data, dict), data
    assert data.get("detail"), data
    if status == 422:
        assert isinstance(data["detail"], list), data
        for item in data["detail"]:
            assert isinstance(item["loc"], list), item
            assert isinstance(item["msg"], str) and item["msg"], item
            assert isinstance(item["type"], str) and item["type"], item
        assert isinstance(data["fields"], dict) and data["fields"], data
        for name in data["fields"]:
            assert any(name in item["loc"] for item in data["detail"]), (name, data)
    else:
        assert isinstance(data["detail"], str), data
    return data


def assert_names(data: dict[str, Any], *names: str) -> None:
    """A 422 body names exactly these fields, in `fields` and in `detail[*].loc`."""
    assert set(data["fields"]) == set(names), data
    for name in names:
        assert any(name in item["loc"] for item in data["detail"]), (name, data["detail"])


def assert_not_500(response) -> None:
    assert response.status_code < 500, response.content[:1000]
    if response.status_code >= 400:
        assert_error(response, response.status_code)


def snapshot() -> dict[str, Any]:
    """Everything a failed request could have half-written."""
    return {
        "users": list(
            User.objects.order_by("pk").values_list("pk", "name", "time_zone", "country")
        ),
        "checkins": sorted(
            (str(c.id), c.day, c.mood, c.connection, c.good_thing, c.hard_thing, c.need)
            for c in CheckIn.objects.all()
        ),
        "replies": sorted((str(r.id), r.text) for r in CheckInReply.objects.all()),
        "couples": list(Couple.objects.order_by("pk").values_list("pk", "ended_at")),
        "memberships": list(Membership.objects.order_by("pk").values_list("pk", "couple_id")),
        "invitations": list(
            Invitation.objects.order_by("pk").values_list("code", "accepted_at", "revoked_at")
        ),
    }


@pytest.fixture
def unchanged(db):
    """Assert at the end of the test that the database is as it was at the start."""
    before = snapshot()
    yield
    assert snapshot() == before


@pytest.fixture
def revealed(alice, bob, couple):
    """Alice and Bob both checked in yesterday and today, so both days are revealed."""
    today = alice.local_today()
    for person in (alice, bob):
        make_checkin(person, today)
        make_checkin(person, today - timedelta(days=1))
    return today


# --- 401 ---------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_route_answers_401_in_the_one_shape_without_a_token(db, method, path):
    data = assert_error(ApiClient().request(method, path), 401)

    assert "X-Session-Token" in data["detail"]


@pytest.mark.parametrize(
    "token", ["not-a-real-token", "x" * 5000, " ", "Bearer abc", "null", "' OR 1=1 --"]
)
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_route_answers_401_in_the_one_shape_with_a_bad_token(db, method, path, token):
    assert_error(ApiClient(token).request(method, path, {"password": PASSWORD}), 401)


def test_a_token_stops_working_once_its_account_is_made_inactive(alice):
    client = api_for(alice)
    assert client.get("me").status_code == 200

    alice.is_active = False
    alice.save(update_fields=["is_active"])

    assert_error(client.get("me"), 401)


# --- 404 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/",
        "/api/v1/nothing-here",
        "/api/v1/me/",
        "/api/v1/me/export/more",
        "/api/v1/checkins/2024-01-01/reply/more",
        "/api/v1/couple/invitations/ABCDEFGH/extra",
        "/api/v2/me",
        "/api/",
    ],
)
@pytest.mark.parametrize("signed_in", [True, False])
def test_unknown_urls_under_the_api_answer_404_in_the_one_shape(alice, path, signed_in):
    client = api_for(alice if signed_in else None)

    for method in ("GET", "POST", "DELETE"):
        assert_error(client.request(method, path), 404)


def test_revoking_an_unknown_or_someone_elses_invitation_answers_404(alice, erin):
    erins = make_invitation(erin)
    client = api_for(alice)
    before = snapshot()

    for code in ("NOSUCHCO", erins.code, erins.code.lower(), "💛", "x" * 300):
        data = assert_error(client.delete(f"couple/invitations/{code}"), 404)
        assert data["detail"] == "Not found."
    assert Invitation.objects.get(pk=erins.pk).state == "open"
    assert snapshot() == before


def test_joining_with_an_unknown_code_answers_404_naming_the_rule(alice, unchanged):
    data = assert_error(api_for(alice).post("couple/join", {"code": "ZZZZZZZZ"}), 404)

    assert data["code"] == "not_found"


def test_replying_to_a_day_without_a_visible_checkin_answers_404(alice, bob, couple):
    today = alice.local_today()
    make_checkin(bob, today)  # Alice has not checked in: Bob's stays hidden from her
    client = api_for(alice)

    with_unchanged = snapshot()
    for day in (today, today - timedelta(days=3)):
        assert_error(client.post(f"checkins/{day.isoformat()}/reply", {"text": "Hi"}), 404)
        # A bad text must not reveal that the hidden check-in exists.
        assert_error(client.post(f"checkins/{day.isoformat()}/reply", {"text": "   "}), 404)
    assert snapshot() == with_unchanged


def test_leaving_when_in_no_couple_answers_404(carol, unchanged):
    assert_error(api_for(carol).delete("couple"), 404)
    assert_error(api_for(carol).get("couple"), 404)


# --- 405 ---------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), WRONG_METHODS)
@pytest.mark.parametrize("signed_in", [True, False])
def test_a_wrong_method_answers_405_in_the_one_shape(alice, method, path, signed_in):
    response = api_for(alice if signed_in else None).request(method, path, {})

    assert_error(response, 405)
    assert response.has_header("Allow")
    assert method not in response["Allow"]


# --- 422: bodies that are not what the endpoint takes --------------------------------

BODY_OPERATIONS = [
    ("POST", "checkins"),
    ("PATCH", "me"),
    ("DELETE", "me"),
    ("POST", "couple/join"),
    ("POST", "checkins/{day}/reply"),
]


@pytest.mark.parametrize(("method", "path"), BODY_OPERATIONS)
@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        '{"mood": 4,',
        "{'single': 'quotes'}",
        "\x00\x01",
        "NaN garbage",
    ],
)
def test_malformed_json_answers_422_naming_the_body(revealed, alice, method, path, raw):
    before = snapshot()
    client = api_for(alice)

    response = client.request(method, path.format(day=revealed.isoformat()), raw=raw)

    data = assert_error(response, 422)
    assert_names(data, "body")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("method", "path", "fields"),
    [
        ("POST", "checkins", {"mood", "connection", "good_thing", "hard_thing"}),
        ("DELETE", "me", {"password"}),
        ("POST", "couple/join", {"code"}),
        ("POST", "checkins/{day}/reply", {"text"}),
    ],
)
@pytest.mark.parametrize("raw", ["", "{}", "[]", '"a string"', "null", "3", "true", '[{"a": 1}]'])
def test_a_missing_or_non_object_body_answers_422(revealed, alice, method, path, fields, raw):
    before = snapshot()

    response = api_for(alice).request(method, path.format(day=revealed.isoformat()), raw=raw)

    data = assert_error(response, 422)
    if raw:
        assert_names(data, *fields)
    else:  # no body at all: naming the body is as precise as naming what it lacks
        assert set(data["fields"]) in ({"body"}, fields), data
    assert snapshot() == before


def test_an_empty_patch_changes_nothing_and_is_not_an_error(alice, unchanged):
    response = api_for(alice).patch("me", {})

    assert response.status_code == 200
    assert response.json()["time_zone"] == "Europe/London"


# --- 422: check-ins ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["mood", "connection"])
@pytest.mark.parametrize(
    "value", [0, 6, -1, 3.5, 3.0, "3", True, False, None, 10**100, -(10**100), 1e308, [], {}, [3]]
)
def test_a_scale_out_of_range_or_of_the_wrong_type_answers_422_naming_it(
    alice, unchanged, field, value
):
    data = assert_error(api_for(alice).post("checkins", {**CHECKIN, field: value}), 422)

    assert_names(data, field)


@pytest.mark.parametrize("field", ["good_thing", "hard_thing"])
@pytest.mark.parametrize("value", ["", " ", "   \n\t  ", "\u3000", "x" * 10_000, 5, None, ["a"]])
def test_a_required_text_that_is_empty_blank_too_long_or_not_text_answers_422(
    alice, unchanged, field, value
):
    data = assert_error(api_for(alice).post("checkins", {**CHECKIN, field: value}), 422)

    assert_names(data, field)


@pytest.mark.parametrize("value", ["x" * 10_000, "x" * 1001, 5, ["a"], {"a": "b"}])
def test_an_optional_need_that_is_too_long_or_not_text_answers_422(alice, unchanged, value):
    data = assert_error(api_for(alice).post("checkins", {**CHECKIN, "need": value}), 422)

    assert_names(data, "need")


def test_a_text_of_exactly_the_limit_is_accepted(alice):
    response = api_for(alice).post("checkins", {**CHECKIN, "good_thing": "y" * 1000})

    assert response.status_code == 201
    assert response.json()["good_thing"] == "y" * 1000


def test_every_wrong_field_is_named_at_once(alice, unchanged):
    body = {"mood": 0, "connection": "5", "good_thing": "", "hard_thing": "x" * 10_000}

    data = assert_error(api_for(alice).post("checkins", body), 422)

    assert_names(data, "mood", "connection", "good_thing", "hard_thing")


def test_blank_texts_are_named_together_with_a_future_day(alice, unchanged):
    tomorrow = alice.local_today() + timedelta(days=1)
    body = {**CHECKIN, "good_thing": "  ", "day": tomorrow.isoformat()}

    data = assert_error(api_for(alice).post("checkins", body), 422)

    assert_names(data, "good_thing", "day")


@pytest.mark.parametrize(
    "day",
    [
        "tomorrow",
        "2024-13-45",
        "2024-02-30",
        "24-01-01",
        "",
        "9999-12-31",
        "0001-01-01",
        12,
        ["2024-01-01"],
        {"y": 2024},
    ],
)
def test_a_day_that_is_not_a_valid_recent_date_answers_422_naming_day(alice, unchanged, day):
    data = assert_error(api_for(alice).post("checkins", {**CHECKIN, "day": day}), 422)

    assert_names(data, "day")


def test_a_future_day_answers_422_naming_day(alice, unchanged):
    tomorrow = alice.local_today() + timedelta(days=1)

    data = assert_error(
        api_for(alice).post("checkins", {**CHECKIN, "day": tomorrow.isoformat()}), 422
    )

    assert_names(data, "day")
    assert "hasn't happened yet" in data["fields"]["day"]


def test_a_day_beyond_the_backfill_window_answers_422_naming_day(alice, unchanged, settings):
    too_old = alice.local_today() - timedelta(days=settings.CHECKIN_BACKFILL_DAYS + 1)

    data = assert_error(
        api_for(alice).post("checkins", {**CHECKIN, "day": too_old.isoformat()}), 422
    )

    assert_names(data, "day")


def test_an_invalid_edit_of_today_leaves_todays_checkin_as_it_was(alice):
    make_checkin(alice, good_thing="Kept", hard_thing="Kept too")
    before = snapshot()
    client = api_for(alice)

    for body in (
        {**CHECKIN, "mood": 9},
        {**CHECKIN, "good_thing": "   "},
        {**CHECKIN, "hard_thing": "x" * 10_000},
    ):
        assert_error(client.post("checkins", body), 422)

    assert snapshot() == before
    assert CheckIn.objects.get(author=alice).good_thing == "Kept"


def test_changing_a_past_day_answers_409_and_keeps_it(alice):
    yesterday = alice.local_today() - timedelta(days=1)
    make_checkin(alice, yesterday, good_thing="As it was")
    before = snapshot()

    response = api_for(alice).post(
        "checkins", {**CHECKIN, "day": yesterday.isoformat(), "good_thing": "Rewritten"}
    )

    data = assert_error(response, 409)
    assert "own day" in data["detail"]
    assert snapshot() == before


@pytest.mark.parametrize(
    "query",
    ["since=yesterday", "until=2024-13-01", "since=2024-01-01&until=nope", "since=1e9"],
)
def test_a_bad_date_filter_answers_422_naming_it(alice, unchanged, query):
    data = assert_error(api_for(alice).get(f"checkins?{query}"), 422)

    named = {part.split("=")[0] for part in query.split("&")}
    assert set(data["fields"]) <= named
    assert data["fields"]


@pytest.mark.parametrize("day", ["not-a-day", "2024-02-30", "2024-1-1x", "%F0%9F%92%9B", "2024"])
def test_a_bad_day_in_the_url_answers_422_naming_day(alice, unchanged, day):
    client = api_for(alice)

    assert_names(assert_error(client.get(f"checkins/{day}"), 422), "day")
    assert_names(assert_error(client.post(f"checkins/{day}/reply", {"text": "x"}), 422), "day")


# --- 422: replies --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "x" * 501, "x" * 10_000, None, 5, ["x"], {}])
def test_a_reply_that_is_empty_blank_too_long_or_not_text_answers_422(bob, revealed, text):
    before = snapshot()

    response = api_for(bob).post(f"checkins/{revealed.isoformat()}/reply", {"text": text})

    assert_names(assert_error(response, 422), "text")
    assert snapshot() == before


# --- 422: me -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"time_zone": ""}, "time_zone"),
        ({"time_zone": None}, "time_zone"),
        ({"time_zone": 5}, "time_zone"),
        ({"time_zone": "x" * 65}, "time_zone"),
        ({"country": "ZZ"}, "country"),
        ({"country": "GBR"}, "country"),
        ({"country": 44}, "country"),
        ({"name": "x" * 81}, "name"),
        ({"name": ["Alice"]}, "name"),
        ({"email": "new@example.test"}, "email"),
        ({"is_staff": True}, "is_staff"),
    ],
)
def test_a_bad_profile_change_answers_422_naming_the_field(alice, unchanged, body, named):
    data = assert_error(api_for(alice).patch("me", body), 422)

    assert_names(data, named)


def test_a_profile_change_with_one_bad_field_changes_none(alice, unchanged):
    body = {"name": "Ally", "country": "IN", "time_zone": "Not/AZone"}

    data = assert_error(api_for(alice).patch("me", body), 422)

    assert_names(data, "time_zone")
    alice.refresh_from_db()
    assert (alice.name, alice.country, alice.time_zone) == ("Alice", "GB", "Europe/London")


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (json.dumps({"password": "wrong-password"}), "password"),
        (json.dumps({"password": ""}), "password"),
        (json.dumps({"password": 12345}), "password"),
        (json.dumps({"password": None}), "password"),
        (json.dumps({"password": "x" * 5000}), "password"),
        (json.dumps({}), "password"),
    ],
)
def test_deleting_me_without_the_right_password_answers_422_and_deletes_nothing(
    alice, bob, couple, raw, named
):
    make_checkin(alice)
    before = snapshot()

    data = assert_error(api_for(alice).delete("me", raw=raw), 422)

    assert_names(data, named)
    assert snapshot() == before


# --- 422 and 409/410: joining a couple --------------------------------------------------


@pytest.mark.parametrize(
    "body", [{"code": ""}, {"code": None}, {"code": 12345678}, {"code": "x" * 65}]
)
def test_a_join_code_that_is_not_a_short_string_answers_422(carol, unchanged, body):
    assert_names(assert_error(api_for(carol).post("couple/join", body), 422), "code")


def test_an_invitation_cannot_be_created_while_in_a_couple(alice, couple, unchanged):
    data = assert_error(api_for(alice).post("couple/invitations"), 409)

    assert data["code"] == "already_in_couple"


@pytest.mark.parametrize(
    ("state", "status", "code"),
    [
        ("used", 410, "used"),
        ("revoked", 410, "revoked"),
        ("expired", 410, "expired"),
        ("own", 409, "own_invitation"),
        ("joiner_in_couple", 409, "already_in_couple"),
        ("inviter_in_couple", 409, "inviter_taken"),
    ],
)
def test_each_invitation_rule_has_its_status_and_code(erin, carol, state, status, code):
    now = timezone.now()
    invitation = make_invitation(erin)
    joiner = carol
    if state == "used":
        invitation.accepted_at = now
        invitation.accepted_by = make_user("Frank")
        invitation.save()
    elif state == "revoked":
        invitation.revoked_at = now
        invitation.save()
    elif state == "expired":
        invitation.expires_at = now - timedelta(seconds=1)
        invitation.save()
    elif state == "own":
        joiner = erin
    elif state == "joiner_in_couple":
        make_couple(carol, make_user("Gus"))
    elif state == "inviter_in_couple":
        make_couple(erin, make_user("Hal"))
    before = snapshot()

    data = assert_error(api_for(joiner).post("couple/join", {"code": invitation.code}), status)

    assert data["code"] == code
    assert snapshot() == before


@pytest.mark.parametrize("state", ["accepted", "revoked", "expired"])
def test_revoking_an_invitation_that_is_no_longer_open_answers_409(carol, state):
    now = timezone.now()
    invitation = make_invitation(carol)
    if state == "accepted":
        invitation.accepted_at = now
    elif state == "revoked":
        invitation.revoked_at = now
    else:
        invitation.expires_at = now - timedelta(seconds=1)
    invitation.save()
    before = snapshot()

    data = assert_error(api_for(carol).delete(f"couple/invitations/{invitation.code}"), 409)

    assert data["code"] == "not_open"
    assert snapshot() == before


# --- nothing answers 500 -----------------------------------------------------------------

FUZZ_VALUES = [
    None,
    True,
    0,
    -1,
    10**400,
    -(10**400),
    1.5,
    1e308,
    "",
    " ",
    "💛 ünïcödé ✓ 日本語 עברית",
    "\u0000",
    "a\u0000b",
    "\u202e reversed",
    "\ud800",
    "\udfff lone",
    "x" * 100_000,
    [],
    [None],
    {},
    {"nested": {"deeper": [1, {"x": None}]}},
    [[[[[[[[[[[]]]]]]]]]]],
    "2024-01-01",
    "<script>alert(1)</script>",
    "'; DROP TABLE checkins_checkin; --",
]
FUZZ_FIELDS = {
    ("POST", "checkins"): ["day", "mood", "connection", "good_thing", "hard_thing", "need"],
    ("PATCH", "me"): ["name", "time_zone", "country"],
    ("DELETE", "me"): ["password"],
    ("POST", "couple/join"): ["code"],
    ("POST", "checkins/{day}/reply"): ["text"],
}
VALID_BODIES = {
    ("POST", "checkins"): CHECKIN,
    ("PATCH", "me"): {"name": "Alice"},
    ("DELETE", "me"): {"password": "not-the-password"},
    ("POST", "couple/join"): {"code": "NOSUCHCO"},
    ("POST", "checkins/{day}/reply"): {"text": "Thanks"},
}


def fuzz_cases() -> list[Any]:
    cases = []
    for (method, path), fields in FUZZ_FIELDS.items():
        base = VALID_BODIES[(method, path)]
        for field in fields:
            for i, value in enumerate(FUZZ_VALUES):
                cases.append(
                    pytest.param(method, path, {**base, field: value}, id=f"{path}-{field}-{i}")
                )
        cases.append(pytest.param(method, path, dict.fromkeys(fields), id=f"{path}-all-null"))
        cases.append(
            pytest.param(method, path, {**base, "extra": 1, "id": "x"}, id=f"{path}-extra")
        )
        cases.append(
            pytest.param(method, path, {"a": {"b": {"c": base}}}, id=f"{path}-nested-body")
        )
    return cases


@pytest.mark.parametrize(("method", "path", "body"), fuzz_cases())
def test_no_payload_makes_the_api_fail_with_a_500(revealed, bob, method, path, body):
    response = api_for(bob).request(method, path.format(day=revealed.isoformat()), body)

    assert_not_500(response)


@pytest.mark.parametrize(
    "raw",
    [
        '{"mood": 1e999}',
        '{"mood": -0}',
        '{"good_thing": "\\ud83d"}',
        '{"a": ' * 500 + "1" + "}" * 500,
        "[" * 5000 + "]" * 5000,
        "\ufeff{}",
        '{"mood": 4, "mood": "4"}',
        "\xff\xfe",
    ],
)
@pytest.mark.parametrize(("method", "path"), list(FUZZ_FIELDS))
def test_no_raw_body_makes_the_api_fail_with_a_500(revealed, bob, method, path, raw):
    response = api_for(bob).request(method, path.format(day=revealed.isoformat()), raw=raw)

    assert_not_500(response)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
@pytest.mark.parametrize(("method", "path"), list(FUZZ_FIELDS))
def test_a_body_that_is_not_json_gets_an_error_not_a_500(revealed, bob, method, path, content_type):
    client = api_for(bob)
    url = "/api/v1/" + path.format(day=revealed.isoformat())

    response = client.client.generic(
        method,
        url,
        "mood=4&good_thing=x",
        content_type=content_type,
        HTTP_X_SESSION_TOKEN=client.token,
    )

    assert_not_500(response)


@pytest.mark.parametrize(
    "segment",
    [
        "💛",
        "..%2F..%2Fetc%2Fpasswd",
        "%00",
        "x" * 2000,
        "2024-01-01%20",
        "-1",
        "99999-01-01",
        "2024-W01-1",
    ],
)
def test_no_path_value_makes_the_api_fail_with_a_500(revealed, bob, segment):
    client = api_for(bob)

    for method, template in [
        ("GET", "checkins/{}"),
        ("POST", "checkins/{}/reply"),
        ("DELETE", "couple/invitations/{}"),
    ]:
        response = client.request(method, template.format(segment), {"text": "x"})
        assert_not_500(response)
        assert response.status_code in (404, 422), (method, template, response.content)


@pytest.mark.parametrize(
    "query",
    [
        "since=" + "9" * 400,
        "since=2024-01-01&since=2024-02-01",
        "until=0001-01-01",
        "since=9999-12-31",
        "since=%00",
        "since=💛",
        "unknown=1",
        "since=2024-02-01&until=2024-01-01",
    ],
)
def test_no_query_makes_the_list_of_checkins_fail_with_a_500(revealed, bob, query):
    response = api_for(bob).get(f"checkins?{query}")

    assert_not_500(response)
    if response.status_code == 200:
        assert isinstance(response.json(), list)


def test_the_error_walk_covers_every_documented_route():
    """A new endpoint gets the 401 and 405 walks automatically; fail loudly if none is found."""
    paths = {re.sub(r"/api/v1/?", "", p) for _, p in OPERATIONS}

    assert {"me", "me/export", "couple", "couple/invitations", "couple/join", "checkins"} <= paths
    assert len(OPERATIONS) >= 14
    assert WRONG_METHODS
