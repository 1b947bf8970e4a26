"""The gate for reflections, repairs and boundaries: private unless the author shares them.

A shared item is visible to the author's *current* partner only, through the couple it was
shared in; after either leaves, nothing shared stays visible to the former partner.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from turntoward.privacy import couple_of, partner_of
from turntoward.reflection.models import Boundary, Reflection, Repair, RepairResponse

if TYPE_CHECKING:
    from turntoward.accounts.models import User

M = TypeVar("M", bound=Model)


def _parse_id(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError) as exc:
        raise Http404("Not found") from exc


def _shared_with_me(viewer: User) -> Q | None:
    couple = couple_of(viewer)
    if couple is None:
        return None
    return Q(couple=couple, shared_at__isnull=False) & ~Q(author=viewer)


def _visible(model: type[M], viewer: User) -> QuerySet[M]:
    if not viewer.is_authenticated:
        return model.objects.none()
    condition = Q(author=viewer)
    shared = _shared_with_me(viewer)
    if shared is not None:
        condition |= shared
    return model.objects.filter(condition).select_related("author")


def _own(model: type[M], viewer: User) -> QuerySet[M]:
    if not viewer.is_authenticated:
        return model.objects.none()
    return model.objects.filter(author=viewer)


def _partner_shared(model: type[M], viewer: User) -> QuerySet[M]:
    shared = _shared_with_me(viewer) if viewer.is_authenticated else None
    if shared is None:
        return model.objects.none()
    return model.objects.filter(shared).select_related("author")


def _get(queryset: QuerySet[M], value: object) -> M:
    obj = queryset.filter(pk=_parse_id(value)).first()
    if obj is None:
        raise Http404("Not found")
    return obj


# --- reflections -------------------------------------------------------------


def reflections_visible_to(viewer: User) -> QuerySet[Reflection]:
    """My reflections, and those my current partner shared with me."""
    return _visible(Reflection, viewer)


def get_reflection_for_user(viewer: User, id: object) -> Reflection:
    return _get(reflections_visible_to(viewer), id)


def get_own_reflection(viewer: User, id: object) -> Reflection:
    """One of my reflections (to change, share or delete), or 404."""
    return _get(_own(Reflection, viewer), id)


def authored_reflections(viewer: User) -> QuerySet[Reflection]:
    return _own(Reflection, viewer)


# --- repairs -----------------------------------------------------------------


def repairs_visible_to(viewer: User) -> QuerySet[Repair]:
    """My repairs (drafts and shared), and those my current partner shared with me."""
    return _visible(Repair, viewer)


def get_repair_for_user(viewer: User, id: object) -> Repair:
    return _get(repairs_visible_to(viewer), id)


def get_own_repair(viewer: User, id: object) -> Repair:
    return _get(_own(Repair, viewer), id)


def get_partner_repair_for_user(viewer: User, id: object) -> Repair:
    """A repair my current partner shared with me (the one I may respond to), or 404."""
    return _get(_partner_shared(Repair, viewer), id)


def partner_shared_repairs(viewer: User) -> QuerySet[Repair]:
    return _partner_shared(Repair, viewer)


def repair_responses_visible_to(viewer: User) -> QuerySet[RepairResponse]:
    """Responses I wrote, and my current partner's responses to my repairs."""
    if not viewer.is_authenticated:
        return RepairResponse.objects.none()
    condition = Q(author=viewer)
    partner = partner_of(viewer)
    if partner is not None:
        condition |= Q(author=partner, repair__author=viewer)
    return RepairResponse.objects.filter(condition)


def authored_repairs(viewer: User) -> QuerySet[Repair]:
    return _own(Repair, viewer)


def authored_repair_responses(viewer: User) -> QuerySet[RepairResponse]:
    if not viewer.is_authenticated:
        return RepairResponse.objects.none()
    return RepairResponse.objects.filter(author=viewer)


# --- boundaries --------------------------------------------------------------


def boundaries_visible_to(viewer: User) -> QuerySet[Boundary]:
    """My boundaries, and those my current partner shared with me."""
    return _visible(Boundary, viewer)


def get_boundary_for_user(viewer: User, id: object) -> Boundary:
    return _get(boundaries_visible_to(viewer), id)


def get_own_boundary(viewer: User, id: object) -> Boundary:
    return _get(_own(Boundary, viewer), id)


def get_partner_boundary_for_user(viewer: User, id: object) -> Boundary:
    """A boundary my current partner shared with me (the one I may acknowledge), or 404."""
    return _get(_partner_shared(Boundary, viewer), id)


def partner_shared_boundaries(viewer: User) -> QuerySet[Boundary]:
    return _partner_shared(Boundary, viewer)


def authored_boundaries(viewer: User) -> QuerySet[Boundary]:
    return _own(Boundary, viewer)
