"""Pages for novelty and quality time: ideas, planning, plans, reflections, .ics."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.activities import services
from turntoward.activities.forms import IdeaFilterForm, PlanForm, ReflectionForm
from turntoward.activities.models import ActivityIdea
from turntoward.privacy import activities as gate
from turntoward.safety.panel import remember_saved


def _apply_errors(form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        target = name if name in form.fields else None
        if name == "starts_at":
            target = "date"
        form.add_error(target, msgs)


@login_required
@require_GET
def ideas(request: HttpRequest) -> HttpResponse:
    """Every idea, filterable; "not done yet" gives suggestions."""
    form = IdeaFilterForm(request.GET or None)
    filters: dict = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "place": data["place"] or None,
            "cost": data["cost"] or None,
            "max_minutes": int(data["minutes"]) if data["minutes"] else None,
            "novel": True if data["novel"] else None,
            "suggested": data["suggested"],
        }
    items = list(services.ideas_for(request.user, **filters))
    done = services.done_idea_ids(request.user)
    template = "activities/_ideas.html" if request.htmx else "activities/ideas.html"
    return render(
        request,
        template,
        {
            "form": form if form.is_bound else IdeaFilterForm(),
            "ideas": items,
            "done_ids": done,
            "partner_state": privacy.partner_state(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    """Plan one idea for a date and time, entered in my own zone."""
    idea = ActivityIdea.objects.filter(slug=slug).first()
    if idea is None:
        raise Http404("No such idea")
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                moment = services.local_moment(
                    form.cleaned_data["date"], form.cleaned_data["time"], request.user.tz
                )
                new_plan = services.plan_activity(
                    request.user,
                    idea=idea.slug,
                    starts_at=moment,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("It's in the plan. Enjoy it together."))
                remember_saved(request, new_plan, author="planner")
                return redirect("activities:plan_detail", plan_id=new_plan.pk)
    else:
        tomorrow = request.user.local_today() + timedelta(days=1)
        form = PlanForm(initial={"date": tomorrow, "time": "19:00"})
    return render(
        request,
        "activities/plan.html",
        {
            "idea": idea,
            "form": form,
            "zone": request.user.time_zone,
            "partner": privacy.partner_of(request.user),
        },
    )


@login_required
@require_GET
def plans(request: HttpRequest) -> HttpResponse:
    """Plans still ahead, then those done, with reflections."""
    views = services.plans_for(request.user)
    now = timezone.now()
    upcoming = [v for v in views if not v.plan.is_done]
    done = sorted(
        (v for v in views if v.plan.is_done), key=lambda v: v.plan.starts_at, reverse=True
    )
    return render(
        request,
        "activities/plans.html",
        {
            "upcoming": upcoming,
            "done": done,
            "now": now,
            "partner": privacy.partner_of(request.user),
            "partner_state": privacy.partner_state(request.user),
        },
    )


def _detail_context(request: HttpRequest, plan_id: UUID, form=None) -> dict:
    the_plan = gate.get_plan_for_user(request.user, plan_id)
    view = services.plan_view(request.user, the_plan)
    if form is None:
        initial = {"feeling": view.mine.feeling, "note": view.mine.note} if view.mine else None
        form = ReflectionForm(initial=initial)
    return {
        "view": view,
        "plan": the_plan,
        "form": form,
        "partner": privacy.partner_of(request.user),
        "is_planner": the_plan.planner_id == request.user.pk,
    }


@login_required
@require_GET
def plan_detail(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    return render(request, "activities/plan_detail.html", _detail_context(request, plan_id))


@login_required
@require_POST
def done(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    """Mark it done (either of us); then each can reflect."""
    _plan, changed = services.mark_done(request.user, plan_id)
    if changed:
        messages.success(request, _("Lovely. Now each of you can say how it felt."))
    return redirect("activities:plan_detail", plan_id=plan_id)


@login_required
@require_POST
def reflect(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    """My reflection: how it felt (1-5) and a note; errors keep what I typed."""
    gate.get_plan_for_user(request.user, plan_id)  # 404 before reading the form
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            reflection, _created = services.reflect(request.user, plan_id, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Thank you for sharing how it felt."))
            remember_saved(request, reflection)
            return redirect("activities:plan_detail", plan_id=plan_id)
    return render(
        request, "activities/plan_detail.html", _detail_context(request, plan_id, form=form)
    )


@login_required
@require_POST
def cancel(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    """Cancel a plan I made that hasn't happened yet."""
    try:
        services.cancel_plan(request.user, plan_id)
    except services.PlanError as exc:
        messages.error(request, exc.message)
        return redirect("activities:plan_detail", plan_id=plan_id)
    messages.success(request, _("The plan is cancelled. There's always another day."))
    return redirect("activities:plans")


@login_required
@require_GET
def ics(request: HttpRequest, plan_id: UUID) -> HttpResponse:
    """The plan as a calendar file, in my own time zone."""
    the_plan = gate.get_plan_for_user(request.user, plan_id)
    response = HttpResponse(services.ics_for(request.user, the_plan), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{the_plan.idea.slug}.ics"'
    return response
