"""Pages for appreciations and the kindness library."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.appreciation import services
from turntoward.appreciation.forms import AppreciationForm, KindnessForm
from turntoward.appreciation.models import Category, KindnessIdea
from turntoward.privacy import appreciation as gate
from turntoward.safety.panel import attach_pending, remember_saved

RECENT = 30


def _apply_errors(form: Any, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


@login_required
@require_http_methods(["GET", "POST"])
def appreciations(request: HttpRequest) -> HttpResponse:
    """Send an appreciation, with today's prompt, and see recent ones both ways."""
    user = request.user
    form = AppreciationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.send_appreciation(user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        except services.NeedsPartner as exc:
            form.add_error(None, str(exc))
        else:
            partner = privacy.partner_of(user)
            messages.success(
                request,
                _("Sent. %(name)s can see it now.") % {"name": partner.display_name}
                if partner
                else _("Sent."),
            )
            remember_saved(request, sent)
            return redirect("appreciation:appreciations")
    return render(
        request,
        "appreciation/appreciations.html",
        {
            "form": form,
            "items": gate.appreciations_visible_to(user)[:RECENT],
            "prompt": services.prompt_for(user),
            "appreciated_today": services.appreciated_today(user),
            "partner": privacy.partner_of(user),
            "partner_state": privacy.partner_state(user),
        },
    )


def _acts_context(user: Any) -> dict[str, Any]:
    return {
        "acts": gate.kindness_acts_visible_to(user)[:RECENT],
        "partner": privacy.partner_of(user),
    }


@login_required
@require_GET
def kindness(request: HttpRequest) -> HttpResponse:
    """The library of small kindnesses, by category, and the ones done lately."""
    chosen = request.GET.get("category") or ""
    if chosen not in Category.values:
        chosen = ""
    library = services.ideas(chosen or None)
    groups = [
        (value, label, [i for i in library if i.category == value])
        for value, label in Category.choices
        if not chosen or value == chosen
    ]
    return render(
        request,
        "appreciation/kindness.html",
        {
            "groups": groups,
            "categories": Category.choices,
            "chosen": chosen,
            "form": KindnessForm(),
            "partner_state": privacy.partner_state(request.user),
            **_acts_context(request.user),
        },
    )


@login_required
@require_POST
def did_kindness(request: HttpRequest, slug: str) -> HttpResponse:
    """'I did this' for one idea of the library."""
    idea = KindnessIdea.objects.filter(slug=slug).first()
    if idea is None:
        raise Http404("No such idea")
    form = KindnessForm(request.POST)
    done = False
    if form.is_valid():
        try:
            act = services.record_kindness(
                request.user, idea=idea.slug, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            done = True
            remember_saved(request, act)
    if request.htmx:
        response = render(
            request,
            "appreciation/_idea.html",
            {"idea": idea, "form": form if not done else KindnessForm(), "done": done},
            status=200 if done else 422,
        )
        return attach_pending(request, response)
    if done:
        messages.success(request, _("Noted. Small things add up."))
        return redirect(f"{reverse('appreciation:kindness')}#idea-{idea.slug}")
    return render(
        request,
        "appreciation/kindness.html",
        {
            "groups": [(idea.category, idea.get_category_display(), [idea])],
            "categories": Category.choices,
            "chosen": idea.category,
            "form": form,
            "error_slug": idea.slug,
            "partner_state": privacy.partner_state(request.user),
            **_acts_context(request.user),
        },
    )


@login_required
@require_POST
def landed(request: HttpRequest, act_id: str) -> HttpResponse:
    """My partner's kindness reached me."""
    act = gate.get_kindness_act_for_user(request.user, act_id)
    error = ""
    try:
        act = services.mark_landed(request.user, act.pk)
    except services.KindnessConflict as exc:
        error = str(exc)
    if request.htmx:
        return render(
            request,
            "appreciation/_act.html",
            {"act": act, "partner": privacy.partner_of(request.user), "error": error},
            status=200,  # htmx leaves 4xx unswapped; the message shows in place
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Thank you for letting them know."))
    return redirect("appreciation:kindness")
