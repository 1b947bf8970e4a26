"""The weekly-checkins API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from turntoward.testing import api_for
from turntoward.weekly import services
from turntoward.weekly.models import WeeklyCheckIn
from turntoward.weekly.tests.helpers import ANSWERS, make_weekly


def test_posting_creates_this_weeks_checkin_then_edits_it(alice):
    client = api_for(alice)

    created = client.post("weekly-checkins", ANSWERS)
    assert created.status_code == 201
    body = created.json()
    assert body["id"]
    assert body["week"] == services.current_week(alice).isoformat()
    assert body["author"] == "me"
    assert body["concern"] == ANSWERS["concern"]
    assert body["created_at"].endswith(("Z", "+00:00", "+01:00"))

    edited = client.post("weekly-checkins", {**ANSWERS, "went_well": "Changed"})
    assert edited.status_code == 200
    assert edited.json()["id"] == body["id"]
    assert WeeklyCheckIn.objects.get().went_well == "Changed"


def test_posting_for_last_weeks_monday_works(alice):
    last_week = services.current_week(alice) - timedelta(weeks=1)

    response = api_for(alice).post("weekly-checkins", {**ANSWERS, "week": last_week.isoformat()})

    assert response.status_code == 201
    assert response.json()["week"] == last_week.isoformat()


def test_one_week_shows_mine_and_hides_my_partners_until_both_submitted(alice, bob, couple):
    week = services.current_week(alice).isoformat()
    make_weekly(alice, appreciations="alice-secret-fern")
    bob_client = api_for(bob)

    before = bob_client.get(f"weekly-checkins/{week}")
    assert before.status_code == 200
    assert before.json() == {
        "week": week,
        "mine": None,
        "partner": None,
        "partner_submitted": True,
    }
    assert "alice-secret-fern" not in before.content.decode()

    assert bob_client.post("weekly-checkins", ANSWERS).status_code == 201

    after = bob_client.get(f"weekly-checkins/{week}").json()
    assert after["partner"]["appreciations"] == "alice-secret-fern"
    assert after["partner"]["author"] == "partner"
    assert after["mine"]["appreciations"] == ANSWERS["appreciations"]


def test_the_list_filters_by_since_and_until(alice):
    this_week = services.current_week(alice)
    make_weekly(alice, this_week)
    make_weekly(alice, this_week - timedelta(weeks=3))
    client = api_for(alice)

    everything = client.get("weekly-checkins").json()
    assert [w["week"] for w in everything] == [
        this_week.isoformat(),
        (this_week - timedelta(weeks=3)).isoformat(),
    ]
    recent = client.get(f"weekly-checkins?since={this_week.isoformat()}").json()
    assert [w["week"] for w in recent] == [this_week.isoformat()]
    older = client.get(f"weekly-checkins?until={(this_week - timedelta(days=1)).isoformat()}")
    assert [w["week"] for w in older.json()] == [(this_week - timedelta(weeks=3)).isoformat()]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"appreciations", "went_well"}),
        ({**ANSWERS, "appreciations": ""}, {"appreciations"}),
        ({**ANSWERS, "went_well": 42}, {"went_well"}),
        ({**ANSWERS, "concern": "x" * 10_000}, {"concern"}),
        ({**ANSWERS, "goals": ["a list"]}, {"goals"}),
        ({**ANSWERS, "week": "not-a-date"}, {"week"}),
        ({**ANSWERS, "week": "2020-01-06"}, {"week"}),
        ({**ANSWERS, "mood": 4}, {"mood"}),
        ({**ANSWERS, "quality_time": "nul\x00here"}, {"quality_time"}),
    ],
)
def test_bad_input_answers_422_naming_the_fields_and_saves_nothing(alice, body, fields):
    response = api_for(alice).post("weekly-checkins", body)

    assert response.status_code == 422, response.content
    assert set(response.json()["fields"]) == fields
    assert not WeeklyCheckIn.objects.exists()


def test_a_tuesday_or_a_future_week_answers_422(alice):
    monday = services.current_week(alice)
    client = api_for(alice)

    tuesday = client.post("weekly-checkins", {**ANSWERS, "week": str(monday + timedelta(1))})
    assert tuesday.status_code == 422
    assert "week" in tuesday.json()["fields"]
    future = client.post("weekly-checkins", {**ANSWERS, "week": str(monday + timedelta(7))})
    assert future.status_code == 422
    assert client.get(f"weekly-checkins/{monday + timedelta(1)}").status_code == 422
    assert client.get("weekly-checkins/yesterday").status_code == 422


def test_malformed_json_answers_422(alice):
    response = api_for(alice).post("weekly-checkins", raw="{not json")

    assert response.status_code == 422
    assert response.json()["detail"]


def test_outsiders_get_empty_weeks_and_never_the_couples_words(alice, bob, couple, dave, carol):
    make_weekly(alice, appreciations="alice-secret-fern")
    make_weekly(bob, appreciations="bob-secret-moss")
    week = services.current_week(alice).isoformat()

    for person in (dave, carol):
        client = api_for(person)
        assert client.get("weekly-checkins").json() == []
        one = client.get(f"weekly-checkins/{week}")
        assert one.json() == {
            "week": week,
            "mine": None,
            "partner": None,
            "partner_submitted": False,
        }


def test_after_leaving_the_former_partner_sees_nothing(alice, bob, couple):
    make_weekly(alice, appreciations="alice-secret-fern")
    make_weekly(bob, appreciations="bob-secret-moss")
    bob_client = api_for(bob)

    assert bob_client.delete("couple").status_code == 204

    text = bob_client.get("weekly-checkins").content.decode()
    assert "alice-secret-fern" not in text
    assert "bob-secret-moss" in text
    mine = api_for(alice).get("weekly-checkins").content.decode()
    assert "bob-secret-moss" not in mine


def test_export_holds_my_weekly_checkins_only(alice, bob, couple):
    make_weekly(alice, appreciations="alice-secret-fern")
    make_weekly(bob, appreciations="bob-secret-moss")

    data = api_for(alice).get("me/export").json()

    assert [w["appreciations"] for w in data["weekly_checkins"]] == ["alice-secret-fern"]
    assert "bob-secret-moss" not in str(data)


def test_deleting_my_account_deletes_my_weekly_checkins(alice, bob, couple):
    from turntoward.testing import PASSWORD

    make_weekly(alice)
    make_weekly(bob)

    assert api_for(alice).delete("me", {"password": PASSWORD}).status_code == 204

    assert [w.author for w in WeeklyCheckIn.objects.all()] == [bob]
