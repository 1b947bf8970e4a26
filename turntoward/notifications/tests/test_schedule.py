"""The scan, with "now" passed in: the right local time, across daylight-saving changes."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.core import mail

from turntoward.notifications.models import Kind, Status, prefs_for
from turntoward.notifications.schedule import local_moment
from turntoward.notifications.tasks import scan
from turntoward.testing import make_checkin, make_user

from .conftest import at, rows


def daily(user) -> list:
    return rows(user, Kind.DAILY_CHECKIN)


def test_london_gets_its_reminder_at_21_local_on_both_sides_of_the_spring_change(db):
    ann = make_user("Ann", time_zone="Europe/London")
    # 2027-03-28: clocks go forward. The day before, 21:00 is 21:00 UTC; the day after, 20:00 UTC.
    scan(at("2027-03-27 20:59"))
    assert daily(ann) == []
    scan(at("2027-03-27 21:00"))
    assert [r.key for r in daily(ann)] == ["2027-03-27"]
    scan(at("2027-03-29 19:59"))
    assert [r.key for r in daily(ann)] == ["2027-03-27"]
    scan(at("2027-03-29 20:00"))
    assert [r.key for r in daily(ann)] == ["2027-03-27", "2027-03-29"]
    assert daily(ann)[1].due_at == at("2027-03-29 20:00")
    assert all(r.status == Status.SENT for r in daily(ann))


def test_new_york_gets_its_reminder_at_21_local_across_the_autumn_change(db):
    nia = make_user("Nia", time_zone="America/New_York")
    # 2027-11-07: clocks go back. 21:00 EDT is 01:00 UTC next day; 21:00 EST is 02:00 UTC.
    scan(at("2027-11-07 01:00"))
    assert [r.key for r in daily(nia)] == ["2027-11-06"]
    scan(at("2027-11-08 01:30"))
    assert [r.key for r in daily(nia)] == ["2027-11-06"]
    scan(at("2027-11-08 02:00"))
    assert [r.key for r in daily(nia)] == ["2027-11-06", "2027-11-07"]


def test_a_time_that_does_not_exist_on_the_change_day_fires_once(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.daily_time = time(1, 30)  # 01:30 does not exist in London on 2027-03-28
    prefs.save()
    assert local_moment(date(2027, 3, 28), time(1, 30), ann.tz) == at("2027-03-28 01:30")
    for minute in range(0, 180, 1):
        scan(at("2027-03-28 00:00") + timedelta(minutes=minute))
    assert [r.key for r in daily(ann)] == ["2027-03-28"]
    assert len(mail.outbox) == 1


def test_a_time_that_repeats_on_the_change_day_fires_once_at_its_first_occurrence(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.daily_time = time(1, 30)  # 01:30 happens twice in London on 2027-10-31
    prefs.save()
    for minute in range(0, 180, 1):
        scan(at("2027-10-30 23:30") + timedelta(minutes=minute))
    assert [(r.key, r.due_at) for r in daily(ann)] == [("2027-10-31", at("2027-10-31 00:30"))]
    assert len(mail.outbox) == 1


def test_a_reminder_missed_during_downtime_goes_out_late_only_before_local_midnight(db):
    ann = make_user("Ann", time_zone="Europe/London")
    # Down from 20:00 to 23:30 London time (summer, UTC+1): sent late, still that day.
    scan(at("2027-06-10 22:30"))
    assert [(r.key, r.status) for r in daily(ann)] == [("2027-06-10", Status.SENT)]
    assert len(mail.outbox) == 1
    # Down the whole next evening, back at 00:05 on the 12th: the 11th is gone for good.
    scan(at("2027-06-11 23:05"))
    assert [r.key for r in daily(ann)] == ["2027-06-10"]
    assert len(mail.outbox) == 1


def test_a_row_found_before_midnight_but_not_sent_by_then_is_dropped(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.quiet_start, prefs.quiet_end = time(20, 0), time(7, 0)
    prefs.save()
    scan(at("2027-06-10 20:00"))  # due at 21:00 local, inside quiet hours: held back
    assert [r.status for r in daily(ann)] == [Status.PENDING]
    scan(at("2027-06-11 06:00"))  # quiet hours end at 07:00 local: too late for the 10th
    assert [r.status for r in daily(ann)] == [Status.SKIPPED]
    assert mail.outbox == []


def test_no_reminder_once_i_have_checked_in_that_day(db):
    ann = make_user("Ann", time_zone="Europe/London")
    make_checkin(ann, day=date(2027, 6, 10))
    scan(at("2027-06-10 20:30"))
    assert daily(ann) == []


def test_a_reminder_recorded_before_i_checked_in_is_skipped_if_sent_after(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.quiet_start, prefs.quiet_end = time(21, 0), time(21, 30)
    prefs.save()
    scan(at("2027-06-10 20:00"))  # 21:00 local: due, but quiet hours hold it back
    assert [r.status for r in daily(ann)] == [Status.PENDING]
    make_checkin(ann, day=date(2027, 6, 10))
    scan(at("2027-06-10 20:40"))
    assert [r.status for r in daily(ann)] == [Status.SKIPPED]
    assert mail.outbox == []


def test_quiet_hours_delay_a_reminder_until_they_end(db):
    ann = make_user("Ann", time_zone="Europe/London")
    prefs = prefs_for(ann)
    prefs.quiet_start, prefs.quiet_end = time(20, 30), time(21, 45)
    prefs.save()
    scan(at("2027-06-10 20:00"))
    scan(at("2027-06-10 20:44"))
    assert mail.outbox == []
    scan(at("2027-06-10 20:45"))
    assert len(mail.outbox) == 1
    assert [r.status for r in daily(ann)] == [Status.SENT]


def test_channels_are_respected_per_kind(db):
    ann = make_user("Ann", time_zone="UTC")
    prefs = prefs_for(ann)
    prefs.channels = {Kind.DAILY_CHECKIN: ["in_app"]}
    prefs.save()
    scan(at("2027-06-10 21:00"))
    row = daily(ann)[0]
    assert (row.status, row.emailed, row.in_app) == (Status.SENT, False, True)
    assert mail.outbox == []
    bea = make_user("Bea", time_zone="UTC")
    prefs = prefs_for(bea)
    prefs.channels = {Kind.DAILY_CHECKIN: []}
    prefs.save()
    scan(at("2027-06-11 21:00"))
    assert [r.status for r in daily(bea)] == [Status.SKIPPED]


def test_weekly_reminder_on_the_chosen_day_and_time(db):
    ann = make_user("Ann", time_zone="Asia/Kolkata")
    prefs = prefs_for(ann)
    prefs.weekly_day, prefs.weekly_time = 2, time(8, 0)  # Wednesday 08:00 IST = 02:30 UTC
    prefs.save()
    scan(at("2027-06-09 02:29"))
    assert rows(ann, Kind.WEEKLY_CHECKIN) == []
    scan(at("2027-06-09 02:30"))
    assert [r.key for r in rows(ann, Kind.WEEKLY_CHECKIN)] == ["2027-06-09"]
    scan(at("2027-06-10 02:30"))
    assert len(rows(ann, Kind.WEEKLY_CHECKIN)) == 1


def test_running_the_scan_twice_at_the_same_moment_sends_once(db):
    make_user("Ann", time_zone="UTC")
    scan(at("2027-06-10 21:05"))
    scan(at("2027-06-10 21:05"))
    scan(at("2027-06-10 21:06"))
    assert len(mail.outbox) == 1
