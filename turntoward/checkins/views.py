"""Pages for the daily check-in, its reveal, replies and history."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.checkins import services
from turntoward.checkins.forms import CheckInForm, ReplyForm
from turntoward.safety.panel import panel_for, remember_saved

HISTORY_PAGE_DAYS = 14


def _apply_errors(form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


def _today_context(request: HttpRequest) -> dict:
    today = request.user.local_today()
    return {
        "today": today,
        "row": services.day_for(request.user, today),
        "partner": privacy.partner_of(request.user),
        "reply_form": ReplyForm(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest) -> HttpResponse:
    """Today's check-in form; after saving, today's panel with the reveal state."""
    today = request.user.local_today()
    existing = privacy.get_own_checkin(request.user, today)
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                saved, created = services.submit_checkin(
                    request.user, day=today, **form.cleaned_data
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            except services.CheckInLocked as exc:
                form.add_error(None, str(exc))
            else:
                if request.htmx:
                    # The swapped-in panel thanks the person itself; a flash message
                    # would pop up again on the next page.
                    context = _today_context(request)
                    context["risk_panel"] = panel_for(
                        request, saved.good_thing, saved.hard_thing, saved.need, partner_reads=True
                    )
                    return render(request, "checkins/_today.html", context)
                remember_saved(request, saved)
                messages.success(
                    request,
                    _("Thank you for checking in.") if created else _("Your check-in is updated."),
                )
                return redirect("checkins:checkin")
        # Errors: show the form again, everything typed kept, whatever today's state.
        template = "checkins/_form.html" if request.htmx else "checkins/checkin.html"
        context = {
            "form": form,
            "editing": True,
            "has_checkin": existing is not None,
            **_today_context(request),
        }
        return render(request, template, context, status=422 if request.htmx else 200)
    editing = request.GET.get("edit") == "1" or existing is None
    initial = (
        {
            "mood": existing.mood,
            "connection": existing.connection,
            "good_thing": existing.good_thing,
            "hard_thing": existing.hard_thing,
            "need": existing.need,
        }
        if existing
        else None
    )
    return render(
        request,
        "checkins/checkin.html",
        {
            "form": CheckInForm(initial=initial),
            "editing": editing,
            "has_checkin": existing is not None,
            **_today_context(request),
        },
    )


@login_required
@require_GET
def today_panel(request: HttpRequest) -> HttpResponse:
    """Today's panel alone, polled by HTMX while waiting for the partner."""
    return render(request, "checkins/_today.html", _today_context(request))


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Http404("Not a day") from exc


@login_required
@require_POST
def reply(request: HttpRequest, day: str) -> HttpResponse:
    """Reply to my partner's revealed check-in for a day."""
    the_day = _parse_day(day)
    # 404 before reading the form: the day's check-in must be visible to me.
    privacy.get_partner_checkin_for_user(request.user, the_day)
    form = ReplyForm(request.POST)
    saved_reply = None
    if form.is_valid():
        try:
            saved_reply, _created = services.reply_to_checkin(
                request.user, the_day, form.cleaned_data["text"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
    row = services.day_for(request.user, the_day)
    context = {
        "row": row,
        "reply_form": form if form.errors else ReplyForm(),
        "partner": privacy.partner_of(request.user),
    }
    if request.htmx:
        if saved_reply is not None:
            context["risk_panel"] = panel_for(request, saved_reply.text, partner_reads=True)
        return render(request, "checkins/_day.html", context, status=422 if form.errors else 200)
    if form.errors:
        return render(request, "checkins/reply.html", context, status=200)
    messages.success(request, _("Your reply is sent."))
    if saved_reply is not None:
        remember_saved(request, saved_reply)
    next_url = request.POST.get("next", "")
    if next_url == "history":
        return redirect("checkins:history")
    return redirect("core:home")


@login_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    """Past days, mine and my partner's side by side, two weeks a page."""
    today = request.user.local_today()
    try:
        page = max(0, min(int(request.GET.get("page", "0")), 520))
    except ValueError:
        page = 0
    until = today - timedelta(days=page * HISTORY_PAGE_DAYS)
    since = until - timedelta(days=HISTORY_PAGE_DAYS - 1)
    rows = services.days_for(request.user, since, until)
    has_older = privacy.own_checkins(request.user).filter(day__lt=since).exists() or bool(
        privacy.partner_checkin_days(request.user, None, since - timedelta(days=1))
    )
    return render(
        request,
        "checkins/history.html",
        {
            "rows": rows,
            "since": since,
            "until": until,
            "page": page,
            "older_page": page + 1 if has_older else None,
            "newer_page": page - 1 if page > 0 else None,
            "partner": privacy.partner_of(request.user),
            "reply_form": ReplyForm(),
        },
    )
