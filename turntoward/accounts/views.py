"""The account page: profile, security links, export, deletion."""

from __future__ import annotations

import json

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from turntoward.accounts.forms import DeleteAccountForm, ProfileForm
from turntoward.accounts.services import delete_account, export_account, update_profile
from turntoward.safety.services import set_discreet_mode


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {
        "name": user.name,
        "time_zone": user.time_zone,
        "country": str(user.country or ""),
        "discreet_mode": user.discreet_mode,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        discreet = changes.pop("discreet_mode", False)
        try:
            update_profile(user, **changes)
            set_discreet_mode(user, discreet)
        except ValidationError as exc:
            for name, msgs in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, msgs)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
    mfa_on = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return render(request, "accounts/profile.html", {"form": form, "mfa_on": mfa_on})


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """Download everything I wrote, as one JSON file."""
    data = export_account(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="turntoward-export-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """Delete the account and everything its owner wrote, after the password."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(
            request, _("Your account and everything you wrote are deleted. Take care.")
        )
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
