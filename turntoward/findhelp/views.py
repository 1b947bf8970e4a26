"""The Find help page: counsellors listed on this instance, and how to choose one."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from turntoward.findhelp import services
from turntoward.findhelp.forms import FindForm
from turntoward.findhelp.signals import signals_for


@require_GET
def find_help(request: HttpRequest) -> HttpResponse:
    """Listings filtered by city, language and online or in person; open to everyone."""
    choices = services.listing_choices()
    form = FindForm(request.GET or None, **choices)
    filters = {"city": "", "language": "", "mode": ""}
    filtered = False
    if form.is_bound:
        if form.is_valid():
            filters = {k: form.cleaned_data.get(k) or "" for k in filters}
            filtered = any(filters.values())
        else:
            filtered = True
    counsellors = (
        services.find_counsellors(**filters) if not form.is_bound or form.is_valid() else []
    )
    return render(
        request,
        "findhelp/help.html",
        {
            "form": form,
            "counsellors": counsellors,
            "filtered": filtered,
            "signals": signals_for(request.user),
        },
    )
