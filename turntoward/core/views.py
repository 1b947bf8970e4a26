"""Home: what today holds and the next small step."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from turntoward import privacy
from turntoward.checkins import services as checkins
from turntoward.checkins.forms import ReplyForm
from turntoward.core.registry import home_cards, practices


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    user = request.user
    today = user.local_today()
    partner = privacy.partner_of(user)
    week = checkins.days_for(user, today - timedelta(days=6), today)
    my_days = sum(1 for r in week if r.mine)
    both_days = sum(1 for r in week if r.mine and r.partner)
    return render(
        request,
        "core/home.html",
        {
            "today": today,
            "row": checkins.day_for(user, today),
            "partner": partner,
            "my_days": my_days,
            "both_days": both_days,
            "has_open_invitation": any(i.state == "open" for i in privacy.invitations_of(user)),
            "reply_form": ReplyForm(),
            "cards": home_cards(user),
            "partner_state": privacy.partner_state(user),
        },
    )


@login_required
@require_GET
def practices_index(request: HttpRequest) -> HttpResponse:
    """Every practice, those for two and those for one."""
    items = practices()
    return render(
        request,
        "core/practices.html",
        {
            "together": [p for p in items if p.needs_partner],
            "alone": [p for p in items if not p.needs_partner],
            "partner_state": privacy.partner_state(request.user),
        },
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without anything that could fail again (no database)."""
    from django.conf import settings
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}), status=500)
