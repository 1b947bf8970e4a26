"""Pages to invite a partner, accept an invitation and leave a couple."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.couples import services
from turntoward.couples.forms import JoinCodeForm
from turntoward.couples.models import Invitation


@login_required
@require_GET
def couple(request: HttpRequest) -> HttpResponse:
    """My couple, or how to invite a partner and what is open."""
    current = privacy.couple_of(request.user)
    invitations = [
        {
            "invitation": i,
            "url": request.build_absolute_uri(reverse("couples:join", args=[i.code])),
        }
        for i in privacy.invitations_of(request.user)
        if i.state == Invitation.State.OPEN
    ]
    return render(
        request,
        "couples/couple.html",
        {
            "couple": current,
            "partner": privacy.partner_of(request.user),
            "invitations": invitations,
            "join_form": JoinCodeForm(),
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    try:
        services.create_invitation(request.user)
    except services.CoupleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Your invitation is ready. Share the code or the link with your partner.")
        )
    return redirect("couples:couple")


@login_required
@require_POST
def revoke(request: HttpRequest, code: str) -> HttpResponse:
    try:
        services.revoke_invitation(request.user, code)
    except services.CoupleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The invitation is withdrawn; its code no longer works."))
    return redirect("couples:couple")


@login_required
@require_http_methods(["GET", "POST"])
def join_form(request: HttpRequest) -> HttpResponse:
    """Type an invitation code by hand."""
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = privacy.normalise_code(form.cleaned_data["code"])
        try:
            services.check_invitation(privacy.find_invitation_by_code(code), request.user)
        except services.CoupleError as exc:
            form.add_error("code", exc.message)
        else:
            return redirect("couples:join", code=code)
    return render(request, "couples/join_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, code: str) -> HttpResponse:
    """An invitation link: sign up or log in first, then accept."""
    if not request.user.is_authenticated:
        return render(request, "couples/join_anonymous.html", {"next": request.get_full_path()})
    invitation = privacy.find_invitation_by_code(code)
    problem = None
    try:
        services.check_invitation(invitation, request.user)
    except services.CoupleError as exc:
        problem = exc.message
    if request.method == "POST" and problem is None:
        try:
            services.accept_invitation(request.user, code)
        except services.CoupleError as exc:
            problem = exc.message
        else:
            partner = privacy.partner_of(request.user)
            messages.success(
                request,
                _("You and %(name)s are now practising together.")
                % {"name": partner.display_name if partner else ""},
            )
            return redirect("core:home")
    inviter = invitation.inviter if invitation is not None and problem is None else None
    return render(
        request,
        "couples/join.html",
        {"problem": problem, "inviter": inviter, "code": code},
        status=200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    """Confirm, then end the couple; the other partner's agreement is not needed."""
    current = privacy.couple_of(request.user)
    if current is None:
        return redirect("couples:couple")
    if request.method == "POST":
        services.leave_couple(request.user)
        messages.success(
            request,
            _("You have left the couple. Everything you wrote stays yours, and only yours."),
        )
        return redirect("couples:couple")
    return render(request, "couples/leave.html", {"partner": privacy.partner_of(request.user)})
