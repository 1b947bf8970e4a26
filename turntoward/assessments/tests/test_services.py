"""The rules of assessments, without HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from turntoward.assessments import services
from turntoward.assessments.models import AssessmentResponse
from turntoward.notifications.models import prefs_for
from turntoward.privacy import assessments as gate

from .conftest import ALICE_NOTE


def test_submit_saves_the_engines_result_and_the_private_note(alice):
    r = services.submit_response(alice, "phq-2", [2, 1], note="  a note  ")
    r.refresh_from_db()
    assert (r.score, r.band, r.follow_up, r.crisis) == (3, "positive", "phq-9", False)
    assert r.answers == [2, 1] and r.note == "a note" and r.shared_with_partner is False


def test_submit_refuses_bad_answers_naming_the_field(alice):
    with pytest.raises(ValidationError) as caught:
        services.submit_response(alice, "phq-2", [2, 5])
    assert "answers" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.submit_response(alice, "phq-2", [2, 1], note="bad\x00")
    assert "note" in caught.value.message_dict
    with pytest.raises(Http404):
        services.submit_response(alice, "no-such-thing", [0])
    assert not AssessmentResponse.objects.exists()


def test_the_crisis_flag_is_saved_for_phq9_item_nine(alice):
    r = services.submit_response(alice, "phq-9", [0] * 8 + [1])
    assert (r.score, r.crisis) == (1, True)


def test_latest_and_history_are_mine_newest_first_and_filter_by_my_dates(alice, bob):
    old = services.submit_response(alice, "gad-2", [0, 0])
    AssessmentResponse.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    new = services.submit_response(alice, "gad-2", [1, 1])
    services.submit_response(bob, "gad-2", [3, 3])
    assert services.latest(alice, "gad-2") == new
    assert list(services.history(alice, "gad-2")) == [new, old]
    today = alice.local_today()
    assert list(services.history(alice, "gad-2", since=today - timedelta(days=2))) == [new]
    assert list(services.history(alice, "gad-2", until=today - timedelta(days=2))) == [old]
    assert services.latest(alice, "phq-9") is None


def test_retake_is_due_after_my_chosen_number_of_weeks(alice, alice_check):
    assert services.retake_due(alice) is False
    AssessmentResponse.objects.filter(pk=alice_check.pk).update(
        created_at=timezone.now() - timedelta(weeks=4, hours=1)
    )
    assert services.retake_due(alice) is True
    prefs = prefs_for(alice)
    prefs.retake_weeks = 6
    prefs.save()
    assert services.retake_due(alice) is False


def test_someone_who_never_took_the_check_is_not_due_a_retake(alice):
    assert services.retake_due(alice) is False


def test_earlier_results_are_the_owners_previous_ones(alice, alice_check):
    AssessmentResponse.objects.filter(pk=alice_check.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    second = services.submit_response(alice, "connection-check", [1] * 18)
    assert [r.pk for r in services.earlier(second)] == [alice_check.pk]


def test_a_pending_follow_up_disappears_once_taken(alice):
    services.submit_response(alice, "phq-2", [3, 3])
    assert services.pending_follow_up(alice).instrument == "phq-2"
    services.submit_response(alice, "phq-9", [1] * 8 + [0])
    assert services.pending_follow_up(alice) is None


def test_the_partner_sees_only_a_shared_summary_and_only_while_a_couple(
    alice, bob, couple, alice_check
):
    assert gate.shared_summaries_visible_to(bob) == []
    services.set_shared(alice, alice_check, True)
    [summary] = gate.shared_summaries_visible_to(bob)
    assert (summary.instrument, summary.score, summary.band) == ("connection-check", 50, "distant")
    assert not hasattr(summary, "answers") and not hasattr(summary, "note")
    assert not hasattr(summary, "crisis") and not hasattr(summary, "subscores")
    assert gate.shared_summaries_visible_to(alice) == []
    assert list(gate.responses_visible_to(bob)) == []
    with pytest.raises(Http404):
        gate.get_response_for_user(bob, alice_check.pk)

    services.set_shared(alice, alice_check, False)
    assert gate.shared_summaries_visible_to(bob) == []

    from turntoward.couples.services import leave_couple

    services.set_shared(alice, alice_check, True)
    leave_couple(bob)
    assert gate.shared_summaries_visible_to(bob) == []


def test_a_summary_shared_in_one_couple_never_reaches_a_later_partner(
    alice, bob, couple, alice_check
):
    from turntoward.couples.services import leave_couple
    from turntoward.testing import make_couple, make_user

    services.set_shared(alice, alice_check, True)
    leave_couple(alice)
    frank = make_user("Frank")
    make_couple(alice, frank)
    assert gate.shared_summaries_visible_to(frank) == []
    assert gate.shared_summaries_visible_to(bob) == []
    # Sharing it again, now, is Alice's own choice for this couple.
    services.set_shared(alice, alice_check, True)
    assert [s.id for s in gate.shared_summaries_visible_to(frank)] == [alice_check.pk]


def test_sharing_someone_elses_response_is_404(alice, bob, alice_check):
    with pytest.raises(Http404):
        services.set_shared(bob, alice_check, True)


def test_export_and_delete_carry_my_responses(alice, bob, alice_check):
    from turntoward.assessments.personal_data import AssessmentResponseData

    services.submit_response(bob, "phq-2", [0, 0])
    exported = AssessmentResponseData(alice).export()
    assert [e["note"] for e in exported] == [ALICE_NOTE]
    assert AssessmentResponseData(bob).export()[0]["note"] == ""
    AssessmentResponseData(alice).delete()
    assert not AssessmentResponse.objects.filter(user=alice).exists()
    assert AssessmentResponse.objects.filter(user=bob).count() == 1
