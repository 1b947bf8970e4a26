"""Pages for the weekly check-in: this week's agenda, the reveal, and past weeks."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from turntoward import privacy
from turntoward.privacy import weekly as gate
from turntoward.safety.panel import remember_saved
from turntoward.weekly import content, services
from turntoward.weekly.forms import WeeklyCheckInForm
from turntoward.weekly.models import ANSWER_FIELDS

HISTORY_WEEKS = 12


def _apply_errors(form: WeeklyCheckInForm, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


def _steps(form: WeeklyCheckInForm) -> list[dict]:
    guide = content.steps_by_field()
    return [{"field": form[name], "step": guide.get(name, {})} for name in ANSWER_FIELDS]


def _page(request: HttpRequest, form: WeeklyCheckInForm, editing: bool) -> HttpResponse:
    user = request.user
    this_week = services.current_week(user)
    past = [row for row in services.weeks_for(user, None, this_week) if row.week != this_week][
        :HISTORY_WEEKS
    ]
    return render(
        request,
        "weekly/weekly.html",
        {
            "form": form,
            "steps": _steps(form),
            "editing": editing,
            "agenda": content.agenda(),
            "row": services.week_for(user, this_week),
            "past": past,
            "partner": privacy.partner_of(user),
            "partner_state": privacy.partner_state(user),
            "goal_titles": services.couple_goal_titles(user) if editing else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def weekly(request: HttpRequest) -> HttpResponse:
    """This week's agenda to fill in, or this week's summary once saved; past weeks below."""
    user = request.user
    existing = gate.get_own_weekly_checkin(user, services.current_week(user))
    if request.method == "POST":
        form = WeeklyCheckInForm(request.POST)
        if form.is_valid():
            try:
                item, created = services.submit_weekly_checkin(user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            except services.WeekBusy as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("Thank you. Your weekly check-in is saved.")
                    if created
                    else _("Your weekly check-in is updated."),
                )
                remember_saved(request, item)
                return redirect("weekly:weekly")
        return _page(request, form, editing=True)
    initial = {name: getattr(existing, name) for name in ANSWER_FIELDS} if existing else None
    editing = existing is None or request.GET.get("edit") == "1"
    return _page(request, WeeklyCheckInForm(initial=initial), editing=editing)


def _parse_week(value: str) -> date:
    try:
        week = date.fromisoformat(value)
    except ValueError as exc:
        raise Http404("Not a week") from exc
    if week.weekday() != 0:
        raise Http404("Not a Monday")
    return week


@login_required
@require_GET
def week(request: HttpRequest, week: str) -> HttpResponse:
    """One week: my answers, and my partner's once we have both submitted."""
    the_week = _parse_week(week)
    return render(
        request,
        "weekly/week.html",
        {
            "row": services.week_for(request.user, the_week),
            "partner": privacy.partner_of(request.user),
            "this_week": services.current_week(request.user),
        },
    )
