"""Events that happen when someone acts: hooked on other apps' models with post_save.

Each receiver only records *that* something happened, after the writer's transaction
commits, so a fault here can never undo or slow down what a person saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from turntoward.notifications.models import Kind
from turntoward.privacy import notifications as gate

logger = logging.getLogger(__name__)


def _later(fn: Callable[[], None]) -> None:
    def run() -> None:
        try:
            fn()
        except Exception:
            logger.exception("recording a notification failed")

    transaction.on_commit(run)


RECENT = timedelta(days=1)


def _recent(moment) -> bool:
    """Only fresh events are news; old rows (imports, the demo's history) are not."""
    return moment is not None and moment >= timezone.now() - RECENT


def _notify(user, kind: str, key: str, link: str) -> None:
    from turntoward.notifications.schedule import notify

    if user is not None and user.is_active:
        notify(user, kind, key, link, timezone.now())


def on_checkin(sender, instance, created: bool, **kwargs) -> None:
    if not created or kwargs.get("raw"):
        return
    author, day = instance.author, instance.day
    if day != author.local_today() or not _recent(instance.created_at):
        return

    def run() -> None:
        partner = gate.partner_of(author)
        if partner is not None and not gate.has_checked_in(partner, day):
            _notify(partner, Kind.PARTNER_CHECKIN, day.isoformat(), "/checkin/")

    _later(run)


def on_appreciation(sender, instance, created: bool, **kwargs) -> None:
    if not created or kwargs.get("raw") or not _recent(instance.created_at):
        return
    author, recipient, pk = instance.author, instance.recipient, instance.pk

    def run() -> None:
        to = recipient or gate.partner_of(author)
        if to is not None and to.pk != author.pk and gate.partner_of(author) == to:
            _notify(to, Kind.APPRECIATION, str(pk), "/appreciation/")

    _later(run)


def on_bid(sender, instance, created: bool, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    bid = instance

    def run() -> None:
        answered = _recent(bid.responded_at) and bid.responded_by_id
        by_partner = bid.maker is not None and bid.maker_id != bid.responded_by_id
        if answered and by_partner and gate.partner_of(bid.maker) == bid.responded_by:
            _notify(bid.maker, Kind.BID_RESPONSE, f"{bid.pk}:response", "/bids/")
        if _recent(bid.repaired_at) and bid.repaired_by_id:
            other = gate.partner_of(bid.repaired_by)
            if other is not None and other.pk in (bid.maker_id, bid.receiver_id):
                _notify(other, Kind.REPAIR, f"bid:{bid.pk}:repair", "/bids/")

    _later(run)


def on_repair(sender, instance, created: bool, **kwargs) -> None:
    if kwargs.get("raw") or not _recent(instance.shared_at):
        return
    author, pk = instance.author, instance.pk

    def run() -> None:
        _notify(gate.partner_of(author), Kind.REPAIR, f"{pk}:shared", f"/repairs/{pk}/")

    _later(run)


def on_repair_response(sender, instance, created: bool, **kwargs) -> None:
    if not created or kwargs.get("raw") or not _recent(instance.created_at):
        return
    repair, author = instance.repair, instance.author

    def run() -> None:
        if repair.author_id != author.pk and gate.partner_of(author) == repair.author:
            _notify(repair.author, Kind.REPAIR, f"{repair.pk}:response", f"/repairs/{repair.pk}/")

    _later(run)


def on_answer(sender, instance, created: bool, **kwargs) -> None:
    if not created or kwargs.get("raw") or not _recent(instance.created_at):
        return
    author, question = instance.author, instance.question

    def run() -> None:
        partner = gate.partner_of(author)
        if partner is not None and not gate.answered_question(partner, question.pk):
            _notify(partner, Kind.QUESTION, str(question.pk), f"/questions/{question.slug}/")

    _later(run)


def connect() -> None:
    from turntoward.appreciation.models import Appreciation
    from turntoward.bids.models import Bid
    from turntoward.checkins.models import CheckIn
    from turntoward.curiosity.models import Answer
    from turntoward.reflection.models import Repair, RepairResponse

    pairs = [
        (CheckIn, on_checkin),
        (Appreciation, on_appreciation),
        (Bid, on_bid),
        (Repair, on_repair),
        (RepairResponse, on_repair_response),
        (Answer, on_answer),
    ]
    for model, receiver in pairs:
        post_save.connect(receiver, sender=model, dispatch_uid=f"notifications.{receiver.__name__}")
