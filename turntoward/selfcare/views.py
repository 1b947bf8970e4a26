"""Pages for my self-care plan, log, weekly look and ideas. Only I ever see them."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward.privacy import selfcare as gate
from turntoward.safety.panel import remember_saved
from turntoward.selfcare import content_loader, services
from turntoward.selfcare.forms import ItemForm, LogForm
from turntoward.selfcare.models import Frequency, SelfCareIdea

LOG_PAGE_DAYS = 28


def _apply_errors(form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


def _plan_context(request: HttpRequest) -> dict:
    user = request.user
    return {
        "items": list(gate.items_visible_to(user)),
        "logged": services.logged_today(user),
        "today": user.local_today(),
    }


@login_required
@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    """My plan, with a one-tap "I did this today" for each activity."""
    return render(request, "selfcare/plan.html", {**_plan_context(request), "form": ItemForm()})


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest) -> HttpResponse:
    """Add an activity of my own to the plan."""
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new_item = services.add_item(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Added to your plan."))
            remember_saved(request, new_item)
            return redirect("selfcare:plan")
    return render(request, "selfcare/item_form.html", {"form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, item_id: UUID) -> HttpResponse:
    item = gate.get_item_for_user(request.user, item_id)
    if request.method == "POST":
        form = ItemForm(request.POST)
        if form.is_valid():
            try:
                services.update_item(request.user, item.pk, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Your plan is updated."))
                remember_saved(request, item)
                return redirect("selfcare:plan")
    else:
        form = ItemForm(
            initial={
                "title": item.title,
                "note": item.note,
                "frequency": item.frequency,
                "times_a_week": item.times if item.frequency == Frequency.TIMES_A_WEEK else 3,
            }
        )
    return render(request, "selfcare/item_form.html", {"form": form, "item": item})


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, item_id: UUID) -> HttpResponse:
    item = gate.get_item_for_user(request.user, item_id)
    if request.method == "POST":
        services.remove_item(request.user, item.pk)
        messages.success(request, _("Taken out of your plan."))
        return redirect("selfcare:plan")
    return render(
        request, "selfcare/item_delete.html", {"item": item, "log_count": item.logs.count()}
    )


@login_required
@require_POST
def item_done(request: HttpRequest, item_id: UUID) -> HttpResponse:
    """I did this today: log it in one tap."""
    item = gate.get_item_for_user(request.user, item_id)
    services.log_activity(request.user, item=item.pk)
    if request.htmx:
        return render(
            request,
            "selfcare/_item.html",
            {"item": item, "logged": services.logged_today(request.user)},
        )
    messages.success(request, _("Logged for today. Well done for making the time."))
    return redirect("selfcare:plan")


@login_required
@require_http_methods(["GET", "POST"])
def log(request: HttpRequest) -> HttpResponse:
    """My log of the last four weeks, and a form to log an activity with a note."""
    user = request.user
    items = list(gate.items_visible_to(user))
    today = user.local_today()
    if request.method == "POST":
        form = LogForm(request.POST, items=items)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry, _created = services.log_activity(
                    user,
                    item=data["item"],
                    day=data["day"],
                    note=data["note"],
                    feeling=data["feeling"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Logged. Thank you for looking after yourself."))
                remember_saved(request, entry)
                return redirect("selfcare:log")
    else:
        initial = {"day": today}
        if request.GET.get("item") in {str(i.pk) for i in items}:
            initial["item"] = request.GET["item"]
        form = LogForm(initial=initial, items=items)
    since = today - timedelta(days=LOG_PAGE_DAYS - 1)
    entries = gate.logs_visible_to(user).between(since, today).select_related("item")
    return render(
        request,
        "selfcare/log.html",
        {
            "form": form,
            "items": items,
            "entries": entries,
            "since": since,
            "today": today,
            "feeling_words": dict(form.fields["feeling"].choices),
        },
    )


@login_required
@require_GET
def week(request: HttpRequest) -> HttpResponse:
    """A gentle look at how the plan went in one week."""
    today = request.user.local_today()
    try:
        any_day = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        any_day = today
    look = services.week_look(request.user, any_day)
    next_start = look.start + timedelta(days=7)
    return render(
        request,
        "selfcare/week.html",
        {
            "look": look,
            "previous_week": look.start - timedelta(days=7),
            "next_week": next_start if next_start <= today else None,
        },
    )


@login_required
@require_GET
def ideas(request: HttpRequest) -> HttpResponse:
    """The library of ideas, by category."""
    names = content_loader.category_names()
    groups: dict[str, list[SelfCareIdea]] = {slug: [] for slug in names}
    for idea in SelfCareIdea.objects.all():
        groups.setdefault(idea.category, []).append(idea)
    taken = set(
        gate.items_visible_to(request.user).exclude(idea=None).values_list("idea__slug", flat=True)
    )
    return render(
        request,
        "selfcare/ideas.html",
        {
            "groups": [(names.get(k, k), v) for k, v in groups.items() if v],
            "taken": taken,
        },
    )


@login_required
@require_POST
def idea_add(request: HttpRequest, slug: str) -> HttpResponse:
    """Add an idea from the library to my plan, with its suggested rhythm."""
    idea = get_object_or_404(SelfCareIdea, slug=slug)
    try:
        services.add_item(request.user, idea=idea.slug)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("selfcare:ideas")
    title = gettext(idea.title)
    messages.success(
        request, _("“%(title)s” is in your plan. Change how often any time.") % {"title": title}
    )
    return redirect("selfcare:plan")
