"""The rules of bids: logging, responding, repairing, and the weekly ratio."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from turntoward.bids import services
from turntoward.bids.models import Bid
from turntoward.bids.tests.conftest import make_bid
from turntoward.couples.services import leave_couple


def test_it_logs_a_bid_i_made_with_me_as_maker_and_my_partner_as_receiver(alice, bob, couple):
    bid = services.log_bid(alice, description="Asked about his day", kind="attention", by="me")

    assert (bid.maker, bid.receiver, bid.author, bid.couple) == (alice, bob, alice, couple)
    assert bid.is_open
    assert Bid.objects.get(pk=bid.pk).description == "Asked about his day"


def test_it_logs_a_bid_i_noticed_from_my_partner_with_them_as_maker(alice, bob, couple):
    bid = services.log_bid(alice, description="He made me laugh", kind="humour", by="partner")

    assert (bid.maker, bid.receiver, bid.author) == (bob, alice, alice)


def test_it_stores_the_description_encrypted(alice, bob, couple):
    from django.db import connection

    bid = services.log_bid(alice, description="secret-sparrow", kind="help", by="me")

    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM bids_bid WHERE id = %s", [bid.pk.hex])
        raw = cursor.fetchone()
    if raw is None:  # PostgreSQL stores UUIDs natively
        with connection.cursor() as cursor:
            cursor.execute("SELECT description FROM bids_bid WHERE id = %s", [str(bid.pk)])
            raw = cursor.fetchone()
    assert "secret-sparrow" not in raw[0]


def test_it_needs_a_partner_to_log_a_bid(alice):
    with pytest.raises(services.NeedsPartner, match="need your partner"):
        services.log_bid(alice, description="Hello", kind="help", by="me")
    assert Bid.objects.count() == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"description": "   "}, "description"),
        ({"description": "x" * 1001}, "description"),
        ({"description": "bad\x00char"}, "description"),
        ({"description": 42}, "description"),
        ({"kind": "shouting"}, "kind"),
        ({"by": "neighbour"}, "by"),
        ({"occurred_at": timezone.now() + timedelta(days=2)}, "occurred_at"),
        ({"occurred_at": timezone.now() - timedelta(days=400)}, "occurred_at"),
    ],
)
def test_it_rejects_bad_bid_input_naming_the_field(alice, bob, couple, values, field):
    data = {"description": "Hello", "kind": "help", "by": "me", **values}

    with pytest.raises(ValidationError) as exc:
        services.log_bid(alice, **data)

    assert field in exc.value.message_dict
    assert Bid.objects.count() == 0


def test_a_time_without_offset_is_the_loggers_local_time(alice, bob, couple):
    naive = datetime.now(ZoneInfo("Europe/London")).replace(tzinfo=None) - timedelta(hours=2)

    bid = services.log_bid(alice, description="x", kind="help", by="me", occurred_at=naive)

    assert bid.occurred_at.astimezone(ZoneInfo("Europe/London")).replace(tzinfo=None) == naive


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_either_partner_may_record_the_response_with_a_note(alice, bob, couple, who):
    bid = make_bid(alice, bob)
    person = {"alice": alice, "bob": bob}[who]

    bid = services.respond_to_bid(person, bid.pk, response="toward", note="Loved it")

    assert bid.response == "toward"
    assert bid.response_note == "Loved it"
    assert bid.responded_by == person
    assert bid.responded_at is not None


def test_it_rejects_an_unknown_response_and_keeps_the_bid_open(alice, bob, couple):
    bid = make_bid(alice, bob)

    with pytest.raises(ValidationError) as exc:
        services.respond_to_bid(bob, bid.pk, response="sideways")

    assert "response" in exc.value.message_dict
    assert Bid.objects.get(pk=bid.pk).is_open


def test_an_outsider_cannot_respond_to_a_bid(alice, bob, couple, dave):
    from django.http import Http404

    bid = make_bid(alice, bob)

    with pytest.raises(Http404):
        services.respond_to_bid(dave, bid.pk, response="toward")


def test_a_bid_turned_away_or_against_is_missed_and_toward_is_not(alice, bob, couple):
    assert make_bid(alice, bob, response="away").is_missed()
    assert make_bid(alice, bob, response="against").is_missed()
    assert not make_bid(alice, bob, response="toward").is_missed()


def test_an_open_bid_is_missed_only_after_a_day(alice, bob, couple):
    fresh = make_bid(alice, bob, occurred_at=timezone.now() - timedelta(hours=23))
    old = make_bid(alice, bob, occurred_at=timezone.now() - timedelta(hours=25))

    assert not fresh.is_missed()
    assert old.is_missed()


def test_the_receiver_repairs_a_missed_bid_and_the_time_is_recorded(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")
    before = timezone.now()

    bid = services.repair_bid(bob, bid.pk, note="I was distracted. Tell me again?")

    assert bid.is_repaired
    assert bid.repaired_by == bob
    assert bid.repaired_at >= before
    assert bid.repair_note == "I was distracted. Tell me again?"


def test_a_bid_left_open_for_a_day_can_be_repaired(alice, bob, couple):
    bid = make_bid(alice, bob, occurred_at=timezone.now() - timedelta(days=2))

    assert services.repair_bid(bob, bid.pk, note="Sorry I missed this").is_repaired


def test_a_bid_met_with_toward_cannot_be_repaired(alice, bob, couple):
    bid = make_bid(alice, bob, response="toward")

    with pytest.raises(ValidationError) as exc:
        services.repair_bid(bob, bid.pk, note="x")

    assert "bid" in exc.value.message_dict


def test_a_fresh_open_bid_cannot_be_repaired_yet(alice, bob, couple):
    bid = make_bid(alice, bob)

    with pytest.raises(ValidationError):
        services.repair_bid(bob, bid.pk, note="x")


def test_only_the_receiver_may_repair_a_missed_bid(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    with pytest.raises(services.BidConflict, match="received"):
        services.repair_bid(alice, bid.pk, note="x")
    assert not Bid.objects.get(pk=bid.pk).is_repaired


def test_a_repair_needs_a_note(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")

    with pytest.raises(ValidationError) as exc:
        services.repair_bid(bob, bid.pk, note="  ")

    assert "note" in exc.value.message_dict


def test_a_bid_is_repaired_only_once_and_its_response_then_stays(alice, bob, couple):
    bid = make_bid(alice, bob, response="against")
    services.repair_bid(bob, bid.pk, note="First")

    with pytest.raises(services.BidConflict):
        services.repair_bid(bob, bid.pk, note="Second")
    with pytest.raises(services.BidConflict):
        services.respond_to_bid(bob, bid.pk, response="toward")
    assert Bid.objects.get(pk=bid.pk).repair_note == "First"


def test_after_leaving_nobody_can_change_the_old_couples_bids(alice, bob, couple):
    bid = make_bid(alice, bob, response="away")
    leave_couple(alice)

    with pytest.raises(services.BidConflict):
        services.respond_to_bid(alice, bid.pk, response="toward")
    from django.http import Http404

    with pytest.raises(Http404):  # Bob did not write it: after leaving he no longer sees it
        services.repair_bid(bob, bid.pk, note="x")


# --- the ratio on a known history ---------------------------------------------------


def at(day_offset: int, hour: int = 12) -> datetime:
    """A moment in London this week (Monday = 0)."""
    tz = ZoneInfo("Europe/London")
    today = timezone.now().astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=tz) + timedelta(
        days=day_offset
    )


def test_the_weekly_ratio_is_toward_over_answered_bids_per_partner_and_together(alice, bob, couple):
    now = at(6, 23)
    # This week: bids to Bob: toward, toward, away, open. Bids to Alice: toward, against.
    make_bid(alice, bob, response="toward", occurred_at=at(0))
    make_bid(alice, bob, response="toward", occurred_at=at(1))
    make_bid(alice, bob, response="away", occurred_at=at(2))
    make_bid(alice, bob, occurred_at=at(3))
    make_bid(bob, alice, response="toward", occurred_at=at(4))
    make_bid(bob, alice, response="against", occurred_at=at(5), repaired_at=now)
    # Last week: one bid to Alice, turned toward.
    make_bid(bob, alice, response="toward", occurred_at=at(-3))

    this_week, last_week = services.weekly_stats(alice, 2, now=now)

    assert this_week.start == at(0).date()
    assert this_week.together.as_dict() == {
        "bids": 6,
        "toward": 3,
        "away": 1,
        "against": 1,
        "open": 1,
        "repaired": 1,
        "ratio": 0.6,
    }
    assert this_week.me.ratio == 0.5  # Alice received 2: one toward, one against
    assert this_week.partner.ratio == round(2 / 3, 4)  # Bob received 3 answered + 1 open
    assert this_week.partner.open == 1
    assert last_week.together.ratio == 1.0
    assert last_week.partner.ratio is None  # no answered bids reached Bob that week


def test_the_ratio_is_none_when_no_bid_was_answered(alice, bob, couple):
    make_bid(alice, bob, occurred_at=at(0))

    week = services.weekly_stats(alice, 1, now=at(6, 23))[0]

    assert week.together.ratio is None
    assert week.together.open == 1
    assert week.together.bids == 1


def test_bob_sees_the_same_week_from_his_side(alice, bob, couple):
    make_bid(alice, bob, response="toward", occurred_at=at(0))
    make_bid(bob, alice, response="away", occurred_at=at(1))

    week = services.weekly_stats(bob, 1, now=at(6, 23))[0]

    assert week.me.ratio == 1.0
    assert week.partner.ratio == 0.0
    assert week.together.ratio == 0.5


@pytest.mark.parametrize("weeks", [0, 53, -1, "4", True])
def test_it_rejects_a_week_count_out_of_range(alice, weeks):
    with pytest.raises(ValidationError):
        services.weekly_stats(alice, weeks)
