"""Pages for shared goals: list and create, a goal with its updates, celebration."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.goals import services
from turntoward.goals.forms import GoalForm, StatusForm, UpdateForm
from turntoward.goals.models import GoalStatus
from turntoward.privacy import goals as gate
from turntoward.safety.panel import remember_saved


def _apply_errors(form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


@login_required
@require_http_methods(["GET", "POST"])
def goals(request: HttpRequest) -> HttpResponse:
    """Our goals, and a form to set a new one."""
    form = GoalForm()
    if request.method == "POST":
        form = GoalForm(request.POST)
        if form.is_valid():
            try:
                goal = services.create_goal(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Your goal is set. Small steps count."))
                remember_saved(request, goal)
                return redirect("goals:goal", goal_id=goal.pk)
    visible = list(gate.goals_visible_to(request.user).select_related("author"))
    due = {g.pk for g in services.goals_to_revisit(request.user)}
    rows = [
        {"goal": g, "progress": services.progress_of(request.user, g), "revisit": g.pk in due}
        for g in visible
    ]
    return render(
        request,
        "goals/goals.html",
        {
            "form": form,
            "active": [r for r in rows if r["goal"].status == GoalStatus.ACTIVE],
            "reached": [r for r in rows if r["goal"].status == GoalStatus.REACHED],
            "paused": [r for r in rows if r["goal"].status == GoalStatus.PAUSED],
            "partner": privacy.partner_of(request.user),
        },
    )


def _goal_context(request: HttpRequest, goal_id: UUID, **forms) -> dict:
    goal = gate.get_goal_for_user(request.user, goal_id)
    return {
        "goal": goal,
        "updates": services.updates_of(request.user, goal),
        "progress": services.progress_of(request.user, goal),
        "revisit": services.needs_revisit(goal),
        "update_form": forms.get("update_form") or UpdateForm(),
        "edit_form": forms.get("edit_form")
        or GoalForm(initial={"title": goal.title, "why": goal.why}),
        "partner": privacy.partner_of(request.user),
        "statuses": GoalStatus.choices,
    }


@login_required
@require_GET
def goal(request: HttpRequest, goal_id: UUID) -> HttpResponse:
    return render(request, "goals/goal.html", _goal_context(request, goal_id))


@login_required
@require_POST
def update(request: HttpRequest, goal_id: UUID) -> HttpResponse:
    """Add a step: progress and/or a note. 100% takes us to the celebration."""
    gate.get_goal_for_user(request.user, goal_id)
    form = UpdateForm(request.POST)
    if form.is_valid():
        try:
            step, reached = services.add_update(request.user, goal_id, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            remember_saved(request, step)
            if reached:
                return redirect("goals:celebrate", goal_id=goal_id)
            messages.success(request, _("Step noted. Thank you for keeping it going."))
            return redirect("goals:goal", goal_id=goal_id)
    return render(request, "goals/goal.html", _goal_context(request, goal_id, update_form=form))


@login_required
@require_POST
def edit(request: HttpRequest, goal_id: UUID) -> HttpResponse:
    """Change the goal's words; errors keep what was typed."""
    gate.get_goal_for_user(request.user, goal_id)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            changed, _reached = services.change_goal(request.user, goal_id, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The goal is updated."))
            remember_saved(request, changed)
            return redirect("goals:goal", goal_id=goal_id)
    return render(request, "goals/goal.html", _goal_context(request, goal_id, edit_form=form))


@login_required
@require_POST
def status(request: HttpRequest, goal_id: UUID) -> HttpResponse:
    """Mark reached, set aside, or pick back up."""
    gate.get_goal_for_user(request.user, goal_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of: in progress, reached, set aside."))
        return redirect("goals:goal", goal_id=goal_id)
    _goal, reached = services.change_goal(request.user, goal_id, status=form.cleaned_data["status"])
    if reached:
        return redirect("goals:celebrate", goal_id=goal_id)
    messages.success(request, _("The goal is updated."))
    return redirect("goals:goal", goal_id=goal_id)


@login_required
@require_GET
def celebrate(request: HttpRequest, goal_id: UUID) -> HttpResponse:
    """A quiet, warm moment for a reached goal."""
    the_goal = gate.get_goal_for_user(request.user, goal_id)
    if the_goal.status != GoalStatus.REACHED:
        return redirect("goals:goal", goal_id=goal_id)
    return render(
        request,
        "goals/celebrate.html",
        {
            "goal": the_goal,
            "steps": len(services.updates_of(request.user, the_goal)),
            "partner": privacy.partner_of(request.user),
        },
    )
