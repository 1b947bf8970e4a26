"""The private safety screen and the supportive page. Only the person ever sees them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from turntoward.language.helplines import help_for
from turntoward.safety import services
from turntoward.safety.forms import ScreenForm


@login_required
@require_http_methods(["GET", "POST"])
def screen(request: HttpRequest) -> HttpResponse:
    """The questions; answering leads to the supportive page or a calm thank-you."""
    result = services.screen_result(request.user)
    initial = result["answers"] if result else None
    form = ScreenForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            answers = {k: str(v) for k, v in form.cleaned_data.items()}
            services.take_screen(request.user, answers)
            if services.is_positive(answers):
                return redirect("safety:support")
            messages.success(request, _("Thank you for answering. Your answers are private."))
            return redirect("safety:screen")
        return render(
            request,
            "safety/screen.html",
            {"form": form, "result": result, "paused": services.couple_paused(request.user)},
            status=422,
        )
    return render(
        request,
        "safety/screen.html",
        {"form": form, "result": result, "paused": services.couple_paused(request.user)},
    )


@login_required
@require_http_methods(["GET"])
def support(request: HttpRequest) -> HttpResponse:
    """Listen, validate, safety basics and confidential individual help."""
    country = str(request.user.country or "")
    return render(
        request,
        "safety/support.html",
        {
            "help": help_for(country, ["partner_violence"]),
            "crisis": help_for(country, ["self_harm"]),
            "result": services.screen_result(request.user),
            "paused": services.couple_paused(request.user),
        },
    )


@login_required
@require_POST
def couple_features(request: HttpRequest) -> HttpResponse:
    """Pause couple features for myself, or turn them back on."""
    paused = request.POST.get("paused") == "on"
    services.set_couple_paused(request.user, paused)
    if paused:
        messages.success(
            request, _("Couple practices are paused for you. Your partner is not told.")
        )
    else:
        messages.success(request, _("Couple practices are back on for you."))
    return redirect((request.POST.get("next") == "support" and "safety:support") or "safety:screen")


@login_required
@require_POST
def delete(request: HttpRequest) -> HttpResponse:
    """Forget my answers."""
    services.delete_screen(request.user)
    messages.success(request, _("Your answers are deleted."))
    return redirect("safety:screen")


@login_required
@require_POST
def dismiss(request: HttpRequest) -> HttpResponse:
    """Hide the once-only offer on the home page."""
    services.dismiss_offer(request.user)
    return redirect("core:home")
