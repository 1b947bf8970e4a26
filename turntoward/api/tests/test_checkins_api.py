"""`checkins` over the API: one per local day, the mutual reveal, replies, date filters."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.testing import api_for, make_checkin, make_couple, make_reply

CHECKIN = {
    "mood": 4,
    "connection": 2,
    "good_thing": "Breakfast together",
    "hard_thing": "Late train",
}


def day_of(rows: list[dict[str, Any]], day: date) -> dict[str, Any]:
    found = [r for r in rows if r["day"] == day.isoformat()]
    assert len(found) == 1, rows
    return found[0]


# --- writing my check-in ----------------------------------------------------------------


def test_checking_in_answers_201_with_the_created_checkin_and_its_id(alice):
    response = api_for(alice).post("checkins", {**CHECKIN, "need": "A hug"})

    assert response.status_code == 201
    data = response.json()
    checkin = CheckIn.objects.get(author=alice)
    assert data["id"] == str(checkin.id)
    assert data["day"] == alice.local_today().isoformat()
    assert data["author"] == "me"
    assert (data["mood"], data["connection"]) == (4, 2)
    assert (data["good_thing"], data["hard_thing"], data["need"]) == (
        "Breakfast together",
        "Late train",
        "A hug",
    )
    assert data["replies"] == []
    assert (checkin.good_thing, checkin.need) == ("Breakfast together", "A hug")


def test_need_is_optional(alice):
    response = api_for(alice).post("checkins", CHECKIN)

    assert response.status_code == 201
    assert response.json()["need"] == ""


def test_checking_in_again_the_same_day_answers_200_and_changes_it(alice):
    client = api_for(alice)
    first = client.post("checkins", CHECKIN).json()

    response = client.post("checkins", {**CHECKIN, "mood": 1, "good_thing": "Changed my mind"})

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == first["id"]
    assert (data["mood"], data["good_thing"]) == (1, "Changed my mind")
    assert data["created_at"] == first["created_at"]
    assert data["updated_at"] >= first["updated_at"]
    assert CheckIn.objects.filter(author=alice).count() == 1
    listed = day_of(client.get("checkins").json(), alice.local_today())
    assert listed["mine"]["good_thing"] == "Changed my mind"


def test_checking_in_for_a_missed_yesterday_answers_201_for_that_day(alice):
    yesterday = alice.local_today() - timedelta(days=1)

    response = api_for(alice).post("checkins", {**CHECKIN, "day": yesterday.isoformat()})

    assert response.status_code == 201
    assert response.json()["day"] == yesterday.isoformat()
    assert CheckIn.objects.get(author=alice).day == yesterday


def test_a_past_day_cannot_be_changed(alice):
    yesterday = alice.local_today() - timedelta(days=1)
    client = api_for(alice)
    assert client.post("checkins", {**CHECKIN, "day": yesterday.isoformat()}).status_code == 201

    response = client.post(
        "checkins", {**CHECKIN, "day": yesterday.isoformat(), "good_thing": "Rewritten"}
    )

    assert response.status_code == 409
    assert response.json()["detail"]
    assert CheckIn.objects.get(author=alice).good_thing == "Breakfast together"


def test_a_future_day_answers_422_naming_day(alice):
    tomorrow = alice.local_today() + timedelta(days=1)

    response = api_for(alice).post("checkins", {**CHECKIN, "day": tomorrow.isoformat()})

    assert response.status_code == 422
    assert list(response.json()["fields"]) == ["day"]
    assert not CheckIn.objects.exists()


def test_todays_day_sent_explicitly_is_the_same_as_no_day(alice):
    client = api_for(alice)
    today = alice.local_today().isoformat()

    assert client.post("checkins", {**CHECKIN, "day": today}).status_code == 201
    assert client.post("checkins", {**CHECKIN, "mood": 5}).status_code == 200
    assert client.post("checkins", {**CHECKIN, "day": today, "mood": 2}).status_code == 200
    assert CheckIn.objects.get(author=alice).mood == 2


def test_surrounding_spaces_are_trimmed_but_the_words_are_kept(alice):
    response = api_for(alice).post("checkins", {**CHECKIN, "good_thing": "  Tea in bed \n"})

    assert response.status_code == 201
    assert response.json()["good_thing"] == "Tea in bed"


def test_a_checkins_times_are_in_the_writers_time_zone(carol):
    response = api_for(carol).post("checkins", CHECKIN)

    assert response.json()["created_at"].endswith("+05:30")
    assert response.json()["day"] == carol.local_today().isoformat()


# --- reading my days -------------------------------------------------------------------


def test_listing_without_filters_gives_every_day_newest_first(alice):
    today = alice.local_today()
    for back in (0, 3, 10, 40):
        make_checkin(alice, today - timedelta(days=back), good_thing=f"{back} days back")

    response = api_for(alice).get("checkins")

    assert response.status_code == 200
    rows = response.json()
    assert [r["day"] for r in rows] == [
        (today - timedelta(days=b)).isoformat() for b in (0, 3, 10, 40)
    ]
    assert [r["mine"]["good_thing"] for r in rows] == [f"{b} days back" for b in (0, 3, 10, 40)]
    assert all(r["partner"] is None and r["partner_checked_in"] is False for r in rows)


def test_since_and_until_each_narrow_the_list_and_include_their_ends(alice):
    today = alice.local_today()
    days = [today - timedelta(days=b) for b in range(6)]
    for day in days:
        make_checkin(alice, day)
    client = api_for(alice)

    def listed(query: str) -> list[str]:
        response = client.get(f"checkins?{query}")
        assert response.status_code == 200, response.content
        return [r["day"] for r in response.json()]

    iso = [d.isoformat() for d in days]
    assert listed(f"since={iso[2]}") == iso[0:3]
    assert listed(f"until={iso[3]}") == iso[3:6]
    assert listed(f"since={iso[4]}&until={iso[1]}") == iso[1:5]
    assert listed(f"since={iso[2]}&until={iso[2]}") == [iso[2]]
    assert listed(f"since={iso[1]}&until={iso[4]}") == []
    assert listed("") == iso


def test_one_day_shows_my_checkin_or_an_empty_day(alice):
    today = alice.local_today()
    make_checkin(alice, today, good_thing="Only today")
    client = api_for(alice)

    response = client.get(f"checkins/{today.isoformat()}")
    empty = client.get(f"checkins/{(today - timedelta(days=2)).isoformat()}")

    assert response.status_code == 200
    assert response.json()["mine"]["good_thing"] == "Only today"
    assert empty.status_code == 200
    assert empty.json() == {
        "day": (today - timedelta(days=2)).isoformat(),
        "mine": None,
        "partner": None,
        "partner_checked_in": False,
    }


# --- the mutual reveal -----------------------------------------------------------------


def test_my_partners_checkin_stays_hidden_until_i_check_in_that_day(alice, bob, couple):
    today = alice.local_today()
    make_checkin(alice, today, good_thing="alice-secret-good")
    bob_client = api_for(bob)

    before = bob_client.get(f"checkins/{today.isoformat()}")

    assert before.json()["partner"] is None
    assert before.json()["partner_checked_in"] is True
    assert "alice-secret-good" not in before.content.decode()

    assert bob_client.post("checkins", CHECKIN).status_code == 201
    after = bob_client.get(f"checkins/{today.isoformat()}").json()
    assert after["partner"]["good_thing"] == "alice-secret-good"
    assert after["partner"]["author"] == "partner"
    assert after["mine"]["author"] == "me"

    alices_view = api_for(alice).get(f"checkins/{today.isoformat()}").json()
    assert alices_view["partner"]["good_thing"] == "Breakfast together"


def test_checking_in_on_another_day_does_not_reveal_today(alice, bob, couple):
    today = alice.local_today()
    make_checkin(alice, today, good_thing="alice-today")
    make_checkin(bob, today - timedelta(days=1))

    rows = api_for(bob).get("checkins").json()

    assert day_of(rows, today)["partner"] is None
    assert "alice-today" not in str(rows)


def test_days_before_the_couple_began_stay_private_to_each(alice, bob):
    today = alice.local_today()
    make_couple(alice, bob, started_on=today)
    make_checkin(alice, today - timedelta(days=1), good_thing="alice-before-us")
    make_checkin(bob, today - timedelta(days=1))

    rows = api_for(bob).get("checkins").json()

    row = day_of(rows, today - timedelta(days=1))
    assert row["partner"] is None
    assert row["partner_checked_in"] is False
    assert "alice-before-us" not in str(rows)


# --- replies ---------------------------------------------------------------------------


def test_replying_answers_404_before_the_reveal_and_201_after(alice, bob, couple):
    today = alice.local_today().isoformat()
    make_checkin(bob)
    client = api_for(alice)

    hidden = client.post(f"checkins/{today}/reply", {"text": "Thinking of you"})

    assert hidden.status_code == 404
    assert hidden.json() == {"detail": "Not found."}
    assert not CheckInReply.objects.exists()

    assert client.post("checkins", CHECKIN).status_code == 201
    response = client.post(f"checkins/{today}/reply", {"text": "Thinking of you"})

    assert response.status_code == 201
    data = response.json()
    assert data["id"] == str(CheckInReply.objects.get().id)
    assert (data["day"], data["author"], data["text"]) == (today, "me", "Thinking of you")


def test_replying_again_changes_my_one_reply(alice, bob, couple):
    today = alice.local_today().isoformat()
    make_checkin(alice)
    make_checkin(bob)
    client = api_for(alice)
    first = client.post(f"checkins/{today}/reply", {"text": "First"}).json()

    response = client.post(f"checkins/{today}/reply", {"text": "Second thoughts"})

    assert response.status_code == 200
    assert response.json()["id"] == first["id"]
    assert response.json()["text"] == "Second thoughts"
    assert CheckInReply.objects.get().text == "Second thoughts"


def test_my_reply_shows_to_the_checkins_author_as_from_partner(alice, bob, couple):
    today = alice.local_today()
    make_checkin(alice)
    make_checkin(bob)
    assert (
        api_for(alice).post(f"checkins/{today.isoformat()}/reply", {"text": "Proud of you"})
    ).status_code == 201

    bobs_day = api_for(bob).get(f"checkins/{today.isoformat()}").json()
    alices_day = api_for(alice).get(f"checkins/{today.isoformat()}").json()

    assert [(r["author"], r["text"]) for r in bobs_day["mine"]["replies"]] == [
        ("partner", "Proud of you")
    ]
    assert bobs_day["partner"]["replies"] == []
    assert [(r["author"], r["text"]) for r in alices_day["partner"]["replies"]] == [
        ("me", "Proud of you")
    ]
    assert alices_day["mine"]["replies"] == []


def test_an_outsider_cannot_reply_to_anyones_checkin(alice, bob, couple, dave):
    today = alice.local_today().isoformat()
    make_checkin(alice)
    make_checkin(bob)

    response = api_for(dave).post(f"checkins/{today}/reply", {"text": "Hello"})

    assert response.status_code == 404
    assert not CheckInReply.objects.exists()


def test_after_leaving_replies_and_checkins_of_the_other_disappear(alice, bob, couple):
    today = alice.local_today()
    mine = make_checkin(alice, today, good_thing="alice-text")
    theirs = make_checkin(bob, today, good_thing="bob-text")
    make_reply(alice, theirs, "alice-reply")
    make_reply(bob, mine, "bob-reply")
    assert api_for(alice).delete("couple").status_code == 204

    alice_rows = api_for(alice).get("checkins").json()
    bob_rows = api_for(bob).get("checkins").json()

    assert day_of(alice_rows, today)["partner"] is None
    assert day_of(alice_rows, today)["mine"]["replies"] == []
    assert "bob-" not in str(alice_rows)
    assert day_of(bob_rows, today)["partner"] is None
    assert "alice-" not in str(bob_rows)
    reply = api_for(bob).post(f"checkins/{today.isoformat()}/reply", {"text": "still there?"})
    assert reply.status_code == 404
