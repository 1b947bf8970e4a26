"""The activities API: ideas, plans, done, reflections and calendar files."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import icalendar
import pytest
from django.utils import timezone

from turntoward.activities.models import ActivityPlan, ActivityReflection
from turntoward.activities.tests.conftest import make_plan, make_reflection
from turntoward.testing import api_for


def iso_in(hours: int, offset: str = "+01:00") -> str:
    from datetime import datetime
    from datetime import timezone as tz

    sign = 1 if offset[0] == "+" else -1
    h, m = offset[1:].split(":")
    zone = tz(sign * timedelta(hours=int(h), minutes=int(m)))
    return (datetime.now(zone) + timedelta(hours=hours)).replace(microsecond=0).isoformat()


def test_it_lists_ideas_with_their_tags(alice):
    data = api_for(alice).get("activities").json()

    assert len(data) >= 60
    first = data[0]
    assert set(first) >= {"slug", "title", "place", "minutes", "cost", "novel", "done"}


def test_it_filters_ideas_by_place_cost_and_time(alice):
    data = api_for(alice).get("activities?place=home&cost=free&max_minutes=30").json()

    assert data
    assert all(i["place"] == "home" and i["cost"] == "free" and i["minutes"] <= 30 for i in data)


def test_suggested_ideas_leave_out_what_the_couple_has_done(alice, bob, couple):
    make_plan(bob, "sunrise-walk", status="done", done_at=timezone.now())

    slugs = {i["slug"] for i in api_for(alice).get("activities?suggested=true").json()}
    every = {i["slug"] for i in api_for(alice).get("activities").json()}

    assert "sunrise-walk" in every
    assert "sunrise-walk" not in slugs
    assert len(slugs) == len(every) - 1


@pytest.mark.parametrize("query", ["place=moon", "cost=huge", "max_minutes=abc", "suggested=x"])
def test_a_bad_filter_answers_422_naming_it(alice, query):
    response = api_for(alice).get(f"activities?{query}")

    assert response.status_code == 422
    assert query.split("=")[0] in response.json()["fields"]


def test_planning_answers_201_with_the_time_in_my_zone(alice, bob, couple):
    starts = iso_in(30, "-05:00")

    response = api_for(alice).post(
        "activities/plans", {"idea": "sunrise-walk", "starts_at": starts, "note": "Flask of tea"}
    )

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["id"]
    assert data["idea"]["slug"] == "sunrise-walk"
    assert data["planned_by"] == "me"
    assert data["note"] == "Flask of tea"
    assert data["shared"] is True
    plan = ActivityPlan.objects.get(pk=data["id"])
    assert plan.starts_at.utcoffset() == timedelta(0)
    assert abs(plan.starts_at - timezone.datetime.fromisoformat(starts)) < timedelta(seconds=1)
    # Alice is in London: the answer carries her offset, not the one she typed.
    assert data["starts_at"].endswith(("+00:00", "+01:00", "Z"))


def test_my_partner_sees_my_plan_and_its_note(alice, bob, couple, plan):
    data = api_for(bob).get(f"activities/plans/{plan.pk}").json()

    assert data["planned_by"] == "partner"
    assert data["note"] == "alice-plan-note-saffron"


def test_plans_filter_by_since_and_until(alice, couple):
    near = make_plan(alice, hours=5)
    far = make_plan(alice, "cloud-watching", hours=24 * 10)
    since = quote((timezone.now() + timedelta(days=2)).isoformat())

    ids = [p["id"] for p in api_for(alice).get(f"activities/plans?since={since}").json()]
    until_ids = [p["id"] for p in api_for(alice).get(f"activities/plans?until={since}").json()]

    assert ids == [str(far.pk)]
    assert until_ids == [str(near.pk)]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"idea": "no-such-idea", "starts_at": "2030-01-01T10:00+00:00"}, "idea"),
        ({"idea": "sunrise-walk", "starts_at": "2001-01-01T10:00+00:00"}, "starts_at"),
        ({"idea": "sunrise-walk", "starts_at": "2099-01-01T10:00+00:00"}, "starts_at"),
        ({"idea": "sunrise-walk", "starts_at": "not a time"}, "starts_at"),
        ({"idea": "sunrise-walk"}, "starts_at"),
        ({"idea": 5, "starts_at": "2030-01-01T10:00+00:00"}, "idea"),
        ({"idea": "sunrise-walk", "starts_at": "SOON", "note": "x" * 10_000}, "note"),
        ({"idea": "sunrise-walk", "starts_at": "SOON", "note": "a\x00b"}, "note"),
        ({"idea": "sunrise-walk", "starts_at": "SOON_NAIVE"}, "starts_at"),
    ],
)
def test_bad_plans_answer_422_naming_the_field_and_save_nothing(alice, body, field):
    body = dict(body)
    if body.get("starts_at") == "SOON":
        body["starts_at"] = iso_in(5)
    if body.get("starts_at") == "SOON_NAIVE":
        body["starts_at"] = iso_in(5)[:-6]

    response = api_for(alice).post("activities/plans", body)

    assert response.status_code == 422, response.content
    assert field in response.json()["fields"]
    assert not ActivityPlan.objects.exists()


@pytest.mark.parametrize("raw", ["{not json", "", "[]", "null", '"x"'])
def test_malformed_plan_bodies_answer_422(alice, raw):
    response = api_for(alice).request("POST", "activities/plans", raw=raw)

    assert response.status_code == 422
    assert response.json()["detail"]


def test_only_the_planner_can_cancel_and_the_partner_is_told_why(alice, bob, couple, plan):
    refused = api_for(bob).delete(f"activities/plans/{plan.pk}")
    done = api_for(alice).delete(f"activities/plans/{plan.pk}")

    assert refused.status_code == 403
    assert "planned it" in refused.json()["detail"]
    assert done.status_code == 204
    assert not ActivityPlan.objects.exists()


def test_a_done_plan_cannot_be_cancelled(alice, couple, plan):
    client = api_for(alice)
    client.post(f"activities/plans/{plan.pk}/done")

    response = client.delete(f"activities/plans/{plan.pk}")

    assert response.status_code == 409
    assert ActivityPlan.objects.filter(pk=plan.pk).exists()


def test_either_partner_marks_done_and_both_reflect_and_see_both(alice, bob, couple, plan):
    done = api_for(bob).post(f"activities/plans/{plan.pk}/done")
    mine = api_for(alice).post(
        f"activities/plans/{plan.pk}/reflection", {"feeling": 5, "note": "Loved the quiet"}
    )
    his = api_for(bob).post(f"activities/plans/{plan.pk}/reflection", {"feeling": 3})

    assert done.status_code == 200
    assert done.json()["status"] == "done"
    assert mine.status_code == 201
    assert his.status_code == 201
    for person, me_feeling, partner_feeling in ((alice, 5, 3), (bob, 3, 5)):
        data = api_for(person).get(f"activities/plans/{plan.pk}").json()
        by = {r["author"]: r["feeling"] for r in data["reflections"]}
        assert by == {"me": me_feeling, "partner": partner_feeling}
    notes = [
        r["note"] for r in api_for(bob).get(f"activities/plans/{plan.pk}").json()["reflections"]
    ]
    assert "Loved the quiet" in notes


def test_reflecting_again_changes_my_reflection_with_200(alice, couple, plan):
    client = api_for(alice)
    client.post(f"activities/plans/{plan.pk}/done")
    client.post(f"activities/plans/{plan.pk}/reflection", {"feeling": 2})

    again = client.post(f"activities/plans/{plan.pk}/reflection", {"feeling": 4, "note": "Better"})

    assert again.status_code == 200
    assert ActivityReflection.objects.get().feeling == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"feeling": 0}, "feeling"),
        ({"feeling": 6}, "feeling"),
        ({"feeling": "4"}, "feeling"),
        ({"feeling": 3.5}, "feeling"),
        ({"feeling": True}, "feeling"),
        ({}, "feeling"),
        ({"feeling": 3, "note": "x" * 10_000}, "note"),
        ({"feeling": 3, "note": 7}, "note"),
    ],
)
def test_bad_reflections_answer_422_naming_the_field(alice, couple, plan, body, field):
    client = api_for(alice)
    client.post(f"activities/plans/{plan.pk}/done")

    response = client.post(f"activities/plans/{plan.pk}/reflection", body)

    assert response.status_code == 422
    assert field in response.json()["fields"]
    assert not ActivityReflection.objects.exists()


def test_reflecting_before_it_is_done_answers_422_naming_the_plan(alice, couple, plan):
    response = api_for(alice).post(f"activities/plans/{plan.pk}/reflection", {"feeling": 4})

    assert response.status_code == 422
    assert "plan" in response.json()["fields"]


@pytest.mark.parametrize("suffix", [".ics", "/ics"])
def test_the_calendar_file_parses_with_my_zone_and_only_the_title(alice, couple, plan, suffix):
    response = api_for(alice).get(f"activities/plans/{plan.pk}{suffix}")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["SUMMARY"]) == "A walk at sunrise"
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/London"
    assert start == plan.starts_at.replace(microsecond=0)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert cal.walk("VTIMEZONE")
    assert b"saffron" not in response.content


def test_someone_elses_plan_is_404_everywhere(alice, couple, plan, dave):
    client = api_for(dave)

    for method, path, body in [
        ("GET", f"activities/plans/{plan.pk}", None),
        ("GET", f"activities/plans/{plan.pk}.ics", None),
        ("DELETE", f"activities/plans/{plan.pk}", None),
        ("POST", f"activities/plans/{plan.pk}/done", None),
        ("POST", f"activities/plans/{plan.pk}/reflection", {"feeling": 3}),
    ]:
        response = client.request(method, path, body)
        assert response.status_code == 404, (method, path)
        assert "saffron" not in response.content.decode()
    assert ActivityPlan.objects.get(pk=plan.pk).status == "planned"


def test_after_leaving_each_keeps_only_their_own(alice, bob, couple, plan):
    from turntoward.couples.services import leave_couple

    plan.status = "done"
    plan.save()
    make_reflection(bob, plan, 2, "bob-reflection-thistle")
    leave_couple(bob)

    alice_view = api_for(alice).get(f"activities/plans/{plan.pk}").json()
    bob_list = api_for(bob).get("activities/plans").json()

    assert [r["author"] for r in alice_view["reflections"]] == []
    assert bob_list == []


EXTREME_RANGES = [
    "since=0001-01-01",
    "until=0001-01-01T00:00",
    "since=9999-12-31T23:59",
    "until=9999-12-31",
    "since=0001-01-01T00:00%2B14:00",
    "until=9999-12-31T23:59-12:00",
    "since=" + "9" * 400,
    "since=%00",
]


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "America/New_York", "Pacific/Kiritimati"])
@pytest.mark.parametrize("query", EXTREME_RANGES)
@pytest.mark.parametrize("path", ["activities/plans", "goals"])
def test_extreme_ranges_in_any_zone_never_give_a_500(db, zone, query, path):
    from turntoward.testing import make_user

    response = api_for(make_user("Zed", time_zone=zone)).get(f"{path}?{query}")

    assert response.status_code in (200, 422), response.content
    if response.status_code == 200:
        assert isinstance(response.json(), list)


@pytest.mark.parametrize(
    "start",
    [
        "0001-01-01T00:00+14:00",
        "9999-12-31T23:59-12:00",
        "0001-01-01T00:00:00Z",
        "2030-01-01T00:00+99:00",
    ],
)
def test_a_start_at_the_edge_of_the_calendar_answers_422(db, start):
    from turntoward.testing import make_user

    client = api_for(make_user("Zed", time_zone="Pacific/Kiritimati"))

    response = client.post("activities/plans", {"idea": "sunrise-walk", "starts_at": start})

    assert response.status_code == 422
    assert "starts_at" in response.json()["fields"]
