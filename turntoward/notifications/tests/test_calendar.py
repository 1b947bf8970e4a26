"""The feed as a calendar app reads it: parsed by icalendar, expanded across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import recurring_ical_events
from django.test import Client
from icalendar import Calendar

from turntoward.activities.models import ActivityIdea, ActivityPlan
from turntoward.notifications.models import prefs_for
from turntoward.notifications.services import new_calendar_link
from turntoward.testing import make_couple, make_user


def feed_for(user) -> tuple[Calendar, object]:
    token = prefs_for(user).calendar_token
    response = Client().get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response


def starts(cal: Calendar, since: date, until: date, summary: str) -> list[datetime]:
    events = recurring_ical_events.of(cal).between(since, until)
    return sorted(e["DTSTART"].dt for e in events if str(e["SUMMARY"]) == summary)


def old_user(name: str, zone: str):
    user = make_user(name, time_zone=zone)
    user.date_joined = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)
    user.save()
    return user


def test_the_daily_check_in_stays_at_21_london_time_across_both_changes(db):
    ann = old_user("Ann", "Europe/London")
    cal, _ = feed_for(ann)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    around_spring = starts(cal, date(2027, 3, 27), date(2027, 3, 30), "Daily check-in")
    assert [d.strftime("%m-%d %H:%M %Z") for d in around_spring] == [
        "03-27 21:00 GMT",
        "03-28 21:00 BST",
        "03-29 21:00 BST",
    ]
    assert [d.astimezone(UTC).hour for d in around_spring] == [21, 20, 20]
    around_autumn = starts(cal, date(2027, 10, 30), date(2027, 11, 1), "Daily check-in")
    assert [d.astimezone(UTC).hour for d in around_autumn] == [20, 21]


def test_the_weekly_check_in_recurs_on_the_chosen_weekday_in_new_york(db):
    nia = old_user("Nia", "America/New_York")
    prefs = prefs_for(nia)
    prefs.weekly_day, prefs.weekly_time = 6, time(19, 30)
    prefs.save()
    cal, _ = feed_for(nia)
    weekly = starts(cal, date(2027, 10, 25), date(2027, 11, 16), "Weekly check-in")
    assert [d.strftime("%a %m-%d %H:%M") for d in weekly] == [
        "Sun 10-31 19:30",
        "Sun 11-07 19:30",
        "Sun 11-14 19:30",
    ]
    assert [d.astimezone(UTC).hour for d in weekly] == [23, 0, 0]
    raw = feed_for(nia)[1].content.decode()
    assert "RRULE:FREQ=WEEKLY;BYDAY=SU" in raw
    assert "DTSTART;TZID=America/New_York:" in raw


def test_planned_activities_appear_with_our_title_and_never_the_note(db):
    ann, ben = old_user("Ann", "Europe/London"), old_user("Ben", "Europe/London")
    couple = make_couple(ann, ben)
    idea = ActivityIdea.objects.order_by("order").first()
    starts_at = datetime(2030, 5, 4, 17, 0, tzinfo=UTC)
    ActivityPlan.objects.create(
        idea=idea, planner=ann, couple=couple, starts_at=starts_at, note="note-marker-plum"
    )
    for person in (ann, ben):
        cal, response = feed_for(person)
        plans = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("plan-")]
        assert [(str(e["SUMMARY"]), e["DTSTART"].dt.astimezone(UTC)) for e in plans] == [
            (idea.title, starts_at)
        ]
        assert "note-marker-plum" not in response.content.decode()
    outsider = old_user("Oli", "UTC")
    assert b"plan-" not in feed_for(outsider)[1].content


def test_a_new_link_makes_the_old_address_404(db):
    ann = old_user("Ann", "Europe/London")
    old = prefs_for(ann).calendar_token
    new_calendar_link(ann)
    assert Client().get(f"/calendar/{old}.ics").status_code == 404
    assert Client().get("/calendar/not-a-token.ics").status_code == 404
    feed_for(ann)
