"""A constructed history for Alice and Bob, with figures worked out by hand.

Today is Alice's local day D. Over the last 4 weeks:
- Alice checked in D-0..D-9 (10 days), felt connection 4 each day.
- Bob checked in D-0..D-5 (6 days), connection 2; and on D-12 (1) and D-20 (5), days Alice
  did not check in: those two stay hidden from her (mutual reveal).
- Bids on D-14: Alice made 3 (Bob: toward, toward, away), Bob made 2 (Alice: toward,
  against) -> 3/5 = 60%. On D-7: Alice made 3 (toward x3), Bob made 2 (Alice: toward, away
  repaired later) -> 4/5 = 80%. Overall 7/10 = 70%, one repair.
- Appreciations: Alice 3, Bob 1. Curiosity answers: Alice 2, Bob 2. Weekly: Alice 1 (her
  first ever), Bob none.
- Measures: Alice took CSI-4 twice and PHQ-9 once; Bob took PHQ-9 (private) and shared
  his CSI-4 summary.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from turntoward.insights.testing import (
    at_noon,
    make_answer,
    make_appreciation,
    make_bid,
    make_measure,
    make_weekly,
)
from turntoward.testing import make_checkin

ALICE_PHQ_BAND = "alice-phq-band-marker"
BOB_PHQ_BAND = "bob-private-phq-marker"
BOB_SHARED_BAND = "bob-shared-csi-marker"


@pytest.fixture
def story(alice, bob, couple):
    today = alice.local_today()
    for i in range(10):
        make_checkin(alice, today - timedelta(days=i), connection=4)
    for i in range(6):
        make_checkin(bob, today - timedelta(days=i), connection=2)
    make_checkin(bob, today - timedelta(days=12), connection=1, good_thing="bob-secret-12")
    make_checkin(bob, today - timedelta(days=20), connection=5, good_thing="bob-secret-20")

    first, second = today - timedelta(days=14), today - timedelta(days=7)
    for response in ("toward", "toward", "away"):
        make_bid(couple, alice, bob, first, response)
    for response in ("toward", "against"):
        make_bid(couple, bob, alice, first, response)
    for _ in range(3):
        make_bid(couple, alice, bob, second, "toward")
    make_bid(couple, bob, alice, second, "toward")
    make_bid(
        couple,
        bob,
        alice,
        second,
        "away",
        repaired_at=at_noon(alice, second),
        repaired_by=alice,
    )

    for i in range(3):
        make_appreciation(couple, alice, bob, today - timedelta(days=i))
    make_appreciation(couple, bob, alice, today - timedelta(days=3))
    for slug in ("q1", "q2"):
        make_answer(couple, alice, slug, today - timedelta(days=2))
        make_answer(couple, bob, slug, today - timedelta(days=2))
    make_weekly(couple, alice, today - timedelta(days=today.weekday()))

    make_measure(alice, "csi-4", 11, today - timedelta(days=20), band="low")
    make_measure(alice, "csi-4", 15, today - timedelta(days=1), band="ok")
    make_measure(alice, "phq-9", 7, today - timedelta(days=2), band=ALICE_PHQ_BAND)
    make_measure(bob, "phq-9", 21, today - timedelta(days=2), band=BOB_PHQ_BAND)
    make_measure(bob, "csi-4", 16, today - timedelta(days=2), band=BOB_SHARED_BAND, shared=True)
    return today
