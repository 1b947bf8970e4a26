"""Pages for reflections, repairs and boundaries: lists, guided forms, sharing, partner views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward import privacy
from turntoward.privacy import reflection as gate
from turntoward.reflection import content, services
from turntoward.reflection.forms import BoundaryForm, ReflectionForm, RepairForm, ResponseForm
from turntoward.safety.panel import remember_saved


@dataclass(frozen=True)
class Kind:
    """How one practice plugs into the shared list, form, detail and share pages."""

    key: str  # url name prefix and template suffix
    guide: str
    form: type[forms.Form]
    visible: Callable[[Any], Any]
    get: Callable[[Any, object], Any]
    get_own: Callable[[Any, object], Any]
    create: Callable[..., Any]
    update: Callable[..., Any]
    initial: Callable[[Any], dict[str, Any]]


REFLECTION = Kind(
    key="reflection",
    guide="patterns",
    form=ReflectionForm,
    visible=gate.reflections_visible_to,
    get=gate.get_reflection_for_user,
    get_own=gate.get_own_reflection,
    create=services.create_reflection,
    update=services.update_reflection,
    initial=lambda r: {
        "pressures": r.pressures,
        "other_pressures": r.other_pressures,
        "noticed": r.noticed,
        "could_change": r.could_change,
    },
)
REPAIR = Kind(
    key="repair",
    guide="repair",
    form=RepairForm,
    visible=gate.repairs_visible_to,
    get=gate.get_repair_for_user,
    get_own=gate.get_own_repair,
    create=services.create_repair,
    update=services.update_repair,
    initial=lambda r: {n: getattr(r, n) for n in services.REPAIR_FIELDS},
)
BOUNDARY = Kind(
    key="boundary",
    guide="boundaries",
    form=BoundaryForm,
    visible=gate.boundaries_visible_to,
    get=gate.get_boundary_for_user,
    get_own=gate.get_own_boundary,
    create=services.create_boundary,
    update=services.update_boundary,
    initial=lambda b: {"kind": b.kind, "statement": b.statement, "why": b.why},
)


def _apply_errors(form: forms.Form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


def _decorate(viewer: Any, obj: Any) -> Any:
    """Attach what templates need to know about an item, for this viewer."""
    obj.mine = obj.author_id == viewer.pk
    obj.shared_now = services.is_shared_now(obj, viewer) if obj.mine else True
    return obj


def _list(request: HttpRequest, kind: Kind) -> HttpResponse:
    user = request.user
    items = [_decorate(user, o) for o in kind.visible(user).order_by("-created_at")]
    return render(
        request,
        f"reflection/{kind.key}_list.html",
        {
            "mine": [o for o in items if o.mine],
            "theirs": [o for o in items if not o.mine],
            "partner": privacy.partner_of(user),
            "guide": content.guides()[kind.guide],
        },
    )


def _steps(form: forms.Form, guide: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field": form[name], "step": guide["by_field"].get(name, {})} for name in form.fields]


def _form_page(request: HttpRequest, kind: Kind, form: forms.Form, obj: Any = None) -> HttpResponse:
    guide = content.guides()[kind.guide]
    return render(
        request,
        "reflection/form.html",
        {
            "kind": kind.key,
            "form": form,
            "obj": obj,
            "guide": guide,
            "steps": _steps(form, guide),
            "partner": privacy.partner_of(request.user),
        },
    )


def _new(request: HttpRequest, kind: Kind) -> HttpResponse:
    if request.method == "POST":
        form = kind.form(request.POST)
        if form.is_valid():
            try:
                obj = kind.create(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Saved. Only you can see it until you share it."))
                remember_saved(request, obj)
                return redirect(f"reflection:{kind.key}", id=obj.pk)
        return _form_page(request, kind, form)
    return _form_page(request, kind, kind.form())


def _edit(request: HttpRequest, kind: Kind, id: str) -> HttpResponse:
    obj = kind.get_own(request.user, id)
    if request.method == "POST":
        form = kind.form(request.POST)
        if form.is_valid():
            try:
                kind.update(request.user, id, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Your changes are saved."))
                remember_saved(request, obj)
                return redirect(f"reflection:{kind.key}", id=obj.pk)
        return _form_page(request, kind, form, obj)
    return _form_page(request, kind, kind.form(initial=kind.initial(obj)), obj)


def _detail(request: HttpRequest, kind: Kind, id: str, **extra: Any) -> HttpResponse:
    user = request.user
    obj = _decorate(user, kind.get(user, id))
    context = {
        "obj": obj,
        "partner": privacy.partner_of(user),
        "guide": content.guides()[kind.guide],
        **extra,
    }
    return render(request, f"reflection/{kind.key}_detail.html", context)


def _share(request: HttpRequest, kind: Kind, id: str) -> HttpResponse:
    obj = kind.get_own(request.user, id)
    shared = request.POST.get("shared") == "1"
    try:
        if kind is REPAIR:
            services.share_repair(request.user, id, shared)
        else:
            kind.update(request.user, id, shared=shared)
    except ValidationError as exc:
        for msgs in exc.message_dict.values():
            for msg in msgs:
                messages.error(request, msg)
    else:
        messages.success(
            request,
            _("Shared with your partner.") if shared else _("It is private to you again."),
        )
    return redirect(f"reflection:{kind.key}", id=obj.pk)


# --- reflections -------------------------------------------------------------------


@login_required
@require_GET
def reflections(request: HttpRequest) -> HttpResponse:
    """My reflections, and those my partner shared with me."""
    return _list(request, REFLECTION)


@login_required
@require_http_methods(["GET", "POST"])
def reflection_new(request: HttpRequest) -> HttpResponse:
    return _new(request, REFLECTION)


@login_required
@require_GET
def reflection(request: HttpRequest, id: str) -> HttpResponse:
    obj = REFLECTION.get(request.user, id)
    return _detail(request, REFLECTION, id, pressure_names=services.pressure_names(obj.pressures))


@login_required
@require_http_methods(["GET", "POST"])
def reflection_edit(request: HttpRequest, id: str) -> HttpResponse:
    return _edit(request, REFLECTION, id)


@login_required
@require_POST
def reflection_share(request: HttpRequest, id: str) -> HttpResponse:
    return _share(request, REFLECTION, id)


@login_required
@require_POST
def reflection_delete(request: HttpRequest, id: str) -> HttpResponse:
    services.delete_reflection(request.user, id)
    messages.success(request, _("The reflection is deleted."))
    return redirect("reflection:reflections")


# --- repairs ---------------------------------------------------------------------------


@login_required
@require_GET
def repairs(request: HttpRequest) -> HttpResponse:
    return _list(request, REPAIR)


@login_required
@require_http_methods(["GET", "POST"])
def repair_new(request: HttpRequest) -> HttpResponse:
    return _new(request, REPAIR)


def _repair_detail(request: HttpRequest, id: str, form: ResponseForm | None = None):
    obj = REPAIR.get(request.user, id)
    responses = services.responses_for(request.user, obj)
    mine = next((r for r in responses if r.author_id == request.user.pk), None)
    if form is None:
        form = ResponseForm(initial={"text": mine.text} if mine else None)
    return _detail(request, REPAIR, id, responses=responses, my_response=mine, response_form=form)


@login_required
@require_GET
def repair(request: HttpRequest, id: str) -> HttpResponse:
    return _repair_detail(request, id)


@login_required
@require_http_methods(["GET", "POST"])
def repair_edit(request: HttpRequest, id: str) -> HttpResponse:
    return _edit(request, REPAIR, id)


@login_required
@require_POST
def repair_share(request: HttpRequest, id: str) -> HttpResponse:
    return _share(request, REPAIR, id)


@login_required
@require_POST
def repair_respond(request: HttpRequest, id: str) -> HttpResponse:
    """My partner's shared repair: I answer it."""
    gate.get_partner_repair_for_user(request.user, id)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            response, _created = services.respond_to_repair(
                request.user, id, form.cleaned_data["text"]
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Your response is sent."))
            remember_saved(request, response)
            return redirect("reflection:repair", id=id)
    return _repair_detail(request, id, form)


# --- boundaries --------------------------------------------------------------------


@login_required
@require_GET
def boundaries(request: HttpRequest) -> HttpResponse:
    return _list(request, BOUNDARY)


@login_required
@require_http_methods(["GET", "POST"])
def boundary_new(request: HttpRequest) -> HttpResponse:
    return _new(request, BOUNDARY)


@login_required
@require_GET
def boundary(request: HttpRequest, id: str) -> HttpResponse:
    return _detail(request, BOUNDARY, id)


@login_required
@require_http_methods(["GET", "POST"])
def boundary_edit(request: HttpRequest, id: str) -> HttpResponse:
    return _edit(request, BOUNDARY, id)


@login_required
@require_POST
def boundary_share(request: HttpRequest, id: str) -> HttpResponse:
    return _share(request, BOUNDARY, id)


@login_required
@require_POST
def boundary_delete(request: HttpRequest, id: str) -> HttpResponse:
    services.delete_boundary(request.user, id)
    messages.success(request, _("The boundary is deleted."))
    return redirect("reflection:boundaries")


@login_required
@require_POST
def boundary_acknowledge(request: HttpRequest, id: str) -> HttpResponse:
    services.acknowledge_boundary(request.user, id)
    messages.success(request, _("Thank you. Your partner will see that you read it."))
    return redirect("reflection:boundary", id=id)
