"""The activities pages: ideas, planning in my zone, plans, done, reflections, .ics."""

from __future__ import annotations

from datetime import timedelta

import icalendar
from django.test import Client
from django.utils import timezone

from turntoward.activities.models import ActivityPlan, ActivityReflection
from turntoward.activities.tests.conftest import make_plan, make_reflection


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_ideas_page_lists_ideas_and_explains_novelty(alice):
    text = client_for(alice).get("/activities/").content.decode()

    assert "A walk at sunrise" in text
    assert "Arthur Aron" in text
    assert "New for us" in text


def test_filters_narrow_the_ideas(alice):
    text = client_for(alice).get("/activities/?place=home&cost=medium").content.decode()

    assert "A walk at sunrise" not in text
    assert "No ideas match" in text or "idea-" in text


def test_suggestions_hide_what_we_have_done(alice, bob, couple):
    make_plan(bob, "sunrise-walk", status="done", done_at=timezone.now())

    every = client_for(alice).get("/activities/").content.decode()
    suggested = client_for(alice).get("/activities/?suggested=on").content.decode()

    assert "A walk at sunrise" in every and "Done together" in every
    assert "A walk at sunrise" not in suggested


def test_a_lone_partner_gets_the_kind_note(alice):
    text = client_for(alice).get("/activities/").content.decode()

    assert "This practice is for two" in text


def test_planning_reads_the_date_and_time_in_my_zone(alice, bob, couple):
    alice.time_zone = "Asia/Kolkata"
    alice.save()
    day = (timezone.now() + timedelta(days=3)).date()

    response = client_for(alice).post(
        "/activities/ideas/cloud-watching/plan/",
        {"date": day.isoformat(), "time": "19:00", "note": "Bring the blanket"},
    )

    plan = ActivityPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/activities/plans/{plan.pk}/"
    assert (plan.starts_at.hour, plan.starts_at.minute) == (13, 30)  # 19:00 IST in UTC
    # Bob (London) sees it in his own zone.
    text = client_for(bob).get(f"/activities/plans/{plan.pk}/").content.decode()
    assert "Cloud watching" in text and "Bring the blanket" in text
    assert "Europe/London" in text


def test_a_bad_plan_keeps_what_i_typed_next_to_the_error(alice):
    response = client_for(alice).post(
        "/activities/ideas/cloud-watching/plan/",
        {"date": "2001-01-01", "time": "10:00", "note": "keep-this-note-birch"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "already passed" in text
    assert "keep-this-note-birch" in text
    assert not ActivityPlan.objects.exists()


def test_an_unknown_idea_is_404(alice):
    assert client_for(alice).get("/activities/ideas/no-such-idea/plan/").status_code == 404


def test_the_plans_page_shows_upcoming_and_done(alice, bob, couple):
    make_plan(alice, "cloud-watching", hours=10)
    done = make_plan(bob, "sunrise-walk", status="done", done_at=timezone.now())
    make_reflection(bob, done, 5)

    text = client_for(alice).get("/activities/plans/").content.decode()

    assert "Cloud watching" in text and "A walk at sunrise" in text
    assert "Bob: 5/5" in text
    assert "Say how it felt" in text


def test_marking_done_then_reflecting_shows_both_reflections(alice, bob, couple, plan):
    client_for(bob).post(f"/activities/plans/{plan.pk}/done/")
    response = client_for(alice).post(
        f"/activities/plans/{plan.pk}/reflect/", {"feeling": "5", "note": "alice-felt-warm"}
    )
    client_for(bob).post(f"/activities/plans/{plan.pk}/reflect/", {"feeling": "4", "note": "bob"})

    assert response.status_code == 302
    text = client_for(bob).get(f"/activities/plans/{plan.pk}/").content.decode()
    assert "alice-felt-warm" in text and "Felt 5/5" in text and "Felt 4/5" in text


def test_a_reflection_without_a_feeling_keeps_the_note(alice, couple, plan):
    client_for(alice).post(f"/activities/plans/{plan.pk}/done/")

    response = client_for(alice).post(
        f"/activities/plans/{plan.pk}/reflect/", {"note": "kept-note-hazel"}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Choose how it felt" in text and "kept-note-hazel" in text
    assert not ActivityReflection.objects.exists()


def test_reflecting_before_done_explains_why(alice, couple, plan):
    response = client_for(alice).post(f"/activities/plans/{plan.pk}/reflect/", {"feeling": "3"})

    assert response.status_code == 200
    assert not ActivityReflection.objects.exists()


def test_the_planner_cancels_but_the_partner_cannot(alice, bob, couple, plan):
    refused = client_for(bob).post(f"/activities/plans/{plan.pk}/cancel/", follow=True)
    assert "Only the person who planned it" in refused.content.decode()
    assert ActivityPlan.objects.exists()

    response = client_for(alice).post(f"/activities/plans/{plan.pk}/cancel/")
    assert response.status_code == 302
    assert not ActivityPlan.objects.exists()


def test_the_ics_download_is_valid_in_my_zone_with_only_the_title(alice, couple, plan):
    response = client_for(alice).get(f"/activities/plans/{plan.pk}/plan.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    cal = icalendar.Calendar.from_ical(response.content)
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["SUMMARY"]) == "A walk at sunrise"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert b"saffron" not in response.content


def test_the_home_page_shows_a_plan_coming_soon(alice, bob, couple):
    make_plan(bob, "cloud-watching", hours=20, note="secret-note-olive")

    text = client_for(alice).get("/").content.decode()

    assert "Coming up: Cloud watching" in text
    assert "secret-note-olive" not in text


def test_the_practice_is_listed_with_those_for_two(alice):
    text = client_for(alice).get("/practices/").content.decode()

    assert "Novelty and quality time" in text


def test_a_date_at_the_edge_of_the_calendar_is_a_form_error_not_a_crash(alice):
    alice.time_zone = "America/New_York"
    alice.save()

    for day, at in (("9999-12-31", "23:59"), ("0001-01-01", "00:00")):
        response = client_for(alice).post(
            "/activities/ideas/cloud-watching/plan/", {"date": day, "time": at}
        )
        assert response.status_code == 200
        assert "field-error" in response.content.decode()
    assert not ActivityPlan.objects.exists()


def test_a_time_skipped_by_the_clocks_changing_is_explained(alice):
    from datetime import date

    # The next spring-forward in London: the last Sunday of March, 01:30 does not exist.
    year = alice.local_today().year + 1
    last_sunday = max(date(year, 3, d) for d in range(25, 32) if date(year, 3, d).weekday() == 6)

    response = client_for(alice).post(
        "/activities/ideas/cloud-watching/plan/",
        {"date": last_sunday.isoformat(), "time": "01:30"},
    )

    assert "The clocks change around then" in response.content.decode()
    assert not ActivityPlan.objects.exists()


def test_changing_a_filter_with_htmx_swaps_only_the_list(alice):
    response = client_for(alice).get("/activities/?place=outdoors", HTTP_HX_REQUEST="true")

    text = response.content.decode()
    assert text.lstrip().startswith('<section id="idea-list"')
    assert "A walk at sunrise" in text and "Blanket-fort cinema" not in text
