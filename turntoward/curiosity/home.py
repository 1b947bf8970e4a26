"""The home-page card: today's question is waiting, or my partner answered it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from turntoward import privacy
from turntoward.core.registry import HomeCard
from turntoward.curiosity import services
from turntoward.curiosity.models import Question

if TYPE_CHECKING:
    from turntoward.accounts.models import User


def home_cards(user: User) -> list[HomeCard]:
    """One card while today's question is unanswered by me; none once I have answered."""
    try:
        question = services.question_of_the_day(user)
    except Question.DoesNotExist:
        return []
    view = services.question_view(user, question)
    if view.mine is not None:
        return []
    url = reverse("curiosity:today")
    if view.waiting_for_me:
        partner = privacy.partner_of(user)
        return [
            HomeCard(
                key="curiosity",
                title=_("%(name)s answered today's question")
                % {"name": partner.display_name if partner else ""},
                body=_("Answer it too to see theirs."),
                url=url,
                action=_("Answer to see theirs"),
                priority=20,
            )
        ]
    return [
        HomeCard(
            key="curiosity",
            title=_("Today's question is waiting for you"),
            body=gettext(question.text),
            url=url,
            action=_("Answer today's question"),
            priority=40,
        )
    ]
