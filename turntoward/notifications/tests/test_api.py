"""The API for preferences and the in-app list."""

from __future__ import annotations

from django.utils import timezone

from turntoward.notifications.models import Kind, Notification, Status, prefs_for
from turntoward.testing import api_for


def test_i_read_and_change_my_preferences(alice, settings):
    settings.SITE_URL = "https://tt.example.org"
    api = api_for(alice)
    got = api.get("/api/v1/me/notifications").json()
    assert got["daily_time"] == "21:00"
    assert got["time_zone"] == "Europe/London"
    assert got["channels"][Kind.DAILY_CHECKIN] == ["email", "in_app"]
    assert got["calendar_url"] == (
        f"https://tt.example.org/calendar/{prefs_for(alice).calendar_token}.ics"
    )
    changed = api.patch(
        "/api/v1/me/notifications",
        {
            "daily_time": "07:15",
            "weekly_day": 2,
            "quiet_start": "22:00",
            "quiet_end": "06:30",
            "channels": {"appreciation": ["in_app"]},
        },
    )
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert (body["daily_time"], body["weekly_day"], body["quiet_start"]) == ("07:15", 2, "22:00")
    assert body["channels"]["appreciation"] == ["in_app"]
    assert body["channels"]["goal"] == ["email", "in_app"]


def test_wrong_values_answer_422_naming_each_field(alice):
    api = api_for(alice)
    for payload, field in [
        ({"daily_time": "25:99"}, "daily_time"),
        ({"weekly_day": 7}, "weekly_day"),
        ({"retake_weeks": 0}, "retake_weeks"),
        ({"channels": {"appreciation": ["pigeon"]}}, "channels"),
        ({"channels": {"gossip": ["email"]}}, "channels"),
        ({"quiet_start": "22:00"}, "quiet_end"),
        ({"daily_time": None}, "daily_time"),
        ({"colour": "blue"}, "colour"),
    ]:
        response = api.patch("/api/v1/me/notifications", payload)
        assert response.status_code == 422, (payload, response.content)
        assert field in response.json()["fields"], (payload, response.json())
    assert prefs_for(alice).daily_time.hour == 21


def test_the_list_counts_unread_and_marks_read(alice):
    rows = [
        Notification.objects.create(
            user=alice,
            kind=kind,
            key="k",
            link="/",
            status=Status.SENT,
            in_app=True,
            sent_at=timezone.now(),
        )
        for kind in (Kind.GOAL, Kind.REPAIR)
    ]
    Notification.objects.create(user=alice, kind=Kind.RETAKE, key="k", link="/", in_app=False)
    api = api_for(alice)
    listing = api.get("/api/v1/notifications").json()
    assert listing["unread"] == 2
    assert {i["kind"] for i in listing["items"]} == {"goal", "repair"}
    assert listing["items"][0]["created_at"].endswith(("Z", "+00:00", "+01:00"))
    one = api.post(f"/api/v1/notifications/{rows[0].pk}/read")
    assert one.status_code == 200 and one.json()["read"] is True
    assert api.get("/api/v1/notifications").json()["unread"] == 1
    assert api.post("/api/v1/notifications/read-all").json() == {"marked": 1, "unread": 0}
