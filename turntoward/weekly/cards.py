"""The weekly check-in's place on the home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turntoward import privacy
from turntoward.core.registry import HomeCard
from turntoward.privacy import weekly as gate
from turntoward.weekly import services

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def home_cards(user: User) -> list[HomeCard]:
    """This week's check-in when it is due, or when my partner has filled theirs in."""
    if privacy.partner_of(user) is None:
        return []
    this_week = services.current_week(user)
    if gate.get_own_weekly_checkin(user, this_week) is not None:
        return []
    url = reverse("weekly:weekly")
    if this_week in gate.partner_submitted_weeks(user, this_week, this_week):
        return [
            HomeCard(
                key="weekly",
                title=_("Your partner has filled in this week's check-in"),
                body=_("Fill in yours and you'll both see each other's answers."),
                url=url,
                action=_("Fill in mine"),
                priority=20,
            )
        ]
    if user.local_today().weekday() >= services.remind_from_weekday():
        return [
            HomeCard(
                key="weekly",
                title=_("This week's check-in"),
                body=_(
                    "Twenty minutes together: appreciations, what went well, one concern "
                    "and a plan for time together."
                ),
                url=url,
                action=_("Start the check-in"),
                priority=40,
            )
        ]
    return []
