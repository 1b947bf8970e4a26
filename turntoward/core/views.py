"""Home: what today holds and the next small step."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from turntoward import privacy
from turntoward.checkins import services as checkins
from turntoward.checkins.forms import ReplyForm


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
        },
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without anything that could fail again (no database)."""
    from django.conf import settings
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}), status=500)
