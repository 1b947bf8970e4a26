"""Assessments on the home page: a connection check due, or a follow-up offered."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from turntoward.assessments import services
from turntoward.core.registry import HomeCard
from turntoward.privacy import assessments as gate

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def assessment_cards(user: User) -> list[HomeCard]:
    """A retake card when the connection check is due; a card when a follow-up is offered."""
    if not user.is_authenticated:
        return []
    cards = []
    if services.retake_due(user):
        cards.append(
            HomeCard(
                key="assessments-retake",
                title=_("Time for your connection check"),
                body=_(
                    "It has been a few weeks. Taking it again shows what has changed. "
                    "Only you see your answers."
                ),
                url=reverse("assessments:take", args=[services.CONNECTION_CHECK]),
                action=_("Take the connection check"),
                priority=45,
            )
        )
    pending = services.pending_follow_up(user)
    if pending is not None:
        follow = services.instrument(pending.follow_up)
        if follow is not None:
            cards.append(
                HomeCard(
                    key="assessments-follow-up",
                    title=_("A fuller questionnaire is offered"),
                    body=_("Your last short check suggested a closer look might help."),
                    url=reverse("assessments:take", args=[follow.slug]),
                    action=_("Take the %(name)s") % {"name": follow.short_name},
                    priority=44,
                )
            )
    return cards


def last_assessment(user: User) -> datetime | None:
    return (
        gate.responses_visible_to(user)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
