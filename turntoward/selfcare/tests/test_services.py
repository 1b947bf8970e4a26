"""The rules of self-care, without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from turntoward.core.personal_data import kinds
from turntoward.core.registry import home_cards
from turntoward.selfcare import services
from turntoward.selfcare.cards import home_cards as selfcare_cards
from turntoward.selfcare.models import SelfCareItem, SelfCareLog

from .conftest import ALICE_TITLE


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# --- the plan -----------------------------------------------------------------------


def test_a_daily_item_is_intended_seven_times_a_week(alice):
    item = services.add_item(alice, title="Stretch", frequency="daily")

    assert item.times == 7
    assert item.author == alice


def test_a_weekly_item_is_intended_once_a_week_whatever_number_is_sent(alice):
    item = services.add_item(alice, title="Call Priya", frequency="weekly", times_a_week=5)

    assert item.times == 1


def test_a_few_times_a_week_keeps_the_chosen_number(alice):
    item = services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=3)

    assert (item.frequency, item.times) == ("times_a_week", 3)


@pytest.mark.parametrize("times", [None, 0, 8, "many", True])
def test_a_few_times_a_week_needs_a_number_from_one_to_seven(alice, times):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=times)

    assert "times_a_week" in errors_of(excinfo)
    assert not SelfCareItem.objects.exists()


def test_it_asks_how_often_when_the_frequency_is_unknown(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, title="Swim", frequency="hourly")

    assert "how often" in errors_of(excinfo)["frequency"][0]


@pytest.mark.parametrize("title", ["", "   ", None])
def test_an_item_needs_a_title(alice, title):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, title=title, frequency="daily")

    assert "title" in errors_of(excinfo)


def test_an_over_long_title_says_how_long_it_was(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, title="x" * 500, frequency="daily")

    assert "you wrote 500" in errors_of(excinfo)["title"][0]


def test_control_characters_are_refused_rather_than_stored(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, title="Walk\x00", frequency="daily")

    assert "control characters" in errors_of(excinfo)["title"][0]


def test_an_idea_gives_its_title_and_rhythm(alice):
    item = services.add_item(alice, idea="brisk-walk")

    assert item.title == "A brisk walk"
    assert (item.frequency, item.times) == ("times_a_week", 3)
    assert item.idea.slug == "brisk-walk"


def test_an_idea_can_be_renamed_and_given_another_rhythm(alice):
    item = services.add_item(alice, idea="brisk-walk", title="Walk to the river", frequency="daily")

    assert (item.title, item.times) == ("Walk to the river", 7)


def test_an_unknown_idea_is_an_error_on_the_idea(alice):
    with pytest.raises(ValidationError) as excinfo:
        services.add_item(alice, idea="no-such-idea")

    assert "idea" in errors_of(excinfo)


def test_update_changes_only_what_is_given(alice, alice_item):
    item = services.update_item(alice, alice_item.pk, note="Before lunch")

    assert item.title == ALICE_TITLE
    assert item.note == "Before lunch"
    assert item.frequency == "daily"


def test_update_to_a_few_times_a_week_needs_the_number(alice, alice_item):
    with pytest.raises(ValidationError) as excinfo:
        services.update_item(alice, alice_item.pk, frequency="times_a_week")

    assert "times_a_week" in errors_of(excinfo)
    item = services.update_item(alice, alice_item.pk, frequency="times_a_week", times_a_week=2)
    assert item.times == 2


@pytest.mark.parametrize("person", ["bob", "dave", "carol"])
def test_nobody_else_can_change_or_remove_alices_item(request, couple, alice_item, person):
    other = request.getfixturevalue(person)

    with pytest.raises(Http404):
        services.update_item(other, alice_item.pk, title="Mine now")
    with pytest.raises(Http404):
        services.remove_item(other, alice_item.pk)
    with pytest.raises(Http404):
        services.log_activity(other, item=alice_item.pk)
    alice_item.refresh_from_db()
    assert alice_item.title == ALICE_TITLE


def test_removing_an_item_removes_its_log(alice, alice_log):
    services.remove_item(alice, alice_log.item_id)

    assert not SelfCareItem.objects.exists()
    assert not SelfCareLog.objects.exists()


# --- the log ------------------------------------------------------------------------


def test_a_log_is_for_my_local_today_by_default(alice, alice_item):
    log, created = services.log_activity(alice, item=alice_item.pk)

    assert created
    assert log.day == alice.local_today()


def test_logging_the_same_item_twice_a_day_updates_the_first(alice, alice_item):
    services.log_activity(alice, item=alice_item.pk, feeling=2)
    log, created = services.log_activity(alice, item=alice_item.pk, note="Lovely", feeling=5)

    assert not created
    assert SelfCareLog.objects.count() == 1
    assert (log.note, log.feeling) == ("Lovely", 5)


def test_a_log_cannot_be_for_a_day_that_has_not_happened(alice, alice_item):
    with pytest.raises(ValidationError) as excinfo:
        services.log_activity(alice, item=alice_item.pk, day=alice.local_today() + timedelta(1))

    assert "yet" in errors_of(excinfo)["day"][0]


def test_a_log_can_go_two_weeks_back_but_no_further(alice, alice_item):
    today = alice.local_today()
    log, _ = services.log_activity(alice, item=alice_item.pk, day=today - timedelta(days=14))
    assert log.day == today - timedelta(days=14)

    with pytest.raises(ValidationError) as excinfo:
        services.log_activity(alice, item=alice_item.pk, day=today - timedelta(days=15))
    assert "day" in errors_of(excinfo)


@pytest.mark.parametrize("feeling", [0, 6, "great", True])
def test_how_it_felt_is_one_to_five(alice, alice_item, feeling):
    with pytest.raises(ValidationError) as excinfo:
        services.log_activity(alice, item=alice_item.pk, feeling=feeling)

    assert "feeling" in errors_of(excinfo)
    assert not SelfCareLog.objects.exists()


# --- the weekly look ----------------------------------------------------------------


def test_the_week_counts_done_against_intended_for_each_item(alice):
    today = alice.local_today()
    start = services.week_start(today) - timedelta(days=7)  # last week: complete and known
    daily = services.add_item(alice, title="Stretch", frequency="daily")
    weekly = services.add_item(alice, title="Call Priya", frequency="weekly")
    services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=3)
    for offset in (0, 2, 4):
        SelfCareLog.objects.create(author=alice, item=daily, day=start + timedelta(offset))
    SelfCareLog.objects.create(author=alice, item=weekly, day=start + timedelta(6), feeling=5)
    SelfCareLog.objects.create(author=alice, item=daily, day=start - timedelta(1))  # week before

    look = services.week_look(alice, start + timedelta(days=3))

    rows = {r.item.title: r for r in look.items}
    assert (look.start, look.end) == (start, start + timedelta(days=6))
    assert (rows["Stretch"].done, rows["Stretch"].intended) == (3, 7)
    assert (rows["Call Priya"].done, rows["Call Priya"].reached) == (1, True)
    assert (rows["Swim"].done, rows["Swim"].intended) == (0, 3)
    assert "3 of the 7" in rows["Stretch"].message
    assert "as often as you hoped" in rows["Call Priya"].message
    assert [r.item.title for r in look.went_well] == ["Stretch", "Call Priya"]
    assert look.average_feeling == 5.0
    assert not look.in_progress


def test_the_week_never_scolds(alice):
    services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=3)

    look = services.week_look(alice, alice.local_today() - timedelta(days=7))

    words = (look.summary + " ".join(r.message for r in look.items)).lower()
    assert look.items[0].done == 0
    assert "smaller version" in words
    for harsh in ("fail", "missed", "streak", "should have", "only"):
        assert harsh not in words


def test_the_week_of_an_empty_plan_invites_a_first_step(alice):
    assert "Pick one small thing" in services.week_look(alice).summary


# --- the home card ------------------------------------------------------------------


def test_a_daily_item_not_yet_done_today_brings_a_gentle_card(alice, alice_item):
    cards = selfcare_cards(alice)

    assert len(cards) == 1
    assert ALICE_TITLE in cards[0].body
    assert "A little time for you" in str(cards[0].title)
    assert any(c.key == "selfcare-today" for c in home_cards(alice))


def test_the_card_goes_once_today_is_logged(alice, alice_item):
    services.log_activity(alice, item=alice_item.pk)

    assert selfcare_cards(alice) == []


def test_weekly_items_bring_no_daily_card(alice):
    services.add_item(alice, title="Call Priya", frequency="weekly")

    assert selfcare_cards(alice) == []


def test_bob_gets_no_card_about_alices_plan(couple, alice, bob, alice_item):
    assert selfcare_cards(bob) == []
    assert all(ALICE_TITLE not in str(c.body) for c in home_cards(bob))


# --- export and deletion ------------------------------------------------------------


def _kind(key):
    return next(k for k in kinds() if k.key == key)


def test_export_holds_my_plan_and_log_only(couple, alice, bob, alice_log):
    services.add_item(bob, title="Bob's run", frequency="weekly")

    items = _kind("selfcare_items")(alice).export()
    logs = _kind("selfcare_log")(alice).export()

    assert [i["title"] for i in items] == [ALICE_TITLE]
    assert logs[0]["feeling"] == 4
    assert [i["title"] for i in _kind("selfcare_items")(bob).export()] == ["Bob's run"]


def test_deleting_my_data_leaves_others_plans(couple, alice, bob, alice_log):
    services.add_item(bob, title="Bob's run", frequency="weekly")

    _kind("selfcare_log")(alice).delete()
    _kind("selfcare_items")(alice).delete()

    assert not SelfCareItem.objects.filter(author=alice).exists()
    assert SelfCareItem.objects.filter(author=bob).count() == 1


def test_in_the_week_still_going_an_item_not_done_yet_is_offered_not_judged(alice):
    services.add_item(alice, title="Swim", frequency="times_a_week", times_a_week=3)
    done = services.add_item(alice, title="Stretch", frequency="daily")
    services.log_activity(alice, item=done.pk)

    look = services.week_look(alice)

    rows = {r.item.title: r for r in look.items}
    assert look.in_progress
    assert "still time this week" in rows["Swim"].message
    assert [r.item.title for r in look.invitations] == ["Swim"]
    assert [r.item.title for r in look.went_well] == ["Stretch"]
