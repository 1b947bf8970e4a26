"""Reflections, repairs, responses and boundaries in a person's export and deletion."""

from __future__ import annotations

from typing import Any

from turntoward.core.personal_data import PersonalData, register
from turntoward.privacy import reflection as gate


def _times(obj: Any) -> dict[str, Any]:
    return {
        "shared": obj.shared_at is not None,
        "shared_at": obj.shared_at.isoformat() if obj.shared_at else None,
        "created_at": obj.created_at.isoformat(),
        "updated_at": obj.updated_at.isoformat(),
    }


@register
class ReflectionData(PersonalData):
    key = "reflections"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(r.id),
                "pressures": r.pressures,
                "other_pressures": r.other_pressures,
                "noticed": r.noticed,
                "could_change": r.could_change,
                **_times(r),
            }
            for r in gate.authored_reflections(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_reflections(self.user).delete()


@register
class RepairData(PersonalData):
    key = "repairs"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(r.id),
                "hurt": r.hurt,
                "i_statement": r.i_statement,
                "need": r.need,
                "offer": r.offer,
                "let_go": r.let_go,
                **_times(r),
            }
            for r in gate.authored_repairs(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_repairs(self.user).delete()


@register
class RepairResponseData(PersonalData):
    key = "repair_responses"

    def export(self) -> list[dict[str, Any]]:
        # Only my words: the repair answered was my partner's, not mine to export.
        return [
            {
                "id": str(r.id),
                "text": r.text,
                "created_at": r.created_at.isoformat(),
                "updated_at": r.updated_at.isoformat(),
            }
            for r in gate.authored_repair_responses(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_repair_responses(self.user).delete()


@register
class BoundaryData(PersonalData):
    key = "boundaries"

    def export(self) -> list[dict[str, Any]]:
        return [
            {
                "id": str(b.id),
                "kind": b.kind,
                "statement": b.statement,
                "why": b.why,
                "acknowledged_at": b.acknowledged_at.isoformat() if b.acknowledged_at else None,
                **_times(b),
            }
            for b in gate.authored_boundaries(self.user).order_by("created_at")
        ]

    def delete(self) -> None:
        gate.authored_boundaries(self.user).delete()
