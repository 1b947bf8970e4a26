"""The bulk path: everyone at once, with start and clear times recorded."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from turntoward.findhelp.models import SignalState
from turntoward.findhelp.signals import compute_all_signals, signals_for
from turntoward.privacy.assessments import responses_visible_to
from turntoward.privacy.findhelp import own_assessments_of
from turntoward.testing import make_couple, make_user

from .conftest import assessment, checkins, make_quiet, weekly_actions


def test_bulk_and_single_paths_agree(alice, bob, couple, dave):
    weekly_actions(alice, bob, couple, [(6, 2), (6, 2), (6, 2)])
    assessment(alice, "gad-7", 11)
    checkins(dave, {0: 1, 1: 1, 2: 1, 3: 1, 4: 1})

    compute_all_signals()

    for person in (alice, bob, dave):
        stored = set(
            SignalState.objects.filter(user=person, cleared_at__isnull=True).values_list(
                "key", flat=True
            )
        )
        assert stored == {s.key for s in signals_for(person)}
    assert {s.key for s in signals_for(alice)} == {"one_sided_effort", "wellbeing_low"}


def test_it_records_when_a_signal_starts_and_clears(alice):
    assessment(alice, "phq-9", 14, days_ago=3)
    started = timezone.now() - timedelta(days=2)
    compute_all_signals(now=started)
    compute_all_signals()  # still active: not started twice
    state = SignalState.objects.get(user=alice, key="wellbeing_low")
    assert state.cleared_at is None
    assert signals_for(alice)[0].since == state.fired_at == started

    assessment(alice, "phq-9", 4)
    result = compute_all_signals()

    state.refresh_from_db()
    assert state.cleared_at is not None
    assert result == {"active": 0, "started": 0, "cleared": 1}
    assert signals_for(alice) == []


def test_people_in_other_time_zones_are_evaluated_on_their_own_today(alice, dave):
    assessment(dave, "phq-9", 10)  # New York
    assessment(alice, "phq-9", 10)  # London

    assert compute_all_signals()["started"] == 2


def test_the_query_count_does_not_grow_with_the_number_of_couples(db):
    # Only a partner who looks quiet in the grouped counts costs extra queries (every
    # practice confirms it); here everyone took part lately.
    def run() -> int:
        with CaptureQueriesContext(connection) as ctx:
            compute_all_signals()
        return len(ctx.captured_queries)

    def add_couples(n: int, start: int) -> None:
        for i in range(start, start + n):
            a, b = make_user(f"A{i}"), make_user(f"B{i}")
            pair = make_couple(a, b)
            make_quiet(pair)
            checkins(a, {0: 2, 1: 2})
            checkins(b, {0: 3})
            assessment(b, "csi-4", 10)

    add_couples(2, 0)
    few = run()
    add_couples(8, 2)
    many = run()
    assert many == few


def test_own_assessments_of_one_person_is_what_the_assessment_gate_shows(alice, bob, couple):
    assessment(alice, "phq-9", 4)
    assessment(bob, "phq-9", 4)

    User = type(alice)
    assert set(own_assessments_of(User.objects.filter(pk=alice.pk))) == set(
        responses_visible_to(alice)
    )


def test_the_worker_records_signals_on_its_own_schedule(alice):
    from huey.contrib.djhuey import HUEY

    from turntoward.findhelp.tasks import compute_signals_regularly

    assert "turntoward.findhelp.tasks.compute_signals_regularly" in HUEY._registry._registry
    assessment(alice, "phq-9", 14, days_ago=1)
    compute_signals_regularly.call_local()
    assert SignalState.objects.filter(user=alice, key="wellbeing_low").exists()
