"""Every event, on data full of marker strings: no email or notification carries any of them."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from turntoward.activities.models import ActivityIdea, ActivityPlan
from turntoward.appreciation.models import Appreciation
from turntoward.assessments.models import AssessmentResponse
from turntoward.bids.models import Bid
from turntoward.curiosity.models import Answer, Question
from turntoward.goals.models import Goal
from turntoward.notifications.models import Kind, Notification, Status, prefs_for
from turntoward.notifications.tasks import scan
from turntoward.reflection.models import Repair, RepairResponse
from turntoward.testing import api_for, make_checkin

MARKERS = [f"mk{i}-quokka" for i in range(20)]


def test_no_message_or_notification_contains_anything_anyone_wrote(
    alice, bob, couple, django_capture_on_commit_callbacks
):
    alice.name, bob.name = "mk-name-alice-quokka", "mk-name-bob-quokka"
    alice.save()
    bob.save()
    now = timezone.now()
    long_ago = now - timedelta(days=60)
    with django_capture_on_commit_callbacks(execute=True):
        make_checkin(bob, good_thing=MARKERS[0], hard_thing=MARKERS[1], need=MARKERS[2])
        Appreciation.objects.create(
            couple=couple, author=bob, recipient=alice, kind="did", text=MARKERS[3]
        )
        bid = Bid.objects.create(
            couple=couple,
            author=alice,
            maker=alice,
            receiver=bob,
            description=MARKERS[4],
            kind="attention",
            occurred_at=now,
        )
        bid.response, bid.response_note = "toward", MARKERS[5]
        bid.responded_by, bid.responded_at = bob, now
        bid.save()
        bid.repair_note, bid.repaired_by, bid.repaired_at = MARKERS[6], bob, now
        bid.save()
        repair = Repair.objects.create(
            author=bob,
            couple=couple,
            hurt=MARKERS[7],
            i_statement=MARKERS[8],
            need=MARKERS[9],
            offer=MARKERS[10],
            let_go=MARKERS[11],
            shared_at=now,
        )
        RepairResponse.objects.create(repair=repair, author=alice, text=MARKERS[12])
        question = Question.objects.filter(active=True).first()
        Answer.objects.create(question=question, author=bob, couple=couple, text=MARKERS[13])
        Goal.objects.create(
            author=bob,
            couple=couple,
            title=MARKERS[14],
            why=MARKERS[15],
            created_at=long_ago,
            updated_at=long_ago,
        )
        ActivityPlan.objects.create(
            idea=ActivityIdea.objects.first(),
            planner=bob,
            couple=couple,
            starts_at=max(now, now.replace(hour=23, minute=0)) + timedelta(hours=3),
            note=MARKERS[16],
        )
        AssessmentResponse.objects.create(
            user=alice,
            instrument="connection-check",
            answers={},
            score=1,
            band="b",
            note=MARKERS[17],
            created_at=long_ago,
        )

    # Late evening for Alice on a weekly check-in day: every kind is due at once.
    later = now.replace(hour=23, minute=0)
    prefs = prefs_for(alice)
    prefs.weekly_day = later.astimezone(alice.tz).weekday()
    prefs.weekly_time = (later.astimezone(alice.tz) - timedelta(minutes=5)).time()
    prefs.daily_time = prefs.weekly_time
    prefs.save()
    # Never before the events above were recorded (after 23:00 `later` is in the past).
    scan(max(later, timezone.now()))

    kinds = set(
        Notification.objects.filter(user=alice, status=Status.SENT).values_list("kind", flat=True)
    )
    assert kinds >= {
        Kind.PARTNER_CHECKIN,
        Kind.APPRECIATION,
        Kind.BID_RESPONSE,
        Kind.REPAIR,
        Kind.ACTIVITY,
        Kind.GOAL,
        Kind.RETAKE,
    }, kinds
    assert Notification.objects.filter(user=bob, kind=Kind.REPAIR).exists()  # Alice's response
    assert Notification.objects.filter(user=alice, kind=Kind.QUESTION).exists()
    assert len(mail.outbox) >= 7

    seen = []
    for message in mail.outbox:
        seen.append(message.subject)
        seen.append(message.body)
        seen.extend(content for content, _type in message.alternatives)
        seen.extend(f"{k}: {v}" for k, v in message.extra_headers.items())
        seen.append(message.message().as_string())
    for person in (alice, bob):
        seen.append(api_for(person).get("/api/v1/notifications").content.decode())
        client = Client()
        client.force_login(person)
        seen.append(client.get("/notifications/").content.decode())
        token = prefs_for(person).calendar_token
        seen.append(client.get(f"/calendar/{token}.ics").content.decode())
    text = "\n".join(seen)
    for marker in [*MARKERS, "quokka"]:
        assert marker not in text, marker


def test_no_couple_notifications_while_couple_features_are_paused(
    alice, bob, couple, django_capture_on_commit_callbacks
):
    """The pause comes from the private safety screen; Bob is never told of it."""
    from turntoward.safety.services import set_couple_paused

    set_couple_paused(alice, True)
    with django_capture_on_commit_callbacks(execute=True):
        make_checkin(bob)
        make_checkin(alice)
        Appreciation.objects.create(
            couple=couple, author=bob, recipient=alice, kind="did", text="x"
        )
        Appreciation.objects.create(
            couple=couple, author=alice, recipient=bob, kind="did", text="y"
        )
    assert list(Notification.objects.filter(user=alice).values_list("kind", flat=True)) == []
    assert sorted(Notification.objects.filter(user=bob).values_list("kind", flat=True)) == [
        Kind.APPRECIATION
    ]
    # A row recorded before the pause is dropped when its turn to be sent comes.
    set_couple_paused(alice, False)
    with django_capture_on_commit_callbacks(execute=True):
        Appreciation.objects.create(
            couple=couple, author=bob, recipient=alice, kind="did", text="z"
        )
    set_couple_paused(alice, True)
    scan(timezone.now())
    row = Notification.objects.get(user=alice, kind=Kind.APPRECIATION)
    assert row.status == Status.SKIPPED
    assert all(alice.email not in m.to for m in mail.outbox)
