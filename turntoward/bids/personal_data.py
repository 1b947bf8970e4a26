"""Bids and notes on bids in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import bids as gate


@register
class BidData(PersonalData):
    key = "bids"

    def export(self) -> list[dict[str, Any]]:
        user = self.user
        return [
            {
                "id": str(b.id),
                "description": b.description,
                "kind": b.kind,
                "occurred_at": b.occurred_at.isoformat(),
                "made_by_me": b.maker_id == user.pk,
                "response": b.response or None,
                "response_note": b.response_note if b.responded_by_id == user.pk else "",
                "repair_note": b.repair_note if b.repaired_by_id == user.pk else "",
                "repaired_at": b.repaired_at.isoformat() if b.repaired_at else None,
                "created_at": b.created_at.isoformat(),
            }
            for b in gate.authored_bids(user).order_by("occurred_at")
        ]

    def delete(self) -> None:
        gate.authored_bids(self.user).delete()


@register
class BidNoteData(PersonalData):
    """Notes I wrote when responding to or repairing a bid my partner logged."""

    key = "bid_notes"

    def export(self) -> list[dict[str, Any]]:
        user = self.user
        rows = []
        for b in gate.bids_with_my_notes(user).exclude(author=user).order_by("occurred_at"):
            rows.append(
                {
                    "bid_id": str(b.id),
                    "response": b.response if b.responded_by_id == user.pk else None,
                    "response_note": b.response_note if b.responded_by_id == user.pk else "",
                    "repair_note": b.repair_note if b.repaired_by_id == user.pk else "",
                    "repaired_at": (
                        b.repaired_at.isoformat()
                        if b.repaired_by_id == user.pk and b.repaired_at
                        else None
                    ),
                }
            )
        return rows

    def delete(self) -> None:
        # The response itself is part of the bid its author logged; my words on it go.
        with transaction.atomic():
            for b in gate.bids_with_my_notes(self.user).exclude(author=self.user):
                if b.responded_by_id == self.user.pk:
                    b.response_note = ""
                if b.repaired_by_id == self.user.pk:
                    b.repair_note = ""
                b.save(update_fields=["response_note", "repair_note"])
