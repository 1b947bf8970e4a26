"""Who sees appreciations and kindness acts: both partners while the couple lasts;
afterwards each keeps only what they wrote."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from turntoward.appreciation.models import Appreciation, KindnessAct
from turntoward.privacy import couple_of, get_or_404, shared_with_couple

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def _pk(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404("Not found") from exc


def appreciations_visible_to(viewer: User) -> QuerySet[Appreciation]:
    """Appreciations I sent, and every appreciation of my current couple."""
    if not viewer.is_authenticated:
        return Appreciation.objects.none()
    return Appreciation.objects.filter(shared_with_couple(viewer)).select_related(
        "author", "recipient"
    )


def get_appreciation_for_user(viewer: User, appreciation_id: object) -> Appreciation:
    return get_or_404(appreciations_visible_to(viewer), pk=_pk(appreciation_id))


def kindness_acts_visible_to(viewer: User) -> QuerySet[KindnessAct]:
    """Kindnesses I did, and every kindness act of my current couple."""
    if not viewer.is_authenticated:
        return KindnessAct.objects.none()
    return KindnessAct.objects.filter(shared_with_couple(viewer)).select_related(
        "author", "idea", "landed_by"
    )


def partner_acts_visible_to(viewer: User) -> QuerySet[KindnessAct]:
    """My current partner's kindness acts in our couple (those I may say landed)."""
    couple = couple_of(viewer)
    if couple is None:
        return KindnessAct.objects.none()
    return kindness_acts_visible_to(viewer).filter(couple=couple).exclude(author=viewer)


def get_kindness_act_for_user(viewer: User, act_id: object) -> KindnessAct:
    return get_or_404(kindness_acts_visible_to(viewer), pk=_pk(act_id))


# --- what a person wrote (export and deletion) ------------------------------


def authored_appreciations(viewer: User) -> QuerySet[Appreciation]:
    return Appreciation.objects.filter(author=viewer)


def authored_kindness_acts(viewer: User) -> QuerySet[KindnessAct]:
    return KindnessAct.objects.filter(author=viewer)
