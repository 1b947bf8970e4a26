"""The self-care pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from turntoward.selfcare import services
from turntoward.selfcare.models import SelfCareItem, SelfCareLog

from .conftest import ALICE_LOG_NOTE, ALICE_NOTE, ALICE_TITLE


@pytest.fixture
def web(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def test_an_empty_plan_invites_a_first_small_step(web):
    text = web.get("/self-care/").content.decode()

    assert "Start with one small thing" in text
    assert "Only you can see your self-care" in text


def test_the_plan_shows_my_items_and_a_one_tap_log(web, alice_item):
    text = web.get("/self-care/").content.decode()

    assert ALICE_TITLE in text
    assert ALICE_NOTE in text
    assert "I did this today" in text
    assert "Every day" in text


def test_adding_an_item_from_the_form(web, alice):
    response = web.post(
        "/self-care/items/new/",
        {"title": "Early night", "frequency": "times_a_week", "times_a_week": "4", "note": ""},
    )

    assert response.status_code == 302
    item = SelfCareItem.objects.get(author=alice)
    assert (item.title, item.times) == ("Early night", 4)


def test_a_form_error_keeps_what_was_typed(web):
    long_title = "A very long walk " * 20

    response = web.post("/self-care/items/new/", {"title": long_title, "note": "keep me"})

    text = response.content.decode()
    assert response.status_code == 200
    assert "Choose how often" in text
    assert "keep me" in text
    assert long_title.strip()[:50] in text
    assert not SelfCareItem.objects.exists()


def test_i_did_this_today_logs_it_and_shows_done(web, alice, alice_item):
    response = web.post(f"/self-care/items/{alice_item.pk}/done/", follow=True)

    assert SelfCareLog.objects.get(item=alice_item).day == alice.local_today()
    assert "Done today" in response.content.decode()


def test_i_did_this_today_over_htmx_swaps_just_the_item(web, alice_item):
    response = web.post(f"/self-care/items/{alice_item.pk}/done/", HTTP_HX_REQUEST="true")

    text = response.content.decode()
    assert text.lstrip().startswith("<li")
    assert "Done today" in text


def test_the_log_page_logs_a_past_day_with_a_feeling_and_note(web, alice, alice_item):
    day = alice.local_today() - timedelta(days=1)

    response = web.post(
        "/self-care/log/",
        {"item": str(alice_item.pk), "day": day.isoformat(), "feeling": "5", "note": "Sunny"},
        follow=True,
    )

    log = SelfCareLog.objects.get()
    assert (log.day, log.feeling, log.note) == (day, 5, "Sunny")
    text = response.content.decode()
    assert "Sunny" in text
    assert "Lovely" in text


def test_the_log_page_refuses_a_future_day_and_keeps_the_note(web, alice, alice_item):
    day = alice.local_today() + timedelta(days=1)

    response = web.post(
        "/self-care/log/", {"item": str(alice_item.pk), "day": day.isoformat(), "note": "kept"}
    )

    text = response.content.decode()
    assert "hasn&#x27;t happened yet" in text
    assert "kept" in text
    assert not SelfCareLog.objects.exists()


def test_the_log_page_lists_the_last_four_weeks(web, alice_log):
    text = web.get("/self-care/log/").content.decode()

    assert ALICE_LOG_NOTE in text
    assert ALICE_TITLE in text


def test_the_week_page_says_what_went_well_without_scolding(web, alice, alice_log):
    services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=2)

    text = web.get("/self-care/week/").content.decode()

    assert "What went well" in text
    assert "1 of 7" in text
    assert "Swim" in text
    assert "smaller version" in text
    assert "streak" not in text.lower()


def test_the_week_page_goes_back_a_week_and_tolerates_a_bad_date(web, alice):
    last_week = services.week_start(alice.local_today()) - timedelta(days=7)

    older = web.get(f"/self-care/week/?week={last_week.isoformat()}").content.decode()
    bad = web.get("/self-care/week/?week=soon")

    assert "Week after" in older
    assert bad.status_code == 200


def test_ideas_can_be_added_to_the_plan(web, alice):
    assert "A brisk walk" in web.get("/self-care/ideas/").content.decode()

    web.post("/self-care/ideas/brisk-walk/add/")

    assert SelfCareItem.objects.get(author=alice).title == "A brisk walk"
    assert "In your plan" in web.get("/self-care/ideas/").content.decode()


def test_editing_an_item(web, alice_item):
    form = web.get(f"/self-care/items/{alice_item.pk}/edit/").content.decode()
    assert ALICE_TITLE in form

    web.post(
        f"/self-care/items/{alice_item.pk}/edit/",
        {"title": "Stretch", "frequency": "weekly", "note": ""},
    )

    alice_item.refresh_from_db()
    assert (alice_item.title, alice_item.times) == ("Stretch", 1)


def test_removing_an_item_asks_first(web, alice_log):
    url = f"/self-care/items/{alice_log.item_id}/delete/"

    confirm = web.get(url).content.decode()
    assert "Remove from my plan?" in confirm
    assert "1 day" in confirm
    assert SelfCareItem.objects.exists()

    web.post(url)
    assert not SelfCareItem.objects.exists()


def test_the_home_page_shows_the_gentle_card_for_a_daily_item(web, alice_item):
    text = web.get("/").content.decode()

    assert "A little time for you" in text
    assert ALICE_TITLE in text


def test_the_practices_page_lists_self_care(web):
    assert "/self-care/" in web.get("/practices/").content.decode()
