"""The lone partner: practices say kindly when a partner is absent or quiet."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from turntoward import privacy
from turntoward.core.registry import last_activity, practices
from turntoward.testing import make_checkin, make_couple, make_user


def test_a_person_without_a_partner_is_solo(alice):
    assert privacy.partner_state(alice) == "solo"


def test_a_new_couple_is_active_even_before_anyone_checks_in(alice, bob, couple):
    assert privacy.partner_state(alice) == "active"


def test_a_partner_silent_for_two_weeks_is_quiet(db):
    alice, bob = make_user("Alice"), make_user("Bob")
    couple = make_couple(alice, bob)
    couple.created_at = timezone.now() - timedelta(days=40)
    couple.save()
    make_checkin(
        bob, bob.local_today() - timedelta(days=15), created_at=timezone.now() - timedelta(days=15)
    )
    make_checkin(alice)
    assert privacy.partner_state(alice) == "quiet"
    # Bob sees Alice as active: she checked in today.
    assert privacy.partner_state(bob) == "active"


def test_private_practices_never_make_a_quiet_partner_look_active(db):
    from turntoward.journal import services as journal
    from turntoward.selfcare import services as selfcare

    alice, bob = make_user("Alice"), make_user("Bob")
    couple = make_couple(alice, bob)
    couple.created_at = timezone.now() - timedelta(days=40)
    couple.save()
    journal.write_entry(bob, body="only mine")
    selfcare.add_item(bob, title="Swim", frequency="weekly")
    assert privacy.partner_state(alice) == "quiet"
    assert last_activity(bob) is not None  # Bob's own view still knows he was here
    assert last_activity(bob, shared_only=True) is None


def test_last_activity_is_a_time_only(alice):
    assert last_activity(alice) is None
    checkin = make_checkin(alice)
    assert last_activity(alice) == checkin.created_at


def test_the_practices_page_lists_every_registered_practice(client, alice):
    client.force_login(alice)
    response = client.get("/practices/")
    text = response.content.decode()
    assert response.status_code == 200
    for practice in practices():
        assert str(practice.name) in text


def test_a_solo_person_is_told_practices_for_two_open_up_later(client, alice):
    client.force_login(alice)
    text = client.get("/practices/").content.decode()
    assert "once your partner joins" in text


def test_every_practice_counts_as_taking_part(alice, bob, couple):
    """Each activity provider reports the person's own latest time, and only theirs."""
    from turntoward.bids.services import log_bid, respond_to_bid
    from turntoward.core.registry import _ACTIVITY_PROVIDERS as providers
    from turntoward.reflection.services import create_reflection
    from turntoward.weekly.services import submit_weekly_checkin

    bid = log_bid(alice, description="A wave from the door", kind="attention", by="me")
    assert providers["bids"](alice) is not None
    assert providers["bids"](bob) is None  # Alice's bid is not Bob taking part
    respond_to_bid(bob, bid.id, response="toward")
    assert providers["bids"](bob) is not None
    assert providers["reflection"](bob) is None
    create_reflection(bob, noticed="Evenings are rushed.")
    assert providers["reflection"](bob) is not None
    assert providers["weekly"](bob) is None
    submit_weekly_checkin(bob, appreciations="Thanks for the tea.", went_well="Sunday walk")
    assert providers["weekly"](bob) is not None
    assert providers["reflection"](alice) is None and providers["weekly"](alice) is None
